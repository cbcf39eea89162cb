package org.hetong.ingest;

/**
 * How scans are read: which Tesseract, which languages, at what resolution, how many pages at once
 * and for how long each.
 *
 * @param tesseract          the Tesseract program: a name looked up on the PATH or a path
 * @param languages          Tesseract's language list, e.g. {@code chi_sim+eng}
 * @param dpi                resolution PDF pages are rendered at for recognition
 * @param threads            pages recognised at the same time, across all documents of the process
 *                           (each Tesseract process runs one thread)
 * @param pageTimeoutSeconds time one page may take to render or recognise before it is given up
 * @param maxPages           pages recognised per document; later pages are left out with a warning
 */
public record OcrSettings(String tesseract, String languages, int dpi, int threads, int pageTimeoutSeconds, int maxPages) {
    public OcrSettings {
        require(tesseract != null && !tesseract.isBlank(), "the Tesseract program must be named");
        require(languages != null && languages.matches("[A-Za-z_]+(\\+[A-Za-z_]+)*"),
                "languages must look like chi_sim+eng, was '" + languages + "'");
        require(dpi >= 100 && dpi <= 600, "dpi must be between 100 and 600, was " + dpi);
        require(threads >= 1, "at least one OCR thread is needed, not " + threads);
        require(pageTimeoutSeconds >= 1, "pageTimeoutSeconds must be positive");
        require(maxPages >= 1, "maxPages must be positive");
    }

    public static OcrSettings defaults() {
        return new OcrSettings("tesseract", "chi_sim+eng", 300, Math.max(1, Runtime.getRuntime().availableProcessors()), 120, 500);
    }

    /** These settings with another Tesseract program (tests point it at one that does not exist). */
    public OcrSettings withTesseract(String program) {
        return new OcrSettings(program, languages, dpi, threads, pageTimeoutSeconds, maxPages);
    }

    /**
     * The defaults, each overridable by a system property {@code hetong.ocr.<name>} (for example
     * {@code -Dhetong.ocr.tesseract=/opt/tesseract/bin/tesseract} or {@code -Dhetong.ocr.threads=4});
     * a malformed value fails start-up naming it.
     */
    public static OcrSettings fromSystemProperties() {
        OcrSettings d = defaults();
        return new OcrSettings(System.getProperty("hetong.ocr.tesseract", d.tesseract),
                System.getProperty("hetong.ocr.languages", d.languages), intProperty("dpi", d.dpi),
                intProperty("threads", d.threads), intProperty("pageTimeoutSeconds", d.pageTimeoutSeconds),
                intProperty("maxPages", d.maxPages));
    }

    private static int intProperty(String name, int defaultValue) {
        String value = System.getProperty("hetong.ocr." + name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property hetong.ocr." + name + " must be a whole number, was '" + value + "'");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
