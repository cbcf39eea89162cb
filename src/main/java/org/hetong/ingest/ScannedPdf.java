package org.hetong.ingest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The scanned pages of a PDF, read by OCR. A page counts as scanned only when its text layer has
 * fewer than {@value #MIN_TEXT_CHARS} characters (as Tika counted them while reading the PDF)
 * <em>and</em> images cover at least {@value #SCAN_COVERAGE} of it ({@link PdfPageImages}): a typed
 * page never goes to Tesseract, not even a blank one or one with a logo, and a PDF whose every page
 * has text is not even opened a second time. Scanned pages are rendered by PDFBox (in colour only
 * when they hold colour images, so that red seals can be faded out), each within the page time
 * limit; the document's text is then rebuilt page by page — typed pages through PDFBox's text
 * stripper, scanned ones from OCR — so clauses stay in page order.
 */
final class ScannedPdf {
    /** Fewer characters than this on a PDF page (a scanner's footer, a page number) is no usable text layer. */
    static final int MIN_TEXT_CHARS = 40;
    /** Images covering this share of a page make it a scan. */
    static final double SCAN_COVERAGE = 0.4;
    /** Marks the end of a page in the stripper's text (a private-use character: never in a text layer we keep). */
    private static final String PAGE_END = "\uE0FF";
    private static final ExecutorService RENDERERS = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "ocr-render-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private final OcrPages pages;
    private final OcrSettings settings;
    private final Path scratch;

    ScannedPdf(OcrPages pages, OcrSettings settings, Path scratch) {
        this.pages = pages;
        this.settings = settings;
        this.scratch = scratch;
    }

    /**
     * The PDF's text with its scanned pages read by OCR; {@code typed} itself when no page is a scan.
     *
     * @param charsPerPage the characters Tika found on each page
     */
    Extraction complete(Path file, String fileName, Extraction typed, List<Integer> charsPerPage, OcrProgress progress)
            throws UnreadableDocumentException {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < charsPerPage.size(); i++) {
            if (charsPerPage.get(i) < MIN_TEXT_CHARS) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return typed;
        }
        String type = typed.mediaType();
        try (PDDocument doc = Loader.loadPDF(file.toFile(), "", IOUtils.createTempFileOnlyStreamCache())) {
            Map<Integer, Boolean> scanned = new java.util.TreeMap<>();
            for (int i : candidates) {
                if (i < doc.getNumberOfPages()) {
                    PdfPageImages.Coverage c = PdfPageImages.measure(doc.getPage(i));
                    if (c.coverage() >= SCAN_COVERAGE) {
                        scanned.put(i, c.colour());
                    }
                }
            }
            if (scanned.isEmpty()) {
                return typed;
            }
            Tesseract.Availability availability = pages.tesseract().availability();
            if (!availability.ready()) {
                if (typed.text().isBlank()) {
                    throw OcrReader.needsOcr(fileName, type, availability, scanned.size());
                }
                List<String> warnings = new ArrayList<>(typed.warnings());
                warnings.add(pageList(scanned.keySet()) + "是扫描页，" + FailureReason.NEEDS_OCR.message(availability.problem()));
                return new Extraction(type, typed.text(), typed.metadata(), typed.embedded(), typed.truncated(), warnings,
                        new OcrOutcome(0, scanned.size(), List.of()));
            }
            progress.recognitionStarted();
            try {
                return recognise(doc, fileName, typed, scanned, progress);
            } finally {
                progress.recognitionEnded();
            }
        } catch (IOException e) {
            // Tika read it, PDFBox cannot open it again: keep what Tika read.
            if (typed.text().isBlank()) {
                throw Extractor.classify(fileName, type, e);
            }
            return typed;
        }
    }

    private Extraction recognise(PDDocument doc, String fileName, Extraction typed, Map<Integer, Boolean> scanned,
                                 OcrProgress progress) throws UnreadableDocumentException, IOException {
        String type = typed.mediaType();
        List<String> warnings = new ArrayList<>(typed.warnings());
        List<Integer> toRead = new ArrayList<>(scanned.keySet());
        if (toRead.size() > settings.maxPages()) {
            warnings.add("只识别了前 " + settings.maxPages() + " 个扫描页（共 " + toRead.size() + " 个）");
            toRead = toRead.subList(0, settings.maxPages());
        }
        OcrPages.Batch batch = pages.batch(fileName, toRead.size(), progress, scratch);
        PDFRenderer renderer = new PDFRenderer(doc);
        List<OcrPages.PageText> texts;
        try {
            for (int i : toRead) {
                PDPage page = doc.getPage(i);
                int dpi = dpiFor(page);
                Path image;
                pages.acquireImageMemory();
                try {
                    Future<BufferedImage> rendering = RENDERERS.submit(() ->
                            renderer.renderImageWithDPI(i, dpi, scanned.get(i) ? ImageType.RGB : ImageType.GRAY));
                    BufferedImage rendered;
                    try {
                        rendered = rendering.get(settings.pageTimeoutSeconds(), TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        // The renderer thread may go on using the document: read nothing more from it.
                        rendering.cancel(true);
                        batch.cancel();
                        warnings.add("第 " + (i + 1) + " 页渲染超过 " + settings.pageTimeoutSeconds() + " 秒，扫描页未识别");
                        if (typed.text().isBlank()) {
                            throw new UnreadableDocumentException(fileName, type, FailureReason.TIMEOUT,
                                    "第 " + (i + 1) + " 页渲染超过 " + settings.pageTimeoutSeconds() + " 秒");
                        }
                        return withWarnings(typed, warnings);
                    } catch (ExecutionException e) {
                        batch.skip(i, "无法渲染该页：" + e.getCause(), Tesseract.OcrException.Kind.UNREADABLE);
                        continue;
                    }
                    BufferedImage grey = ScanImages.forRecognition(rendered);
                    image = ScanImages.isBlank(grey) ? null : ScanImages.write(grey, scratch);
                } finally {
                    pages.releaseImageMemory();
                }
                if (image == null) {
                    batch.skip(i, "空白页", Tesseract.OcrException.Kind.BLANK);
                } else {
                    batch.submit(i, image, dpi);
                }
            }
            texts = batch.await();
        } catch (InterruptedException e) {
            batch.cancel();
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException(fileName, type, FailureReason.INTERNAL, "处理被中断", e);
        }
        OcrReader.warnAboutFailures(texts, warnings);
        Map<Integer, OcrPages.PageText> byPage = new HashMap<>();
        for (OcrPages.PageText t : texts) {
            byPage.put(t.page(), t);
        }
        List<String> typedPages = typedPages(doc);
        List<PageTexts.Piece> pieces = new ArrayList<>();
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            OcrPages.PageText ocr = byPage.get(i);
            if (ocr != null && !ocr.text().isBlank()) {
                pieces.add(new PageTexts.Piece(ocr.text(), true));
            } else {
                pieces.add(new PageTexts.Piece(i < typedPages.size() ? typedPages.get(i) : "", false));
            }
        }
        PageTexts.Joined joined = PageTexts.join(pieces);
        if (joined.text().isBlank()) {
            throw OcrReader.noText(fileName, type, texts, settings.pageTimeoutSeconds());
        }
        return new Extraction(type, joined.text(), typed.metadata(), typed.embedded(), typed.truncated(), warnings,
                new OcrOutcome(OcrReader.recognised(texts), 0, joined.spans()));
    }

    /**
     * The text layer of every page (settings as Tika uses them): in one pass of PDFBox's text stripper,
     * page by page when that pass does not give one text per page (it skips pages without content).
     */
    private static List<String> typedPages(PDDocument doc) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setLineSeparator("\n");
        stripper.setSortByPosition(false);
        stripper.setSuppressDuplicateOverlappingText(true);
        stripper.setPageEnd(PAGE_END);
        String[] parts = stripper.getText(doc).split(PAGE_END, -1);
        if (parts.length == doc.getNumberOfPages() + 1) {
            return List.of(parts).subList(0, doc.getNumberOfPages());
        }
        List<String> pages = new ArrayList<>();
        for (int i = 1; i <= doc.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            pages.add(stripper.getText(doc).replace(PAGE_END, ""));
        }
        return pages;
    }

    /** The render resolution for a page: the configured one, lower for pages so large they would exceed the pixel budget. */
    private int dpiFor(PDPage page) {
        double inches = page.getCropBox().getWidth() / 72.0 * page.getCropBox().getHeight() / 72.0;
        int fit = inches <= 0 ? settings.dpi() : (int) Math.floor(Math.sqrt(ImagePages.MAX_PIXELS / inches));
        return Math.max(72, Math.min(settings.dpi(), fit));
    }

    private static Extraction withWarnings(Extraction e, List<String> warnings) {
        return new Extraction(e.mediaType(), e.text(), e.metadata(), e.embedded(), e.truncated(), warnings, e.ocr());
    }

    private static String pageList(java.util.Collection<Integer> pages) {
        return "第 " + pages.stream().limit(10).map(p -> String.valueOf(p + 1)).collect(Collectors.joining("、"))
                + (pages.size() > 10 ? " 等" : "") + " 页";
    }

}
