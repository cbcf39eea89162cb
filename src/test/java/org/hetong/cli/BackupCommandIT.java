package org.hetong.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.hetong.archive.AuditLog;
import org.hetong.archive.DocumentQuery;
import org.hetong.archive.DocumentRecord;
import org.hetong.backup.BackupManifest;
import org.hetong.config.ConfigFiles;
import org.hetong.ingest.Verifier;
import org.hetong.search.SearchHit;
import org.hetong.search.SearchRequest;
import org.hetong.search.SearchResult;
import org.hetong.testing.GeneratedContracts;
import org.hetong.testing.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hetong backup} of a stopped archive and {@code hetong restore} into an empty directory: the
 * same search results, originals, accounts and audit log; refusals of a directory a server is
 * using, of a non-empty target and of a damaged archive; an index rebuilt when the archive has none.
 */
class BackupCommandIT {
    private static final ConfigFiles CONFIG = ConfigFiles.fromDirectory(Path.of("index-config"));
    private static final List<String> QUERIES = List.of("保密", "知识产权", "\"不可抗力\"", "违约金 OR 赔偿", "验收 -源代码",
            "源代码 type:知识产权", GeneratedContracts.marker(7));

    @TempDir
    static Path shared;
    private static Path source;
    private static Path backup;

    @TempDir
    Path tmp;

    /** One archive (the sample contracts and 40 generated ones, the test accounts, an audit entry) and its backup. */
    @BeforeAll
    static void archiveAndBackUp() throws Exception {
        source = shared.resolve("source");
        Path generated = Files.createDirectories(shared.resolve("generated"));
        try (Services services = Services.open(source, CONFIG)) {
            TestAccounts.create(services.users);
            Path samples = Path.of("sample-docs");
            try (Stream<Path> walk = Files.walk(samples)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    services.importer.importFile(f, samples.relativize(f).toString());
                }
            }
            for (int i = 0; i < 40; i++) {
                Path file = generated.resolve(GeneratedContracts.fileName(i));
                Files.write(file, GeneratedContracts.bytes(i));
                services.importer.importFile(file, file.getFileName().toString());
            }
            services.actions.delete(services.catalog.list(DocumentQuery.all(1, 1)).get(0).id()); // one in the trash
            services.families.relink();
            services.index.commit();
            services.audit.record(TestAccounts.READER, "download", "0123456789abcdef", "测试下载", "127.0.0.1", 200);
        }
        backup = shared.resolve("archive-backup.zip");
        Run run = run("backup", "--data", source.toString(), "--to", backup.toString(), "--config", "index-config");
        assertEquals(Main.OK, run.code(), run.out());
        assertTrue(run.out().startsWith("备份完成：" + backup), run.out());
    }

    @Test
    void aRestoredArchiveAnswersTheSameSearchesWithTheSameOriginalsAccountsAndAuditLog() throws Exception {
        Path restored = tmp.resolve("restored");
        Run run = run("restore", "--data", restored.toString(), "--config", "index-config", backup.toString());
        assertEquals(Main.OK, run.code(), run.out());
        assertTrue(run.out().contains("索引取自备份"), "the backup's index agrees with its catalog: " + run.out());

        Map<String, Found> before;
        Map<String, String> originalsBefore;
        try (Services services = Services.open(source, CONFIG)) {
            before = searches(services);
            originalsBefore = originals(services);
        }
        try (Services services = Services.open(restored, CONFIG)) {
            assertEquals(before, searches(services), "same totals and the same top clauses, in order");
            assertEquals(originalsBefore, originals(services), "every document with the same original");
            for (DocumentRecord doc : allDocuments(services)) {
                Path copy = services.store.pathOf(doc.sha256());
                Path original = source.resolve("originals").resolve(services.dataDirectory.originals().relativize(copy));
                assertEquals(-1, Files.mismatch(original, copy), "byte for byte: " + doc.fileName());
            }
            assertEquals(List.of(), new Verifier(services.catalog, services.store, services.index).verify());
            assertTrue(services.users.authenticate(TestAccounts.READER, TestAccounts.PASSWORD).isPresent(), "accounts come along");
            List<AuditLog.Entry> downloads = services.audit.find(new AuditLog.Query(TestAccounts.READER, "download", null, null, 1, 10));
            assertEquals("0123456789abcdef", downloads.get(0).target(), "the audit log comes along");
            assertEquals(1, services.audit.count(new AuditLog.Query(null, "backup-restore", null, null, 1, 10)), "the restore is recorded");
            assertEquals(1, services.catalog.list(new DocumentQuery(null, null, null, null, null, null, true, null, 1, 10)).size(),
                    "the trash comes along");
        }
    }

    @Test
    void backupRefusesADirectoryAServerIsUsingAndSaysToUseTheAdminRoute() throws Exception {
        Path target = tmp.resolve("busy.zip");
        try (Services running = Services.open(source, CONFIG)) {
            Run run = run("backup", "--data", source.toString(), "--to", target.toString(), "--config", "index-config");
            assertEquals(Main.ERROR, run.code());
            assertTrue(run.err().startsWith("数据目录 " + source.toAbsolutePath().normalize() + " 正被另一个 hetong 进程使用"), run.err());
            assertTrue(run.err().contains("POST /api/admin/backups"), run.err());
            assertFalse(run.err().contains("Exception"), "a message, not a stack trace: " + run.err());
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void backupRefusesToOverwriteAFileAndNeedsAnArchive() throws Exception {
        Path existing = Files.writeString(tmp.resolve("existing.zip"), "keep me");
        Run overwrite = run("backup", "--data", source.toString(), "--to", existing.toString(), "--config", "index-config");
        assertEquals(Main.ERROR, overwrite.code());
        assertTrue(overwrite.err().contains("已存在"), overwrite.err());
        assertEquals("keep me", Files.readString(existing));

        Run empty = run("backup", "--data", tmp.resolve("nothing").toString(), "--to", tmp.resolve("x.zip").toString());
        assertEquals(Main.ERROR, empty.code());
        assertTrue(empty.err().contains("没有档案"), empty.err());
        assertFalse(Files.exists(tmp.resolve("nothing")), "nothing is created");

        Run usage = run("backup", "--data", source.toString());
        assertEquals(Main.USAGE, usage.code());
        assertTrue(usage.err().startsWith("backup 需要 --to FILE"), usage.err());
    }

    @Test
    void restoreRefusesANonEmptyTargetAndLeavesItAlone() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("occupied"));
        Files.writeString(target.resolve("notes.txt"), "不要覆盖");
        Run run = run("restore", "--data", target.toString(), backup.toString());
        assertEquals(Main.ERROR, run.code());
        assertTrue(run.err().startsWith("恢复目标 " + target.toAbsolutePath().normalize() + " 不是空目录（其中有 notes.txt）"), run.err());
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(List.of(target.resolve("notes.txt")), left.toList());
        }
        Run running = run("restore", "--data", source.toString(), backup.toString());
        assertEquals(Main.ERROR, running.code(), "an archive in use is never a restore target");
        assertTrue(running.err().contains("不是空目录"), running.err());
    }

    @Test
    void restoreRefusesAnArchiveWithADamagedOriginalAndLeavesTheTargetEmpty() throws Exception {
        Path damaged = tmp.resolve("damaged.zip");
        boolean[] done = {false};
        rewrite(backup, damaged, name -> true, (name, bytes) -> {
            if (name.startsWith("originals/") && !done[0]) {
                done[0] = true;
                bytes[bytes.length / 2] ^= 1;
            }
            return bytes;
        });
        Path target = Files.createDirectories(tmp.resolve("empty"));
        Run run = run("restore", "--data", target.toString(), damaged.toString());
        assertEquals(Main.ERROR, run.code());
        assertTrue(run.err().contains("校验失败") && run.err().contains("备份文件已损坏"), run.err());
        try (Stream<Path> left = Files.list(target)) {
            assertEquals(List.of(), left.toList(), "left as empty as it was found");
        }
    }

    @Test
    void restoreRefusesEntriesThatCouldNameAPathOfTheirOwn() throws Exception {
        Path hostile = tmp.resolve("hostile.zip");
        rewrite(backup, hostile, name -> true, (name, bytes) -> bytes);
        appendEntry(hostile, "originals/../../evil.txt");
        Run run = run("restore", "--data", tmp.resolve("target").toString(), hostile.toString());
        assertEquals(Main.ERROR, run.code());
        assertTrue(run.err().contains("不认识的条目「originals/../../evil.txt」"), run.err());
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
        assertFalse(Files.exists(tmp.resolve("target")), "not even the target was created");
    }

    @Test
    void restoreRebuildsTheIndexFromTheCatalogWhenTheArchiveHasNone() throws Exception {
        Path withoutIndex = tmp.resolve("no-index.zip");
        rewrite(backup, withoutIndex, name -> !name.startsWith("index/"), (name, bytes) -> bytes);
        Path restored = tmp.resolve("rebuilt");
        Run run = run("restore", "--data", restored.toString(), withoutIndex.toString());
        assertEquals(Main.OK, run.code(), run.out());
        assertTrue(run.out().contains("索引已从目录重建（备份中没有索引）"), run.out());
        Map<String, Long> totals = new TreeMap<>();
        try (Services services = Services.open(source, CONFIG)) {
            searches(services).forEach((q, found) -> totals.put(q, found.total()));
        }
        try (Services services = Services.open(restored, CONFIG)) {
            Map<String, Long> after = new TreeMap<>();
            searches(services).forEach((q, found) -> after.put(q, found.total()));
            assertEquals(totals, after);
            assertEquals(List.of(), new Verifier(services.catalog, services.store, services.index).verify());
        }
    }

    @Test
    void theManifestNamesTheCatalogDigestTheIndexCommitAndTheCounts() throws Exception {
        try (ZipFile zip = new ZipFile(backup.toFile()); InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
            BackupManifest manifest = BackupManifest.read(in);
            assertEquals(BackupManifest.FORMAT, manifest.format());
            assertEquals(manifest.searchableClauses(), manifest.indexedClauses());
            try (Services services = Services.open(source, CONFIG)) {
                Map<String, Long> rows = services.catalog.rowCounts();
                for (String table : List.of("documents", "clauses", "links", "users", "api_tokens")) {
                    assertEquals(rows.get(table), manifest.rows().get(table), table);
                }
                assertEquals(rows.get("audit_log") - 1, manifest.rows().get("audit_log"), "all but the entry recording this backup");
            }
            assertTrue(manifest.documents() > 40, manifest.rows().toString());
            assertTrue(manifest.rows().get("users") >= 3 && manifest.rows().get("audit_log") >= 1, manifest.rows().toString());
            assertTrue(manifest.indexGeneration() > 0 && !manifest.indexFiles().isEmpty());
            try (InputStream catalog = zip.getInputStream(zip.getEntry("catalog.db"))) {
                assertEquals(manifest.catalogSha256(), sha256(catalog));
            }
            assertEquals(manifest.originals(), zip.stream().filter(e -> e.getName().startsWith("originals/")).count());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private record Found(long total, List<String> top) {}

    private record Run(int code, String out, String err) {}

    private static Map<String, Found> searches(Services services) throws Exception {
        Map<String, Found> found = new LinkedHashMap<>();
        for (String q : QUERIES) {
            SearchResult r = services.search.search(new SearchRequest(q, null, null, null, null, null, 1, 10, null));
            found.put(q, new Found(r.total(), r.hits().stream().map(SearchHit::clauseId).toList()));
        }
        assertTrue(found.values().stream().allMatch(f -> f.total() > 0), "every query finds something: " + found);
        return found;
    }

    private static List<DocumentRecord> allDocuments(Services services) {
        List<DocumentRecord> all = new java.util.ArrayList<>(services.catalog.list(DocumentQuery.all(1, 500)));
        all.addAll(services.catalog.list(new DocumentQuery(null, null, null, null, null, null, true, null, 1, 500)));
        return all;
    }

    /** Document id → SHA-256 of the bytes actually in the store. */
    private static Map<String, String> originals(Services services) throws IOException {
        Map<String, String> map = new TreeMap<>();
        for (DocumentRecord doc : allDocuments(services)) {
            map.put(doc.id(), org.hetong.archive.OriginalStore.sha256Of(services.store.pathOf(doc.sha256())));
        }
        return map;
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A transformation of an entry's bytes. */
    private interface Change {
        byte[] apply(String name, byte[] bytes);
    }

    private static void rewrite(Path from, Path to, Predicate<String> keep, Change change) throws IOException {
        try (ZipFile zip = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!keep.test(e.getName())) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(change.apply(e.getName(), bytes));
                out.closeEntry();
            }
        }
    }

    private static void appendEntry(Path zipFile, String name) throws IOException {
        Path copy = zipFile.resolveSibling(zipFile.getFileName() + ".tmp");
        rewrite(zipFile, copy, n -> true, (n, b) -> b);
        try (ZipFile zip = new ZipFile(copy.toFile()); OutputStream file = Files.newOutputStream(zipFile);
             ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(name));
            out.write("evil".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.delete(copy);
    }

    private static String sha256(InputStream in) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }
}
