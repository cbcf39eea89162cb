package org.hetong.archive;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The append-only record of who did what, to which document or account, when and from where.
 * This class only ever inserts into {@code audit_log}, and the catalog refuses updates and deletes
 * of it with triggers (migration 005), so not even a bug here can rewrite history.
 *
 * <p>{@link #record} returns at once: a writer thread inserts entries in batches, one transaction
 * (and one fsync) for all that arrived in the last tenth of a second, so that searching is not
 * slowed by a disk write per request. {@link #flush} writes whatever is waiting; reading the log
 * flushes first, so the log page is always complete up to the moment it is asked for. A process
 * killed outright loses at most the last batch.
 */
public final class AuditLog implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_TEXT = 1_000;

    /** One entry. {@code status} is the HTTP status of the request it records (0 when none). */
    public record Entry(long id, String at, String username, String action, String target, String detail, String ip, int status) {}

    /** Filters of the log page: each null means any. {@code from} inclusive, {@code to} exclusive. */
    public record Query(String username, String action, Instant from, Instant to, int page, int size) {
        public Query {
            if (page < 1 || size < 1 || size > 1_000) {
                throw new IllegalArgumentException("page 应 ≥ 1，size 应在 1 到 1000 之间。");
            }
        }
    }

    private final Catalog catalog;
    private final ConcurrentLinkedQueue<Entry> waiting = new ConcurrentLinkedQueue<>();
    private final Semaphore signal = new Semaphore(0);
    /** Taken from the queue but not yet committed (kept for the next try when a write fails). */
    private final List<Entry> unwritten = new ArrayList<>();
    private final Thread writer;
    private volatile boolean closed;

    public AuditLog(Catalog catalog) {
        this.catalog = catalog;
        this.writer = new Thread(this::writeLoop, "audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Records one entry; returns without waiting for the disk. */
    public void record(String username, String action, String target, String detail, String ip, int status) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an action");
        }
        waiting.add(new Entry(0, TIME.format(Instant.now()), cut(username), action, cut(target), cut(detail), cut(ip), status));
        signal.release();
    }

    /** Writes every entry recorded so far. */
    public synchronized void flush() {
        for (Entry e; (e = waiting.poll()) != null; ) {
            unwritten.add(e);
        }
        if (unwritten.isEmpty()) {
            return;
        }
        catalog.inTransaction(() -> {
            for (Entry e : unwritten) {
                catalog.update("INSERT INTO audit_log (at, username, action, target, detail, ip, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        e.at(), e.username(), e.action(), e.target(), e.detail(), e.ip(), e.status());
            }
        });
        unwritten.clear();
    }

    /** Entries matching the query, newest first. */
    public List<Entry> find(Query query) {
        flush();
        List<Object> args = new ArrayList<>();
        String where = where(query, args);
        args.add(query.size());
        args.add((long) (query.page() - 1) * query.size());
        return catalog.query("SELECT * FROM audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?", AuditLog::entryOf, args.toArray());
    }

    public long count(Query query) {
        flush();
        List<Object> args = new ArrayList<>();
        return catalog.queryLong("SELECT COUNT(*) FROM audit_log" + where(query, args), args.toArray());
    }

    /** Every entry matching the query's filters (not its page), newest first, read in batches. */
    public void forEach(Query query, Consumer<Entry> action) {
        flush();
        long before = Long.MAX_VALUE;
        while (true) {
            List<Object> args = new ArrayList<>();
            String where = where(query, args);
            where += (where.isEmpty() ? " WHERE" : " AND") + " id < ?";
            args.add(before);
            args.add(1_000);
            List<Entry> batch = catalog.query("SELECT * FROM audit_log" + where + " ORDER BY id DESC LIMIT ?", AuditLog::entryOf, args.toArray());
            if (batch.isEmpty()) {
                return;
            }
            batch.forEach(action);
            before = batch.get(batch.size() - 1).id();
        }
    }

    /** The time format of {@link Entry#at()}: UTC with milliseconds, so text order is time order. */
    public static String format(Instant instant) {
        return TIME.format(instant);
    }

    private static String where(Query q, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        if (q.username() != null) {
            sql.append(" AND username = ?");
            args.add(q.username());
        }
        if (q.action() != null) {
            sql.append(" AND action = ?");
            args.add(q.action());
        }
        if (q.from() != null) {
            sql.append(" AND at >= ?");
            args.add(format(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND at < ?");
            args.add(format(q.to()));
        }
        return sql.isEmpty() ? "" : " WHERE" + sql.substring(4);
    }

    private void writeLoop() {
        while (!closed) {
            try {
                signal.acquire();
                Thread.sleep(100); // gather what arrives meanwhile into the same transaction
                signal.drainPermits();
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(AuditLog.class).error("writing the audit log failed; will retry", e);
                try {
                    signal.tryAcquire(1, TimeUnit.SECONDS);
                } catch (InterruptedException stop) {
                    return;
                }
                signal.release();
            }
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static Entry entryOf(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getString("at"), rs.getString("username"), rs.getString("action"),
                rs.getString("target"), rs.getString("detail"), rs.getString("ip"), rs.getInt("status"));
    }

    /** Writes what is waiting and stops the writer; call before closing the catalog. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
