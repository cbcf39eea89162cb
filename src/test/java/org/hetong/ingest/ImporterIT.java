package org.hetong.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.LinkRecord;
import org.hetong.archive.OriginalStore;
import org.hetong.config.ConfigFiles;
import org.hetong.index.ClauseIndex;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.index.IndexAnalyzers;
import org.hetong.search.SearchHit;
import org.hetong.search.SearchRequest;
import org.hetong.search.SearchResult;
import org.hetong.search.SearchService;
import org.hetong.understand.ClauseTaxonomy;
import org.hetong.understand.Understander;
import org.hetong.understand.RiskAssessor;
import org.hetong.understand.RiskChecklist;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole import path on real components: store, catalog, Tika, understanding, Lucene. */
class ImporterIT {
    private static ConfigFiles config;
    private static Understander understander;

    @TempDir
    Path temp;
    Path inbox;
    Path data;
    OriginalStore store;
    Catalog catalog;
    ClauseIndex index;
    Importer importer;
    SearchService search;

    @BeforeAll
    static void loadConfiguration() {
        config = ConfigFiles.fromDirectory(Path.of("index-config"));
        understander = new Understander(ClauseTaxonomy.load(config));
    }

    @BeforeEach
    void setUp() throws IOException {
        inbox = Files.createDirectories(temp.resolve("inbox"));
        data = Files.createDirectories(temp.resolve("data"));
        Files.createDirectories(scratch());
        store = new OriginalStore(data.resolve("originals"), scratch());
        catalog = Catalog.open(data.resolve("catalog.db"));
        index = new LuceneClauseIndex(data.resolve("index"), new IndexAnalyzers(config));
        importer = importerWith(IngestLimits.defaults());
        search = new SearchService(index);
    }

    @AfterEach
    void tearDown() throws IOException {
        index.close();
        catalog.close();
    }

    private Path scratch() {
        return data.resolve("tmp");
    }

    private Importer importerWith(IngestLimits limits) {
        ConfigFiles config = ConfigFiles.fromDirectory(Path.of("index-config"));
        RiskAssessor risks = new RiskAssessor(RiskChecklist.load(config, ClauseTaxonomy.load(config)));
        return new Importer(store, catalog, new Extractor(limits, scratch()), understander, index, limits, risks);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Fixtures.write(inbox, name, bytes);
    }

    private List<Path> originals() throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("originals"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private List<Path> scratchFiles() throws IOException {
        try (Stream<Path> files = Files.list(scratch())) {
            return files.toList();
        }
    }

    private List<SearchHit> hits(String query) throws Exception {
        index.commit();
        SearchResult result = search.search(new SearchRequest(query, null, null, null, null, null, 1, 100, null));
        return result.hits();
    }

    private static ImportItem only(List<ImportItem> items) {
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    @Test
    void goodFileIsStoredAndTheSameBytesUnderAnotherNameAreADuplicate() throws Exception {
        byte[] docx = Fixtures.docx(Fixtures.CONTRACT);
        ImportItem first = only(importer.importFile(file("软件开发合同.docx", docx), "软件开发合同.docx"));
        assertEquals(ImportItem.STORED, first.status(), first.toString());
        assertNotNull(first.documentId());
        assertNull(first.errorCode());

        ImportItem second = only(importer.importFile(file("副本/合同-最终版.docx", docx), "合同-最终版.docx"));
        assertEquals(ImportItem.DUPLICATE, second.status());
        assertEquals(first.documentId(), second.documentId());
        assertEquals("合同-最终版.docx", second.name());

        assertEquals(1, originals().size(), "the same bytes are kept once");
        assertEquals(1, catalog.countDocuments());
        DocumentRecord doc = catalog.find(first.documentId()).orElseThrow();
        assertEquals("软件开发合同.docx", doc.fileName(), "the first name stays");
        assertEquals(DocumentRecord.INDEXED, doc.status());
        assertEquals(DocumentRecord.idFor(OriginalStore.sha256Of(inbox.resolve("软件开发合同.docx"))), doc.id());
        assertEquals(docx.length, doc.sizeBytes());
        assertEquals("contract", doc.kind());
        assertEquals(List.of(), scratchFiles());
    }

    @Test
    void importedContractIsSearchableByItsClauses() throws Exception {
        ImportItem item = only(importer.importFile(file("合同.docx", Fixtures.docx(Fixtures.CONTRACT)), "合同.docx"));
        List<SearchHit> hits = hits("著作权");
        assertFalse(hits.isEmpty(), "著作权 should find the intellectual property clause");
        SearchHit hit = hits.get(0);
        assertEquals(item.documentId(), hit.documentId());
        assertTrue(hit.text().contains("本合同项下开发成果的著作权归甲方所有"), hit.text());
        assertTrue(hit.highlight().contains("<mark>"), hit.highlight());
        assertEquals(catalog.countClauses(), index.clauseCount());
    }

    @Test
    void mailWithAnAttachmentGivesTwoDocumentsLinkedAsAttachment() throws Exception {
        byte[] attachment = Fixtures.docx("补充协议\n第一条 交付日期\n甲乙双方同意将交付日期延至2024年9月30日。");
        byte[] eml = Fixtures.mail("关于软件开发合同的补充协议", "李经理：您好！附件是双方确认的补充协议，请查收。",
                "补充协议.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", attachment);
        List<ImportItem> items = importer.importFile(file("mail.eml", eml), "mail.eml");

        assertEquals(List.of("mail.eml", "mail.eml!/补充协议.docx"), items.stream().map(ImportItem::name).toList());
        assertTrue(items.stream().allMatch(i -> i.status().equals(ImportItem.STORED)), items.toString());
        String mailId = items.get(0).documentId();
        String attachmentId = items.get(1).documentId();

        assertEquals(List.of(new LinkRecord(mailId, attachmentId, LinkRecord.ATTACHMENT, "补充协议.docx", "邮件附件", 1.0, "auto")),
                catalog.links(mailId));
        assertEquals(catalog.links(mailId), catalog.links(attachmentId));

        DocumentRecord mail = catalog.find(mailId).orElseThrow();
        assertEquals("message/rfc822", mail.mediaType());
        assertEquals("关于软件开发合同的补充协议", mail.title());
        assertTrue(catalog.text(mailId).orElseThrow().contains("附件是双方确认的补充协议"));
        DocumentRecord attached = catalog.find(attachmentId).orElseThrow();
        assertEquals("补充协议.docx", attached.fileName());
        assertEquals(DocumentRecord.idFor(OriginalStore.sha256Of(Fixtures.write(temp, "a.docx", attachment))), attachmentId);
        assertTrue(catalog.text(attachmentId).orElseThrow().contains("交付日期延至2024年9月30日"));
        assertEquals(2, originals().size());
        assertEquals(List.of(), scratchFiles(), "unpacked attachments are removed from scratch");
    }

    @Test
    void zipEntriesBecomeDocumentsLinkedAsEntriesWithTheirPaths() throws Exception {
        byte[] zip = Fixtures.zip(Fixtures.entries(
                "合同/软件开发合同.docx", Fixtures.docx(Fixtures.CONTRACT),
                "运维合同.txt", Fixtures.bytes(Fixtures.MAINTENANCE_CONTRACT, "GBK")));
        List<ImportItem> items = importer.importFile(file("资料.zip", zip), "资料.zip");
        assertEquals(Set.of("资料.zip", "资料.zip!/合同/软件开发合同.docx", "资料.zip!/运维合同.txt"),
                items.stream().map(ImportItem::name).collect(Collectors.toSet()));
        String zipId = items.get(0).documentId();
        List<LinkRecord> links = catalog.links(zipId);
        assertEquals(Set.of("合同/软件开发合同.docx", "运维合同.txt"), links.stream().map(LinkRecord::name).collect(Collectors.toSet()));
        assertTrue(links.stream().allMatch(l -> l.relation().equals(LinkRecord.ENTRY) && l.fromId().equals(zipId)), links.toString());
        assertTrue(catalog.text(links.stream().filter(l -> l.name().equals("运维合同.txt")).findFirst().orElseThrow().toId())
                .orElseThrow().contains("乙方负责甲方仓储管理系统的日常运维"));
        assertFalse(hits("仓储管理系统").isEmpty());
    }

    @Test
    void archivesNestedBeyondTheDepthLimitFailAsTooDeep() throws Exception {
        byte[] inner = Fixtures.zip(Fixtures.entries("说明.txt", Fixtures.bytes("第三层的说明文件。", "UTF-8")));
        byte[] middle = Fixtures.zip(Fixtures.entries("inner.zip", inner));
        byte[] outer = Fixtures.zip(Fixtures.entries("middle.zip", middle));
        Importer shallow = importerWith(Fixtures.limits(1 << 20, 100_000, 100, 1 << 24, 1000, 1));
        List<ImportItem> items = shallow.importFile(file("outer.zip", outer), "outer.zip");
        ImportItem last = items.get(items.size() - 1);
        assertEquals("outer.zip!/middle.zip!/inner.zip", last.name(), items.toString());
        assertEquals("too_deep", last.errorCode());
        assertEquals("压缩包嵌套层数过多（上限 1 层）。请先解开内层压缩包再上传。", last.error());
        assertEquals(List.of(), scratchFiles());
    }

    @Test
    void batchWithOneCorruptFileFailsOnlyThatFileAndKeepsItsOriginal() throws Exception {
        byte[] good = Fixtures.docx(Fixtures.CONTRACT);
        byte[] whole = Fixtures.docx(Fixtures.MAINTENANCE_CONTRACT + "\n附：巡检报告模板");
        byte[] corrupt = Arrays.copyOf(whole, whole.length / 2);
        byte[] gbk = Fixtures.bytes(Fixtures.MAINTENANCE_CONTRACT, "GBK");

        ImportItem a = only(importer.importFile(file("软件开发合同.docx", good), "软件开发合同.docx"));
        ImportItem b = only(importer.importFile(file("运维合同-损坏.docx", corrupt), "运维合同-损坏.docx"));
        ImportItem c = only(importer.importFile(file("运维合同.txt", gbk), "运维合同.txt"));

        assertEquals(ImportItem.STORED, a.status());
        assertEquals(ImportItem.STORED, c.status());
        assertEquals(ImportItem.FAILED, b.status());
        assertEquals("corrupt", b.errorCode());
        assertTrue(b.error().startsWith("文件已损坏或不完整，无法解析"), b.error());
        assertTrue(b.error().endsWith("请从原始来源重新导出或复制该文件后再上传。"), b.error());

        DocumentRecord failed = catalog.find(b.documentId()).orElseThrow();
        assertEquals(DocumentRecord.FAILED, failed.status());
        assertEquals("corrupt", failed.errorCode());
        assertEquals(b.error(), failed.errorMessage());
        assertEquals("运维合同-损坏.docx", failed.fileName());
        assertTrue(store.contains(failed.sha256()), "the original of a failed file is kept");
        assertEquals(3, originals().size());
        assertEquals(List.of(), catalog.clauses(b.documentId()));

        List<SearchHit> ip = hits("著作权");
        assertFalse(ip.isEmpty());
        assertTrue(ip.stream().allMatch(h -> h.documentId().equals(a.documentId())));
        List<SearchHit> duty = hits("保密义务");
        assertFalse(duty.isEmpty());
        assertTrue(duty.stream().allMatch(h -> h.documentId().equals(c.documentId())), duty.toString());
        assertTrue(index.clauseCount() > 0);
        assertEquals(catalog.countClauses(), index.clauseCount());
    }

    @Test
    void importingTheSameCorruptBytesAgainIsADuplicateOfTheFailedDocument() throws Exception {
        Path empty = file("空.docx", new byte[0]);
        ImportItem first = only(importer.importFile(empty, "空.docx"));
        assertEquals("empty", first.errorCode());
        ImportItem again = only(importer.importFile(empty, "空-2.docx"));
        assertEquals(ImportItem.DUPLICATE, again.status());
        assertEquals(first.documentId(), again.documentId());
    }

    @Test
    void documentThatFailsOnRetryLeavesNoClausesInTheIndex() throws Exception {
        ImportItem stored = only(importer.importFile(file("合同.txt", Fixtures.bytes(Fixtures.CONTRACT, "UTF-8")), "合同.txt"));
        assertFalse(hits("违约金").isEmpty());
        String sha = catalog.find(stored.documentId()).orElseThrow().sha256();

        // The same original read again under limits it no longer meets, as a retry would.
        Importer strict = importerWith(Fixtures.limits(100, 100_000, 100, 1 << 20, 100, 3));
        ImportItem retried = only(strict.importStored(sha, "合同.txt"));
        assertEquals("too_large", retried.errorCode());
        assertEquals(DocumentRecord.FAILED, catalog.find(stored.documentId()).orElseThrow().status());

        assertEquals(List.of(), hits("违约金"));
        assertEquals(0, index.clauseCount());
        assertEquals(0, catalog.countClauses(), "a failed document's clauses do not count as indexed ones");
    }

    @Test
    void unreadableAttachmentFailsAloneAndTheMailIsStillStored() throws Exception {
        byte[] eml = Fixtures.mail("扫描件", "请查收扫描件。", "扫描件.pdf", "application/pdf", Fixtures.imageOnlyPdf());
        List<ImportItem> items = importer.importFile(file("scan.eml", eml), "scan.eml");
        assertEquals(2, items.size(), items.toString());
        assertEquals(ImportItem.STORED, items.get(0).status());
        ImportItem pdf = items.get(1);
        assertEquals("scan.eml!/扫描件.pdf", pdf.name());
        assertEquals("no_text", pdf.errorCode());
        assertEquals(DocumentRecord.FAILED, catalog.find(pdf.documentId()).orElseThrow().status());
        assertEquals(1, catalog.links(pdf.documentId()).size(), "the failed attachment is still linked to its mail");
    }

    @Test
    void zipEntryOverTheSizeLimitIsAFailedItemWhileTheOtherEntriesAreStored() throws Exception {
        byte[] zip = Fixtures.zip(Fixtures.entries(
                "大附件.txt", Fixtures.bytes(Fixtures.CONTRACT.repeat(400), "UTF-8"),
                "运维合同.txt", Fixtures.bytes(Fixtures.MAINTENANCE_CONTRACT, "UTF-8")));
        Importer tight = importerWith(Fixtures.limits(64 * 1024, 100_000, 100, 1 << 24, 1000, 3));
        List<ImportItem> items = tight.importFile(file("资料.zip", zip), "资料.zip");
        assertEquals(3, items.size(), items.toString());
        ImportItem tooLarge = items.stream().filter(i -> i.name().equals("资料.zip!/大附件.txt")).findFirst().orElseThrow();
        assertEquals("too_large", tooLarge.errorCode());
        assertEquals("文件超过大小上限（上限 64.0 KB）。请拆分文件，或请管理员调高上限。", tooLarge.error());
        assertNull(tooLarge.documentId());
        assertTrue(items.stream().anyMatch(i -> i.name().equals("资料.zip!/运维合同.txt") && i.status().equals(ImportItem.STORED)));
        assertEquals(2, originals().size(), "the zip and the entry that fit");
    }

    @Test
    void reindexRebuildsTheSameClausesFromTheCatalog() throws Exception {
        importer.importFile(file("合同.docx", Fixtures.docx(Fixtures.CONTRACT)), "合同.docx");
        importer.importFile(file("资料.zip", Fixtures.zip(Fixtures.entries(
                "运维合同.txt", Fixtures.bytes(Fixtures.MAINTENANCE_CONTRACT, "UTF-8")))), "资料.zip");
        index.commit();
        int before = index.clauseCount();
        assertTrue(before > 0);

        long documents = new Reindexer(catalog, index).rebuild(n -> { });
        assertEquals(3, documents, "the contract, the zip and its entry");
        assertEquals(before, index.clauseCount());
        assertEquals(catalog.countClauses(), index.clauseCount());
        assertFalse(hits("违约金").isEmpty());
        assertFalse(hits("巡检报告").isEmpty());
    }

    @Test
    void verifierFindsNothingWrongAfterImportsAndNamesAMissingOriginal() throws Exception {
        ImportItem item = only(importer.importFile(file("合同.docx", Fixtures.docx(Fixtures.CONTRACT)), "合同.docx"));
        index.commit();
        Verifier verifier = new Verifier(catalog, store, index);
        assertEquals(List.of(), verifier.verify());

        Files.delete(store.pathOf(catalog.find(item.documentId()).orElseThrow().sha256()));
        assertEquals(List.of("原件缺失：文档 " + item.documentId() + "（合同.docx）的原件不在 originals/ 中"), verifier.verify());
    }
}
