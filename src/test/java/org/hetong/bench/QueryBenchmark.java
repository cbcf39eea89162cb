package org.hetong.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hetong.testing.ClauseLibrary;
import org.hetong.testing.ContractCorpus;
import org.hetong.testing.CorpusWriter;
import org.hetong.testing.ServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search over HTTP, loopback only, against the real server process (limited to 512 MB) over an
 * archive of generated contracts: term, phrase, boolean with filters (facets are counted for every
 * search), and similar clauses; 1, 4 and 8 concurrent clients with Java's HttpClient; uncached
 * (every request new to the server's result cache) and cached (a small set repeated). Every cell
 * is bounded in requests and in time. Also: how long building the archive took, its footprint,
 * start-up time to {@code /api/health}, and heap while serving.
 *
 * <pre>
 * mvn -B test -Pbench -Dtest=QueryBenchmark                                   # 100k clauses, archive in a temp dir
 * mvn -B test -Pbench -Dtest=QueryBenchmark -Dbench.query.clauses=1000000 -Dbench.query.archive=/tmp/hetong-1m
 * </pre>
 *
 * With {@code bench.query.archive} the archive is kept and reused by the next run (delete it when done).
 * Other properties: {@code bench.query.requests} per cell (300), {@code bench.query.seconds} per cell (30),
 * {@code bench.query.jfr} (a file to record the server with Java Flight Recorder).
 */
@Tag("benchmark")
class QueryBenchmark {
    private static final long CLAUSES = Long.getLong("bench.query.clauses", 100_000);
    private static final String ARCHIVE = System.getProperty("bench.query.archive");
    private static final int REQUESTS = Integer.getInteger("bench.query.requests", 300);
    private static final int SECONDS = Integer.getInteger("bench.query.seconds", 30);
    private static final String JFR = System.getProperty("bench.query.jfr");
    private static final int[] CLIENTS = {1, 4, 8};
    /** Only the start-up times (no queries): {@code -Dbench.query.startOnly=true}. */
    private static final boolean START_ONLY = Boolean.getBoolean("bench.query.startOnly");

    @TempDir
    Path tmp;

    @Test
    void searchOverHttp() throws Exception {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%nQUERY BENCHMARK (target: p50 ≤ 10 ms, p99 ≤ 50 ms with 1M clauses;"
                + " ready ≤ 3 s; index ≤ 1.0× extracted text)%n"));
        Path data = ARCHIVE != null ? Path.of(ARCHIVE) : tmp.resolve("archive");
        if (!Files.exists(data.resolve("catalog.db"))) {
            report.append(build(data));
        } else {
            report.append("archive reused: ").append(data).append('\n');
        }
        report.append("footprint: ").append(ArchiveFootprint.of(data)).append('\n');
        System.out.println(report);

        List<String> jvm = new ArrayList<>();
        if (JFR != null) {
            jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
            jvm.add("-XX:StartFlightRecording=filename=" + JFR + ",settings=profile,dumponexit=true");
        }
        long started = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(data, "512m", jvm.toArray(String[]::new))) {
            double ready = (System.nanoTime() - started) / 1e9;
            BenchHttp http = new BenchHttp(server);
            JsonNode health = http.json("/api/health");
            report.append(String.format(Locale.ROOT, "server start (process launch → /api/health answers, polled every 200 ms): %.2f s"
                            + " (target ≤ 3 s), %.1f s of CPU; documents %d, clauses %d, indexed clauses %d; heap used after start %d MB%n", ready,
                    serverCpuMillis() / 1000.0,
                    health.get("documents").asLong(), health.get("clauses").asLong(), health.get("indexedClauses").asLong(),
                    health.get("heap").get("usedBytes").asLong() >> 20));
            System.out.println(report);
            if (START_ONLY) {
                http.json("/api/health");
            } else {
                report.append(queries(http));
            }
        }
        report.append("load average: ").append(IngestBenchmark.loadAverage()).append('\n');
        // More starts of the same archive: no first-run work, files in the page cache.
        for (int i = 0; i < 2; i++) {
            started = System.nanoTime();
            try (ServerProcess again = ServerProcess.start(data, "512m")) {
                report.append(String.format(Locale.ROOT, "restart of the same archive (page cache warm): ready after %.2f s, %.1f s of CPU%n",
                        (System.nanoTime() - started) / 1e9, serverCpuMillis() / 1000.0));
            } catch (IllegalStateException notInTime) {
                report.append(String.format(Locale.ROOT, "restart of the same archive: not answering after %.0f s (ServerProcess gives up after 60 s)%n",
                        (System.nanoTime() - started) / 1e9));
            }
        }
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hetong-query-benchmark-" + CLAUSES + ".txt"), report);
    }

    /** The query cells, the heap while serving and after a full GC. */
    private static String queries(BenchHttp http) throws Exception {
        StringBuilder report = new StringBuilder();
        AtomicLong peakHeap = new AtomicLong();
        // Every 500 ms: /api/health counts the catalog's rows, which is not free.
        Thread heap = IngestBenchmark.heapSampler(http, peakHeap, 500);
            Queries queries = new Queries(new Random(42));
        report.append(String.format(Locale.ROOT, "| %-30s | %7s | %8s | %9s | %8s | %8s | %8s | %8s | %10s | %6s |%n", "query kind", "clients",
                "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU ms/req", "errors"));
        report.append("|---|---|---|---|---|---|---|---|---|---|\n");
        // The first requests after start: JIT, page cache and reader warm-up.
        report.append(cell(http, "first 50 after start (uncached)", 1, queries.terms(50)));
        List<String> clauseIds = clauseIds(http, queries.terms(40));
        for (int clients : CLIENTS) {
            report.append(cell(http, "term (uncached)", clients, queries.terms(REQUESTS)));
            report.append(cell(http, "phrase (uncached)", clients, queries.phrases(REQUESTS)));
            report.append(cell(http, "boolean+filters (uncached)", clients, queries.booleans(REQUESTS)));
            report.append(cell(http, "similar clauses", clients, queries.similar(clauseIds, REQUESTS)));
            // Paging: page 1 of each search first (not reported), then the next page, whose total and facet
            // counts the server has counted already.
            List<String> firstPages = queries.terms(REQUESTS);
            cell(http, "warm-up", clients, firstPages);
            report.append(cell(http, "term, next page (counts cached)", clients, Queries.nextPages(firstPages)));
            List<String> repeated = new ArrayList<>();
            List<String> few = queries.booleans(20);
            for (int i = 0; i < REQUESTS; i++) {
                repeated.add(few.get(i % few.size()));
            }
            if (clients != 8) {
                // What a script pays: HTTP Basic checks the password (Argon2id) on every request.
                report.append(cell(http, "term, HTTP Basic (uncached)", clients, queries.terms(Math.min(REQUESTS, 100)), true));
            }
            cell(http, "warm-up", clients, few);
            report.append(cell(http, "boolean+filters (cached)", clients, repeated));
            System.out.println(report);
        }
        heap.interrupt();
        JsonNode health = http.json("/api/health");
        report.append(String.format(Locale.ROOT, "heap while serving (-Xmx512m): peak used %d MB (sampled every 500 ms, garbage included);"
                        + " used at the end %d MB; result cache %s%n", peakHeap.get() >> 20, health.get("heap").get("usedBytes").asLong() >> 20,
                health.get("caches")));
        report.append(liveHeap(http));
        System.out.println(report);
        return report.toString();
    }

    /** Generates contracts up to {@link #CLAUSES} clauses and imports them with {@code hetong ingest} in a 512 MB JVM. */
    private String build(Path data) throws Exception {
        Path corpusDir = tmp.resolve("query-corpus");
        // Plain-text contracts (the query side does not care how text was extracted), long ones as real IT contracts are.
        ContractCorpus corpus = new ContractCorpus(new ContractCorpus.Options(12, Integer.MAX_VALUE, CLAUSES,
                ContractCorpus.Options.weights("txt:90,gbk:10"), 0, 24, 40, true));
        CorpusWriter.Summary summary = CorpusWriter.write(corpus, corpusDir);
        Path log = tmp.resolve("build.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), IngestProbe.class.getName(), "ingest",
                "--data", data.toString(), corpusDir.toString());
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = p.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        String output = Files.readString(log);
        String probe = output.lines().filter(l -> l.startsWith("PROBE")).findFirst().orElse("PROBE missing");
        String done = output.lines().filter(l -> l.startsWith("完成")).findFirst().orElse("(no summary)");
        deleteTree(corpusDir);
        return String.format(Locale.ROOT, "archive built: %s%n  hetong ingest -Xmx512m: exit %d, %s; %.1f s = %.1f documents/s; %s%n", summary, exit,
                done, seconds, summary.documents() / seconds, probe);
    }

    /** Clause ids from the hits of some searches, for the similar-clauses requests. */
    private static List<String> clauseIds(BenchHttp http, List<String> searches) throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        for (String s : searches) {
            JsonNode r = http.json(s);
            for (JsonNode hit : r.path("hits")) {
                ids.add(hit.get("clauseId").asText());
            }
        }
        List<String> list = new ArrayList<>(ids);
        Collections.shuffle(list, new Random(7));
        return list;
    }

    /** Runs {@code paths} with {@code clients} threads (bounded by count and time) and formats one table row. */
    private static String cell(BenchHttp http, String kind, int clients, List<String> paths) throws InterruptedException {
        return cell(http, kind, clients, paths, false);
    }

    private static String cell(BenchHttp http, String kind, int clients, List<String> paths, boolean basic)
            throws InterruptedException {
        ConcurrentLinkedQueue<String> work = new ConcurrentLinkedQueue<>(paths);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        long cpuBefore = serverCpuMillis();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try {
                    String path;
                    while (System.nanoTime() < deadline && (path = work.poll()) != null) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = http.send(path, basic);
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (IOException | InterruptedException e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                } finally {
                    done.countDown();
                }
            }, "query-client-" + c);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        double serverCpuMs = (serverCpuMillis() - cpuBefore) / (double) Math.max(1, latencies.size());
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return String.format(Locale.ROOT, "| %-30s | %7d | none in time |%n", kind, clients);
        }
        return String.format(Locale.ROOT, "| %-30s | %7d | %8d | %9.1f | %8.1f | %8.1f | %8.1f | %8.1f | %10.1f | %6d |%n", kind, clients,
                sorted.size(), sorted.size() / seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6,
                serverCpuMs, errors.get());
    }

    /**
     * CPU time the server process has used so far (user + system, from /proc; -1 elsewhere): per
     * request, the cost of a query that does not depend on what else the machine is doing. The server
     * is this JVM's only java child process (also used by {@link LoadRun}).
     */
    static long serverCpuMillis() {
        try {
            var server = ProcessHandle.current().descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst();
            if (server.isEmpty()) {
                return -1;
            }
            String stat = Files.readString(Path.of("/proc", String.valueOf(server.get().pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // clock ticks of 10 ms (USER_HZ = 100)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double pct(List<Long> sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }

    /** Heap after a full collection of the server (jcmd GC.run), read from /api/health: what serving really keeps. */
    private static String liveHeap(BenchHttp http) {
        try {
            var pid = ProcessHandle.current().descendants()
                    .filter(h -> h.info().command().orElse("").endsWith("java")).findFirst();
            if (pid.isEmpty()) {
                return "live heap: server process not found\n";
            }
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid.get().pid()), "GC.run").redirectErrorStream(true).start();
            jcmd.getInputStream().readAllBytes();
            jcmd.waitFor();
            JsonNode health = http.json("/api/health");
            return String.format(Locale.ROOT, "live heap after a full GC while serving: %d MB%n", health.get("heap").get("usedBytes").asLong() >> 20);
        } catch (Exception e) {
            return "live heap: " + e + "\n";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Deterministic, varied requests, so that uncached cells really miss the server's result cache. */
    static final class Queries {
        private static final List<String> WORDS = List.of("违约金", "保密", "知识产权", "验收", "源代码", "不可抗力", "仲裁", "质保期", "著作权",
                "交付", "付款", "发票", "终验", "初验", "试运行", "驻场", "分包", "变更单", "数据安全", "个人信息", "等级保护", "响应时间", "巡检",
                "培训", "升级", "故障", "赔偿", "间接损失", "责任上限", "续期", "解除", "送达", "生效", "签字盖章", "人民法院", "商业秘密",
                "项目经理", "需求规格说明书", "并发", "可用性", "含税", "预付款", "尾款", "万分之", "滞纳金", "技术支持", "运维", "维护", "缺陷",
                "修复", "侵权", "第三方", "开源组件", "加密", "访问控制", "审计", "删除", "返还", "延期", "里程碑", "部署", "上线", "文档", "手册");
        private static final List<String> TYPES = List.of("违约责任", "保密", "知识产权", "验收", "价款与支付", "交付", "争议解决与法律适用",
                "服务与维护", "期限与终止", "数据与信息安全");
        private final Random r;
        private final List<String> phrases = new ArrayList<>();
        /** Every request handed out so far: an "uncached" request is never handed out twice. */
        private final Set<String> used = new java.util.HashSet<>();
        private int nonce;

        Queries(Random r) {
            this.r = r;
            // Phrases: pieces of the clause wordings, as a lawyer copies a half-remembered sentence.
            for (ClauseLibrary.Wording w : ClauseLibrary.TYPES) {
                for (String body : w.bodies()) {
                    String plain = body.replaceAll("\\{[A-Z0-9]+}", "，");
                    for (String piece : plain.split("[，。；：、“”（）《》]")) {
                        if (piece.length() >= 4) {
                            phrases.add(piece.length() > 10 ? piece.substring(0, 6 + piece.length() % 5) : piece);
                        }
                    }
                }
            }
        }

        private static String search(String q, String extra) {
            return "/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + extra;
        }

        /** Adds {@code request} unless it was handed out before; gives up on a kind after many repeats. */
        private static boolean addNew(List<String> out, Set<String> used, String request) {
            if (used.add(request)) {
                out.add(request);
                return true;
            }
            return false;
        }

        /**
         * Single words on a random page and size. Each query also excludes a made-up word no clause has
         * (-qzx17), different every time: it changes nothing found, but makes every request a new query,
         * so it misses both the result cache and the server's cache of totals and facet counts.
         */
        List<String> terms(int n) {
            List<String> out = new ArrayList<>();
            for (int tries = 0; out.size() < n && tries < 50 * n; tries++) {
                String w = WORDS.get(r.nextInt(WORDS.size()));
                addNew(out, used, search(w + " -qzx" + nonce++, "&page=" + (1 + r.nextInt(3)) + "&size=" + (10 + r.nextInt(11))));
            }
            return out;
        }

        /** Clause wordings as quoted phrases, each a new query as {@link #terms} are. */
        List<String> phrases(int n) {
            List<String> out = new ArrayList<>();
            for (int tries = 0; out.size() < n && tries < 50 * n; tries++) {
                addNew(out, used, search("\"" + phrases.get(r.nextInt(phrases.size())) + "\" -qzx" + nonce++,
                        "&page=" + (1 + r.nextInt(2)) + "&size=" + (10 + r.nextInt(11))));
            }
            return out;
        }

        /** The same searches one page further on. */
        static List<String> nextPages(List<String> requests) {
            List<String> out = new ArrayList<>();
            for (String request : requests) {
                java.util.regex.Matcher page = java.util.regex.Pattern.compile("&page=(\\d+)").matcher(request);
                out.add(page.find() ? page.replaceFirst("&page=" + (Integer.parseInt(page.group(1)) + 1)) : request + "&page=2");
            }
            return out;
        }

        /** Words with OR and -exclude, and clause-type / kind / year filters. */
        List<String> booleans(int n) {
            List<String> out = new ArrayList<>();
            for (int tries = 0; out.size() < n && tries < 50 * n; tries++) {
                String a = WORDS.get(r.nextInt(WORDS.size()));
                String b = WORDS.get(r.nextInt(WORDS.size()));
                String c = WORDS.get(r.nextInt(WORDS.size()));
                String q = switch (r.nextInt(3)) {
                    case 0 -> a + " OR " + b + " -" + c;
                    case 1 -> a + " " + b + " type:" + TYPES.get(r.nextInt(TYPES.size()));
                    default -> "(" + a + " OR " + b + ") kind:contract year:" + (2018 + r.nextInt(8));
                };
                addNew(out, used, search(q, "&size=" + (10 + r.nextInt(11)) + (r.nextBoolean() ? "&sort=date" : "")));
            }
            return out;
        }

        List<String> similar(List<String> clauseIds, int n) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n && !clauseIds.isEmpty(); i++) {
                out.add("/api/clauses/" + clauseIds.get(i % clauseIds.size()) + "/similar?size=" + (5 + i / clauseIds.size()));
            }
            return out;
        }
    }
}
