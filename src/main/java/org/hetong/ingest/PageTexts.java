package org.hetong.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a document's text together from its pages, some typed and some read by OCR, and remembers
 * which ranges of the result came from OCR ({@link OcrOutcome#spans()}).
 */
final class PageTexts {
    private PageTexts() {}

    /** The text of one page and whether it came from OCR. */
    record Piece(String text, boolean ocr) {}

    /** Pages joined into a document's text, and the ranges of it that came from OCR. */
    record Joined(String text, List<OcrOutcome.TextSpan> spans) {}

    /**
     * Joins pages with an empty line between them — or none where a sentence runs on from a page to a
     * scanned one (…乙方原有工 | 具软件的…) — cleans the whole (page artifacts across pages) and locates
     * the OCR pages in it.
     */
    static Joined join(List<Piece> pieces) {
        StringBuilder raw = new StringBuilder();
        List<int[]> ocrLines = new ArrayList<>();
        int line = 0;
        boolean previousOcr = false;
        for (Piece piece : pieces) {
            String text = piece.text().replace("\r\n", "\n").replace('\r', '\n').strip();
            if (text.isEmpty()) {
                continue;
            }
            if (raw.length() > 0) {
                if ((previousOcr || piece.ocr()) && OcrText.runsOn(lastLine(raw), text.lines().findFirst().orElse(""))) {
                    // the first line of this page continues the last line of the previous one
                } else {
                    raw.append("\n\n");
                    line += 2;
                }
            }
            previousOcr = piece.ocr();
            int first = line;
            raw.append(text);
            line += (int) text.chars().filter(c -> c == '\n').count();
            if (piece.ocr()) {
                ocrLines.add(new int[] {first, line});
            }
        }
        TextCleaner.Tracked cleaned = TextCleaner.cleanTracked(raw.toString());
        String text = cleaned.text();
        List<OcrOutcome.TextSpan> spans = new ArrayList<>();
        for (int[] range : ocrLines) {
            int start = -1;
            int end = -1;
            for (int k = 0; k < cleaned.sourceLines().length; k++) {
                int source = cleaned.sourceLines()[k];
                if (source >= range[0] && source <= range[1]) {
                    if (start < 0) {
                        start = cleaned.lineStarts()[k];
                    }
                    int lineEnd = text.indexOf('\n', cleaned.lineStarts()[k]);
                    end = lineEnd < 0 ? text.length() : lineEnd;
                }
            }
            if (start < 0) {
                continue;
            }
            OcrOutcome.TextSpan last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && (start <= last.end() || text.substring(last.end(), start).isBlank())) {
                spans.set(spans.size() - 1, new OcrOutcome.TextSpan(last.start(), Math.max(last.end(), end)));
            } else {
                spans.add(new OcrOutcome.TextSpan(start, end));
            }
        }
        return new Joined(text, spans);
    }

    private static String lastLine(StringBuilder text) {
        int nl = text.lastIndexOf("\n");
        return text.substring(nl + 1);
    }
}
