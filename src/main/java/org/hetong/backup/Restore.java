package org.hetong.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.hetong.archive.AuditLog;
import org.hetong.archive.Catalog;
import org.hetong.archive.DataDirectory;
import org.hetong.archive.OriginalStore;
import org.hetong.index.ClauseIndex;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.index.IndexAnalyzers;
import org.hetong.ingest.Reindexer;
import org.hetong.ingest.Verifier;

/**
 * Restores a backup archive ({@link BackupWriter}) into an empty data directory, on this machine
 * or another: the catalog after checking its SHA-256 against the manifest, every original after
 * checking its bytes against its name, the index commit after checking each file. The index is
 * used as it is when it is complete and agrees with the catalog ({@link Verifier}, clause counts,
 * the same analysis configuration); otherwise it is rebuilt from the catalog. Anything damaged
 * stops the restore and leaves the target as empty as it was found.
 */
public final class Restore {
    private static final Pattern ORIGINAL = Pattern.compile("originals/([0-9a-f]{2})/([0-9a-f]{2})/([0-9a-f]{64})");
    private static final Pattern INDEX = Pattern.compile("index/(" + BackupManifest.INDEX_FILE.pattern() + ")");
    private static final Pattern FOLDER = Pattern.compile("(originals|index)/([0-9a-f]{2}/){0,2}");
    private static final String CATALOG = "catalog.db";

    /** What was restored; {@code indexNote} says why the index was rebuilt (null: taken from the archive). */
    public record Outcome(BackupManifest manifest, long documents, long originals, long clauses, boolean indexRebuilt,
                          String indexNote) {}

    private final IndexAnalyzers analyzers;

    public Restore(IndexAnalyzers analyzers) {
        this.analyzers = analyzers;
    }

    public Outcome restore(Path archive, Path data, PrintStream progress) throws IOException {
        Path target = data.toAbsolutePath().normalize();
        boolean created = requireEmpty(target);
        try (ZipFile zip = open(archive)) {
            BackupManifest manifest = manifestOf(zip, archive);
            Map<String, ZipEntry> indexEntries = new HashMap<>();
            List<ZipEntry> originals = new ArrayList<>();
            sortEntries(zip, indexEntries, originals);
            try (DataDirectory dir = DataDirectory.open(target).lock()) {
                return restoreInto(dir, zip, manifest, indexEntries, originals, archive, progress);
            } catch (IOException | RuntimeException e) {
                emptyAgain(target, created);
                throw e;
            }
        }
    }

    private Outcome restoreInto(DataDirectory dir, ZipFile zip, BackupManifest manifest, Map<String, ZipEntry> indexEntries,
                                List<ZipEntry> originals, Path archive, PrintStream progress) throws IOException {
        progress.println("恢复目录（catalog.db，含账号与审计日志）…");
        Path part = dir.scratch().resolve(CATALOG + ".part");
        String sha = extract(zip, zip.getEntry(CATALOG), part);
        if (!sha.equals(manifest.catalogSha256())) {
            throw new BackupException("备份中的目录文件 catalog.db 校验失败（SHA-256 与清单不符）：备份文件已损坏，无法恢复。");
        }
        Files.move(part, dir.catalogFile());

        progress.println("恢复并校验 " + originals.size() + " 个原件 …");
        OriginalStore store = new OriginalStore(dir.originals(), dir.scratch());
        for (ZipEntry entry : originals) {
            String expected = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
            try (InputStream in = zip.getInputStream(entry)) {
                String actual = store.put(in).sha256();
                if (!actual.equals(expected)) {
                    throw new BackupException("备份中的原件 " + expected + " 校验失败（内容的 SHA-256 为 " + actual
                            + "）：备份文件已损坏，无法恢复。");
                }
            }
        }
        if (originals.size() != manifest.originals()) {
            throw new BackupException("备份不完整：清单记有 " + manifest.originals() + " 个原件，备份中只有 " + originals.size() + " 个。");
        }
        String indexNote = restoreIndex(zip, manifest, indexEntries, dir.index());

        try (Catalog catalog = Catalog.open(dir.catalogFile())) {
            List<String> missing = catalog.documentDigests().stream().filter(d -> !store.contains(d)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new BackupException("备份不完整：目录记录的 " + missing.size() + " 个原件不在备份中（例如 " + missing.get(0) + "）。");
            }
            for (String table : List.of("documents", "clauses", "users", "audit_log")) {
                Long expected = manifest.rows().get(table);
                long actual = catalog.rowCounts().get(table);
                if (expected != null && expected != actual) {
                    throw new BackupException("恢复的目录中 " + table + " 有 " + actual + " 行，清单记为 " + expected + "：备份文件不一致。");
                }
            }
            ClauseIndex index = openIndex(dir.index(), indexNote == null);
            try {
                Verifier verifier = new Verifier(catalog, store, index);
                if (indexNote == null) {
                    indexNote = disagreement(catalog, index);
                }
                List<String> problems = indexNote == null ? verifier.verify() : List.of();
                if (indexNote == null && !problems.isEmpty()) {
                    indexNote = problems.get(0);
                }
                if (indexNote != null) {
                    progress.println("索引需要重建（" + indexNote + "），正在从目录重建 …");
                    new Reindexer(catalog, index).rebuild(n -> { });
                    problems = verifier.verify();
                }
                if (!problems.isEmpty()) {
                    throw new BackupException("恢复后目录、原件与索引不一致：" + String.join("；", problems));
                }
                index.refresh();
                long clauses = index.clauseCount();
                AuditLog audit = new AuditLog(catalog);
                audit.record(null, "backup-restore", archive.getFileName().toString(), "从备份恢复（备份时间 " + manifest.createdAt() + "，"
                        + manifest.documents() + " 个文档" + (indexNote == null ? "" : "，索引已重建：" + indexNote) + "）", null, 0);
                audit.close();
                return new Outcome(manifest, manifest.documents(), originals.size(), clauses, indexNote != null, indexNote);
            } finally {
                index.close();
            }
        }
    }

    /** Extracts the index commit, checking each file; returns why it cannot be used, or null. */
    private static String restoreIndex(ZipFile zip, BackupManifest manifest, Map<String, ZipEntry> entries, Path folder) throws IOException {
        if (manifest.indexFiles().isEmpty() || entries.isEmpty()) {
            return "备份中没有索引";
        }
        Files.createDirectories(folder);
        for (BackupManifest.IndexFile file : manifest.indexFiles()) {
            ZipEntry entry = entries.get(file.name());
            if (entry == null) {
                return "备份中缺少索引文件 " + file.name();
            }
            if (!extract(zip, entry, folder.resolve(file.name())).equals(file.sha256())) {
                return "索引文件 " + file.name() + " 校验失败";
            }
        }
        if (entries.size() != manifest.indexFiles().size()) {
            return "备份中的索引文件与清单不符";
        }
        try (Directory directory = FSDirectory.open(folder)) {
            long generation = SegmentInfos.readLatestCommit(directory).getGeneration();
            return generation == manifest.indexGeneration() ? null
                    : "索引提交代数为 " + generation + "，清单记为 " + manifest.indexGeneration();
        } catch (IOException e) {
            return "索引无法读取：" + e.getMessage();
        }
    }

    /** Opens the restored index; a damaged one is emptied so that it can be rebuilt. */
    private ClauseIndex openIndex(Path folder, boolean fromArchive) throws IOException {
        if (fromArchive) {
            try {
                return new LuceneClauseIndex(folder, analyzers);
            } catch (IOException | RuntimeException e) {
                // Falls through to an empty index, which disagreement() then reports.
            }
        }
        BackupWriter.deleteTree(folder);
        return new LuceneClauseIndex(Files.createDirectories(folder), analyzers);
    }

    /** Why the index cannot serve this catalog (another analysis, other clause counts), or null. */
    private static String disagreement(Catalog catalog, ClauseIndex index) throws IOException {
        if (!index.isAnalysisCurrent()) {
            return "索引按另一套分析配置建立";
        }
        index.refresh();
        if (index.clauseCount() != catalog.countClauses()) {
            return "索引有 " + index.clauseCount() + " 个条款，目录有 " + catalog.countClauses() + " 个";
        }
        return null;
    }

    /** Refuses anything but a missing or empty directory; returns whether it has to be created. */
    private static boolean requireEmpty(Path target) throws IOException {
        if (!Files.exists(target)) {
            return true;
        }
        if (!Files.isDirectory(target)) {
            throw new BackupException("恢复目标 " + target + " 是一个文件，不是目录；请用 --data 指定一个新的或空的目录。");
        }
        try (Stream<Path> children = Files.list(target)) {
            List<String> some = children.limit(3).map(p -> p.getFileName().toString()).toList();
            if (!some.isEmpty()) {
                throw new BackupException("恢复目标 " + target + " 不是空目录（其中有 " + String.join("、", some)
                        + (some.size() == 3 ? " 等" : "") + "）。恢复只写入空目录，以免覆盖现有档案；请用 --data 指定一个新的或空的目录。");
            }
        }
        return false;
    }

    private static ZipFile open(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new BackupException("找不到备份文件 " + archive + "。");
        }
        try {
            return new ZipFile(archive.toFile());
        } catch (ZipException e) {
            throw new BackupException("文件 " + archive + " 不是 hetong 备份（不是有效的 ZIP：" + e.getMessage() + "）。");
        }
    }

    private static BackupManifest manifestOf(ZipFile zip, Path archive) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null || zip.getEntry(CATALOG) == null) {
            throw new BackupException("文件 " + archive + " 不是 hetong 备份：缺少 " + (entry == null ? BackupManifest.ENTRY : CATALOG) + "。");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return BackupManifest.read(in);
        }
    }

    /** Sorts the entries, refusing any name this hetong does not write: no entry can name a path of its own. */
    private static void sortEntries(ZipFile zip, Map<String, ZipEntry> index, List<ZipEntry> originals) throws BackupException {
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            ZipEntry entry = all.nextElement();
            String name = entry.getName();
            Matcher original = ORIGINAL.matcher(name);
            Matcher indexFile = INDEX.matcher(name);
            if (original.matches() && original.group(3).startsWith(original.group(1) + original.group(2))) {
                originals.add(entry);
            } else if (indexFile.matches()) {
                index.put(indexFile.group(1), entry);
            } else if (!name.equals(CATALOG) && !name.equals(BackupManifest.ENTRY) && !FOLDER.matcher(name).matches()) {
                throw new BackupException("备份中有不认识的条目「" + name + "」：不是 hetong 制作的备份，或已被改动；为安全起见不恢复。");
            }
        }
    }

    private static String extract(ZipFile zip, ZipEntry entry, Path file) throws IOException {
        MessageDigest digest = BackupWriter.sha256();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
            Files.copy(in, file);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Leaves the target as it was found: removed when this restore created it, else emptied. */
    private static void emptyAgain(Path target, boolean created) {
        try {
            BackupWriter.deleteTree(target);
            if (!created) {
                Files.createDirectories(target);
            }
        } catch (NoSuchFileException | DirectoryNotEmptyException ignored) {
            // Nothing left to remove, or something else writes there: leave it to the person.
        } catch (IOException ignored) {
            // Best effort: the error that stopped the restore is what matters.
        }
    }
}
