package org.hetong.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.hetong.archive.Json;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.ingest.ImportItem;
import org.hetong.testing.ContractCorpus;
import org.hetong.testing.ContractFamilies;
import org.hetong.testing.CorpusWriter;
import org.hetong.testing.Multipart;
import org.hetong.testing.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end ingest of generated text-layer contracts (DOCX, PDF, TXT), measured four ways:
 * through the real {@code Importer} in this JVM with a wall-clock profile by stage
 * ({@link StageSampler}); through the upload API and its durable queue, in a server process limited
 * to 512 MB; as a bulk {@code hetong ingest} of 10,000 files in a JVM limited to 512 MB; and the
 * same import repeated in one JVM, to separate JIT warm-up from the steady state. Numbers
 * are compared with the PRODUCT targets (≥ 60 documents/s on 2 cores) and with the physical limit
 * of the ingest path — half the raw SmartCN tokenizer's speed on the same text, times the cores.
 *
 * <pre>
 * mvn -B test -Pbench -Dtest=IngestBenchmark                           # all three
 * mvn -B test -Pbench -Dtest=IngestBenchmark#importerByStage -Dbench.ingest.documents=2000
 * mvn -B test -Pbench -Dtest=IngestBenchmark#warmIngest                # steady state after JIT warm-up
 * </pre>
 *
 * Properties: {@code bench.ingest.documents} (2000), {@code bench.ingest.formats} (docx:40,pdf:35,txt:25),
 * {@code bench.ingest.workers} (1,2), {@code bench.ingest.families} (false: contracts only),
 * {@code bench.upload.documents} (1000), {@code bench.upload.jfr} (a file to record the server with Java Flight Recorder),
 * {@code bench.bulk.files} (10000), {@code bench.warm.documents} (1500), {@code bench.warm.rounds} (4).
 */
@Tag("benchmark")
class IngestBenchmark {
    private static final int DOCUMENTS = Integer.getInteger("bench.ingest.documents", 2000);
    private static final String FORMATS = System.getProperty("bench.ingest.formats", "docx:40,pdf:35,txt:25");
    private static final String WORKERS = System.getProperty("bench.ingest.workers", "1,2");
    private static final boolean FAMILIES = Boolean.getBoolean("bench.ingest.families");
    private static final int UPLOAD_DOCUMENTS = Integer.getInteger("bench.upload.documents", 1000);
    private static final int BULK_FILES = Integer.getInteger("bench.bulk.files", 10_000);
    private static final int WARM_DOCUMENTS = Integer.getInteger("bench.warm.documents", 1500);
    private static final int WARM_ROUNDS = Integer.getInteger("bench.warm.rounds", 4);
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final double TARGET_DOCS_PER_SECOND = 60;

    @TempDir
    Path tmp;

    private ContractCorpus corpus(long seed, int documents, String formats, boolean families) {
        return new ContractCorpus(new ContractCorpus.Options(seed, documents, Long.MAX_VALUE, ContractCorpus.Options.weights(formats),
                families ? 8 : 0, 12, 36, !families));
    }

    @Test
    void importerByStage() throws Exception {
        Path corpusDir = tmp.resolve("corpus");
        CorpusWriter.Summary summary = CorpusWriter.write(corpus(8, DOCUMENTS, FORMATS, FAMILIES), corpusDir);
        List<Path> files = files(corpusDir);
        Path warmDir = tmp.resolve("warm");
        CorpusWriter.write(corpus(9, 150, FORMATS, FAMILIES), warmDir);
        List<Path> warm = files(warmDir);
        double smartcn = smartcnMegabytesPerSecond(8, Math.min(300, DOCUMENTS));
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "%nINGEST BENCHMARK (Importer in-process, %d cores, heap max %d MB)%n", CORES,
                Runtime.getRuntime().maxMemory() >> 20));
        report.append("corpus: ").append(summary).append('\n');
        report.append(String.format(Locale.ROOT, "raw SmartCN (HMMChineseTokenizer) on the same contract text: %.2f MB per CPU-second (one core);"
                + " half of it × %d cores = %.2f MB/s%n", smartcn, CORES, smartcn / 2 * CORES));
        for (String w : WORKERS.split(",")) {
            int workers = Integer.parseInt(w.trim());
            report.append(run(corpusDir, files, warmDir, warm, workers, summary, smartcn));
        }
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hetong-ingest-benchmark.txt"), report);
    }

    private String run(Path corpusDir, List<Path> files, Path warmDir, List<Path> warm, int workers, CorpusWriter.Summary summary,
                       double smartcn) throws Exception {
        Path data = tmp.resolve("data-" + workers);
        StringBuilder out = new StringBuilder();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Services services = Services.open(data, ConfigFiles.fromDirectory(Path.of("index-config")))) {
            importAll(services, warmDir, warm, workers);        // JIT, Tika and POI warm, as in a running server
            services.index.commit();
            System.gc();
            Map<String, Long> cpuBefore = cpuByThreadGroup(threads);
            long cpu0 = os.getProcessCpuTime();
            long gc0 = gcMillis();
            AtomicInteger failed = new AtomicInteger();
            long started = System.nanoTime();
            double importSeconds;
            StageSampler sampler = new StageSampler(StageSampler.named(Set.of("bench-import-")), StageSampler.named(Set.of("parser-")), 5);
            try {
                failed.set(importAll(services, corpusDir, files, workers));
                importSeconds = (System.nanoTime() - started) / 1e9;
            } finally {
                sampler.close();
            }
            long t = System.nanoTime();
            services.families.relink();
            double relink = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            services.index.commit();
            double commit = (System.nanoTime() - t) / 1e9;
            double wall = (System.nanoTime() - started) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            Map<String, Long> cpuAfter = cpuByThreadGroup(threads);
            int docs = summary.documents();
            out.append(String.format(Locale.ROOT, "%n-- %d import worker(s): %,d documents (%,d files, %d failed) in %.1f s = %.1f documents/s"
                            + " (target ≥ %.0f: %s); %.2f MB/s of files, %.2f MB/s of text (SmartCN limit/2 × cores = %.2f MB/s: %.0f %%)%n",
                    workers, docs, files.size(), failed.get(), wall, docs / wall, TARGET_DOCS_PER_SECOND,
                    docs / wall >= TARGET_DOCS_PER_SECOND ? "met" : String.format(Locale.ROOT, "missed by %.0f %%", 100 * (1 - docs / wall / TARGET_DOCS_PER_SECOND)),
                    summary.fileBytes() / 1e6 / wall, summary.textBytes() / 1e6 / wall, smartcn / 2 * CORES,
                    100 * summary.textBytes() / 1e6 / wall / (smartcn / 2 * CORES)));
            out.append(String.format(Locale.ROOT, "   import %.1f s, family relink %.2f s, final commit %.2f s; CPU %.1f s = %.0f %% of %d cores;"
                            + " GC %.1f s; peak heap used (sampled) %d MB%n", importSeconds, relink, commit, cpu, 100 * cpu / wall / CORES,
                    CORES, (gcMillis() - gc0) / 1000.0, sampler.maxHeapUsed() >> 20));
            out.append(String.format(Locale.ROOT, "   process CPU per document %.1f ms → at most %.1f documents/s on %d idle cores if the pipeline were"
                    + " CPU-bound and never waited%n", 1000 * cpu / docs, docs / cpu * CORES, CORES));
            out.append("   CPU of other threads: ");
            for (var e : cpuAfter.entrySet()) {
                long d = e.getValue() - cpuBefore.getOrDefault(e.getKey(), 0L);
                if (d > 50_000_000L) {
                    out.append(String.format(Locale.ROOT, "%s %.1f s; ", e.getKey(), d / 1e9));
                }
            }
            out.append('\n');
            out.append(String.format(Locale.ROOT, "   %-24s %9s %7s %14s %9s %7s %15s %12s%n", "stage", "wall th-s", "share",
                    "docs/s (wall)", "CPU s", "share", "CPU ms/doc", "docs/s (CPU)"));
            Map<String, Double> stages = sampler.seconds();
            Map<String, Double> cpuStages = sampler.cpuSeconds();
            double total = stages.values().stream().mapToDouble(Double::doubleValue).sum();
            double cpuTotal = cpuStages.values().stream().mapToDouble(Double::doubleValue).sum();
            for (var e : stages.entrySet()) {
                double c = cpuStages.get(e.getKey());
                if (e.getValue() > 0 || c > 0) {
                    out.append(String.format(Locale.ROOT, "   %-24s %9.1f %6.1f%% %14.1f %9.1f %6.1f%% %15.1f %12.1f%n", e.getKey(),
                            e.getValue(), 100 * e.getValue() / total, docs / e.getValue() * workers, c, 100 * c / cpuTotal,
                            1000 * c / docs, docs / c * CORES));
                }
            }
            out.append(String.format(Locale.ROOT, "   (wall: time the workers spent in a stage, waits included; docs/s (wall) = what that stage"
                    + " alone allows %d worker(s). CPU: thread CPU time in the stage, Tika parser threads included; docs/s (CPU) = what"
                    + " it allows if it had all %d cores to itself. Load average during the run: %s)%n", workers, CORES, loadAverage()));
            out.append("   hottest innermost frames (stage | frame):\n").append(sampler.hotFrames(18));
        }
        out.append("   footprint: ").append(ArchiveFootprint.of(data)).append('\n');
        return out.toString();
    }

    /** Imports every file with a pool of named workers, as {@code hetong ingest} does; returns the number that failed. */
    private static int importAll(Services services, Path root, List<Path> files, int workers) throws Exception {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> new Thread(r, "bench-import-" + n.incrementAndGet()));
        try {
            List<Future<List<ImportItem>>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> services.importer.importFile(f, root.relativize(f).toString())));
            }
            int failed = 0;
            for (Future<List<ImportItem>> f : futures) {
                for (ImportItem item : f.get()) {
                    if (item.isFailed()) {
                        failed++;
                        System.out.println("failed: " + item.name() + ": " + item.error());
                    }
                }
            }
            return failed;
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, Long> cpuByThreadGroup(ThreadMXBean threads) {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long ns = threads.getThreadCpuTime(t.getId());
            if (ns > 0) {
                cpu.merge(t.getName().replaceAll("[-#]?\\d+$", ""), ns, Long::sum);
            }
        }
        return cpu;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /**
     * The physical limit: MB of UTF-8 text per CPU-second that SmartCN's tokenizer alone gets through
     * on one core, on the contracts of the corpus (best of five passes after warm-up).
     */
    static double smartcnMegabytesPerSecond(long seed, int contracts) throws IOException {
        ContractFamilies families = new ContractFamilies(seed);
        List<String> texts = new ArrayList<>();
        long bytes = 0;
        for (int f = 0; f < contracts; f++) {
            String text = families.contractText(f);
            texts.add(text);
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
        }
        // Per CPU-second of this thread, not per wall second: on a shared machine the wall clock also counts other processes.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = 0;
        try (Tokenizer tokenizer = new HMMChineseTokenizer()) {
            for (int pass = 0; pass < 8; pass++) {
                long t = threads.getCurrentThreadCpuTime();
                for (String text : texts) {
                    tokenizer.setReader(new StringReader(text));
                    consume(tokenizer);
                }
                double s = (threads.getCurrentThreadCpuTime() - t) / 1e9;
                if (pass >= 3) {
                    best = Math.max(best, bytes / 1e6 / s);
                }
            }
        }
        return best;
    }

    static long consume(TokenStream ts) throws IOException {
        long n = 0;
        ts.reset();
        while (ts.incrementToken()) {
            n++;
        }
        ts.end();
        ts.close();
        return n;
    }

    static List<Path> files(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    // ---- through the upload queue -----------------------------------------------------------------

    @Test
    void uploadQueueInA512MbServer() throws Exception {
        Path corpusDir = tmp.resolve("upload-corpus");
        CorpusWriter.Summary summary = CorpusWriter.write(corpus(10, UPLOAD_DOCUMENTS, FORMATS, false), corpusDir);
        List<Path> files = files(corpusDir);
        String jfr = System.getProperty("bench.upload.jfr");
        String[] jvm = jfr == null ? new String[0] : new String[] {"-XX:FlightRecorderOptions:stackdepth=256",
                "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true"};
        try (ServerProcess server = ServerProcess.start(tmp.resolve("upload-archive"), "512m", jvm)) {
            BenchHttp http = new BenchHttp(server);
            HttpClient client = http.client;
            AtomicLong peakHeap = new AtomicLong();
            Thread sampler = heapSampler(http, peakHeap, 100);
            long started = System.nanoTime();
            String jobId = null;
            for (int i = 0; i < files.size(); i += 100) {
                Multipart body = new Multipart();
                for (Path f : files.subList(i, Math.min(files.size(), i + 100))) {
                    body.file(corpusDir.relativize(f).toString(), Files.readAllBytes(f));
                }
                String url = jobId == null ? server.url("/api/uploads?expect=" + files.size()) : server.url("/api/uploads/" + jobId);
                HttpResponse<String> r = body.post(client, url);
                if (r.statusCode() != 202 && r.statusCode() != 200) {
                    throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
                }
                jobId = Json.MAPPER.readTree(r.body()).get("jobId").asText();
            }
            double uploaded = (System.nanoTime() - started) / 1e9;
            JsonNode job;
            do {
                Thread.sleep(100);
                job = http.json("/api/uploads/" + jobId);
            } while (!"done".equals(job.get("state").asText()));
            double seconds = (System.nanoTime() - started) / 1e9;
            sampler.interrupt();
            String report = String.format(Locale.ROOT, "%nUPLOAD QUEUE BENCHMARK: %,d files (%.1f MB, %s) posted in batches of 100 in %.1f s;"
                            + " all stored and searchable after %.1f s = %.1f documents/s (target ≥ %.0f); server -Xmx512m, peak heap used %d MB;"
                            + " done %d, failed %d%n", files.size(), summary.fileBytes() / 1e6, FORMATS, uploaded, seconds,
                    files.size() / seconds, TARGET_DOCS_PER_SECOND, peakHeap.get() >> 20, job.get("done").asInt(), job.get("failed").asInt());
            System.out.println(report);
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hetong-upload-benchmark.txt"), report);
        }
    }

    static Thread heapSampler(BenchHttp http, AtomicLong peakHeap, long intervalMillis) {
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    JsonNode health = http.json("/api/health");
                    peakHeap.accumulateAndGet(health.get("heap").get("usedBytes").asLong(), Math::max);
                    Thread.sleep(intervalMillis);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception ignored) {
                    // keep sampling
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    // ---- bulk import within 512 MB ----------------------------------------------------------------

    @Test
    void bulkImportOfTenThousandFilesInA512MbHeap() throws Exception {
        Path corpusDir = tmp.resolve("bulk-corpus");
        // The mix users bring: all kinds and formats, mails with attachments, some families zipped.
        ContractCorpus corpus = new ContractCorpus(new ContractCorpus.Options(11, Integer.MAX_VALUE, Long.MAX_VALUE,
                ContractCorpus.Options.weights("docx:35,pdf:30,txt:25,gbk:10"), 8, 12, 36, false));
        CorpusWriter.Summary summary = CorpusWriter.write(corpus.firstFiles(BULK_FILES), corpusDir);
        Path data = tmp.resolve("bulk-archive");
        Path log = tmp.resolve("bulk.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), IngestProbe.class.getName(), "ingest",
                "--data", data.toString(), corpusDir.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        String output = Files.readString(log);
        String probe = output.lines().filter(l -> l.startsWith("PROBE")).findFirst().orElse("PROBE missing");
        String done = output.lines().filter(l -> l.startsWith("完成")).findFirst().orElse("(no summary)");
        Map<String, Double> v = new LinkedHashMap<>();
        for (String kv : probe.substring(6).split(" ")) {
            String[] parts = kv.split("=");
            if (parts.length == 2) {
                v.put(parts[0], Double.parseDouble(parts[1]));
            }
        }
        String report = String.format(Locale.ROOT, "%nBULK IMPORT BENCHMARK: hetong ingest of %s%n  exit %d; %s%n  wall %.1f s = %.1f files/s,"
                        + " %.1f documents/s; CPU %.1f s (%.0f %% of %d cores); heap limit %.0f MB: peak used %.0f MB, peak live after GC %.0f MB;"
                        + " GC %.1f s%n  %s%n", summary, exit, done, v.getOrDefault("wall", 0.0), summary.files() / v.getOrDefault("wall", 1.0),
                summary.documents() / v.getOrDefault("wall", 1.0), v.getOrDefault("cpu", 0.0),
                100 * v.getOrDefault("cpu", 0.0) / v.getOrDefault("wall", 1.0) / CORES, CORES, v.getOrDefault("heapMax", 0.0) / 1048576,
                v.getOrDefault("heapPeak", 0.0) / 1048576, v.getOrDefault("liveAfterGcPeak", 0.0) / 1048576,
                v.getOrDefault("gcMillis", 0.0) / 1000, ArchiveFootprint.of(data));
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hetong-bulk-benchmark.txt"), report);
    }

    /**
     * Steady state: {@code hetong ingest} of the same generated folder several times in one
     * {@code -Xmx512m} JVM, each round into a new data directory ({@code RepeatedIngest}); the
     * first round pays for JIT compilation (for 1,500 documents as much CPU again as the import
     * itself), the last shows what a running server or a long bulk import reaches.
     */
    @Test
    void warmIngest() throws Exception {
        Path corpusDir = tmp.resolve("warm-corpus");
        CorpusWriter.Summary summary = CorpusWriter.write(corpus(8, WARM_DOCUMENTS, FORMATS, FAMILIES), corpusDir);
        Path log = tmp.resolve("warm.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "org.hetong.cli.RepeatedIngest",
                corpusDir.toString(), String.valueOf(WARM_ROUNDS), Path.of("index-config").toAbsolutePath().toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%nWARM INGEST BENCHMARK: hetong ingest of %s, %d rounds in one -Xmx512m JVM (exit %d), %d cores, target ≥ %.0f documents/s%n",
                summary, WARM_ROUNDS, exit, CORES, TARGET_DOCS_PER_SECOND));
        Files.readString(log).lines().filter(l -> l.startsWith("ROUND")).forEach(l -> report.append("  ").append(l).append('\n'));
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hetong-warm-ingest-benchmark.txt"), report);
    }
}
