package se.samverka.query.minutes;

import java.util.List;
import se.samverka.query.minutes.Minutes.Block;
import se.samverka.query.minutes.Minutes.Bullets;
import se.samverka.query.minutes.Minutes.Paragraph;
import se.samverka.query.minutes.Minutes.Table;
import se.samverka.query.minutes.Minutes.Text;

/** Lays minutes out as Markdown (CommonMark with pipe tables); text from users is escaped. */
public final class MarkdownMinutes {
    private MarkdownMinutes() {
    }

    public static String render(Minutes minutes) {
        StringBuilder md = new StringBuilder();
        md.append(escape(minutes.organisation())).append("  \n")
                .append(escape(minutes.project())).append("\n\n")
                .append("# ").append(minutes.heading()).append(" – ").append(escape(minutes.meeting())).append("\n\n")
                .append(escape(minutes.dateLine())).append("\n\n");
        for (Paragraph paragraph : minutes.paragraphs()) {
            md.append("## §").append(paragraph.number()).append(' ').append(escape(paragraph.title())).append("\n\n");
            for (Block block : paragraph.blocks()) {
                block(md, block);
            }
        }
        md.append("## ").append(minutes.signatureHeading()).append("\n\n");
        for (String role : minutes.signatures()) {
            md.append(role).append(": ______________________________  \n");
        }
        md.append(minutes.placeAndDate()).append(": ______________________________\n\n");
        md.append("---\n\n*").append(escape(minutes.footer())).append("*\n");
        return md.toString();
    }

    private static void block(StringBuilder md, Block block) {
        if (block instanceof Text text) {
            if (text.label() != null) {
                md.append("**").append(escape(text.label())).append(text.text() == null ? "**" : ":** ");
            }
            if (text.text() != null) {
                md.append(escape(text.text()));
            }
            md.append("\n\n");
        } else if (block instanceof Bullets bullets) {
            bullets.items().forEach(item -> md.append("- ").append(escape(item)).append('\n'));
            md.append('\n');
        } else if (block instanceof Table table) {
            row(md, table.headers());
            md.append('|');
            table.headers().forEach(h -> md.append(" --- |"));
            md.append('\n');
            table.rows().forEach(r -> row(md, r));
            md.append('\n');
        }
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        cells.forEach(cell -> md.append(' ').append(escape(cell).replace("|", "\\|").replace("\n", " ")).append(" |"));
        md.append('\n');
    }

    /** Keeps text from users from turning into markup (emphasis, links, headings, HTML). */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
