package org.hetong.ingest;

import java.util.ArrayList;
import java.util.List;
import org.hetong.understand.PageArtifactCleaner;

/**
 * Normalises extracted text so that offsets, clause splitting and display agree: one newline
 * convention, no control characters, no trailing blanks, no page artifacts (page numbers, running
 * headers and footers, see {@link PageArtifactCleaner}), at most one empty line in a row.
 *
 * <p>It runs before the text is stored, so clause offsets index the cleaned text that is shown.
 */
public final class TextCleaner {
    private TextCleaner() {}

    public static String clean(String raw) {
        return cleanTracked(raw).text();
    }

    /**
     * The cleaned text, and for each of its lines the input line it came from: lets a caller that
     * joined texts of different origin (typed and OCR pages) find where each ended up.
     *
     * @param sourceLines for each output line, the index of its line in the input
     * @param lineStarts  for each output line, its offset in {@code text}
     */
    record Tracked(String text, int[] sourceLines, int[] lineStarts) {}

    static Tracked cleanTracked(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new Tracked("", new int[0], new int[0]);
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            lines.add(stripControls(text.substring(lineStart, lineEnd)).stripTrailing());
            lineStart = lineEnd + 1;
        }
        boolean[] artifact = PageArtifactCleaner.artifacts(lines);
        StringBuilder out = new StringBuilder(text.length());
        int[] sources = new int[lines.size()];
        int[] starts = new int[lines.size()];
        int kept = 0;
        int blankRun = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (artifact[i]) {
                continue;
            }
            if (line.isBlank()) {
                blankRun++;
            } else {
                if (out.length() > 0) {
                    out.append(blankRun > 0 ? "\n\n" : "\n");
                }
                sources[kept] = i;
                starts[kept] = out.length();
                kept++;
                out.append(line);
                blankRun = 0;
            }
        }
        return new Tracked(out.toString(), java.util.Arrays.copyOf(sources, kept), java.util.Arrays.copyOf(starts, kept));
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
