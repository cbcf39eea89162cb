package org.hetong.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Work on derived data that searches do not wait for, done by one background thread of the
 * server after its port is open: family links and the risks of every contract right after start
 * (the checklist in {@code index-config/} may have changed, and expiry warnings depend on the date),
 * (skipped when a full refresh already ran today with the same checklist: a restart during the day),
 * then the risks again every day shortly after midnight, so a server that runs for weeks warns of
 * a contract expiring on the day it enters the window. Both take time in proportion to the archive
 * (seconds at 100k clauses), which used to delay the port; until they finish, searches see the
 * links and risks of the previous run.
 *
 * <p>Family relinking is serialised with the import queue's own relinking ({@code Families} is
 * synchronised), and {@code RiskRefresh} holds the same lock, so the two never interleave their
 * writes. A failure is printed and retried on the next day; it never stops the server.
 */
final class Maintenance implements AutoCloseable {
    private static final Duration AFTER_MIDNIGHT = Duration.ofMinutes(5);

    private final Services services;
    private final PrintStream out;
    private final Clock clock;
    private final ScheduledExecutorService thread;

    private Maintenance(Services services, PrintStream out, Clock clock) {
        this.services = services;
        this.out = out;
        this.clock = clock;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "hetong-maintenance");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
    }

    /** Starts the work after start-up now, and the daily risk refresh. */
    static Maintenance start(Services services, PrintStream out) {
        Maintenance m = new Maintenance(services, out, Clock.systemDefaultZone());
        m.thread.execute(m::afterStart);
        long first = untilNextRun(m.clock).toMillis();
        m.thread.scheduleAtFixedRate(m::daily, first, TimeUnit.DAYS.toMillis(1), TimeUnit.MILLISECONDS);
        return m;
    }

    private void afterStart() {
        long started = System.nanoTime();
        try {
            int relinked = services.families.relink().size();
            int risks = services.riskRefresh.refreshUnlessDoneToday(LocalDate.now(clock)).size();
            out.printf(Locale.ROOT, "启动后维护完成：%d 个文档的合同族关联、%d 份合同的风险已更新（用时 %.1f 秒）。%n", relinked, risks,
                    (System.nanoTime() - started) / 1e9);
        } catch (Exception | LinkageError e) {
            System.err.println("启动后维护（合同族关联、风险复核）失败，明天将重试：" + e);
        }
    }

    private void daily() {
        try {
            int risks = services.riskRefresh.refresh(LocalDate.now(clock)).size();
            if (risks > 0) {
                out.println("每日风险复核：" + risks + " 份合同的风险已更新。");
            }
        } catch (Exception | LinkageError e) {
            System.err.println("每日风险复核失败，明天将重试：" + e);
        }
    }

    /** Time until the next daily run, a few minutes after local midnight. */
    static Duration untilNextRun(Clock clock) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = now.toLocalDate().plusDays(1).atStartOfDay(now.getZone()).plus(AFTER_MIDNIGHT);
        return Duration.between(now, next);
    }

    /**
     * Stops the thread, waiting for work in progress (it writes the catalog and index, which close
     * next). Not by interrupting it: an interrupt inside Lucene's file I/O closes the index writer.
     */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(60, TimeUnit.SECONDS)) {
                System.err.println("后台维护未在 60 秒内停止；继续关闭。");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
