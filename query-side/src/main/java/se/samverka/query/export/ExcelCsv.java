package se.samverka.query.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as Excel with Swedish settings opens it on a double click: UTF-8 with a byte order mark
 * (without one Excel reads "Åmål" as "Ã…mÃ¥l"), {@code ;} between cells (Swedish Excel's list
 * separator, since the comma is the decimal sign), CRLF between rows, and a cell quoted when
 * it holds a separator, a quote, a line break or edge spaces.
 *
 * <p>Text from users (names, organisations, titles) that begins like a formula ({@code = + - @},
 * tab, CR) gets a leading apostrophe, so a spreadsheet shows it instead of running it.
 */
final class ExcelCsv {
    static final char SEPARATOR = ';';
    static final String LINE_END = "\r\n";
    private static final String BOM = "\uFEFF";

    private final StringBuilder out = new StringBuilder(BOM);

    /** Adds a row; {@code null} is an empty cell, numbers are written as they are. */
    ExcelCsv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            Object cell = cells.get(i);
            if (cell instanceof Number number) {
                out.append(number);
            } else if (cell != null) {
                out.append(text(cell.toString()));
            }
        }
        out.append(LINE_END);
        return this;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(SEPARATOR) >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0 || !safe.equals(safe.strip());
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
