package org.hetong.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A wall-clock profile of the import pipeline by stage, without changing it: every few
 * milliseconds the stacks of the import threads are taken, and each sample is put in the stage of
 * its innermost hetong frame (a worker waiting for its Tika parser thread counts as extraction, one
 * waiting for an fsync as the stage that asked for it). Inside {@code ClauseIndex}, frames of the
 * analysis chain count as analysis and the rest as indexing. Samples × interval ≈ seconds a worker
 * spent in a stage, so {@code documents / seconds} is what that stage alone would allow a worker.
 */
final class StageSampler implements AutoCloseable {
    static final List<String> STAGES = List.of("original (hash+fsync)", "extraction", "understanding", "catalog (SQLite)",
            "analysis", "indexing", "family linking", "other");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Predicate<Thread> which;
    private final long intervalMillis;
    /** Nanoseconds of wall time per stage, summed over the sampled threads. */
    private final Map<String, Long> samples = new ConcurrentHashMap<>();
    private final Map<String, Long> frames = new ConcurrentHashMap<>();
    private final Map<String, Long> cpuNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastCpu = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile long maxHeapUsed;

    private final Predicate<Thread> cpuOnly;

    /**
     * @param which the threads whose wall time is sampled by stage (the import workers)
     * @param cpuOnly threads whose CPU time is counted by stage but whose wall time is not (Tika's
     *     parser threads, for which a worker waits: that wait is already the worker's wall time)
     */
    StageSampler(Predicate<Thread> which, Predicate<Thread> cpuOnly, long intervalMillis) {
        this.which = which;
        this.cpuOnly = cpuOnly;
        this.intervalMillis = intervalMillis;
        this.sampler = new Thread(this::run, "stage-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void run() {
        long previous = System.nanoTime();
        while (running) {
            // A busy machine wakes the sampler late: each sample stands for the time since the last round, not the nominal interval.
            long now = System.nanoTime();
            long elapsed = now - previous;
            previous = now;
            List<Long> ids = new ArrayList<>();
            java.util.Set<Long> cpuOnlyIds = new java.util.HashSet<>();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (which.test(t)) {
                    ids.add(t.getId());
                } else if (cpuOnly.test(t)) {
                    ids.add(t.getId());
                    cpuOnlyIds.add(t.getId());
                }
            }
            long[] idArray = ids.stream().mapToLong(Long::longValue).toArray();
            for (ThreadInfo info : threads.getThreadInfo(idArray, 80)) {
                if (info == null || info.getStackTrace().length == 0 || idle(info.getStackTrace())) {
                    if (info != null) {
                        lastCpu.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
                    }
                    continue;
                }
                String stage = stageOf(info.getStackTrace());
                boolean wall = !cpuOnlyIds.contains(info.getThreadId());
                if (wall) {
                    samples.merge(stage, elapsed, Long::sum);
                    frames.merge(stage + " | " + topFrame(info.getStackTrace()), 1L, Long::sum);
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                Long last = lastCpu.put(info.getThreadId(), cpu);
                if (last != null && cpu > last) {
                    // CPU used since the previous sample, put in the stage the thread is in now.
                    cpuNanos.merge(stage, cpu - last, Long::sum);
                }
            }
            maxHeapUsed = Math.max(maxHeapUsed, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A pool thread waiting for work is not in any stage. */
    private static boolean idle(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            if (e.getClassName().startsWith("org.hetong.")) {
                return false;
            }
        }
        return true;
    }

    static String stageOf(StackTraceElement[] stack) {
        boolean analysis = false;
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("org.apache.lucene.analysis") || c.startsWith("org.hetong.index.LegalTermMerge")
                    || c.startsWith("org.hetong.index.TraditionalToSimplified") || c.startsWith("org.hetong.index.ArticleNumber")
                    || c.startsWith("com.ibm.icu")) {
                analysis = true;
            }
            if (!c.startsWith("org.hetong.")) {
                continue;
            }
            String simple = c.substring(c.lastIndexOf('.') + 1);
            if (c.startsWith("org.hetong.index.") || simple.equals("IndexRecords")) {
                return analysis ? "analysis" : "indexing";
            }
            if (simple.startsWith("OriginalStore")) {
                return "original (hash+fsync)";
            }
            if (simple.startsWith("Catalog") || simple.startsWith("FamilyLinks") || simple.startsWith("UploadJobs")) {
                return "catalog (SQLite)";
            }
            if (c.startsWith("org.hetong.understand.")) {
                return "understanding";
            }
            if (simple.equals("Families")) {
                return "family linking";
            }
            if (simple.startsWith("Extractor") || simple.startsWith("ContainerUnpacker") || simple.startsWith("ContentDetector")
                    || simple.startsWith("ChineseCharsetDetector") || simple.startsWith("TextCleaner") || simple.startsWith("Ocr")
                    || simple.startsWith("PdfPage") || simple.startsWith("ScanImages") || simple.startsWith("ImagePages")) {
                return "extraction";
            }
        }
        return "other";
    }

    private static String topFrame(StackTraceElement[] stack) {
        StackTraceElement e = stack[0];
        String c = e.getClassName();
        return c.substring(c.lastIndexOf('.') + 1) + "." + e.getMethodName();
    }

    long maxHeapUsed() {
        return maxHeapUsed;
    }

    /** Seconds of thread time per stage, in {@link #STAGES} order. */
    Map<String, Double> seconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : STAGES) {
            out.put(s, samples.getOrDefault(s, 0L) / 1e9);
        }
        return out;
    }

    /** CPU seconds per stage, in {@link #STAGES} order (Tika's parser threads count as extraction). */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String s : STAGES) {
            out.put(s, cpuNanos.getOrDefault(s, 0L) / 1e9);
        }
        return out;
    }

    /** The most frequent innermost frames, with their stage: where the time goes inside each stage. */
    String hotFrames(int n) {
        long total = frames.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder b = new StringBuilder();
        frames.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(e -> b.append(String.format(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey())));
        return b.toString();
    }

    static Predicate<Thread> named(Set<String> prefixes) {
        return t -> prefixes.stream().anyMatch(p -> t.getName().startsWith(p));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
