package org.hetong.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.CompositeEncodingDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.RecursiveParserWrapper;
import org.apache.tika.parser.html.HtmlEncodingDetector;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.txt.BOMDetector;
import org.apache.tika.sax.BasicContentHandlerFactory;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.RecursiveParserWrapperHandler;
import org.xml.sax.SAXException;

/**
 * Reads the text out of one file with Apache Tika.
 *
 * <p>The media type is decided from the bytes alone (Tika's detectors without the file name), so a
 * PDF called {@code .docx} is read as a PDF and random bytes called {@code .docx} are reported as
 * unrecognised. Ordinary documents go through {@link RecursiveParserWrapper} over
 * {@link AutoDetectParser} with a write limit, so text in embedded objects counts and one broken
 * embedded object is recorded as a warning while the rest is read. Containers — mails and
 * archives — are walked with a {@link ContainerUnpacker} instead: their files become documents of
 * their own rather than text of the container. Plain text goes through
 * {@link ChineseCharsetDetector}. Images, and the pages of a PDF that are scans without a text layer,
 * are read by OCR ({@link OcrReader}); Tika's own OCR is switched off.
 *
 * <p>Thread-safe: Tika parsers are stateless and each call builds its own parse context.
 */
public final class Extractor {
    private static final Set<String> MAIL_TYPES = Set.of("message/rfc822", "application/vnd.ms-outlook");
    private static final Set<String> ARCHIVE_TYPES = Set.of("application/zip", "application/x-tar", "application/gzip",
            "application/x-gzip", "application/x-gtar", "application/x-7z-compressed", "application/x-bzip2",
            "application/x-xz");
    /** XML parts up to this size are read into a tree by POI (the best text); larger ones are streamed. */
    private static final long DOM_XML_LIMIT = 4L << 20;
    private static final Set<String> RAR_TYPES = Set.of("application/x-rar-compressed", "application/vnd.rar");
    /** What Tika calls a ZIP that looks like Office Open XML but has no recognisable main document. */
    private static final String OOXML_WITHOUT_MAIN_PART = "application/x-tika-ooxml";
    /** How Tika's package parser records an archive entry it cannot read because it is encrypted. */
    private static final Pattern ENCRYPTED_ENTRY = Pattern.compile(
            "EncryptedDocumentException: stream \\((.*)\\) is encrypted|Unsupported feature encryption used in entry (.*)");

    private final Detector detector;
    private final AutoDetectParser parser;
    private final EncodingDetector encodingDetector;
    private final IngestLimits limits;
    private final Path scratch;
    private final OcrReader ocr;

    /** An extractor with its own OCR page pool, set up from {@code hetong.ocr.*} system properties. */
    public Extractor(IngestLimits limits, Path scratch) {
        this(limits, scratch, OcrReader.standalone(OcrSettings.fromSystemProperties(), scratch));
    }

    public Extractor(IngestLimits limits, Path scratch, OcrReader ocr) {
        TikaConfig config = TikaConfig.getDefaultConfig();
        this.detector = new ContentDetector(config.getDetector());
        this.parser = new AutoDetectParser(detector, config.getParser());
        this.encodingDetector = new CompositeEncodingDetector(
                List.of(new BOMDetector(), new HtmlEncodingDetector(), new ChineseCharsetDetector()));
        this.limits = limits;
        this.scratch = scratch;
        this.ocr = ocr;
    }

    public OcrReader ocr() {
        return ocr;
    }

    /** The media type of a file, from its content. Markdown is told from plain text by name only. */
    public String detect(Path file, String fileName) throws IOException {
        MediaType type;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            type = detector.detect(in, new Metadata());
        }
        String base = type.getBaseType().toString();
        String lower = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (base.equals("text/plain") && (lower.endsWith(".md") || lower.endsWith(".markdown"))) {
            return "text/markdown";
        }
        return base;
    }

    /** Reads a file; fails with a specific reason when it cannot be read. */
    public Extraction extract(Path file, String fileName) throws UnreadableDocumentException {
        return extract(file, fileName, OcrProgress.NONE);
    }

    /**
     * Reads a file, telling {@code progress} how OCR of its pages goes; fails with a specific reason
     * when it cannot be read. Parsing is bounded by the parse time limit, OCR by its per-page limit.
     */
    public Extraction extract(Path file, String fileName, OcrProgress progress) throws UnreadableDocumentException {
        long size;
        String type;
        try {
            size = Files.size(file);
            if (size == 0) {
                throw new UnreadableDocumentException(fileName, null, FailureReason.EMPTY, "0 字节");
            }
            if (size > limits.maxFileBytes()) {
                throw new UnreadableDocumentException(fileName, null, FailureReason.TOO_LARGE,
                        Sizes.human(size) + "，上限 " + Sizes.human(limits.maxFileBytes()));
            }
            type = detect(file, fileName);
        } catch (IOException e) {
            throw new UnreadableDocumentException(fileName, null, FailureReason.INTERNAL, "读取文件失败：" + e.getMessage(), e);
        }
        if (type.equals("application/octet-stream")) {
            throw new UnreadableDocumentException(fileName, type, FailureReason.UNSUPPORTED, "无法从文件内容识别格式");
        }
        if (RAR_TYPES.contains(type)) {
            throw new UnreadableDocumentException(fileName, type, FailureReason.UNSUPPORTED, "RAR 压缩包，请改用 ZIP");
        }
        if (type.equals(OOXML_WITHOUT_MAIN_PART)) {
            // An Office package whose main document is missing: Tika would "read" the names of its parts.
            throw new UnreadableDocumentException(fileName, type, FailureReason.CORRUPT, "Office 文档缺少正文部分");
        }
        try {
            Extraction extraction;
            if (OcrReader.isImage(type)) {
                extraction = ocr.readImage(file, fileName, type, progress);
            } else {
                Parsed parsed = withTimeout(fileName, type, () -> MAIL_TYPES.contains(type) || ARCHIVE_TYPES.contains(type)
                        ? new Parsed(unpack(file, fileName, type, size), List.of())
                        : read(file, fileName, type));
                extraction = parsed.extraction();
                if (type.equals("application/pdf")) {
                    extraction = ocr.completePdf(file, fileName, extraction, parsed.charsPerPage(), progress);
                }
            }
            if (extraction.text().isBlank() && extraction.embedded().isEmpty()) {
                boolean container = MAIL_TYPES.contains(type) || ARCHIVE_TYPES.contains(type);
                throw new UnreadableDocumentException(fileName, type,
                        container ? FailureReason.EMPTY : FailureReason.NO_TEXT,
                        container ? "其中没有任何文件或正文" : null);
            }
            return extraction;
        } catch (UnreadableDocumentException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw classify(fileName, type, e);
        }
    }

    /**
     * Runs a parse on a parser thread and gives up after the time limit, so one poisonous file
     * (a parser loop, a pathological page) cannot hold a worker. Java cannot stop a thread that
     * ignores interrupts; such a parser thread runs on until the parser returns, but the worker
     * moves on and the file is reported.
     */
    private <T> T withTimeout(String fileName, String type, Callable<T> parse) throws Exception {
        Future<T> future = PARSERS.submit(parse);
        try {
            return future.get(limits.parseTimeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new UnreadableDocumentException(fileName, type, FailureReason.TIMEOUT,
                    "超过 " + limits.parseTimeoutSeconds() + " 秒");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof StackOverflowError so) {
                throw classify(fileName, type, so);
            }
            if (cause instanceof OutOfMemoryError oom) {
                // What the parse allocated is garbage now that its thread gave up: fail this file, keep the worker.
                throw new UnreadableDocumentException(fileName, type, FailureReason.TOO_LARGE, "解析该文件所需的内存超过服务器上限", oom);
            }
            throw (Error) cause;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnreadableDocumentException(fileName, type, FailureReason.INTERNAL, "处理被中断", e);
        }
    }

    private static final ExecutorService PARSERS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "parser-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    /** What Tika read, and for a PDF how many characters each page's text layer has. */
    private record Parsed(Extraction extraction, List<Integer> charsPerPage) {}

    private Parsed read(Path file, String fileName, String type) throws IOException, SAXException, TikaException {
        ParseContext context = newContext();
        if (isOfficeOpenXml(type) && hasLargeXmlPart(file)) {
            // The default DOCX and PPTX extractors build the whole XML tree in memory (XMLBeans): a DOCX whose
            // document.xml inflates to 150 MB exhausts a 512 MB heap. Large parts are streamed (SAX) instead.
            OfficeParserConfig office = new OfficeParserConfig();
            office.setUseSAXDocxExtractor(true);
            office.setUseSAXPptxExtractor(true);
            context.set(OfficeParserConfig.class, office);
        }
        RecursiveParserWrapper wrapper = new RecursiveParserWrapper(parser);
        RecursiveParserWrapperHandler handler = new RecursiveParserWrapperHandler(
                new BasicContentHandlerFactory(BasicContentHandlerFactory.HANDLER_TYPE.TEXT, limits.maxTextChars(), false, context),
                1000);
        Metadata metadata = new Metadata();
        try (TikaInputStream in = TikaInputStream.get(file)) {
            wrapper.parse(in, handler, metadata, context);
        }
        List<Metadata> parts = handler.getMetadataList();
        StringBuilder text = new StringBuilder();
        List<String> warnings = new ArrayList<>();
        boolean truncated = false;
        for (Metadata part : parts) {
            String content = part.get(TikaCoreProperties.TIKA_CONTENT);
            if (content != null && !content.isBlank()) {
                if (text.length() > 0) {
                    text.append("\n\n");
                }
                text.append(content);
            }
            String problem = part.get(TikaCoreProperties.EMBEDDED_EXCEPTION);
            if (problem != null) {
                warnings.add(firstLine(problem));
            }
            truncated |= "true".equals(part.get(TikaCoreProperties.WRITE_LIMIT_REACHED));
        }
        Metadata main = parts.isEmpty() ? metadata : parts.get(0);
        List<Integer> charsPerPage = new ArrayList<>();
        for (String count : main.getValues(PDF.CHARACTERS_PER_PAGE)) {
            try {
                charsPerPage.add(Integer.parseInt(count.strip()));
            } catch (NumberFormatException e) {
                charsPerPage.add(Integer.MAX_VALUE); // unknown: treated as a page with text
            }
        }
        return new Parsed(new Extraction(type, TextCleaner.clean(text.toString()), metadataOf(main), List.of(), truncated, warnings),
                charsPerPage);
    }

    private Extraction unpack(Path file, String fileName, String type, long size) throws IOException, SAXException, TikaException {
        ParseContext context = newContext();
        String relation = MAIL_TYPES.contains(type) ? "attachment" : "entry";
        ContainerUnpacker unpacker = new ContainerUnpacker(context, limits, scratch, size, relation);
        context.set(EmbeddedDocumentExtractor.class, unpacker);
        BodyContentHandler body = new BodyContentHandler(limits.maxTextChars());
        Metadata metadata = new Metadata();
        // The container's name only lets a gzip or bzip2 stream name its one file (a.tar.gz → a.tar);
        // the detector used here ignores names, so the type is still decided from the bytes.
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, DisplayNames.baseName(fileName));
        }
        try (TikaInputStream in = TikaInputStream.get(file)) {
            parser.parse(in, body, metadata, context);
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            unpacker.discard();
            if (unpacker.abortDetail() != null) {
                throw new IOException(new LimitReached(unpacker.abortDetail()));
            }
            throw e;
        }
        if (unpacker.abortDetail() != null) {
            unpacker.discard();
            throw new IOException(new LimitReached(unpacker.abortDetail()));
        }
        // Entries Tika could not read because they are encrypted are only recorded on the container.
        for (String trace : metadata.getValues(TikaCoreProperties.TIKA_META_EXCEPTION_EMBEDDED_STREAM)) {
            Matcher encrypted = ENCRYPTED_ENTRY.matcher(trace);
            if (encrypted.find()) {
                unpacker.failed(encrypted.group(1) != null ? encrypted.group(1) : encrypted.group(2), FailureReason.ENCRYPTED);
            }
        }
        return new Extraction(type, TextCleaner.clean(body.toString()), metadataOf(metadata), unpacker.files(), false, List.of());
    }

    private ParseContext newContext() {
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        context.set(EncodingDetector.class, encodingDetector);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        context.set(PDFParserConfig.class, pdf);
        return context;
    }

    private static boolean isOfficeOpenXml(String type) {
        return type.startsWith("application/vnd.openxmlformats-officedocument.") || type.startsWith("application/vnd.ms-word.")
                || type.startsWith("application/vnd.ms-powerpoint.");
    }

    /**
     * Whether an Office Open XML package has an XML part that inflates beyond {@link #DOM_XML_LIMIT}
     * (or XML parts beyond four times that together). Counts the bytes actually inflated, not the
     * sizes the ZIP declares, and stops counting at the limit.
     */
    static boolean hasLargeXmlPart(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".xml")) {
                    continue;
                }
                long size = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        size += n;
                        total += n;
                        if (size > DOM_XML_LIMIT || total > 4 * DOM_XML_LIMIT) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // not a readable ZIP: the parser says what is wrong with it
        }
    }

    private static Map<String, String> metadataOf(Metadata md) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "title", md.get(TikaCoreProperties.TITLE));
        put(out, "author", md.get(TikaCoreProperties.CREATOR));
        put(out, "created", md.get(TikaCoreProperties.CREATED));
        put(out, "from", md.get("Message:From"));
        put(out, "to", md.get("Message:To"));
        put(out, "subject", md.get("dc:subject"));
        put(out, "messageId", md.get("Message:Raw-Header:Message-ID"));
        put(out, "inReplyTo", md.get("Message:Raw-Header:In-Reply-To"));
        return out;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, DisplayNames.clean(value));
        }
    }

    /** Turns a parser failure into a reason a person can act on. */
    static UnreadableDocumentException classify(String fileName, String type, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitReached limit) {
                return new UnreadableDocumentException(fileName, type, FailureReason.ARCHIVE_LIMIT, limit.getMessage(), e);
            }
            if (t instanceof EncryptedDocumentException || t instanceof org.apache.poi.EncryptedDocumentException
                    || t.getClass().getSimpleName().contains("InvalidPassword")) {
                return new UnreadableDocumentException(fileName, type, FailureReason.ENCRYPTED, null, e);
            }
            if (t instanceof ZeroByteFileException) {
                return new UnreadableDocumentException(fileName, type, FailureReason.EMPTY, "0 字节", e);
            }
            if (t instanceof UnsupportedFormatException) {
                return new UnreadableDocumentException(fileName, type, FailureReason.UNSUPPORTED, type, e);
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") && message.contains("input bytes produced")) {
                // Tika's guard against a package (DOCX, ODT …) whose parts inflate out of all proportion.
                return new UnreadableDocumentException(fileName, type, FailureReason.ARCHIVE_LIMIT, "解压后内容异常膨胀，疑似压缩炸弹", e);
            }
            if (message.contains("encrypted") || message.contains("password")) {
                return new UnreadableDocumentException(fileName, type, FailureReason.ENCRYPTED, null, e);
            }
        }
        if (e instanceof StackOverflowError) {
            return new UnreadableDocumentException(fileName, type, FailureReason.CORRUPT, "结构嵌套过深", e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = type + "：" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : " " + firstLine(root.getMessage()));
        return new UnreadableDocumentException(fileName, type, FailureReason.CORRUPT, truncate(detail, 200), e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl >= 0 ? s.substring(0, nl) : s;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** Unpacking stopped at a safety limit. */
    static final class LimitReached extends Exception {
        LimitReached(String detail) {
            super(detail);
        }
    }
}
