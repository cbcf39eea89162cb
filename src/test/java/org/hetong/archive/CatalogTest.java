package org.hetong.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hetong.understand.Clause;
import org.hetong.understand.ClauseRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
    @TempDir
    Path temp;
    Path file;
    Catalog catalog;

    @BeforeEach
    void setUp() throws IOException {
        file = temp.resolve("catalog.db");
        catalog = Catalog.open(file);
    }

    @AfterEach
    void tearDown() {
        catalog.close();
    }

    /** A fake digest whose first 16 digits (the document id) are {@code n} in hex. */
    private static String sha(int n) {
        return String.format("%016x", n) + "0".repeat(48);
    }

    private static String id(int n) {
        return DocumentRecord.idFor(sha(n));
    }

    private String insert(int n, String fileName) {
        assertTrue(catalog.insertProcessing(id(n), sha(n), fileName, null, 1000 + n));
        return id(n);
    }

    private static Clause clause(int ordinal, String number, String heading, String text, boolean searchable) {
        return new Clause(ordinal, null, 1, searchable ? ClauseRole.CLAUSE : ClauseRole.PREAMBLE, number, ordinal,
                heading, text, ordinal * 100, ordinal * 100 + text.length(), searchable, searchable ? "payment" : null, null);
    }

    private static int userVersion(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    @Test
    void newCatalogFileGetsTheLatestSchemaVersionStartingAtOne() throws SQLException {
        assertTrue(Migrations.SCRIPTS.size() >= 1);
        assertEquals("001-catalog.sql", Migrations.SCRIPTS.get(0));
        assertEquals(Migrations.SCRIPTS.size(), userVersion(file));
    }

    @Test
    void catalogOfANewerSchemaIsRefusedWithAMessageToUpgrade() throws Exception {
        Path newer = temp.resolve("newer.db");
        Catalog.open(newer).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        IOException e = assertThrows(IOException.class, () -> Catalog.open(newer));
        assertTrue(e.getMessage().contains("schema version 99 but this hetong knows only " + Migrations.SCRIPTS.size()),
                e.getMessage());
        assertTrue(e.getMessage().contains("upgrade hetong"), e.getMessage());
    }

    @Test
    void reopeningKeepsDocumentsTextAndClausesAndTheSchemaVersion() throws Exception {
        String id = insert(1, "软件开发合同.docx");
        catalog.saveUnderstanding(id, "application/pdf", "contract", "软件开发合同", id, "{\"signDate\":\"2024-03-15\"}",
                "第一条 付款方式\n甲方分三期支付。", List.of(clause(0, "第一条", "付款方式", "甲方分三期支付。", true)));
        catalog.close();
        catalog = Catalog.open(file);
        DocumentRecord doc = catalog.find(id).orElseThrow();
        assertEquals("软件开发合同.docx", doc.fileName());
        assertEquals("indexed", doc.status());
        assertEquals("contract", doc.kind());
        assertEquals("软件开发合同", doc.title());
        assertEquals(1001, doc.sizeBytes());
        assertEquals("第一条 付款方式\n甲方分三期支付。", catalog.text(id).orElseThrow());
        assertEquals(List.of("甲方分三期支付。"), catalog.clauses(id).stream().map(Clause::text).toList());
        assertEquals(Migrations.SCRIPTS.size(), userVersion(file));
    }

    @Test
    void insertProcessingDoesNothingForKnownBytes() {
        String id = insert(2, "a.pdf");
        assertFalse(catalog.insertProcessing(id, sha(2), "另一个名字.pdf", null, 5));
        assertEquals("a.pdf", catalog.find(id).orElseThrow().fileName());
        assertEquals("processing", catalog.findBySha(sha(2)).orElseThrow().status());
        assertEquals(1, catalog.countDocuments());
    }

    @Test
    void saveUnderstandingReplacesTheEarlierClausesAndText() {
        String id = insert(3, "合同.docx");
        catalog.saveUnderstanding(id, "text/plain", "contract", "旧标题", null, "{}", "旧文本",
                List.of(clause(0, null, null, "合同首部", false), clause(1, "第一条", "标的", "旧第一条", true),
                        clause(2, "第二条", "价款", "旧第二条", true)));
        assertEquals(3, catalog.clauses(id).size());
        assertEquals(2, catalog.countClauses(), "only searchable clauses are counted");

        catalog.saveUnderstanding(id, "text/plain", "supplement", "新标题", null, "{}", "新文本",
                List.of(clause(0, "第一条", "变更", "新第一条", true)));
        List<Clause> clauses = catalog.clauses(id);
        assertEquals(1, clauses.size());
        Clause only = clauses.get(0);
        assertEquals("新第一条", only.text());
        assertEquals("第一条", only.number());
        assertEquals(0, only.numberValue());
        assertEquals(ClauseRole.CLAUSE, only.role());
        assertEquals("payment", only.clauseType());
        assertNull(only.parentOrdinal());
        assertEquals("新文本", catalog.text(id).orElseThrow());
        assertEquals("supplement", catalog.find(id).orElseThrow().kind());
        assertEquals(1, catalog.countClauses());
    }

    @Test
    void markFailedKeepsTheReasonAndTheMediaTypeAlreadyKnown() {
        String id = insert(4, "扫描件.pdf");
        catalog.markFailed(id, "application/pdf", "no_text", "文件中没有可提取的文字（可能是扫描件或图片）。");
        DocumentRecord failed = catalog.find(id).orElseThrow();
        assertEquals("failed", failed.status());
        assertTrue(failed.isFinished());
        assertEquals("no_text", failed.errorCode());
        assertEquals("文件中没有可提取的文字（可能是扫描件或图片）。", failed.errorMessage());
        assertEquals("application/pdf", failed.mediaType());

        catalog.markFailed(id, null, "internal", "内部错误");
        assertEquals("application/pdf", catalog.find(id).orElseThrow().mediaType(), "a null media type keeps the known one");
        assertEquals(List.of(id), catalog.list(new DocumentQuery(null, "failed", null, null, null, 1, 10))
                .stream().map(DocumentRecord::id).toList());
    }

    @Test
    void clausesOfADeletedDocumentAreNotCountedUntilItIsRestored() {
        String kept = insert(21, "甲.docx");
        String deleted = insert(22, "乙.docx");
        for (String id : List.of(kept, deleted)) {
            catalog.saveUnderstanding(id, "text/plain", "contract", "合同", id, "{}", "第一条 标的 第二条 价款",
                    List.of(clause(0, null, null, "合同首部", false), clause(1, "第一条", "标的", "第一条 标的", true),
                            clause(2, "第二条", "价款", "第二条 价款", true)));
        }
        assertEquals(4, catalog.countClauses());
        catalog.softDelete(deleted);
        assertEquals(2, catalog.countClauses(), "only the kept document's searchable clauses");
        catalog.restore(deleted);
        assertEquals(4, catalog.countClauses());
    }

    @Test
    void markFailedRemovesClausesFromAnEarlierReading() {
        String id = insert(15, "合同.docx");
        catalog.saveUnderstanding(id, "text/plain", "contract", "合同", id, "{}", "第一条 标的",
                List.of(clause(0, "第一条", "标的", "第一条 标的", true)));
        assertEquals(1, catalog.countClauses());
        catalog.markFailed(id, null, "internal", "索引写入失败");
        assertEquals(List.of(), catalog.clauses(id));
        assertEquals(0, catalog.countClauses());
        assertEquals("failed", catalog.find(id).orElseThrow().status());
    }

    @Test
    void savingAfterAFailureClearsTheError() {
        String id = insert(5, "a.txt");
        catalog.markFailed(id, null, "corrupt", "坏了");
        catalog.saveUnderstanding(id, "text/plain", "other", "a", null, "{}", "正文", List.of());
        DocumentRecord doc = catalog.find(id).orElseThrow();
        assertEquals("indexed", doc.status());
        assertNull(doc.errorCode());
        assertNull(doc.errorMessage());
    }

    @Test
    void unfinishedListsOnlyDocumentsStillProcessing() {
        String waiting = insert(6, "a.txt");
        String done = insert(7, "b.txt");
        catalog.markFailed(done, null, "empty", "空");
        assertEquals(List.of(waiting), catalog.unfinished().stream().map(DocumentRecord::id).toList());
    }

    @Test
    void linksAreFoundFromBothEndsAndAddedOnlyOnce() {
        String mail = insert(8, "mail.eml");
        String attachment = insert(9, "附件.docx");
        String other = insert(10, "无关.pdf");
        LinkRecord link = new LinkRecord(mail, attachment, LinkRecord.ATTACHMENT, "附件.docx", "邮件附件", 1.0, "auto");
        catalog.addLink(link);
        catalog.addLink(link);
        assertEquals(List.of(link), catalog.links(mail));
        assertEquals(List.of(link), catalog.links(attachment));
        assertEquals(List.of(), catalog.links(other));
    }

    @Test
    void linkToAnUnknownDocumentIsRefused() {
        String mail = insert(11, "mail.eml");
        Catalog.CatalogException e = assertThrows(Catalog.CatalogException.class, () -> catalog.addLink(
                new LinkRecord(mail, "ffffffffffffffff", LinkRecord.ATTACHMENT, "x", "邮件附件", 1.0, "auto")));
        assertTrue(e.getMessage().contains("FOREIGN KEY"), e.getMessage());
    }

    @Test
    void documentQueryFiltersByKindStatusContractAndYear() {
        String contract = insert(12, "合同.docx");
        catalog.saveUnderstanding(contract, "text/plain", "contract", "合同", contract, "{\"signDate\":\"2024-03-15\"}", "t", List.of());
        String supplement = insert(13, "补充协议.docx");
        catalog.saveUnderstanding(supplement, "text/plain", "supplement", "补充协议", null, "{\"signDate\":\"2023-11-02\"}", "t", List.of());
        catalog.setContract(supplement, contract);
        String failed = insert(14, "坏.pdf");
        catalog.markFailed(failed, null, "corrupt", "坏了");

        assertEquals(List.of(contract), ids(new DocumentQuery("contract", null, null, null, null, 1, 10)));
        assertEquals(List.of(failed), ids(new DocumentQuery(null, "failed", null, null, null, 1, 10)));
        assertEquals(List.of(contract, supplement), ids(new DocumentQuery(null, null, contract, null, "name", 1, 10)));
        assertEquals(List.of(supplement), ids(new DocumentQuery(null, null, null, "2023", null, 1, 10)));
        assertEquals(List.of(), ids(new DocumentQuery("contract", null, null, "2023", null, 1, 10)));
        assertEquals(3, catalog.count(DocumentQuery.all(1, 10)));
        assertEquals(2, catalog.count(new DocumentQuery(null, "indexed", null, null, null, 1, 10)));
    }

    @Test
    void documentQuerySortsAndPages() {
        List<String> byName = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byName.add(insert(20 + i, "文件-" + i + ".txt"));
        }
        assertEquals(byName, ids(new DocumentQuery(null, null, null, null, "name", 1, 10)));
        assertEquals(byName.subList(2, 4), ids(new DocumentQuery(null, null, null, null, "name", 2, 2)));
        assertEquals(List.of(), ids(new DocumentQuery(null, null, null, null, "name", 4, 2)));
        assertEquals(5, ids(new DocumentQuery(null, null, null, null, "oldest", 1, 10)).size());
    }

    @Test
    void documentQueryRejectsAnUnknownSortNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DocumentQuery(null, null, null, null, "size; DROP TABLE documents", 1, 10));
        assertTrue(e.getMessage().startsWith("unknown sort 'size; DROP TABLE documents'; use one of "), e.getMessage());
        for (String sort : List.of("newest", "oldest", "title", "name")) {
            assertTrue(e.getMessage().contains(sort), e.getMessage());
        }
    }

    @Test
    void documentQueryRejectsBadPagingWithTheValue() {
        assertEquals("page starts at 1, was 0",
                assertThrows(IllegalArgumentException.class, () -> DocumentQuery.all(0, 10)).getMessage());
        assertEquals("size must be between 1 and 500, was 501",
                assertThrows(IllegalArgumentException.class, () -> DocumentQuery.all(1, 501)).getMessage());
    }

    @Test
    void filterValuesAreBoundNotCopiedIntoSql() {
        insert(30, "a.txt");
        assertEquals(List.of(), ids(new DocumentQuery("x' OR '1'='1", null, null, null, null, 1, 10)));
        assertEquals(1, catalog.countDocuments());
    }

    @Test
    void forEachIndexedVisitsEveryIndexedDocumentAcrossBatches() {
        catalog.inTransaction(() -> {
            for (int i = 0; i < 1203; i++) {
                String id = id(1000 + i);
                catalog.insertProcessing(id, sha(1000 + i), "f" + i, null, 1);
                if (i % 100 != 0) {
                    catalog.update("UPDATE documents SET status = 'indexed' WHERE id = ?", id);
                }
            }
        });
        List<String> seen = new ArrayList<>();
        catalog.forEachIndexed(d -> seen.add(d.id()));
        assertEquals(1203 - 13, seen.size());
        assertEquals(seen.stream().distinct().sorted().toList(), seen);
    }

    private List<String> ids(DocumentQuery query) {
        return catalog.list(query).stream().map(DocumentRecord::id).toList();
    }
}
