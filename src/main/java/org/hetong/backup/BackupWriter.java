package org.hetong.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.hetong.archive.AuditLog;
import org.hetong.archive.Catalog;
import org.hetong.archive.OriginalStore;
import org.hetong.index.ClauseIndex;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.ingest.Reindexer;

/**
 * Writes one backup archive (a ZIP: {@code catalog.db}, {@code index/…}, {@code originals/ab/cd/…},
 * {@code manifest.json}) of a data directory that may be in use, without stopping imports or
 * searches.
 *
 * <p>The three parts are taken one after the other: the catalog with SQLite's {@code VACUUM INTO}
 * (one committed state, accounts and audit log included), then the index's last commit through
 * its {@code SnapshotDeletionPolicy} (its files are copied, then released), then the originals the
 * catalog copy refers to — immutable and content-addressed, so any later import cannot change them;
 * each is checked against its SHA-256 on the way. An import running meanwhile can make the index
 * commit a little ahead of or behind the catalog copy; since the index is derived, the copied
 * commit is brought in line with the copied catalog ({@link Reindexer#repair}, or a rebuild when
 * the clause counts still differ) before it goes into the archive. So the archive's catalog,
 * originals and index always agree, as {@code hetong verify} would check.
 */
public final class BackupWriter {
    private final Path scratch;
    private final Catalog catalog;
    private final ClauseIndex index;
    private final OriginalStore store;
    private final AuditLog audit;

    public BackupWriter(Path scratch, Catalog catalog, ClauseIndex index, OriginalStore store, AuditLog audit) {
        this.scratch = scratch;
        this.catalog = catalog;
        this.index = index;
        this.store = store;
        this.audit = audit;
    }

    /** Writes the archive to {@code target} (which must not exist), atomically; {@code madeBy} says who asked. */
    public BackupManifest write(Path target, String madeBy) throws IOException {
        if (Files.exists(target)) {
            throw new BackupException("备份文件 " + target + " 已存在；备份不覆盖已有文件，请换一个文件名。");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new BackupException("备份文件所在的目录 " + parent + " 不存在；请先创建它，或换一个位置。");
        }
        Files.createDirectories(scratch);
        Path staging = Files.createTempDirectory(scratch, "backup-");
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Staged staged = stage(staging);
            BackupManifest manifest = writeZip(staged, part, madeBy);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
            return manifest;
        } finally {
            Files.deleteIfExists(part);
            deleteTree(staging);
        }
    }

    /** The catalog copy and the matching index commit, in the staging folder. */
    private record Staged(Path catalog, Path index, long indexGeneration, long liveIndexGeneration, Collection<String> indexFiles,
                          Map<String, Long> rows, long searchableClauses, long indexedClauses, List<String> digests,
                          Set<String> requiredDigests) {}

    private Staged stage(Path staging) throws IOException {
        if (audit != null) {
            audit.flush(); // what was recorded until now goes into the copy
        }
        Path catalogCopy = staging.resolve("catalog.db");
        catalog.snapshotTo(catalogCopy);
        Path indexCopy = Files.createDirectories(staging.resolve("index"));
        long liveGeneration;
        try (ClauseIndex.Snapshot snapshot = index.snapshot()) {
            liveGeneration = snapshot.generation();
            for (String name : snapshot.fileNames()) {
                Files.copy(snapshot.folder().resolve(name), indexCopy.resolve(name));
            }
        }
        Map<String, Long> rows;
        long searchable;
        long indexed;
        List<String> digests;
        Set<String> required;
        try (Catalog copy = Catalog.open(catalogCopy); ClauseIndex copyIndex = new LuceneClauseIndex(indexCopy, index.analyzers())) {
            Reindexer reindexer = new Reindexer(copy, copyIndex);
            reindexer.repair();
            copyIndex.refresh();
            searchable = copy.countClauses();
            if (copyIndex.clauseCount() != searchable) {
                reindexer.rebuild(n -> { });
            }
            copyIndex.commit();
            indexed = copyIndex.clauseCount();
            rows = copy.rowCounts();
            digests = copy.originalDigests();
            required = copy.documentDigests();
        }
        if (indexed != searchable) {
            throw new IOException("the index copy holds " + indexed + " clauses but its catalog " + searchable + " after a rebuild");
        }
        try (Directory directory = FSDirectory.open(indexCopy)) {
            SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
            return new Staged(catalogCopy, indexCopy, commit.getGeneration(), liveGeneration, commit.files(true), rows, searchable,
                    indexed, digests, required);
        }
    }

    private BackupManifest writeZip(Staged staged, Path part, String madeBy) throws IOException {
        List<BackupManifest.IndexFile> indexFiles = new ArrayList<>();
        String catalogSha;
        long originals = 0;
        long originalBytes = 0;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16))) {
            zip.setLevel(Deflater.BEST_SPEED);
            catalogSha = copyEntry(zip, "catalog.db", staged.catalog());
            for (String name : staged.indexFiles().stream().sorted().toList()) {
                Path file = staged.index().resolve(name);
                indexFiles.add(new BackupManifest.IndexFile(name, Files.size(file), copyEntry(zip, "index/" + name, file)));
            }
            for (String sha : staged.digests()) {
                Path original = store.pathOf(sha);
                if (!Files.exists(original)) {
                    if (staged.requiredDigests().contains(sha)) {
                        throw new BackupException("原件缺失：目录记录的原件 " + sha + " 不在 originals/ 中。备份已中止；"
                                + "请运行 hetong verify 查看受影响的文档。");
                    }
                    continue; // an upload item refused before its bytes were kept
                }
                String actual = copyEntry(zip, "originals/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha, original);
                if (!actual.equals(sha)) {
                    throw new BackupException("原件损坏：originals/ 中的 " + sha + " 与其 SHA-256 不符（实际为 " + actual
                            + "）。备份已中止；请运行 hetong verify 查看受影响的文档。");
                }
                originals++;
                originalBytes += Files.size(original);
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, Instant.now().toString(), madeBy, catalogSha,
                    Files.size(staged.catalog()), staged.indexGeneration(), staged.liveIndexGeneration(), index.analyzers().fingerprint(),
                    indexFiles, staged.rows(), staged.searchableClauses(), staged.indexedClauses(), originals, originalBytes);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(manifest.toJson());
            zip.closeEntry();
            zip.finish();
            zip.flush();
            channel.force(true);
            return manifest;
        }
    }

    /** Copies a file into the archive as {@code name}; returns the SHA-256 of the bytes copied. */
    private static String copyEntry(ZipOutputStream zip, String name, Path file) throws IOException {
        MessageDigest digest = sha256();
        zip.putNextEntry(new ZipEntry(name));
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
