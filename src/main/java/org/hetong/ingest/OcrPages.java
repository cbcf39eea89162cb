package org.hetong.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages being recognised in this process: at most {@link OcrSettings#threads()} Tesseract
 * processes at a time, shared by every document being imported, so that two scans arriving together
 * split the cores instead of oversubscribing them. A document hands its pages over one by one as it
 * renders them ({@link Batch#submit}) and waits for their text ({@link Batch#await}); it may run a
 * few pages ahead of recognition, never more, so rendered pages do not pile up on disk.
 */
public final class OcrPages {
    private static final Logger log = LoggerFactory.getLogger(OcrPages.class);

    private final Tesseract tesseract;
    private final OcrSettings settings;
    private final ThreadPoolExecutor pool;
    private final Semaphore imageMemory;

    public OcrPages(Tesseract tesseract, OcrSettings settings) {
        this.tesseract = tesseract;
        this.settings = settings;
        this.imageMemory = new Semaphore(settings.threads());
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "ocr-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true); // idle processes (tests open many) keep no threads
    }

    public Tesseract tesseract() {
        return tesseract;
    }

    /**
     * Waits until a full-size page image may be held in memory: decoding or rendering a page, making
     * it grey and writing it out happen under one of {@link OcrSettings#threads()} permits, so that
     * however many scans are imported at once, only that many page images (up to
     * {@link ImagePages#MAX_PIXELS} each) take heap space at the same time.
     */
    void acquireImageMemory() throws InterruptedException {
        imageMemory.acquire();
    }

    void releaseImageMemory() {
        imageMemory.release();
    }

    /** Starts recognising the pages of one file; {@code total} is how many will be submitted. */
    Batch batch(String fileName, int total, OcrProgress progress, Path workDir) {
        return new Batch(fileName, total, progress, workDir);
    }

    /** The text of one page, or why there is none ({@code kind} is null when the page was read). */
    record PageText(int page, String text, String problem, Tesseract.OcrException.Kind kind) {}

    /** The pages of one file. Not thread-safe: one document's thread submits and awaits. */
    final class Batch {
        private final String fileName;
        private final int total;
        private final OcrProgress progress;
        private final Path workDir;
        private final Semaphore ahead = new Semaphore(settings.threads() + 1);
        private final Map<Integer, Future<String>> pages = new TreeMap<>();
        private final AtomicInteger done = new AtomicInteger();

        private Batch(String fileName, int total, OcrProgress progress, Path workDir) {
            this.fileName = fileName;
            this.total = total;
            this.progress = progress;
            this.workDir = workDir;
            report(0);
        }

        /** Queues one page image for recognition; the image file is deleted once read. Blocks while enough pages wait. */
        void submit(int page, Path image, Integer dpi) throws InterruptedException {
            ahead.acquire();
            try {
                pages.put(page, pool.submit(() -> {
                    try {
                        return OcrText.clean(tesseract.recognize(image, dpi, workDir));
                    } finally {
                        deleteQuietly(image);
                        ahead.release();
                        report(done.incrementAndGet());
                    }
                }));
            } catch (RuntimeException e) {
                ahead.release();
                deleteQuietly(image);
                throw e;
            }
        }

        /** Records a page that could not even be prepared for recognition (it counts as done). */
        void skip(int page, String problem, Tesseract.OcrException.Kind kind) {
            pages.put(page, java.util.concurrent.CompletableFuture.failedFuture(new Tesseract.OcrException(problem, kind)));
            report(done.incrementAndGet());
        }

        /** The text of every page submitted, in page order; waits for them. */
        List<PageText> await() throws InterruptedException {
            List<PageText> texts = new ArrayList<>();
            try {
                for (Map.Entry<Integer, Future<String>> e : pages.entrySet()) {
                    try {
                        texts.add(new PageText(e.getKey(), e.getValue().get(), null, null));
                    } catch (ExecutionException ex) {
                        Throwable cause = ex.getCause();
                        if (cause instanceof Tesseract.OcrException ocr) {
                            texts.add(new PageText(e.getKey(), "", ocr.getMessage(), ocr.kind()));
                        } else {
                            log.warn("OCR of page {} of {} failed", e.getKey() + 1, fileName, cause);
                            texts.add(new PageText(e.getKey(), "", cause.toString(), Tesseract.OcrException.Kind.ERROR));
                        }
                    } catch (CancellationException ex) {
                        texts.add(new PageText(e.getKey(), "", "已取消", Tesseract.OcrException.Kind.ERROR));
                    }
                }
                return texts;
            } catch (InterruptedException e) {
                cancel();
                throw e;
            }
        }

        /** Stops the pages not yet recognised (their Tesseract processes are killed). */
        void cancel() {
            pages.values().forEach(f -> f.cancel(true));
        }

        private void report(int pagesDone) {
            try {
                progress.pages(fileName, pagesDone, total);
            } catch (RuntimeException e) {
                log.warn("recording OCR progress of {} failed: {}", fileName, e.toString());
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // scratch space is emptied at the next start
        }
    }
}
