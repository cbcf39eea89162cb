package org.hetong.ingest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads scans: images (PNG, JPEG, TIFF with any number of pages, BMP, GIF) here, and the pages of a
 * PDF that have no usable text layer through {@link ScannedPdf}. Tesseract is run directly on each
 * page (see {@link Tesseract}); pages of all documents share one bounded pool ({@link OcrPages}).
 * Blank pages, and images whose size alone shows they hold no text, are never handed to Tesseract.
 *
 * <p>Without Tesseract nothing fails hard: a file with no other text fails with
 * {@link FailureReason#NEEDS_OCR}, a PDF with typed pages keeps them and counts the pages left for
 * {@code hetong ocr}.
 */
public final class OcrReader {
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp",
            "image/x-ms-bmp", "image/gif");
    private final OcrPages pages;
    private final OcrSettings settings;
    private final Path scratch;
    private final ScannedPdf pdf;

    public OcrReader(OcrPages pages, OcrSettings settings, Path scratch) {
        this.pages = pages;
        this.settings = settings;
        this.scratch = scratch;
        this.pdf = new ScannedPdf(pages, settings, scratch);
    }

    /** A reader with its own page pool, for tools and tests; a server shares one pool across its imports. */
    public static OcrReader standalone(OcrSettings settings, Path scratch) {
        return new OcrReader(new OcrPages(new Tesseract(settings), settings), settings, scratch);
    }

    public Tesseract tesseract() {
        return pages.tesseract();
    }

    static boolean isImage(String mediaType) {
        return IMAGE_TYPES.contains(mediaType);
    }

    /**
     * The text of an image file, every page of it through OCR. Pages that are blank, or whose size
     * alone shows they hold no text, are not recognised; when OCR is unavailable, the file fails with
     * {@link FailureReason#NEEDS_OCR} unless no page needed it.
     */
    Extraction readImage(Path file, String fileName, String type, OcrProgress progress) throws UnreadableDocumentException {
        int count = 1; // when ImageIO cannot read it (a CMYK JPEG, say), Tesseract may still read the file itself
        try (ImagePages images = ImagePages.open(file)) {
            count = Math.max(1, images.count());
        } catch (IOException | RuntimeException e) {
            // counted as one page
        }
        int n = Math.min(count, settings.maxPages());
        List<String> warnings = new ArrayList<>();
        if (n < count) {
            warnings.add("只识别了前 " + n + " 页（共 " + count + " 页）");
        }
        Tesseract.Availability availability = tesseract().availability();
        OcrPages.Batch batch = null;
        if (availability.ready()) {
            progress.recognitionStarted();
            batch = pages.batch(fileName, n, progress, scratch);
        }
        List<OcrPages.PageText> unread = new ArrayList<>();
        ImagePages opened = openQuietly(file);
        try {
            for (int i = 0; i < n; i++) {
                Prepared page = opened == null ? Prepared.AS_IS : prepare(opened, i, count);
                if (page.unread() != null) {
                    unread.add(page.unread());
                    if (batch != null) {
                        batch.skip(i, page.unread().problem(), page.unread().kind());
                    }
                } else if (batch == null) {
                    // A page worth reading, and nothing to read it with: no need to look at the others.
                    deleteQuietly(page.image());
                    throw needsOcr(fileName, type, availability, count);
                } else {
                    batch.submit(i, page.image() != null ? page.image() : copyOf(file), page.dpi());
                }
            }
            List<OcrPages.PageText> texts = batch != null ? batch.await() : unread;
            warnAboutFailures(texts, warnings);
            List<PageTexts.Piece> pieces = new ArrayList<>();
            for (OcrPages.PageText page : texts) {
                pieces.add(new PageTexts.Piece(page.text(), true));
            }
            PageTexts.Joined joined = PageTexts.join(pieces);
            if (joined.text().isBlank()) {
                throw noText(fileName, type, texts, settings.pageTimeoutSeconds());
            }
            return new Extraction(type, joined.text(), Map.of(), List.of(), false, warnings,
                    new OcrOutcome(recognised(texts), 0, joined.spans()));
        } catch (InterruptedException e) {
            if (batch != null) {
                batch.cancel();
            }
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException(fileName, type, FailureReason.INTERNAL, "处理被中断", e);
        } catch (IOException e) {
            if (batch != null) {
                batch.cancel();
            }
            throw new UnreadableDocumentException(fileName, type, FailureReason.INTERNAL, "OCR 临时文件：" + e.getMessage(), e);
        } finally {
            closeQuietly(opened);
            if (batch != null) {
                progress.recognitionEnded();
            }
        }
    }

    /** A page ready for Tesseract (a PGM file, or null for "the original file as it is"), or why it is not read. */
    private record Prepared(Path image, Integer dpi, OcrPages.PageText unread) {
        static final Prepared AS_IS = new Prepared(null, null, null);
    }

    private Prepared prepare(ImagePages images, int i, int count) throws IOException, InterruptedException {
        pages.acquireImageMemory();
        try {
            BufferedImage grey;
            try {
                grey = ScanImages.forRecognition(images.read(i));
            } catch (IOException | RuntimeException e) {
                if (count == 1 && !(e instanceof ImagePages.Unusable)) {
                    return Prepared.AS_IS; // Tesseract may read what ImageIO cannot
                }
                return new Prepared(null, null, new OcrPages.PageText(i, "",
                        e instanceof ImagePages.Unusable ? e.getMessage() : "无法读取该页图像：" + e.getMessage(),
                        Tesseract.OcrException.Kind.UNREADABLE));
            }
            if (ScanImages.isBlank(grey)) {
                return new Prepared(null, null, new OcrPages.PageText(i, "", "空白页", Tesseract.OcrException.Kind.BLANK));
            }
            return new Prepared(ScanImages.write(grey, scratch), images.dpi(i), null);
        } finally {
            pages.releaseImageMemory();
        }
    }

    private static ImagePages openQuietly(Path file) {
        try {
            return ImagePages.open(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void closeQuietly(ImagePages images) {
        if (images != null) {
            try {
                images.close();
            } catch (IOException ignored) {
                // nothing to do: the file was only read
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // scratch space is emptied at the next start
            }
        }
    }

    /**
     * The PDF's text with its scanned pages read by OCR; {@code typed} itself when no page is a scan.
     *
     * @param charsPerPage the characters Tika found on each page
     */
    Extraction completePdf(Path file, String fileName, Extraction typed, List<Integer> charsPerPage, OcrProgress progress)
            throws UnreadableDocumentException {
        return pdf.complete(file, fileName, typed, charsPerPage, progress);
    }

    static UnreadableDocumentException needsOcr(String fileName, String type, Tesseract.Availability availability, int pages) {
        return new UnreadableDocumentException(fileName, type, FailureReason.NEEDS_OCR,
                availability.problem() + "；共 " + pages + " 页待识别");
    }

    /** Why OCR gave no text: every page timed out, Tesseract failed, the pages are blank, or nothing is written on them. */
    static UnreadableDocumentException noText(String fileName, String type, List<OcrPages.PageText> texts, int pageTimeoutSeconds) {
        List<String> problems = texts.stream().map(OcrPages.PageText::problem).filter(Objects::nonNull).distinct().toList();
        if (!texts.isEmpty() && texts.stream().allMatch(t -> t.kind() == Tesseract.OcrException.Kind.TIMEOUT)) {
            return new UnreadableDocumentException(fileName, type, FailureReason.TIMEOUT,
                    "OCR 每页超过 " + pageTimeoutSeconds + " 秒");
        }
        if (!texts.isEmpty() && texts.stream().allMatch(t -> t.kind() != null)
                && texts.stream().anyMatch(t -> t.kind() == Tesseract.OcrException.Kind.ERROR)) {
            return new UnreadableDocumentException(fileName, type, FailureReason.INTERNAL, "OCR 失败：" + problems.get(0));
        }
        String pagesWord = texts.size() == 1 ? "图像" : "这 " + texts.size() + " 页";
        String detail;
        if (!texts.isEmpty() && texts.stream().allMatch(t -> t.kind() == Tesseract.OcrException.Kind.BLANK)) {
            detail = texts.size() == 1 ? "图像是空白的" : "这 " + texts.size() + " 页都是空白页";
        } else if (!texts.isEmpty() && texts.stream().allMatch(t -> t.kind() == Tesseract.OcrException.Kind.UNREADABLE)) {
            detail = problems.get(0);
        } else {
            detail = "OCR 没有在" + pagesWord + "中识别出文字";
        }
        return new UnreadableDocumentException(fileName, type, FailureReason.NO_TEXT, detail);
    }

    static int recognised(List<OcrPages.PageText> texts) {
        return (int) texts.stream().filter(t -> t.kind() == null && !t.text().isBlank()).count();
    }

    /** A warning for each page OCR gave up on (not for blank pages, which were never worth a try). */
    static void warnAboutFailures(List<OcrPages.PageText> texts, List<String> warnings) {
        for (OcrPages.PageText page : texts) {
            if (page.kind() == Tesseract.OcrException.Kind.TIMEOUT || page.kind() == Tesseract.OcrException.Kind.ERROR
                    || page.kind() == Tesseract.OcrException.Kind.UNREADABLE) {
                warnings.add("第 " + (page.page() + 1) + " 页 OCR 失败：" + page.problem());
            }
        }
    }

    private Path copyOf(Path file) throws IOException {
        Path copy = Files.createTempFile(scratch, "image-", ".img");
        Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }
}
