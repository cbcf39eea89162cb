package org.hetong.understand.quality;

import java.util.Map;
import java.util.Objects;
import org.hetong.understand.Understanding;

/**
 * One document as the pipeline reads it: the extracted text and metadata, and what
 * {@link org.hetong.understand.Understander} made of it. This is what a family linker or an
 * amendment detector gets to work with — the same things the importer has when it stores a
 * document.
 *
 * @param source          the gold set's address of the document ({@code sample-docs/…}, {@code gold/docs/…},
 *                        {@code …!/entry} inside a mail or ZIP)
 * @param fileName        the name the importer would give it (the path under sample-docs, with {@code !/entry})
 * @param metadata        the extractor's normalised metadata: title, from, to, date, messageId, inReplyTo, subject
 * @param containerSource the mail or ZIP the document came out of, or null
 */
public record DocumentUnderstanding(String source, String fileName, String mediaType, String text,
                                    Map<String, String> metadata, String containerSource,
                                    Understanding understanding) {
    public DocumentUnderstanding {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(understanding, "understanding");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
