package org.hetong.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hetong.archive.Json;
import org.hetong.testing.ContractCorpus;
import org.hetong.testing.CorpusWriter;
import org.hetong.testing.Multipart;
import org.hetong.testing.ServerProcess;
import org.hetong.testing.TestAccounts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load run of issue 7: 8 searching clients (each logged in as its own 查阅 account, as staff
 * at their desks) and one bulk import (an 上传 account posting a folder of contracts in batches of
 * 100, as a script does) together against the real server process ({@code -Xmx512m}) on an archive
 * of a few thousand generated contracts. Loopback only; every phase bounded in time and requests.
 * Any answer other than 2xx, any exception and any failed file fail the run.
 *
 * <p>Three phases: the 8 searchers alone, the import alone, then both together (the searchers run
 * until the import is done). Reports p50/p95/p99 search latency and throughput, the import's files
 * per second, server CPU and heap.
 *
 * <pre>
 * mvn -B test -Pbench -Dtest=LoadRun
 * mvn -B test -Pbench -Dtest=LoadRun -Dbench.load.archive=/tmp/hetong-load   # keep the archive and reuse it next time
 * </pre>
 *
 * Properties: {@code bench.load.documents} (archive size, 3000), {@code bench.load.files} (files of each
 * import, 600), {@code bench.load.searchSeconds} (searchers alone, 60), {@code bench.load.seconds}
 * (upper bound of any phase, 600), {@code bench.load.requests} (upper bound of searches per phase, 30000).
 */
@Tag("benchmark")
class LoadRun {
    private static final int DOCUMENTS = Integer.getInteger("bench.load.documents", 3000);
    private static final int FILES = Integer.getInteger("bench.load.files", 600);
    private static final int SEARCH_SECONDS = Integer.getInteger("bench.load.searchSeconds", 60);
    private static final int MAX_SECONDS = Integer.getInteger("bench.load.seconds", 600);
    private static final int MAX_REQUESTS = Integer.getInteger("bench.load.requests", 30_000);
    private static final String ARCHIVE = System.getProperty("bench.load.archive");
    private static final int CLIENTS = 8;
    private static final int BATCH = 100;
    private static final String IMPORTER = "load-importer";

    @TempDir
    Path tmp;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Errors errors = new Errors();

    @Test
    @Timeout(value = 90, unit = TimeUnit.MINUTES)
    void eightSearchersAndABulkImportTogether() throws Exception {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%nLOAD RUN: %d searching clients + 1 bulk import, server -Xmx512m,"
                + " loopback; %d cores; load average at start %s%n", CLIENTS, Runtime.getRuntime().availableProcessors(),
                IngestBenchmark.loadAverage()));
        Path data = ARCHIVE != null ? Path.of(ARCHIVE) : tmp.resolve("archive");
        if (!Files.exists(data.resolve("catalog.db"))) {
            report.append(build(data));
        }
        try (ServerProcess server = ServerProcess.start(data, "512m")) {
            assertTrue(InetAddress.getByName(URI.create(server.url("/")).getHost()).isLoopbackAddress(), "loopback only");
            JsonNode health = adminJson(server, "/api/health");
            long archiveDocuments = health.get("documents").asLong();
            report.append(String.format(Locale.ROOT, "archive: %d documents, %d searchable clauses (%s)%n", archiveDocuments,
                    health.get("clauses").asLong(), ArchiveFootprint.of(data)));
            List<String> readers = accounts(server);
            List<String> cookies = new ArrayList<>();
            for (String reader : readers) {
                cookies.add(logIn(server, reader));
            }
            // Different contracts on every run, so that a reused archive never sees the import's files as duplicates.
            long seed = 7_000 + archiveDocuments;
            List<ContractCorpus.CorpusFile> aloneFiles = files(seed, FILES);
            List<ContractCorpus.CorpusFile> togetherFiles = files(seed + 1, FILES);
            ConcurrentLinkedQueue<String> searches = new ConcurrentLinkedQueue<>(searches(new Random(seed)));
            report.append(String.format(Locale.ROOT, "each import: %d files (%s), %d documents; %d distinct searches prepared%n%n", FILES,
                    "DOCX/PDF/TXT/GBK, mails, ZIPs", aloneFiles.stream().mapToInt(ContractCorpus.CorpusFile::documents).sum(),
                    searches.size()));

            runSearches(server, cookies.subList(0, 1), searches, 100, 30, null); // warm-up: JIT, page cache
            report.append(String.format(Locale.ROOT, "| %-26s | %8s | %7s | %7s | %7s | %7s | %7s | %9s | %12s | %9s | %8s | %6s |%n",
                    "phase", "searches", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "files", "import s", "files/s", "CPU %",
                    "errors"));
            report.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");

            long cpu = QueryBenchmark.serverCpuMillis();
            long started = System.nanoTime();
            int errorsBefore = errors.count.get();
            Latencies alone = runSearches(server, cookies, searches, MAX_REQUESTS, SEARCH_SECONDS, null);
            report.append(row("8 searchers alone", alone, null, cpu, started, errorsBefore));

            cpu = QueryBenchmark.serverCpuMillis();
            started = System.nanoTime();
            errorsBefore = errors.count.get();
            Import importAlone = importFiles(server, aloneFiles);
            report.append(row("bulk import alone", null, importAlone, cpu, started, errorsBefore));

            cpu = QueryBenchmark.serverCpuMillis();
            started = System.nanoTime();
            errorsBefore = errors.count.get();
            AtomicBoolean importDone = new AtomicBoolean();
            Import[] together = new Import[1];
            Thread importer = new Thread(() -> {
                try {
                    together[0] = importFiles(server, togetherFiles);
                } catch (Exception e) {
                    errors.add("import: " + e);
                } finally {
                    importDone.set(true);
                }
            }, "load-import");
            importer.start();
            Latencies combined = runSearches(server, cookies, searches, MAX_REQUESTS, MAX_SECONDS, importDone);
            importer.join();
            report.append(row("8 searchers + bulk import", combined, together[0], cpu, started, errorsBefore));

            health = adminJson(server, "/api/health");
            report.append(String.format(Locale.ROOT, "%nafter the run: %d documents, %d clauses, %d indexed; heap used %d MB of %d MB;"
                            + " load average at the end %s%n", health.get("documents").asLong(), health.get("clauses").asLong(),
                    health.get("indexedClauses").asLong(), health.get("heap").get("usedBytes").asLong() >> 20,
                    health.get("heap").get("maxBytes").asLong() >> 20, IngestBenchmark.loadAverage()));
            report.append("errors: ").append(errors.count.get()).append(errors.first.isEmpty() ? "" : " " + errors.first).append('\n');
            System.out.println(report);
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hetong-load-run.txt"), report);
            assertEquals(0, errors.count.get(), "the load run must finish without errors: " + errors.first);
            assertEquals(health.get("clauses").asLong(), health.get("indexedClauses").asLong(), "index agrees with catalog");
        }
    }

    // ---- searching -------------------------------------------------------------------------------

    /** Latencies of one phase's searches, in nanoseconds, and how long the phase took. */
    private record Latencies(List<Long> nanos, double seconds) {}

    /**
     * One thread per session, each taking the next search until the queue, {@code maxRequests},
     * {@code seconds} or (when given) the import runs out.
     */
    private Latencies runSearches(ServerProcess server, List<String> cookies, ConcurrentLinkedQueue<String> queue, int maxRequests,
                                  int seconds, AtomicBoolean stop) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger budget = new AtomicInteger(maxRequests);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(cookies.size());
        long started = System.nanoTime();
        for (int c = 0; c < cookies.size(); c++) {
            String cookie = cookies.get(c);
            Thread t = new Thread(() -> {
                try {
                    String path;
                    while (System.nanoTime() < deadline && (stop == null || !stop.get()) && budget.getAndDecrement() > 0
                            && (path = queue.poll()) != null) {
                        long t0 = System.nanoTime();
                        send(server, path, "Cookie", cookie);
                        latencies.add(System.nanoTime() - t0);
                    }
                } finally {
                    done.countDown();
                }
            }, "load-searcher-" + c);
            t.start();
        }
        done.await();
        if (stop != null && !stop.get()) {
            errors.add("the searchers stopped (time, request or query budget) before the import was done");
        }
        return new Latencies(new ArrayList<>(latencies), (System.nanoTime() - started) / 1e9);
    }

    /** Terms, phrases and boolean searches with filters, mixed, none repeated (so none is answered from the result cache). */
    private static List<String> searches(Random random) {
        QueryBenchmark.Queries queries = new QueryBenchmark.Queries(random);
        List<String> all = new ArrayList<>(queries.terms(2_000));
        all.addAll(queries.phrases(6_000));
        all.addAll(queries.booleans(MAX_REQUESTS * 2));
        Collections.shuffle(all, random);
        return all;
    }

    // ---- importing -------------------------------------------------------------------------------

    /** A bulk import: files posted, seconds until every one is stored, read and searchable. */
    private record Import(int files, int documents, double postSeconds, double seconds, int failed) {}

    private Import importFiles(ServerProcess server, List<ContractCorpus.CorpusFile> files) throws Exception {
        long started = System.nanoTime();
        String job = null;
        for (int from = 0; from < files.size(); from += BATCH) {
            Multipart batch = new Multipart();
            for (ContractCorpus.CorpusFile f : files.subList(from, Math.min(files.size(), from + BATCH))) {
                batch.file(f.path(), f.bytes());
            }
            String url = job == null ? server.url("/api/uploads?expect=" + files.size()) : server.url("/api/uploads/" + job);
            HttpResponse<String> r = batch.post(client, url, TestAccounts.basic(IMPORTER));
            if (r.statusCode() != 202) {
                errors.add("upload → " + r.statusCode() + " " + r.body());
                throw new IllegalStateException("upload refused: " + r.statusCode());
            }
            job = Json.MAPPER.readTree(r.body()).get("jobId").asText();
        }
        double posted = (System.nanoTime() - started) / 1e9;
        long deadline = started + TimeUnit.SECONDS.toNanos(MAX_SECONDS);
        JsonNode progress;
        do {
            Thread.sleep(250);
            HttpResponse<byte[]> r = send(server, "/api/uploads/" + job, "Authorization", TestAccounts.basic(IMPORTER));
            progress = r == null ? null : Json.MAPPER.readTree(r.body());
            if (System.nanoTime() > deadline) {
                errors.add("import not done within " + MAX_SECONDS + " s: " + progress);
                break;
            }
        } while (progress == null || !"done".equals(progress.get("state").asText()));
        double seconds = (System.nanoTime() - started) / 1e9;
        int failed = progress == null ? -1 : progress.get("failed").asInt();
        if (failed != 0) {
            errors.add(failed + " files failed in the import: " + progress);
        }
        return new Import(files.size(), progress == null ? 0 : progress.get("total").asInt(), posted, seconds, failed);
    }

    private static List<ContractCorpus.CorpusFile> files(long seed, int n) {
        List<ContractCorpus.CorpusFile> files = new ArrayList<>();
        new ContractCorpus(ContractCorpus.Options.realistic(seed, Integer.MAX_VALUE)).firstFiles(n).forEach(files::add);
        return files;
    }

    // ---- the archive, accounts, requests ---------------------------------------------------------

    /** Generates {@link #DOCUMENTS} documents of all kinds as text and imports them with {@code hetong ingest} in a 512 MB JVM. */
    private String build(Path data) throws Exception {
        Path corpusDir = tmp.resolve("load-corpus");
        ContractCorpus corpus = new ContractCorpus(new ContractCorpus.Options(71, DOCUMENTS, Long.MAX_VALUE,
                ContractCorpus.Options.weights("txt:90,gbk:10"), 0, 12, 36, false));
        CorpusWriter.Summary summary = CorpusWriter.write(corpus, corpusDir);
        Path log = tmp.resolve("build.log");
        long started = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "org.hetong.cli.Main", "ingest",
                "--data", data.toString(), corpusDir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        String done = Files.readAllLines(log).stream().filter(l -> l.startsWith("完成")).findFirst().orElse("(no summary)");
        assertEquals(0, exit, "building the archive failed: " + done + "\n" + Files.readString(log));
        return String.format(Locale.ROOT, "archive built: %s; hetong ingest %s in %.0f s%n", summary, done, (System.nanoTime() - started) / 1e9);
    }

    /** The 8 reader accounts and the importer's (kept when the archive is reused). */
    private List<String> accounts(ServerProcess server) throws Exception {
        List<String> readers = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            readers.add("load-reader-" + i);
        }
        List<String[]> wanted = new ArrayList<>();
        readers.forEach(r -> wanted.add(new String[] {r, "reader"}));
        wanted.add(new String[] {IMPORTER, "uploader"});
        for (String[] account : wanted) {
            String body = "{\"username\":\"" + account[0] + "\",\"password\":\"" + TestAccounts.PASSWORD + "\",\"role\":\"" + account[1] + "\"}";
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url("/api/users")))
                    .header("Authorization", TestAccounts.admin()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() == 201 || r.statusCode() == 409, "creating " + account[0] + ": " + r.statusCode() + " " + r.body());
        }
        return readers;
    }

    private String logIn(ServerProcess server, String username) throws Exception {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url("/api/session")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    /** One GET; a non-2xx answer or an exception is an error of the run (null is returned for it). */
    private HttpResponse<byte[]> send(ServerProcess server, String path, String header, String value) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(60))
                    .header(header, value).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                errors.add(path + " → " + r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
                return null;
            }
            return r;
        } catch (IOException | RuntimeException e) {
            errors.add(path + " → " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add(path + " → interrupted");
            return null;
        }
    }

    private JsonNode adminJson(ServerProcess server, String path) throws IOException {
        HttpResponse<byte[]> r = send(server, path, "Authorization", TestAccounts.admin());
        if (r == null) {
            throw new IllegalStateException(path + " failed: " + errors.first);
        }
        return Json.MAPPER.readTree(r.body());
    }

    // ---- reporting -------------------------------------------------------------------------------

    /** Every failed request of the run: counted, the first few kept. */
    private static final class Errors {
        final AtomicInteger count = new AtomicInteger();
        final List<String> first = Collections.synchronizedList(new ArrayList<>());

        void add(String what) {
            if (count.incrementAndGet() <= 10) {
                first.add(what);
            }
        }
    }

    private String row(String phase, Latencies searches, Import imported, long cpuBefore, long started, int errorsBefore) {
        double wall = (System.nanoTime() - started) / 1e9;
        double cpuPercent = 100.0 * (QueryBenchmark.serverCpuMillis() - cpuBefore) / 1000 / wall / Runtime.getRuntime().availableProcessors();
        String searchCells = "—|—|—|—|—|—";
        if (searches != null && !searches.nanos().isEmpty()) {
            List<Long> sorted = new ArrayList<>(searches.nanos());
            Collections.sort(sorted);
            searchCells = String.format(Locale.ROOT, "%,d|%.1f|%.1f|%.1f|%.1f|%.1f", sorted.size(), sorted.size() / searches.seconds(),
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);
        }
        String importCells = "—|—|—";
        if (imported != null) {
            importCells = String.format(Locale.ROOT, "%d (%d docs)|%.1f (posted in %.1f)|%.1f", imported.files(), imported.documents(),
                    imported.seconds(), imported.postSeconds(), imported.files() / imported.seconds());
        }
        return "| " + phase + " | " + searchCells.replace("|", " | ") + " | " + importCells.replace("|", " | ")
                + String.format(Locale.ROOT, " | %.0f | %d |%n", cpuPercent, errors.count.get() - errorsBefore);
    }

    private static double pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
