package dev.mapbench.report.text;

import java.util.List;

/** Plain-text layout shared by the comparison's and the A/B's text outputs: aligned columns, titled lists. */
public final class TextTable {

    private TextTable() {
    }

    /** Appends {@code rows} (the first is the header) as columns padded to their widest cell. */
    public static void append(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /** Appends "title: n" and one indented line per item, or nothing when there are none. */
    public static void appendList(StringBuilder out, String title, List<String> items) {
        if (!items.isEmpty()) {
            out.append('\n').append(title).append(": ").append(items.size()).append('\n');
            items.forEach(item -> out.append("  ").append(item).append('\n'));
        }
    }
}
