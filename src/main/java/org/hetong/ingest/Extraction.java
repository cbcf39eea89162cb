package org.hetong.ingest;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The text Tika read from one file, its media type and metadata, and the files it contained that
 * become documents of their own (attachments of a mail, entries of an archive).
 *
 * @param metadata  a few normalised keys: title, author, from, to, date, messageId, inReplyTo, subject
 * @param truncated whether the text was cut at the write limit
 * @param warnings  problems with parts of the file that did not stop the rest (an unreadable
 *                  embedded object, a scanned page OCR gave up on, say)
 * @param ocr       what OCR contributed: pages recognised, pages still waiting for OCR, where its text is
 */
public record Extraction(String mediaType, String text, Map<String, String> metadata, List<EmbeddedFile> embedded,
                         boolean truncated, List<String> warnings, OcrOutcome ocr) {
    public Extraction {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(ocr, "ocr");
        metadata = Map.copyOf(metadata);
        embedded = List.copyOf(embedded);
        warnings = List.copyOf(warnings);
    }

    /** Text read without OCR. */
    public Extraction(String mediaType, String text, Map<String, String> metadata, List<EmbeddedFile> embedded,
                      boolean truncated, List<String> warnings) {
        this(mediaType, text, metadata, embedded, truncated, warnings, OcrOutcome.NONE);
    }

    public String metadata(String key) {
        return metadata.get(key);
    }
}
