package ai.perstack.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: upper-case headers, columns two spaces apart, the last column unpadded. */
final class Table {
    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = headers;
    }

    /** Adds a row; null cells print as empty. */
    Table row(Object... cells) {
        String[] r = new String[headers.length];
        for (int i = 0; i < r.length; i++) {
            Object c = i < cells.length ? cells[i] : null;
            r[i] = c == null ? "" : Text.oneLine(c.toString());
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out, int width) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] r : rows) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        printRow(out, headers, widths, width);
        for (String[] r : rows) {
            printRow(out, r, widths, width);
        }
    }

    private static void printRow(PrintStream out, String[] cells, int[] widths, int width) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - cells[i].length()));
            }
        }
        // Only the last column is shortened, so that the columns before it stay aligned.
        out.println(Text.shorten(line.toString().stripTrailing(), Math.max(width, 40)));
    }

    /** Prints "label  value" lines with the labels aligned. */
    static void fields(PrintStream out, List<String[]> fields) {
        int w = 0;
        for (String[] f : fields) {
            w = Math.max(w, f[0].length());
        }
        for (String[] f : fields) {
            out.println(f[0] + " ".repeat(w - f[0].length() + 2) + (f[1] == null ? "" : f[1]));
        }
    }
}
