package org.hetong.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.UploadJobs;
import org.hetong.index.ClauseIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers that turn queued upload items into documents: a fixed pool (about one per core)
 * taking items from the persistent queue in the catalog ({@link UploadJobs}). The queue lives on
 * disk, so a burst of uploads costs disk space, not memory; the pool size bounds the work in flight.
 * A worker whose document waits for OCR steps aside for another (see {@link Slot}), so scans in a
 * batch do not stall the text documents around them.
 */
public final class ImportQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ImportQueue.class);

    private final UploadJobs jobs;
    private final Importer importer;
    private final Catalog catalog;
    private final ClauseIndex index;
    private final Families families;
    private final List<Thread> workers = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong processed = new AtomicLong();
    private final Object signal = new Object();
    private final AtomicLong lastMaintenance = new AtomicLong(System.nanoTime());
    private static final long ABANDONED_AFTER_SECONDS = 600;
    private final int size;
    /** Workers beyond {@code size} that exist to stand in for workers waiting for OCR. */
    private final int ocrWaiters;
    private final Semaphore slots;
    private final Semaphore ocrWaiting;

    public ImportQueue(UploadJobs jobs, Importer importer, Catalog catalog, ClauseIndex index, Families families, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is needed, not " + workers);
        }
        // A worker waiting for OCR costs a thread and an open file, no CPU: let several scans wait at once,
        // so that text documents queued behind them keep every core.
        this.ocrWaiters = Math.max(4, 4 * workers);
        this.slots = new Semaphore(workers);
        this.ocrWaiting = new Semaphore(ocrWaiters);
        this.jobs = jobs;
        this.importer = importer;
        this.catalog = catalog;
        this.index = index;
        this.families = families;
        this.size = workers;
    }

    /** Starts the workers; items a stopped process left half-done go back in the queue first. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        int requeued = jobs.requeueUnfinished();
        if (requeued > 0) {
            log.info("{} upload items left unfinished by the previous process are queued again", requeued);
        }
        // A process stopped between finishing a job's last item and closing the job leaves it open.
        for (String jobId : jobs.runningJobIds()) {
            closeJobIfComplete(jobId);
        }
        for (int i = 0; i < size + ocrWaiters; i++) {
            Thread t = new Thread(this::work, "import-worker-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    /** Tells idle workers that new items are queued. */
    public void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    public long processedCount() {
        return processed.get();
    }

    public long pendingCount() {
        return jobs.queuedCount();
    }

    private void work() {
        while (running.get()) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            if (!running.get()) {
                slots.release();
                return;
            }
            Optional<UploadJobs.Item> next;
            try {
                next = jobs.claimNext();
            } catch (RuntimeException e) {
                slots.release();
                log.error("cannot read the upload queue", e);
                sleep(1000);
                continue;
            }
            if (next.isEmpty()) {
                slots.release();
                closeAbandonedJobs();
                synchronized (signal) {
                    try {
                        signal.wait(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            Slot slot = new Slot();
            try {
                process(next.get(), slot);
            } finally {
                slot.ocrEnded();
                slots.release();
            }
        }
    }

    /**
     * A worker's claim on a core. While its document waits for OCR — Tesseract processes in the
     * shared page pool do the work — the worker gives the claim up, so that another worker goes on
     * with text documents: a batch of scans does not hold up the contracts queued behind it. At most
     * {@code ocrWaiters} workers wait like this at once; beyond that a worker keeps its claim and waits.
     */
    private final class Slot {
        private boolean released;

        void ocrStarted() {
            if (!released && ocrWaiting.tryAcquire()) {
                released = true;
                slots.release();
                wake();
            }
        }

        void ocrEnded() {
            if (released) {
                slots.acquireUninterruptibly();
                ocrWaiting.release();
                released = false;
            }
        }
    }

    /** Once a minute, ends jobs whose client stopped sending before its announced count (a closed tab). */
    private void closeAbandonedJobs() {
        long now = System.nanoTime();
        long last = lastMaintenance.get();
        if (now - last > TimeUnit.MINUTES.toNanos(1) && lastMaintenance.compareAndSet(last, now)) {
            try {
                jobs.closeAbandoned(ABANDONED_AFTER_SECONDS);
            } catch (RuntimeException e) {
                log.warn("could not close abandoned upload jobs: {}", e.toString());
            }
        }
    }

    void process(UploadJobs.Item item) {
        process(item, new Slot());
    }

    private void process(UploadJobs.Item item, Slot slot) {
        try {
            boolean reprocess = jobs.job(item.jobId()).map(j -> "retry".equals(j.source())).orElse(false);
            OcrProgress progress = new OcrProgress() {
                @Override
                public void pages(String name, int done, int total) {
                    jobs.setProgress(item.jobId(), item.seq(), progressText(DisplayNames.clean(item.name()), name, done, total));
                }

                @Override
                public void recognitionStarted() {
                    slot.ocrStarted();
                }

                @Override
                public void recognitionEnded() {
                    slot.ocrEnded();
                }
            };
            List<ImportItem> results = reprocess
                    ? importer.importStored(item.sha256(), item.name(), progress)
                    : importer.importQueued(item.sha256(), item.name(), item.jobId() + ":" + item.seq(), progress);
            ImportItem top = results.get(0);
            String status = top.status();
            String errorCode = top.errorCode();
            String error = top.error();
            if (status.equals(ImportItem.DUPLICATE)) {
                DocumentRecord doc = catalog.find(top.documentId()).orElse(null);
                if (doc != null && DocumentRecord.FAILED.equals(doc.status())) {
                    // The same bytes could not be read before; they fail the same way now.
                    status = ImportItem.FAILED;
                    errorCode = doc.errorCode();
                    error = doc.errorMessage();
                } else if (createdForThisItem(top.documentId(), item)) {
                    // A previous attempt at this very item (before a restart) created the document.
                    status = ImportItem.STORED;
                }
            }
            for (ImportItem found : results.subList(1, results.size())) {
                jobs.addFound(item.jobId(), item.seq(), found.name(), found.status(), found.documentId(), found.errorCode(),
                        found.error());
            }
            jobs.finish(item.jobId(), item.seq(), status, top.documentId(), errorCode, error);
            closeJobIfComplete(item.jobId());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // A worker survives whatever one file does to it; the file is reported.
            log.error("import of upload item {} ({}) failed", item.seq(), item.name(), e);
            boolean memory = e instanceof OutOfMemoryError;
            FailureReason reason = memory ? FailureReason.TOO_LARGE : FailureReason.INTERNAL;
            jobs.finish(item.jobId(), item.seq(), UploadJobs.FAILED, item.documentId(), reason.code(),
                    reason.message(memory ? "处理时内存不足" : e.getClass().getSimpleName()));
            closeJobIfComplete(item.jobId());
        } finally {
            processed.incrementAndGet();
        }
    }

    /** {@code OCR 3/12 页}, with the inner file's path when the pages are those of an attachment or archive entry. */
    static String progressText(String itemName, String fileName, int done, int total) {
        String pages = "OCR " + done + "/" + total + " 页";
        if (fileName == null || fileName.equals(itemName)) {
            return pages;
        }
        int inner = fileName.lastIndexOf("!/");
        return (inner >= 0 ? fileName.substring(inner + 2) : fileName) + "：" + pages;
    }

    /** A job seen done is searchable: the index is refreshed before the job is marked done. */
    private void closeJobIfComplete(String jobId) {
        if (!jobs.isComplete(jobId)) {
            return;
        }
        try {
            families.relink();
            index.refresh();
        } catch (IOException | RuntimeException e) {
            log.warn("linking families or refreshing the index for upload job {} failed: {}", jobId, e.toString());
        }
        jobs.closeIfDone(jobId);
    }

    /** Whether this very item (in an attempt before a restart) first read the document. */
    private boolean createdForThisItem(String documentId, UploadJobs.Item item) {
        if (documentId == null) {
            return false;
        }
        String creator = item.jobId() + ":" + item.seq();
        return catalog.find(documentId).map(d -> creator.equals(d.createdBy())).orElse(false);
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        slots.release(workers.size()); // workers waiting for a slot see that the queue is stopping
        wake();
        for (Thread t : workers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
