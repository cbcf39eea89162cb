package org.hetong.archive;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Upload jobs and their items, kept in the catalog: the persistent work queue of imports.
 *
 * <p>An item is recorded as {@code queued} only once its original is durably in the store, and an
 * upload is acknowledged only after that; workers {@link #claimNext() claim} items; after a crash,
 * {@link #requeueUnfinished()} puts items that were being processed back in the queue. Every change
 * bumps the item's {@code version}, so pages can poll for what changed since their last look.
 */
public final class UploadJobs {
    public static final String QUEUED = "queued";
    public static final String PROCESSING = "processing";
    public static final String STORED = "stored";
    public static final String DUPLICATE = "duplicate";
    public static final String FAILED = "failed";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Catalog catalog;
    private final AtomicLong version;

    public UploadJobs(Catalog catalog) {
        this.catalog = catalog;
        this.version = new AtomicLong(catalog.queryLong("SELECT COALESCE(MAX(version), 0) FROM upload_items"));
    }

    /** A job: one upload from the page (possibly in several requests), one CLI run, or a retry. */
    public record Job(String id, String createdAt, String state, Integer expected, long received, String source,
                      String finishedAt) {}

    /**
     * One file of a job, or one file found inside a mail or archive of the job. {@code progress} says
     * how far a long step has come while the item is processed (e.g. {@code OCR 3/12 页}), else null.
     */
    public record Item(String jobId, int seq, String name, String status, String sha256, String documentId,
                       String errorCode, String errorMessage, Integer parentSeq, Long sizeBytes, long version, String progress) {
        public boolean isFinished() {
            return STORED.equals(status) || DUPLICATE.equals(status) || FAILED.equals(status);
        }
    }

    /**
     * A file arriving in an upload: stored and queued, already in the archive (duplicate), or
     * refused at the door with a reason.
     */
    public record Arrival(String name, String sha256, long sizeBytes, String status, String errorCode, String errorMessage) {
        public Arrival {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            if (!status.equals(QUEUED) && !status.equals(DUPLICATE) && !status.equals(FAILED)) {
                throw new IllegalArgumentException("an arrival is queued, duplicate or failed, not " + status);
            }
            if (status.equals(FAILED) ? errorCode == null : sha256 == null) {
                throw new IllegalArgumentException("a stored arrival needs its digest, a failed one its reason");
            }
        }

        public static Arrival queued(String name, String sha256, long size) {
            return new Arrival(name, sha256, size, QUEUED, null, null);
        }

        public static Arrival duplicate(String name, String sha256, long size) {
            return new Arrival(name, sha256, size, DUPLICATE, null, null);
        }

        public static Arrival refused(String name, long size, String errorCode, String message) {
            return new Arrival(name, null, size, FAILED, errorCode, message);
        }

        /** Bytes already in the archive as a document that could not be read: the same reason again. */
        public static Arrival knownFailure(String name, String sha256, long size, String errorCode, String message) {
            return new Arrival(name, sha256, size, FAILED, errorCode, message);
        }
    }

    /** Counts of a job's items by status. */
    public record Counts(long total, long queued, long processing, long stored, long duplicate, long failed) {
        public long done() {
            return stored + duplicate;
        }

        public long pending() {
            return queued + processing;
        }
    }

    public Job create(String source, Integer expected) {
        if (expected != null && expected < 0) {
            throw new IllegalArgumentException("expected must not be negative: " + expected);
        }
        String id = HexFormat.of().formatHex(randomBytes());
        String now = Catalog.now();
        catalog.update("INSERT INTO upload_jobs (id, created_at, state, expected, received, source) VALUES (?, ?, 'running', ?, 0, ?)",
                id, now, expected, source);
        return new Job(id, now, "running", expected, 0, source, null);
    }

    /**
     * Records the files of one request in one transaction, and closes the job at once when nothing
     * of it needs processing. Returns the items as recorded.
     */
    public List<Item> arrive(String jobId, List<Arrival> arrivals) {
        String now = Catalog.now();
        int[] range = new int[2];
        catalog.inTransaction(() -> {
            int seq = (int) catalog.queryLong("SELECT COALESCE(MAX(seq), 0) FROM upload_items WHERE job_id = ?", jobId);
            range[0] = seq + 1;
            for (Arrival a : arrivals) {
                seq++;
                catalog.update("INSERT INTO upload_items (job_id, seq, name, status, sha256, document_id, error_code, error_message,"
                                + " size_bytes, version, queued_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        jobId, seq, a.name(), a.status(), a.sha256(),
                        a.sha256() != null ? DocumentRecord.idFor(a.sha256()) : null, a.errorCode(), a.errorMessage(), a.sizeBytes(),
                        version.incrementAndGet(), now, now);
            }
            range[1] = seq;
            catalog.update("UPDATE upload_jobs SET received = received + ?, state = 'running', finished_at = NULL WHERE id = ?",
                    arrivals.size(), jobId);
        });
        closeIfDone(jobId);
        return catalog.query("SELECT * FROM upload_items WHERE job_id = ? AND seq BETWEEN ? AND ? ORDER BY seq",
                UploadJobs::itemOf, jobId, range[0], range[1]);
    }

    /** Adds a file found inside an item (an attachment, an archive entry) with what became of it. */
    public void addFound(String jobId, int parentSeq, String name, String status, String documentId, String errorCode,
                         String errorMessage) {
        String now = Catalog.now();
        catalog.inDeferredTransaction(() -> {
            int seq = (int) catalog.queryLong("SELECT COALESCE(MAX(seq), 0) FROM upload_items WHERE job_id = ?", jobId) + 1;
            catalog.update("INSERT INTO upload_items (job_id, seq, name, status, document_id, error_code, error_message,"
                            + " parent_seq, version, queued_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    jobId, seq, name, status, documentId, errorCode, errorMessage, parentSeq, version.incrementAndGet(), now, now);
        });
    }

    /** Takes the oldest queued item and marks it processing; empty when the queue is empty. */
    public synchronized Optional<Item> claimNext() {
        List<Item> next = catalog.query("SELECT * FROM upload_items WHERE status = 'queued' ORDER BY queued_at, job_id, seq LIMIT 1",
                UploadJobs::itemOf);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        Item item = next.get(0);
        long v = version.incrementAndGet();
        catalog.inDeferredTransaction(() -> catalog.update(
                "UPDATE upload_items SET status = 'processing', version = ?, updated_at = ? WHERE job_id = ? AND seq = ?",
                v, Catalog.now(), item.jobId(), item.seq()));
        return Optional.of(new Item(item.jobId(), item.seq(), item.name(), PROCESSING, item.sha256(), item.documentId(),
                null, null, item.parentSeq(), item.sizeBytes(), v, null));
    }

    /** Records how far a processing item has come (shown beside it while it runs); bumps its version. */
    public void setProgress(String jobId, int seq, String progress) {
        catalog.inDeferredTransaction(() -> catalog.update(
                "UPDATE upload_items SET progress = ?, version = ?, updated_at = ? WHERE job_id = ? AND seq = ?"
                + " AND status = 'processing'", progress, version.incrementAndGet(), Catalog.now(), jobId, seq));
    }

    /**
     * Records how an item ended. The job stays open until {@link #closeIfDone(String)}, so the
     * caller can make the job's documents searchable before anyone sees it done. The commit does not
     * wait for the disk (the item can be run again); the job's closing makes it durable.
     */
    public void finish(String jobId, int seq, String status, String documentId, String errorCode, String errorMessage) {
        catalog.inDeferredTransaction(() -> catalog.update(
                "UPDATE upload_items SET status = ?, document_id = COALESCE(?, document_id), error_code = ?, error_message = ?,"
                + " progress = NULL, version = ?, updated_at = ? WHERE job_id = ? AND seq = ?", status, documentId, errorCode, errorMessage,
                version.incrementAndGet(), Catalog.now(), jobId, seq));
    }

    /** Whether every item of the job has ended and every announced file has arrived. */
    public boolean isComplete(String jobId) {
        return catalog.queryLong("SELECT COUNT(*) FROM upload_jobs WHERE id = ? AND (expected IS NULL OR received >= expected)"
                + " AND NOT EXISTS (SELECT 1 FROM upload_items WHERE job_id = ? AND status IN ('queued', 'processing'))",
                jobId, jobId) > 0;
    }

    /** Ids of jobs still marked running. */
    public List<String> runningJobIds() {
        return catalog.query("SELECT id FROM upload_jobs WHERE state = 'running'", rs -> rs.getString(1));
    }

    /** Puts items a stopped process was working on back in the queue; returns how many. */
    public int requeueUnfinished() {
        return catalog.update("UPDATE upload_items SET status = 'queued', progress = NULL, version = ? WHERE status = 'processing'",
                version.incrementAndGet());
    }

    public long queuedCount() {
        return catalog.queryLong("SELECT COUNT(*) FROM upload_items WHERE status IN ('queued', 'processing')");
    }

    public Optional<Job> job(String id) {
        List<Job> jobs = catalog.query("SELECT * FROM upload_jobs WHERE id = ?", UploadJobs::jobOf, id);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    public List<Job> recent(int limit) {
        return catalog.query("SELECT * FROM upload_jobs ORDER BY created_at DESC LIMIT ?", UploadJobs::jobOf, limit);
    }

    /** Items of a job changed after {@code sinceVersion} (all with 0), in order. */
    public List<Item> items(String jobId, long sinceVersion) {
        return catalog.query("SELECT * FROM upload_items WHERE job_id = ? AND version > ? ORDER BY seq",
                UploadJobs::itemOf, jobId, sinceVersion);
    }

    public Counts counts(String jobId) {
        List<Counts> counts = catalog.query("SELECT COUNT(*),"
                + " SUM(status = 'queued'), SUM(status = 'processing'), SUM(status = 'stored'),"
                + " SUM(status = 'duplicate'), SUM(status = 'failed') FROM upload_items WHERE job_id = ?",
                rs -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                jobId);
        return counts.get(0);
    }

    /** The version of the latest change; polling with it returns nothing until something changes. */
    public long currentVersion() {
        return version.get();
    }

    /**
     * Marks the job done when nothing is left to do: an ordinary, synced commit, which makes the
     * item outcomes and readings committed before it ({@link Catalog#inDeferredTransaction}) durable too.
     */
    public void closeIfDone(String jobId) {
        catalog.update("UPDATE upload_jobs SET state = 'done', finished_at = ? WHERE id = ? AND state = 'running'"
                + " AND (expected IS NULL OR received >= expected)"
                + " AND NOT EXISTS (SELECT 1 FROM upload_items WHERE job_id = ? AND status IN ('queued', 'processing'))",
                Catalog.now(), jobId, jobId);
    }

    /** Closes jobs whose client stopped sending before the announced count, after {@code idleSeconds} of silence. */
    public void closeAbandoned(long idleSeconds) {
        String cutoff = java.time.Instant.now().minusSeconds(idleSeconds).toString();
        catalog.update("UPDATE upload_jobs SET state = 'done', finished_at = ? WHERE state = 'running'"
                + " AND NOT EXISTS (SELECT 1 FROM upload_items i WHERE i.job_id = upload_jobs.id AND (i.status IN ('queued', 'processing')"
                + " OR i.updated_at > ?)) AND created_at < ?", Catalog.now(), cutoff, cutoff);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Job jobOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        int value = rs.getInt("expected");
        Integer expected = rs.wasNull() ? null : value;
        return new Job(rs.getString("id"), rs.getString("created_at"), rs.getString("state"), expected,
                rs.getLong("received"), rs.getString("source"), rs.getString("finished_at"));
    }

    private static Item itemOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        int parent = rs.getInt("parent_seq");
        Integer parentSeq = rs.wasNull() ? null : parent;
        long size = rs.getLong("size_bytes");
        Long sizeBytes = rs.wasNull() ? null : size;
        return new Item(rs.getString("job_id"), rs.getInt("seq"), rs.getString("name"), rs.getString("status"),
                rs.getString("sha256"), rs.getString("document_id"), rs.getString("error_code"), rs.getString("error_message"),
                parentSeq, sizeBytes, rs.getLong("version"), rs.getString("progress"));
    }
}
