package org.hetong.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What OCR contributed to a document: how many pages were recognised, how many still need it
 * (Tesseract was unavailable) and where the recognised text lies in the document's text, so that
 * clauses read from a scan can be told from typed ones.
 *
 * @param pages        pages whose text came from OCR
 * @param pendingPages scanned pages left unread because OCR was unavailable; {@code hetong ocr} reads them later
 * @param spans        ranges of the document's text that came from OCR, in order, not overlapping
 */
public record OcrOutcome(int pages, int pendingPages, List<TextSpan> spans) {
    public static final OcrOutcome NONE = new OcrOutcome(0, 0, List.of());

    public OcrOutcome {
        if (pages < 0 || pendingPages < 0) {
            throw new IllegalArgumentException("page counts must not be negative: " + pages + ", " + pendingPages);
        }
        spans = List.copyOf(spans);
    }

    /** A range {@code [start, end)} of a document's text. */
    public record TextSpan(int start, int end) {
        public TextSpan {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("not a text range: " + start + ".." + end);
            }
        }
    }

    /** The spans as stored in the catalog: {@code [[0,1520],[3000,4100]]}; null when there are none. */
    public String spansJson() {
        if (spans.isEmpty()) {
            return null;
        }
        StringBuilder json = new StringBuilder("[");
        for (TextSpan s : spans) {
            json.append(json.length() > 1 ? "," : "").append('[').append(s.start()).append(',').append(s.end()).append(']');
        }
        return json.append(']').toString();
    }

    /** Spans as {@link #spansJson()} wrote them; none for null. */
    public static List<TextSpan> spansOf(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            int[][] pairs = org.hetong.archive.Json.MAPPER.readValue(json, int[][].class);
            List<TextSpan> spans = new ArrayList<>(pairs.length);
            for (int[] pair : pairs) {
                spans.add(new TextSpan(pair[0], pair[1]));
            }
            return spans;
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("unreadable OCR spans in the catalog: " + json, e);
        }
    }

    /** Whether the text range {@code [start, end)} overlaps text that came from OCR. */
    public static boolean covers(List<TextSpan> spans, int start, int end) {
        for (TextSpan s : spans) {
            if (s.start() < Math.max(end, start + 1) && start < s.end()) {
                return true;
            }
        }
        return false;
    }
}
