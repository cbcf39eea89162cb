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
 *                  embedded object, say)
 */
public record Extraction(String mediaType, String text, Map<String, String> metadata, List<EmbeddedFile> embedded,
                         boolean truncated, List<String> warnings) {
    public Extraction {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(text, "text");
        metadata = Map.copyOf(metadata);
        embedded = List.copyOf(embedded);
        warnings = List.copyOf(warnings);
    }

    public String metadata(String key) {
        return metadata.get(key);
    }
}
