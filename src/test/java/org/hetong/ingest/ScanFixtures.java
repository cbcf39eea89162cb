package org.hetong.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Assumptions;

/**
 * The scanned fixtures of {@code src/test/resources/fixtures/scans/} (our own contract, rendered and
 * "scanned" by {@link ScanFixtureMaker}), Tesseract for tests, and the character error rate.
 *
 * <p>OCR tests need Debian's {@code tesseract-ocr}, {@code tesseract-ocr-chi-sim} and
 * {@code tesseract-ocr-eng}. Where they are missing the tests are skipped with the reason printed —
 * except in CI ({@code CI=true}), where missing OCR fails the run.
 */
final class ScanFixtures {
    static final Path DIR = Path.of("src/test/resources/fixtures/scans");
    /** Two image-only pages at 300 DPI (greyscale JPEG), page 2 skewed 1.5° with a seal over the signature block. */
    static final String PDF_300 = "contract-scan-300dpi.pdf";
    /** The same two pages at 200 DPI as a two-page greyscale TIFF, skewed the other way. */
    static final String TIFF_200 = "contract-scan-200dpi.tiff";
    /** Page 2 alone as a colour scan (250 DPI PNG) with a red seal over text. */
    static final String PNG_COLOR = "contract-page2-color.png";
    /** Page 1 with a text layer (typeset by LibreOffice), page 2 a 300 DPI scan. */
    static final String MIXED_PDF = "contract-mixed.pdf";
    /** A drawing without any writing. */
    static final String NO_TEXT = "no-text.png";

    private ScanFixtures() {}

    static Path file(String name) {
        return DIR.resolve(name);
    }

    static String truth(String name) throws IOException {
        return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
    }

    /** OCR settings for tests: as the server would use them (system properties {@code hetong.ocr.*} or the defaults). */
    static OcrSettings settings() {
        return OcrSettings.fromSystemProperties();
    }

    /** Skips the calling test (or fails it in CI) when Tesseract with chi_sim and eng cannot be used here. */
    static void requireTesseract() {
        Tesseract.Availability availability = new Tesseract(settings()).availability();
        if (!availability.ready()) {
            String reason = "OCR tests need Tesseract with Chinese: " + availability.problem()
                    + "; install with: apt-get install -y tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must run the OCR tests, but " + reason);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    /** Character error rate over Han characters only: edit distance / characters of the truth. */
    static double hanErrorRate(String truth, String ocr) {
        String t = han(truth);
        return (double) levenshtein(t, han(ocr)) / t.length();
    }

    /** Character error rate over every character but whitespace, after NFKC (full and half width alike). */
    static double errorRate(String truth, String ocr) {
        String t = visible(truth);
        return (double) levenshtein(t, visible(ocr)) / t.length();
    }

    static String han(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static String visible(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    /** Levenshtein distance (insertions, deletions, substitutions each cost one), two rows of the table at a time. */
    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
