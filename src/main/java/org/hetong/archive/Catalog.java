package org.hetong.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.hetong.understand.Clause;
import org.hetong.understand.ClauseRole;

/**
 * The SQLite catalog of record: documents, their extracted text and clauses, links, upload jobs.
 *
 * <p>One connection, used under this object's lock: SQLite allows one writer at a time anyway,
 * and the statements here are short. WAL journaling with {@code synchronous=FULL} makes a
 * committed transaction durable before the call returns.
 */
public final class Catalog implements AutoCloseable {
    private final Connection connection;
    private final Path file;

    private Catalog(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    public static Catalog open(Path file) throws IOException {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA synchronous = FULL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.execute("PRAGMA busy_timeout = 10000");
            }
            Migrations.migrate(connection);
            return new Catalog(connection, file.toAbsolutePath());
        } catch (SQLException e) {
            throw new IOException("cannot open the catalog " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- documents ----------------------------------------------------------------------------

    public synchronized Optional<DocumentRecord> find(String id) {
        return queryOne("SELECT * FROM documents WHERE id = ?", id);
    }

    public synchronized Optional<DocumentRecord> findBySha(String sha256) {
        return queryOne("SELECT * FROM documents WHERE sha256 = ?", sha256);
    }

    /** Records a new document in state processing; does nothing when its bytes are already known. */
    public synchronized boolean insertProcessing(String id, String sha256, String fileName, String mediaType, long size) {
        String now = now();
        return update("INSERT OR IGNORE INTO documents (id, sha256, file_name, media_type, size_bytes, status, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, 'processing', ?, ?)", id, sha256, fileName, mediaType, size, now, now) > 0;
    }

    /**
     * As {@link #insertProcessing}, and records which upload item first read the document unless one
     * is recorded already ({@link #setCreatedBy}) — in one transaction.
     */
    public synchronized void insertProcessing(String id, String sha256, String fileName, long size, String createdBy) {
        inDeferredTransaction(() -> {
            insertProcessing(id, sha256, fileName, null, size);
            setCreatedBy(id, createdBy);
        });
    }

    /**
     * Stores what was read from a document, in one transaction: its text, its clauses (replacing
     * any earlier ones), its kind, title and fields; the document becomes {@code indexed}.
     */
    public synchronized void saveUnderstanding(String id, String mediaType, String kind, String title, String contractId,
                                               String fieldsJson, String text, List<Clause> clauses) {
        inTransaction(() -> writeUnderstanding(id, mediaType, kind, title, contractId, fieldsJson, text, clauses));
    }

    /** What OCR did for a document's text: pages read, scanned pages still waiting, and the text ranges it produced (JSON or null). */
    public record OcrRecord(int pages, int pendingPages, String spansJson) {}

    /**
     * Stores everything one reading of a document produced in one transaction — one commit, one
     * fsync, where writing OCR, understanding and facts apart cost three: its OCR record, its text
     * and clauses, kind, title and fields ({@link #saveUnderstanding}), and what family linking and
     * risk flags need ({@link #saveFacts}). The document becomes {@code indexed}. The commit does
     * not wait for the disk ({@link #inDeferredTransaction}): the reading can always be done again.
     */
    public synchronized void saveReading(String id, String mediaType, String kind, String title, String contractId,
                                         String fieldsJson, String text, List<Clause> clauses, OcrRecord ocr,
                                         String factsJson, String risksJson) {
        inDeferredTransaction(() -> {
            update("UPDATE documents SET ocr_pages = ?, ocr_pending_pages = ?, ocr_spans = ? WHERE id = ?",
                    ocr.pages(), ocr.pendingPages(), ocr.spansJson(), id);
            writeUnderstanding(id, mediaType, kind, title, contractId, fieldsJson, text, clauses);
            update("UPDATE documents SET facts_json = ?, risks_json = ? WHERE id = ?", factsJson, risksJson, id);
        });
    }

    private void writeUnderstanding(String id, String mediaType, String kind, String title, String contractId, String fieldsJson,
                                    String text, List<Clause> clauses) throws SQLException {
        update("UPDATE documents SET media_type = ?, kind = ?, title = ?, contract_id = ?, fields_json = ?,"
                + " status = 'indexed', error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ?",
                mediaType, kind, title, contractId, fieldsJson, now(), id);
        update("INSERT OR REPLACE INTO document_text (document_id, text) VALUES (?, ?)", id, text);
        update("DELETE FROM clauses WHERE document_id = ?", id);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO clauses (id, document_id, ordinal, parent_ordinal, level, role, number, number_value,"
                        + " heading, clause_type, secondary_type, text, start_offset, end_offset, searchable)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Clause c : clauses) {
                bind(insert, Clause.idOf(id, c.ordinal()), id, c.ordinal(), c.parentOrdinal(), c.level(),
                        c.role().code(), c.number(), c.numberValue(), c.heading(), c.clauseType(), c.secondaryType(),
                        c.text(), c.start(), c.end(), c.searchable() ? 1 : 0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Records what OCR did for a document: pages read, scanned pages still waiting for OCR, and the
     * ranges of its text that came from OCR (JSON, or null). Written before the document's text, so
     * that it holds for the text stored next.
     */
    public synchronized void setOcr(String id, int ocrPages, int pendingPages, String spansJson) {
        update("UPDATE documents SET ocr_pages = ?, ocr_pending_pages = ?, ocr_spans = ? WHERE id = ?",
                ocrPages, pendingPages, spansJson, id);
    }

    /**
     * Documents waiting for OCR, oldest first: those that failed because OCR was unavailable, and
     * those read without their scanned pages.
     */
    public synchronized List<DocumentRecord> needingOcr(String needsOcrCode) {
        return queryList("SELECT * FROM documents WHERE deleted_at IS NULL AND (ocr_pending_pages > 0"
                + " OR (status = 'failed' AND error_code = ?)) ORDER BY created_at", needsOcrCode);
    }

    /** Stores what family linking and risk flags need of a document (JSON written by the caller). */
    public synchronized void saveFacts(String id, String factsJson, String risksJson) {
        update("UPDATE documents SET facts_json = ?, risks_json = ? WHERE id = ?", factsJson, risksJson, id);
    }

    /** Records which upload item first read a document, unless one is recorded already. */
    public synchronized void setCreatedBy(String id, String createdBy) {
        update("UPDATE documents SET created_by = ? WHERE id = ? AND created_by IS NULL", createdBy, id);
    }

    /**
     * Marks a document failed with a reason code and a message for people. Clauses saved by an
     * earlier, successful reading are removed with it: a failed document has none in the index, so
     * it keeps none here either (and {@link #countClauses()} agrees with the index).
     */
    public synchronized void markFailed(String id, String mediaType, String errorCode, String errorMessage) {
        inTransaction(() -> {
            update("UPDATE documents SET status = 'failed', media_type = COALESCE(?, media_type), error_code = ?,"
                    + " error_message = ?, updated_at = ? WHERE id = ?", mediaType, errorCode, errorMessage, now(), id);
            update("DELETE FROM clauses WHERE document_id = ?", id);
        });
    }

    /** Moves a document to the trash: kept with its original, out of lists and search. */
    public synchronized boolean softDelete(String id) {
        return update("UPDATE documents SET deleted_at = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL", now(), now(), id) > 0;
    }

    /** Takes a document back out of the trash. */
    public synchronized boolean restore(String id) {
        return update("UPDATE documents SET deleted_at = NULL, updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL", now(), id) > 0;
    }

    public synchronized void setContract(String id, String contractId) {
        update("UPDATE documents SET contract_id = ?, updated_at = ? WHERE id = ?", contractId, now(), id);
    }

    public synchronized List<DocumentRecord> list(DocumentQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM documents WHERE ").append(query.deletedClause());
        List<Object> args = new ArrayList<>();
        query.appendWhere(sql, args);
        sql.append(" ORDER BY ").append(query.orderBy()).append(" LIMIT ? OFFSET ?");
        args.add(query.size());
        args.add((long) (query.page() - 1) * query.size());
        return queryList(sql.toString(), args.toArray());
    }

    public synchronized long count(DocumentQuery query) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM documents WHERE ").append(query.deletedClause());
        List<Object> args = new ArrayList<>();
        query.appendWhere(sql, args);
        return queryLong(sql.toString(), args.toArray());
    }

    public synchronized long countDocuments() {
        return queryLong("SELECT COUNT(*) FROM documents WHERE deleted_at IS NULL");
    }

    /**
     * Searchable clauses of documents not deleted: all searchable clauses (from the covering index
     * {@code clauses_searchable}) less those of the few deleted documents, each looked up by its document.
     * The plain join read every clause row, text and all: 0.7 s at 1M clauses against 0.06 s.
     */
    public synchronized long countClauses() {
        return queryLong("SELECT (SELECT COUNT(*) FROM clauses WHERE searchable = 1)"
                + " - (SELECT COUNT(*) FROM documents d CROSS JOIN clauses c ON c.document_id = d.id"
                + " WHERE d.deleted_at IS NOT NULL AND c.searchable = 1)");
    }

    /** Contracts with at least one risk (optionally whose risks mention {@code code}), newest first. */
    public synchronized List<DocumentRecord> contractsWithRisks(String code, int page, int size) {
        return queryList("SELECT * FROM documents WHERE deleted_at IS NULL AND kind = 'contract' AND risks_json IS NOT NULL"
                + " AND risks_json <> '[]' AND (? IS NULL OR risks_json LIKE ?) ORDER BY title LIMIT ? OFFSET ?",
                code, code == null ? null : "%" + code + "%", size, (long) (page - 1) * size);
    }

    public synchronized long countContractsWithRisks(String code) {
        return queryLong("SELECT COUNT(*) FROM documents WHERE deleted_at IS NULL AND kind = 'contract' AND risks_json IS NOT NULL"
                + " AND risks_json <> '[]' AND (? IS NULL OR risks_json LIKE ?)", code, code == null ? null : "%" + code + "%");
    }

    /** Clause headings of the archive with how often each occurs, most frequent first. */
    public synchronized java.util.Map<String, Long> headingCounts(int limit) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Object[] row : query("SELECT c.heading, COUNT(*) FROM clauses c JOIN documents d ON d.id = c.document_id"
                + " WHERE d.deleted_at IS NULL AND c.searchable = 1 AND c.heading IS NOT NULL GROUP BY c.heading"
                + " ORDER BY 2 DESC LIMIT ?", rs -> new Object[] {rs.getString(1), rs.getLong(2)}, limit)) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Ids of documents left in state processing (by a crash or a stop) that need another try. */
    public synchronized List<DocumentRecord> unfinished() {
        return queryList("SELECT * FROM documents WHERE status = 'processing' ORDER BY created_at");
    }

    /** Calls {@code action} for every indexed, not deleted document, in id order. */
    /** The ids of the documents {@link #forEachIndexed} visits, without reading their rows. */
    public synchronized java.util.Set<String> indexedDocumentIds() {
        return new java.util.HashSet<>(query("SELECT id FROM documents WHERE status = 'indexed' AND deleted_at IS NULL",
                rs -> rs.getString(1)));
    }

    public void forEachIndexed(Consumer<DocumentRecord> action) {
        String after = "";
        while (true) {
            List<DocumentRecord> batch;
            synchronized (this) {
                batch = queryList("SELECT * FROM documents WHERE status = 'indexed' AND deleted_at IS NULL AND id > ?"
                        + " ORDER BY id LIMIT 500", after);
            }
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(action);
            after = batch.get(batch.size() - 1).id();
        }
    }

    // ---- text and clauses ---------------------------------------------------------------------

    public synchronized Optional<String> text(String documentId) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT text FROM document_text WHERE document_id = ?")) {
            statement.setString(1, documentId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new CatalogException("reading the text of " + documentId, e);
        }
    }

    public synchronized List<Clause> clauses(String documentId) {
        List<Clause> clauses = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM clauses WHERE document_id = ? ORDER BY ordinal")) {
            statement.setString(1, documentId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    clauses.add(clauseOf(rs));
                }
            }
        } catch (SQLException e) {
            throw new CatalogException("reading the clauses of " + documentId, e);
        }
        return clauses;
    }

    // ---- links ----------------------------------------------------------------------------------

    public synchronized void addLink(LinkRecord link) {
        update("INSERT OR IGNORE INTO links (from_id, to_id, relation, name, reason, confidence, origin, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", link.fromId(), link.toId(), link.relation(), link.name(),
                link.reason(), link.confidence(), link.origin(), now());
    }

    /** Links from or to a document. */
    public synchronized List<LinkRecord> links(String documentId) {
        List<LinkRecord> links = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT * FROM links WHERE from_id = ? OR to_id = ? ORDER BY created_at, name")) {
            statement.setString(1, documentId);
            statement.setString(2, documentId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    links.add(new LinkRecord(rs.getString("from_id"), rs.getString("to_id"), rs.getString("relation"),
                            rs.getString("name"), rs.getString("reason"), rs.getDouble("confidence"), rs.getString("origin")));
                }
            }
        } catch (SQLException e) {
            throw new CatalogException("reading the links of " + documentId, e);
        }
        return links;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new CatalogException("closing the catalog", e);
        }
    }

    // ---- settings -------------------------------------------------------------------------------

    /** A value the process recorded under {@code key} (what it did last), if any. */
    public synchronized Optional<String> setting(String key) {
        List<String> values = query("SELECT value FROM settings WHERE key = ?", rs -> rs.getString(1), key);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public synchronized void setSetting(String key, String value) {
        update("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
    }

    // ---- backups --------------------------------------------------------------------------------

    /**
     * Writes a consistent copy of the whole catalog (accounts and audit log included) to
     * {@code target}, which must not exist, with SQLite's {@code VACUUM INTO} on a connection of its
     * own: a WAL reader sees one committed state and does not hold up this catalog's writers.
     */
    public void snapshotTo(Path target) throws IOException {
        try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement statement = reader.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
            }
            try (PreparedStatement vacuum = reader.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, target.toAbsolutePath().toString());
                vacuum.execute();
            }
        } catch (SQLException e) {
            throw new IOException("cannot copy the catalog " + file + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** The number of rows of each table of record, by table name. */
    public synchronized java.util.Map<String, Long> rowCounts() {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String table : List.of("documents", "document_text", "clauses", "links", "upload_jobs", "upload_items", "users",
                "api_tokens", "audit_log")) {
            counts.put(table, queryLong("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    /**
     * The SHA-256 of every original the catalog refers to: of each document (deleted and failed
     * ones included) and of each upload item (queued ones have no document yet), without repeats.
     */
    public synchronized List<String> originalDigests() {
        return query("SELECT sha256 FROM documents UNION SELECT sha256 FROM upload_items WHERE sha256 IS NOT NULL ORDER BY 1",
                rs -> rs.getString(1));
    }

    /** The SHA-256 of every document's original (those that must be present). */
    public synchronized java.util.Set<String> documentDigests() {
        return new java.util.HashSet<>(query("SELECT sha256 FROM documents", rs -> rs.getString(1)));
    }

    // ---- plumbing -------------------------------------------------------------------------------

    interface SqlWork {
        void run() throws SQLException;
    }

    synchronized void inTransaction(SqlWork work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CatalogException("catalog transaction", e);
        }
    }

    /**
     * Runs {@code work} as one transaction whose commit does not wait for the disk: for results
     * that can be produced again from what is already durable (a reading of a stored original, an
     * upload item's progress and outcome). In WAL mode with {@code synchronous=NORMAL} the commit is
     * atomic and survives a crash of the process; only a power cut can take back the last of them,
     * and then the catalog is as it was a moment earlier, consistent — the document is read again
     * (the queue re-runs items still open; start-up finishes documents left processing and repairs
     * the index). They become durable with the next ordinary ({@code synchronous=FULL}) commit, which
     * syncs the write-ahead log they are in: a job's closing, any upload's acknowledgement, any
     * account or audit write, or the close of the catalog. This saves the fsync that made catalog
     * commits the largest cost of ingest (BENCHMARKS.md).
     */
    synchronized void inDeferredTransaction(SqlWork work) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = NORMAL");
            try {
                inTransaction(work);
            } finally {
                statement.execute("PRAGMA synchronous = FULL");
            }
        } catch (SQLException e) {
            throw new CatalogException("catalog transaction", e);
        }
    }

    synchronized int update(String sql, Object... args) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogException(sql, e);
        }
    }

    synchronized long queryLong(String sql, Object... args) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new CatalogException(sql, e);
        }
    }

    /** Turns one result row into a value. */
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    synchronized <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        List<T> list = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    list.add(mapper.map(rs));
                }
            }
        } catch (SQLException e) {
            throw new CatalogException(sql, e);
        }
        return list;
    }

    private Optional<DocumentRecord> queryOne(String sql, Object... args) {
        List<DocumentRecord> list = queryList(sql, args);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    private List<DocumentRecord> queryList(String sql, Object... args) {
        List<DocumentRecord> list = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    list.add(documentOf(rs));
                }
            }
        } catch (SQLException e) {
            throw new CatalogException(sql, e);
        }
        return list;
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (arg instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else if (arg instanceof Long n) {
                statement.setLong(i + 1, n);
            } else if (arg instanceof Double d) {
                statement.setDouble(i + 1, d);
            } else {
                statement.setString(i + 1, arg.toString());
            }
        }
    }

    private static DocumentRecord documentOf(ResultSet rs) throws SQLException {
        return new DocumentRecord(rs.getString("id"), rs.getString("sha256"), rs.getString("file_name"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("kind"), rs.getString("title"),
                rs.getString("status"), rs.getString("error_code"), rs.getString("error_message"),
                rs.getString("contract_id"), rs.getString("fields_json"), rs.getString("created_at"),
                rs.getString("updated_at"), rs.getString("deleted_at"), rs.getString("facts_json"), rs.getString("risks_json"),
                rs.getString("created_by"), rs.getInt("ocr_pages"), rs.getInt("ocr_pending_pages"), rs.getString("ocr_spans"));
    }

    private static Clause clauseOf(ResultSet rs) throws SQLException {
        int parent = rs.getInt("parent_ordinal");
        Integer parentOrdinal = rs.wasNull() ? null : parent;
        int value = rs.getInt("number_value");
        Integer numberValue = rs.wasNull() ? null : value;
        return new Clause(rs.getInt("ordinal"), parentOrdinal, rs.getInt("level"), ClauseRole.fromCode(rs.getString("role")),
                rs.getString("number"), numberValue, rs.getString("heading"), rs.getString("text"),
                rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getInt("searchable") == 1,
                rs.getString("clause_type"), rs.getString("secondary_type"));
    }

    static String now() {
        return Instant.now().toString();
    }

    /** A catalog statement failed; names the statement. */
    public static final class CatalogException extends RuntimeException {
        public CatalogException(String what, SQLException cause) {
            super("catalog error in " + what + ": " + cause.getMessage(), cause);
        }
    }
}
