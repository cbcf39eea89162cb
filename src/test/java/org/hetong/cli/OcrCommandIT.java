package org.hetong.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hetong.archive.DocumentRecord;
import org.hetong.config.ConfigFiles;
import org.hetong.ingest.FailureReason;
import org.hetong.ingest.ImportItem;
import org.hetong.ingest.OcrSettings;
import org.hetong.ingest.Tesseract;
import org.hetong.search.SearchHit;
import org.hetong.search.SearchRequest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans stored while Tesseract is missing (pointed at a program that does not exist), then read by
 * {@code hetong ocr} once it is there.
 */
class OcrCommandIT {
    private static final Path SCANS = Path.of("src/test/resources/fixtures/scans");
    private static final ConfigFiles CONFIG = ConfigFiles.fromDirectory(Path.of("index-config"));

    @TempDir
    Path temp;

    @Test
    void withoutTesseractScansAreStoredAndFlaggedAndTheOcrCommandReadsThemOnceItIsThere() throws Exception {
        Path data = temp.resolve("archive");
        String missing = temp.resolve("no-such-dir/tesseract").toString();
        String colourPage;
        String mixed;
        System.setProperty("hetong.ocr.tesseract", missing);
        try {
            try (Services services = Services.open(data, CONFIG)) {
                ImportItem scan = only(services.importer.importFile(SCANS.resolve("contract-page2-color.png"), "盖章页.png"));
                assertEquals(ImportItem.FAILED, scan.status());
                assertEquals("needs_ocr", scan.errorCode());
                assertEquals("需要 OCR：这是扫描件或图片，但服务器上的文字识别（Tesseract）当前不可用（服务器上找不到 Tesseract 程序「" + missing
                        + "」；共 1 页待识别）。原件已保存；请管理员安装 tesseract-ocr 和 tesseract-ocr-chi-sim 后运行 hetong ocr"
                        + "（或在文档页点击重试）重新识别。", scan.error());
                colourPage = scan.documentId();
                assertTrue(Files.exists(services.store.pathOf(services.catalog.find(colourPage).orElseThrow().sha256())));

                // A PDF with a typed page is stored with what can be read now; its scanned page waits.
                ImportItem pdf = only(services.importer.importFile(SCANS.resolve("contract-mixed.pdf"), "混合合同.pdf"));
                assertEquals(ImportItem.STORED, pdf.status());
                mixed = pdf.documentId();
                DocumentRecord doc = services.catalog.find(mixed).orElseThrow();
                assertEquals(1, doc.ocrPendingPages());
                assertFalse(doc.isOcr());
                services.index.commit();
                assertEquals("第一条", hits(services, "服务内容").get(0).number());
                assertEquals(List.of(), hits(services, "违约金"), "page 2 is not read yet");
                assertEquals(List.of(colourPage, mixed),
                        services.catalog.needingOcr(FailureReason.NEEDS_OCR.code()).stream().map(DocumentRecord::id).toList());
            }

            Run stillMissing = run("ocr", "--data", data.toString(), "--config", "index-config");
            assertEquals(Main.ERROR, stillMissing.code());
            assertTrue(stillMissing.out().startsWith("无法进行 OCR：服务器上找不到 Tesseract 程序「" + missing + "」。请先安装：apt-get install -y "
                    + "tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-eng（2 个文档在等待 OCR）。"), stillMissing.out());
        } finally {
            System.clearProperty("hetong.ocr.tesseract");
        }

        requireTesseract();
        Run done = run("ocr", "--data", data.toString(), "--config", "index-config");
        assertEquals(Main.OK, done.code(), done.out());
        assertTrue(done.out().startsWith("2 个文档等待 OCR，开始识别 …"), done.out());
        assertTrue(done.out().contains("完成：2 个已入库，0 个重复，0 个失败。"), done.out());
        try (Services services = Services.open(data, CONFIG)) {
            DocumentRecord page = services.catalog.find(colourPage).orElseThrow();
            assertEquals(DocumentRecord.INDEXED, page.status());
            assertEquals(1, page.ocrPages());
            DocumentRecord pdf = services.catalog.find(mixed).orElseThrow();
            assertEquals(0, pdf.ocrPendingPages());
            assertEquals(1, pdf.ocrPages());
            assertEquals(List.of(), services.catalog.needingOcr(FailureReason.NEEDS_OCR.code()));
            List<SearchHit> penalties = services.search.all(SearchRequest.of("违约金 ocr:true"), 50); // ungrouped
            assertEquals(2, penalties.size(), penalties.toString());
            assertTrue(penalties.stream().allMatch(h -> "第八条".equals(h.number()) && h.ocr()), penalties.toString());
        }
        assertEquals("没有等待 OCR 的文档。\n", run("ocr", "--data", data.toString(), "--config", "index-config").out());
    }

    private static List<SearchHit> hits(Services services, String query) throws Exception {
        return services.search.search(new SearchRequest(query, null, null, null, null, null, 1, 50, null)).hits();
    }

    private static ImportItem only(List<ImportItem> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    private static void requireTesseract() {
        Tesseract.Availability availability = new Tesseract(OcrSettings.defaults()).availability();
        if (!availability.ready()) {
            String reason = "reading the waiting scans needs Tesseract: " + availability.problem();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI must run the OCR tests, but " + reason);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    record Run(int code, String out) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
