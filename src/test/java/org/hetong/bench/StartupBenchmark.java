package org.hetong.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hetong.testing.TestAccounts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up of {@code hetong serve} on an existing archive, to {@code /api/health} answering (target
 * ≤ 3 s), however long it takes (up to 10 minutes), with what the main thread was doing meanwhile:
 * every second a {@code jcmd Thread.print} of the server, and the main thread's innermost start-up
 * step counted. Also the CPU the process used until ready (from /proc).
 *
 * <pre>
 * mvn -B test -Pbench -Dtest=StartupBenchmark -Dbench.startup.archive=/tmp/hetong-bench-300k
 * </pre>
 */
@Tag("benchmark")
class StartupBenchmark {
    private static final List<String> STEPS = List.of("RiskRefresh.refresh", "Families.relink", "Reindexer.repair", "Reindexer.rebuild",
            "ClauseIndex.documentIds", "Catalog.countClauses", "Startup.recover", "Services.open", "WebApp.create", "Javalin.start",
            "Main.serve");

    @Test
    void startUpOnAnExistingArchive() throws Exception {
        String archive = System.getProperty("bench.startup.archive");
        Assumptions.assumeTrue(archive != null, "-Dbench.startup.archive=DIR names the archive to start on");
        Path data = Path.of(archive);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%nSTARTUP BENCHMARK on %s (index %.0f MB, catalog %.0f MB; load %s)%n",
                data, ArchiveFootprint.size(data.resolve("index")) / 1e6, ArchiveFootprint.size(data.resolve("catalog.db")) / 1e6,
                IngestBenchmark.loadAverage()));
        for (int run = 1; run <= Integer.getInteger("bench.startup.runs", 2); run++) {
            report.append(start(data, run));
            System.out.println(report);
        }
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hetong-startup-benchmark.txt"), report);
    }

    private static String start(Path data, int run) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path samples = Files.createDirectories(data.resolveSibling(data.getFileName() + "-no-samples"));
        Path log = Files.createTempFile("hetong-startup-", ".log");
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), "org.hetong.cli.Main", "serve", "--data",
                data.toString(), "--port", String.valueOf(port), "--samples", samples.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("HETONG_ADMIN_PASSWORD", TestAccounts.PASSWORD);
        long started = System.nanoTime();
        Process p = b.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<String, Integer> steps = new LinkedHashMap<>();
        long nextDump = System.nanoTime();
        double ready = -1;
        long cpuAtReady = -1;
        try {
            while (System.nanoTime() - started < 600_000_000_000L && p.isAlive()) {
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        ready = (System.nanoTime() - started) / 1e9;
                        cpuAtReady = cpuMillis(p.pid());
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (System.nanoTime() >= nextDump) {
                    steps.merge(mainThreadStep(p.pid()), 1, Integer::sum);
                    nextDump = System.nanoTime() + 1_000_000_000L;
                }
                Thread.sleep(100);
            }
        } finally {
            p.destroy();
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "start %d: %s, %.1f s of CPU until then; main thread, sampled every second: %s%n",
                run, ready < 0 ? "never answered (" + Files.readString(log).lines().reduce("", (a, c) -> c) + ")"
                        : String.format(Locale.ROOT, "ready after %.1f s", ready), cpuAtReady / 1000.0, steps));
        Files.deleteIfExists(log);
        return out.toString();
    }

    /** The innermost known start-up step on the server's main thread now (via jcmd Thread.print). */
    private static String mainThreadStep(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid),
                    "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor();
            int main = dump.indexOf("\"main\"");
            if (main < 0) {
                return "(no main thread yet)";
            }
            int end = dump.indexOf("\n\n", main);
            String stack = dump.substring(main, end < 0 ? dump.length() : end);
            List<String> frames = new ArrayList<>();
            for (String line : stack.split("\n")) {
                String l = line.trim();
                if (l.startsWith("at org.hetong.")) {
                    frames.add(l.substring(3, l.indexOf('(')));
                }
            }
            for (String f : frames) {
                for (String s : STEPS) {
                    if (f.endsWith(s)) {
                        return s;
                    }
                }
            }
            return frames.isEmpty() ? "(JVM start, no hetong frame)" : frames.get(0);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "(jcmd failed)";
        }
    }

    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
