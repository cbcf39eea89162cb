package org.hetong.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.hetong.archive.Json;

/**
 * What a backup archive holds, written into it as {@code manifest.json}: the format version, when
 * and how it was made, the SHA-256 of the catalog file, the index commit with the SHA-256 of each of
 * its files, and the counts that a restore checks against (catalog rows, searchable and indexed
 * clauses, originals). Not for reading the archive's contents: {@link Restore} does that.
 */
public record BackupManifest(int format, String createdAt, String madeBy, String catalogSha256, long catalogBytes,
                             long indexGeneration, long liveIndexGeneration, String analysis, List<IndexFile> indexFiles,
                             Map<String, Long> rows, long searchableClauses, long indexedClauses, long originals,
                             long originalBytes) {
    /** The archive layout this hetong writes and reads. */
    public static final int FORMAT = 1;
    public static final String ENTRY = "manifest.json";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    /** Lucene's own file names: segments_N, _0.cfs, _0_Lucene90_0.doc … never a path. */
    static final Pattern INDEX_FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,200}");

    /** One file of the index commit in the archive. */
    public record IndexFile(String name, long bytes, String sha256) {
        public IndexFile {
            if (name == null || !INDEX_FILE.matcher(name).matches()) {
                throw new IllegalArgumentException("not an index file name: " + name);
            }
            if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
                throw new IllegalArgumentException("index file " + name + " has no valid SHA-256: " + sha256);
            }
        }
    }

    public BackupManifest {
        Objects.requireNonNull(createdAt, "createdAt");
        if (catalogSha256 == null || !SHA256_HEX.matcher(catalogSha256).matches()) {
            throw new IllegalArgumentException("the manifest has no valid catalog SHA-256: " + catalogSha256);
        }
        indexFiles = indexFiles == null ? List.of() : List.copyOf(indexFiles);
        rows = rows == null ? Map.of() : Map.copyOf(rows);
    }

    /** The number of documents in the catalog (deleted and failed ones included). */
    public long documents() {
        return rows.getOrDefault("documents", 0L);
    }

    public byte[] toJson() throws IOException {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    }

    /** Reads a manifest, refusing one of a format this hetong does not know. */
    public static BackupManifest read(InputStream in) throws IOException {
        BackupManifest manifest;
        try {
            manifest = Json.MAPPER.readValue(in, BackupManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new BackupException("备份清单 " + ENTRY + " 无法读取（" + e.getMessage() + "）：文件损坏或不是 hetong 备份。");
        }
        if (manifest.format() != FORMAT) {
            throw new BackupException("备份格式版本为 " + manifest.format() + "，本版 hetong 只认识版本 " + FORMAT
                    + "：请用制作该备份的 hetong 版本（或更新版本）恢复。");
        }
        return manifest;
    }
}
