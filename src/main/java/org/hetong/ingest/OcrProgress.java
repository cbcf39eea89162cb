package org.hetong.ingest;

/**
 * Hears how far OCR of a file has come, page by page ({@link #pages} is called from the OCR threads,
 * so implementations must be thread-safe and quick), and when the importing thread starts and stops
 * waiting for it.
 */
@FunctionalInterface
public interface OcrProgress {
    OcrProgress NONE = (name, done, total) -> { };

    /**
     * @param name  the file being recognised, as the import names it (an archive entry with its path)
     * @param done  pages finished so far (recognised or given up)
     * @param total pages to recognise in this file
     */
    void pages(String name, int done, int total);

    /** Pages of a file are about to be rendered and recognised; called on the importing thread. */
    default void recognitionStarted() {
    }

    /** The pages of that file are done (or given up); called on the importing thread, always after {@link #recognitionStarted()}. */
    default void recognitionEnded() {
    }
}
