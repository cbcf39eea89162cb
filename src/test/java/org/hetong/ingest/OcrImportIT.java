package org.hetong.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.OriginalStore;
import org.hetong.archive.UploadJobs;
import org.hetong.config.ConfigFiles;
import org.hetong.index.ClauseIndex;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.index.IndexAnalyzers;
import org.hetong.search.SearchHit;
import org.hetong.search.SearchRequest;
import org.hetong.search.SearchService;
import org.hetong.understand.Clause;
import org.hetong.understand.ClauseTaxonomy;
import org.hetong.understand.RiskAssessor;
import org.hetong.understand.RiskChecklist;
import org.hetong.understand.Understander;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans through the whole import path with the real Tesseract: upload queue, OCR, clause splitting,
 * catalog, Lucene, search. Uses our scanned fixtures ({@link ScanFixtures}).
 */
class OcrImportIT {
    private static ConfigFiles config;
    private static Understander understander;

    @TempDir
    Path temp;
    Path data;
    OriginalStore store;
    Catalog catalog;
    ClauseIndex index;
    Tesseract tesseract;
    Importer importer;
    SearchService search;

    @BeforeAll
    static void setUpOnce() {
        ScanFixtures.requireTesseract();
        config = ConfigFiles.fromDirectory(Path.of("index-config"));
        understander = new Understander(ClauseTaxonomy.load(config));
    }

    @BeforeEach
    void setUp() throws IOException {
        data = Files.createDirectories(temp.resolve("data"));
        Path scratch = Files.createDirectories(data.resolve("tmp"));
        store = new OriginalStore(data.resolve("originals"), scratch);
        catalog = Catalog.open(data.resolve("catalog.db"));
        index = new LuceneClauseIndex(data.resolve("index"), new IndexAnalyzers(config));
        OcrSettings settings = ScanFixtures.settings();
        OcrReader ocr = OcrReader.standalone(settings, scratch);
        tesseract = ocr.tesseract();
        RiskAssessor risks = new RiskAssessor(RiskChecklist.load(config, ClauseTaxonomy.load(config)));
        importer = new Importer(store, catalog, new Extractor(IngestLimits.defaults(), scratch, ocr), understander, index,
                IngestLimits.defaults(), risks);
        search = new SearchService(index);
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
        catalog.close();
    }

    @Test
    void aScannedContractUploadedToTheQueueShowsItsPagesAndBecomesSearchableByItsClauses() throws Exception {
        UploadJobs jobs = new UploadJobs(catalog);
        OriginalStore.Stored stored = store.put(ScanFixtures.file(ScanFixtures.PDF_300));
        UploadJobs.Job job = jobs.create("web", 1);
        jobs.arrive(job.id(), List.of(UploadJobs.Arrival.queued("扫描合同.pdf", stored.sha256(), stored.sizeBytes())));
        Set<String> progress = new LinkedHashSet<>();
        try (ImportQueue queue = new ImportQueue(jobs, importer, catalog, index, new Families(catalog, index), 1)) {
            queue.start();
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (!jobs.isComplete(job.id()) && System.nanoTime() < deadline) {
                for (UploadJobs.Item item : jobs.items(job.id(), 0)) {
                    if (item.progress() != null) {
                        progress.add(item.progress());
                    }
                }
                Thread.sleep(20);
            }
        }
        UploadJobs.Item item = jobs.items(job.id(), 0).get(0);
        assertEquals(UploadJobs.STORED, item.status(), item.toString());
        assertNull(item.progress(), "progress is cleared once the item is done");
        assertTrue(progress.contains("OCR 0/2 页") || progress.contains("OCR 1/2 页"), "progress seen: " + progress);

        DocumentRecord doc = catalog.find(item.documentId()).orElseThrow();
        assertEquals(DocumentRecord.INDEXED, doc.status());
        assertEquals(2, doc.ocrPages());
        assertTrue(doc.isOcr());
        assertEquals("contract", doc.kind());
        assertEquals(2, tesseract.pagesRecognized());

        // The articles keep their printed numbers, and 第六条 is the confidentiality clause.
        List<Clause> clauses = catalog.clauses(doc.id());
        List<String> numbers = clauses.stream().map(Clause::number).filter(n -> n != null && n.startsWith("第")).toList();
        assertTrue(numbers.containsAll(List.of("第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条")),
                "articles found: " + numbers);
        Clause confidentiality = clauses.stream().filter(c -> "第六条".equals(c.number())).findFirst().orElseThrow();
        assertEquals("保密", confidentiality.heading());
        assertEquals("保密", confidentiality.clauseType());
        assertTrue(confidentiality.text().contains("负有保密义务"), confidentiality.text());

        // 保密 finds it, marked as OCR; the OCR filter keeps it, the typed-only filter drops it.
        SearchHit top = hits("保密").get(0);
        assertEquals(doc.id(), top.documentId());
        assertEquals("第六条", top.number());
        assertTrue(top.ocr());
        assertEquals("第六条", hits("保密 ocr:true").get(0).number());
        assertEquals(List.of(), hits("保密 ocr:false"));
        assertEquals("第六条", search.search(new SearchRequest("保密", null, null, null, null, null, null, "true", 1, 10, null))
                .hits().get(0).number());
        assertFalse(hits("\"保密期限自本合同签订之日起至合同终止后三年\"").isEmpty(), "a whole OCR sentence is found as a phrase");
        assertEquals(List.of(), scratchFiles(), "page images are removed after recognition");
    }

    @Test
    void aMixedPdfGoesThroughOcrOnlyForItsScannedPage() throws Exception {
        ImportItem item = only(importer.importFile(ScanFixtures.file(ScanFixtures.MIXED_PDF), "混合合同.pdf"));
        assertEquals(ImportItem.STORED, item.status(), item.toString());
        assertEquals(1, tesseract.pagesRecognized(), "page 1 has a text layer");
        DocumentRecord doc = catalog.find(item.documentId()).orElseThrow();
        assertEquals(1, doc.ocrPages());

        List<Clause> clauses = catalog.clauses(doc.id());
        List<String> numbers = clauses.stream().map(Clause::number).filter(n -> n != null && n.startsWith("第")).toList();
        assertTrue(numbers.containsAll(List.of("第一条", "第六条", "第七条", "第八条", "第九条")), "articles in page order: " + numbers);
        assertTrue(numbers.indexOf("第七条") < numbers.indexOf("第八条"));

        // 第一条 is typed (page 1), 第八条 was scanned (page 2).
        SearchHit typed = hits("服务内容").get(0);
        assertEquals("第一条", typed.number());
        assertFalse(typed.ocr());
        // Only scanned clauses (the search is relaxed, as no scanned clause has 服务内容: partial matches only).
        List<SearchHit> scannedOnly = hits("服务内容 ocr:true");
        assertTrue(scannedOnly.stream().allMatch(SearchHit::ocr), scannedOnly.toString());
        assertTrue(scannedOnly.stream().noneMatch(h -> "第一条".equals(h.number())), scannedOnly.toString());
        SearchHit scanned = hits("违约金 ocr:true").get(0);
        assertEquals("第八条", scanned.number());
        assertTrue(scanned.ocr());
        // 第七条 runs from page 1 onto page 2: its words across the page break are whole again.
        Clause seventh = clauses.stream().filter(c -> "第七条".equals(c.number())).findFirst().orElseThrow();
        assertTrue(seventh.text().replaceAll("\\s", "").contains("原有工具软件"), seventh.text());
    }

    @Test
    void textLayerPdfsNeverGoThroughOcr() throws Exception {
        List<Path> pdfs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("sample-docs"))) {
            files.filter(f -> f.toString().endsWith(".pdf")).sorted().forEach(pdfs::add);
        }
        assertTrue(pdfs.size() >= 5, "sample-docs has text-layer PDFs: " + pdfs);
        for (Path pdf : pdfs) {
            ImportItem item = only(importer.importFile(pdf, pdf.getFileName().toString()));
            assertEquals(ImportItem.STORED, item.status(), item.toString());
            assertFalse(catalog.find(item.documentId()).orElseThrow().isOcr());
        }
        Path typed = Files.write(temp.resolve("验收报告.pdf"), Fixtures.chinesePdf("验收报告", "第一条 验收结论", "系统已通过终验。"));
        assertEquals(ImportItem.STORED, only(importer.importFile(typed, "验收报告.pdf")).status());
        assertEquals(0, tesseract.pagesRecognized(), "no page of a text-layer PDF reaches Tesseract");
        assertEquals(List.of(), hits("保密 ocr:true"));
    }

    @Test
    void anImageWithoutWritingFailsClearlyAndKeepsItsOriginal() throws Exception {
        ImportItem item = only(importer.importFile(ScanFixtures.file(ScanFixtures.NO_TEXT), "照片.png"));
        assertEquals(ImportItem.FAILED, item.status());
        assertEquals("no_text", item.errorCode());
        assertEquals("文件中没有可提取的文字（OCR 没有在图像中识别出文字）。原件已保存；如为扫描件，请确认扫描清晰（建议 300 DPI、文字端正）后重新上传，"
                + "OCR 才能识别其中的文字。", item.error());
        DocumentRecord doc = catalog.find(item.documentId()).orElseThrow();
        assertEquals(DocumentRecord.FAILED, doc.status());
        assertEquals("image/png", doc.mediaType());
        assertTrue(Files.exists(store.pathOf(doc.sha256())));
        assertEquals(1, tesseract.pagesRecognized());
    }

    @Test
    void aPageOverItsTimeLimitIsStoppedAndTheScanFailsWithTimeout() throws Exception {
        OcrSettings d = ScanFixtures.settings();
        OcrSettings oneSecond = new OcrSettings(d.tesseract(), d.languages(), d.dpi(), d.threads(), 1, d.maxPages());
        Path scratch = data.resolve("tmp");
        Extractor hurried = new Extractor(IngestLimits.defaults(), scratch, OcrReader.standalone(oneSecond, scratch));
        long started = System.nanoTime();
        UnreadableDocumentException e = org.junit.jupiter.api.Assertions.assertThrows(UnreadableDocumentException.class,
                () -> hurried.extract(ScanFixtures.file(ScanFixtures.PDF_300), "扫描合同.pdf"));
        assertEquals(FailureReason.TIMEOUT, e.reason());
        assertEquals("解析超时（OCR 每页超过 1 秒）。文件可能过大或结构异常；请检查文件，必要时拆分后重新上传。", e.userMessage());
        assertTrue(System.nanoTime() - started < 30_000_000_000L, "Tesseract is stopped at the limit, not waited for");
        assertEquals(List.of(), scratchFiles());
    }

    private List<SearchHit> hits(String query) throws Exception {
        index.commit();
        return search.search(new SearchRequest(query, null, null, null, null, null, 1, 100, null)).hits();
    }

    private List<Path> scratchFiles() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("tmp"))) {
            return files.toList();
        }
    }

    private static ImportItem only(List<ImportItem> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
