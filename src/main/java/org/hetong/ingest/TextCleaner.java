package org.hetong.ingest;

/**
 * Normalises extracted text so that offsets, clause splitting and display agree: one newline
 * convention, no control characters, no trailing blanks, at most one empty line in a row.
 */
public final class TextCleaner {
    private TextCleaner() {}

    public static String clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        int blankRun = 0;
        int lineStart = 0;
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = stripControls(text.substring(lineStart, lineEnd)).stripTrailing();
            if (line.isBlank()) {
                blankRun++;
            } else {
                if (out.length() > 0) {
                    out.append(blankRun > 0 ? "\n\n" : "\n");
                }
                out.append(line);
                blankRun = 0;
            }
            lineStart = lineEnd + 1;
        }
        return out.toString();
    }

    private static String stripControls(String line) {
        StringBuilder b = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean drop = (c < 0x20 && c != '\t') || c == 0x7F || c == '\uFEFF' || c == '\u200B';
            boolean nbsp = c == '\u00A0';
            if (drop || nbsp) {
                if (b == null) {
                    b = new StringBuilder(line.length());
                    b.append(line, 0, i);
                }
                if (nbsp) {
                    b.append(' ');
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? line : b.toString();
    }
}
