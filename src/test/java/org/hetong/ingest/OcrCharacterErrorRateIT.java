package org.hetong.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Character error rate of OCR on our scanned fixtures against their ground truth: each fixture is
 * read exactly as the importer reads it ({@link Extractor} with the real Tesseract), then compared
 * with Levenshtein distance — over Han characters, and over every non-blank character after NFKC.
 * Prints a Markdown table for QUALITY.md. Asserts a ceiling well above today's numbers, so that a
 * change that ruins recognition (a lost seal drop-out, a wrong resolution) fails loudly.
 *
 * <p>Run alone with {@code mvn -B test -Dtest=OcrCharacterErrorRateIT}.
 */
class OcrCharacterErrorRateIT {
    /** Han CER above this on any fixture is a regression (today: see QUALITY.md). */
    private static final double MAX_HAN_CER = 0.12;

    @TempDir
    static Path scratch;

    @BeforeAll
    static void tesseract() {
        ScanFixtures.requireTesseract();
    }

    record Row(String fixture, String what, int pages, double seconds, int truthHan, double hanCer, double allCer,
               double hanCerBeforeSeal) {}

    @Test
    void ocrOfEveryScannedFixtureStaysCloseToItsGroundTruth() throws Exception {
        OcrSettings settings = ScanFixtures.settings();
        OcrReader ocr = OcrReader.standalone(settings, scratch);
        Extractor extractor = new Extractor(IngestLimits.defaults(), scratch, ocr);
        String whole = ScanFixtures.truth("contract.txt");
        String page2 = ScanFixtures.truth("contract-page2.txt");
        List<Row> rows = new ArrayList<>();
        rows.add(measure(extractor, ScanFixtures.PDF_300, "image-only PDF, 300 DPI grey JPEG, skew 1.5°, seal (grey)", whole));
        rows.add(measure(extractor, ScanFixtures.TIFF_200, "2-page TIFF, 200 DPI grey, skew 1.2°, seal (grey)", whole));
        rows.add(measure(extractor, ScanFixtures.PNG_COLOR, "page 2, colour PNG 250 DPI, red seal over text", page2));
        rows.add(measure(extractor, ScanFixtures.MIXED_PDF, "PDF: page 1 text layer, page 2 scan 300 DPI", whole));

        StringBuilder table = new StringBuilder("| fixture | what | OCR pages | seconds | Han chars (truth) | Han CER | CER, all chars"
                + " | Han CER before 第十条 (no seal) |\n|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            table.append(String.format(Locale.ROOT, "| `%s` | %s | %d | %.1f | %d | %.2f %% | %.2f %% | %.2f %% |%n", r.fixture(),
                    r.what(), r.pages(), r.seconds(), r.truthHan(), 100 * r.hanCer(), 100 * r.allCer(), 100 * r.hanCerBeforeSeal()));
        }
        System.out.println("OCR CHARACTER ERROR RATE (tesseract " + settings.languages() + ", " + settings.dpi() + " DPI renders)\n"
                + table);
        for (Row r : rows) {
            assertTrue(r.hanCer() <= MAX_HAN_CER, r.fixture() + ": Han CER " + r.hanCer());
        }
        assertEquals(1, rows.get(3).pages(), "the mixed PDF has one scanned page");
    }

    private static Row measure(Extractor extractor, String fixture, String what, String truth) throws Exception {
        Path file = ScanFixtures.file(fixture);
        long started = System.nanoTime();
        Extraction x = extractor.extract(file, fixture);
        double seconds = (System.nanoTime() - started) / 1e9;
        Files.writeString(scratch.resolve(fixture + ".txt"), x.text());
        System.out.println("---- " + fixture + " (" + x.ocr() + ", warnings " + x.warnings() + ")\n" + x.text());
        // The seal sits on 第十条 and the signature block: the text before it shows OCR on clean print.
        String truthBefore = truth.substring(0, truth.indexOf("第十条"));
        int cut = x.text().lastIndexOf("第十条");
        String ocrBefore = cut >= 0 ? x.text().substring(0, cut) : x.text();
        return new Row(fixture, what, x.ocr().pages(), seconds, ScanFixtures.han(truth).length(),
                ScanFixtures.hanErrorRate(truth, x.text()), ScanFixtures.errorRate(truth, x.text()),
                ScanFixtures.hanErrorRate(truthBefore, ocrBefore));
    }
}
