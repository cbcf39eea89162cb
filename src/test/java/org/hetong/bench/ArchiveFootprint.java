package org.hetong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What an archive holds and what it costs on disk: originals, catalog, index, and the extracted
 * text they derive from (read from the catalog read-only, with no hetong process holding it).
 */
record ArchiveFootprint(long originalsBytes, long catalogBytes, long indexBytes, long textBytes, long documents, long clauses,
                        long searchableClauses) {

    static ArchiveFootprint of(Path data) throws IOException {
        long text = 0;
        long documents = 0;
        long clauses = 0;
        long searchable = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + data.resolve("catalog.db").toAbsolutePath() + "?mode=ro");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(LENGTH(CAST(text AS BLOB))), 0) FROM document_text")) {
                text = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM documents")) {
                documents = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(searchable), 0) FROM clauses")) {
                clauses = rs.getLong(1);
                searchable = rs.getLong(2);
            }
        } catch (SQLException e) {
            throw new IOException("cannot read the catalog of " + data + ": " + e.getMessage(), e);
        }
        long catalog = size(data.resolve("catalog.db")) + size(data.resolve("catalog.db-wal"));
        return new ArchiveFootprint(size(data.resolve("originals")), catalog, size(data.resolve("index")), text, documents, clauses,
                searchable);
    }

    static long size(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        if (Files.isRegularFile(p)) {
            return Files.size(p);
        }
        try (Stream<Path> walk = Files.walk(p)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // a file Lucene just merged away
                }
            }).sum();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d documents, %,d clauses (%,d searchable); extracted text %.1f MB; index %.1f MB (%.2f× text);"
                        + " catalog %.1f MB (%.2f× text); originals %.1f MB", documents, clauses, searchableClauses, textBytes / 1e6,
                indexBytes / 1e6, indexBytes / (double) Math.max(1, textBytes), catalogBytes / 1e6,
                catalogBytes / (double) Math.max(1, textBytes), originalsBytes / 1e6);
    }
}
