package se.samverka.query.minutes;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import se.samverka.query.minutes.Minutes.Block;
import se.samverka.query.minutes.Minutes.Bullets;
import se.samverka.query.minutes.Minutes.Paragraph;
import se.samverka.query.minutes.Minutes.Table;
import se.samverka.query.minutes.Minutes.Text;

/**
 * Lays minutes out as a PDF in the shape of a municipal protocol: the organisation and project
 * in the top left, "Protokoll" and the meeting date on the right, the paragraphs numbered §1,
 * §2, … with the number in a margin column, and the justering's signature lines at the end.
 * Every page repeats the header and says "Sida n". Made with OpenPDF's built-in Helvetica
 * (WinAnsi: å, ä, ö, §, × and – are in it; characters outside it are replaced).
 */
public final class PdfMinutes {
    private static final Font SMALL = new Font(Font.HELVETICA, 9, Font.NORMAL, Color.DARK_GRAY);
    private static final Font BODY = new Font(Font.HELVETICA, 10.5f);
    private static final Font BOLD = new Font(Font.HELVETICA, 10.5f, Font.BOLD);
    private static final Font SECTION = new Font(Font.HELVETICA, 11.5f, Font.BOLD);
    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD);
    private static final Font HEADER = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font CELL = new Font(Font.HELVETICA, 9);
    private static final Font CELL_HEAD = new Font(Font.HELVETICA, 9, Font.BOLD);

    private PdfMinutes() {
    }

    public static byte[] render(Minutes minutes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 90, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Header(minutes));
            document.addTitle(clean(minutes.heading() + " – " + minutes.meeting()));
            document.addSubject(clean(minutes.project()));
            document.addCreator("Samverka");
            writer.getExtraCatalog().put(com.lowagie.text.pdf.PdfName.LANG,
                    new com.lowagie.text.pdf.PdfString(minutes.lang()));
            document.addCreationDate();
            document.open();

            PdfPTable title = new PdfPTable(1);
            title.setWidthPercentage(100);
            title.addCell(plain(new Phrase(clean(minutes.heading()), TITLE), 0));
            title.addCell(plain(new Phrase(clean(minutes.meeting()), SECTION), 2));
            title.addCell(plain(new Phrase(clean(minutes.dateLine()), BODY), 12));
            document.add(title);

            for (Paragraph paragraph : minutes.paragraphs()) {
                document.add(paragraph(paragraph));
            }
            document.add(signatures(minutes));
            com.lowagie.text.Paragraph footer = new com.lowagie.text.Paragraph(clean(minutes.footer()), SMALL);
            footer.setSpacingBefore(18);
            document.add(footer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the minutes could not be laid out as PDF", e);
        }
        return out.toByteArray();
    }

    /** A numbered paragraph: "§n" in the margin column, the title and blocks beside it. */
    private static PdfPTable paragraph(Paragraph paragraph) {
        PdfPTable table = new PdfPTable(new float[] {1, 9});
        table.setWidthPercentage(100);
        table.setSpacingBefore(10);
        table.setSplitLate(false);
        table.addCell(plain(new Phrase("§" + paragraph.number(), SECTION), 0));
        PdfPCell body = new PdfPCell();
        body.setBorder(PdfPCell.NO_BORDER);
        body.setPaddingBottom(4);
        com.lowagie.text.Paragraph heading = new com.lowagie.text.Paragraph(clean(paragraph.title()), SECTION);
        heading.setSpacingAfter(4);
        body.addElement(heading);
        for (Block block : paragraph.blocks()) {
            body.addElement(block(block));
        }
        table.addCell(body);
        return table;
    }

    private static Element block(Block block) {
        if (block instanceof Text text) {
            com.lowagie.text.Paragraph p = new com.lowagie.text.Paragraph();
            p.setLeading(14);
            p.setSpacingAfter(3);
            if (text.label() != null) {
                p.add(new Chunk(clean(text.label()) + (text.text() == null ? "" : ": "), BOLD));
            }
            if (text.text() != null) {
                p.add(new Chunk(clean(text.text()), BODY));
            }
            return p;
        }
        if (block instanceof Bullets bullets) {
            com.lowagie.text.List list = new com.lowagie.text.List(false, 12);
            list.setListSymbol(new Chunk("–  ", BODY));
            bullets.items().forEach(item -> list.add(new com.lowagie.text.ListItem(14, clean(item), BODY)));
            return list;
        }
        Table data = (Table) block;
        PdfPTable table = new PdfPTable(widths(data));
        table.setWidthPercentage(data.headers().size() <= 2 ? 60 : 100);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setSpacingBefore(4);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        for (String header : data.headers()) {
            PdfPCell cell = new PdfPCell(new Phrase(clean(header), CELL_HEAD));
            cell.setBackgroundColor(new Color(230, 230, 230));
            cell.setPadding(4);
            table.addCell(cell);
        }
        for (List<String> row : data.rows()) {
            for (String value : row) {
                PdfPCell cell = new PdfPCell(new Phrase(clean(value), CELL));
                cell.setPadding(4);
                table.addCell(cell);
            }
        }
        return table;
    }

    /** Columns as wide as their longest word or cell wants, within bounds, so short columns do not squeeze long ones. */
    private static float[] widths(Table data) {
        float[] widths = new float[data.headers().size()];
        for (int i = 0; i < widths.length; i++) {
            int longest = longestWord(data.headers().get(i)) + 3;
            for (List<String> row : data.rows()) {
                longest = Math.max(longest, Math.min(row.get(i) == null ? 0 : row.get(i).length(), 40));
            }
            widths[i] = Math.max(8, longest);
        }
        return widths;
    }

    private static int longestWord(String text) {
        int longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, word.length());
        }
        return longest;
    }

    /** The justering: room to sign above a line per role, the role's name under it, two to a row. */
    private static PdfPTable signatures(Minutes minutes) {
        PdfPTable table = new PdfPTable(new float[] {10, 1, 10});
        table.setWidthPercentage(100);
        table.setSpacingBefore(28);
        table.setKeepTogether(true);
        PdfPCell heading = plain(new Phrase(clean(minutes.signatureHeading()), SECTION), 4);
        heading.setColspan(3);
        table.addCell(heading);
        List<String> lines = new java.util.ArrayList<>(minutes.signatures());
        lines.add(minutes.placeAndDate());
        for (int i = 0; i < lines.size(); i += 2) {
            List<String> pair = lines.subList(i, Math.min(i + 2, lines.size()));
            for (int column = 0; column < 2; column++) {
                PdfPCell space = new PdfPCell();
                space.setFixedHeight(40);
                space.setBorder(column < pair.size() ? PdfPCell.BOTTOM : PdfPCell.NO_BORDER);
                table.addCell(space);
                if (column == 0) {
                    table.addCell(plain(new Phrase(""), 0));
                }
            }
            for (int column = 0; column < 2; column++) {
                table.addCell(plain(new Phrase(column < pair.size() ? clean(pair.get(column)) : "", SMALL), 6));
                if (column == 0) {
                    table.addCell(plain(new Phrase(""), 0));
                }
            }
        }
        return table;
    }

    private static PdfPCell plain(Phrase phrase, float spacingAfter) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.setPaddingBottom(spacingAfter);
        cell.setPaddingLeft(0);
        return cell;
    }

    /** Text in WinAnsi: the few characters outside it get a plain stand-in. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("→", "->").replace("“", "\"").replace("”", "\"").replace("≥", ">=")
                .replace("≤", "<=");
    }

    /** The header of every page: organisation and project left, "Protokoll", date and page right, a rule. */
    private static final class Header extends PdfPageEventHelper {
        private final Minutes minutes;

        Header(Minutes minutes) {
            this.minutes = minutes;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float top = document.getPageSize().getHeight() - 40;
            float left = document.left();
            float right = document.right();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                    new Phrase(clean(minutes.organisation()), HEADER), left, top, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                    new Phrase(clean(minutes.project()), SMALL), left, top - 13, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                    new Phrase(clean(minutes.heading()).toUpperCase(java.util.Locale.ROOT), HEADER), right, top, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase(clean(minutes.dateLine()) + "   "
                    + ("en".equals(minutes.lang()) ? "Page " : "Sida ") + writer.getPageNumber(), SMALL),
                    right, top - 13, 0);
            canvas.setLineWidth(0.6f);
            canvas.moveTo(left, top - 20);
            canvas.lineTo(right, top - 20);
            canvas.stroke();
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase("Samverka", SMALL),
                    (left + right) / 2, 30, 0);
        }
    }
}
