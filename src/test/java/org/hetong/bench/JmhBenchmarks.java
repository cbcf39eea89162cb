package org.hetong.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH micro-benchmarks of the hot paths ({@link AnalysisBenchmarks},
 * {@link UnderstandingBenchmarks}) with settings sized for a 2-core machine (one fork, 2 × 2 s
 * warm-up, 3 × 2 s measurement; about five minutes in all) and prints a table in MB/s and
 * documents/s. Analysis runs on one thread and again on two, to show how it scales with cores.
 *
 * <pre>
 * mvn -B test -Pbench -Dtest=JmhBenchmarks
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.hetong.bench.JmhBenchmarks
 * mvn -B test -Pbench -Dtest=JmhBenchmarks -Dbench.jmh.cpuOnly=true     # only the CPU-time tables (no JMH forks)
 * </pre>
 */
@Tag("benchmark")
public class JmhBenchmarks {
    @Test
    void hotPaths() throws Exception {
        main(new String[0]);
    }

    public static void main(String[] args) throws Exception {
        // Under Surefire the classpath of this JVM may be a manifest-only jar; forks need the real one.
        String surefire = System.getProperty("surefire.test.class.path");
        if (surefire != null && !surefire.isBlank()) {
            System.setProperty("java.class.path", surefire);
        }
        List<RunResult> results = new ArrayList<>();
        if (!Boolean.getBoolean("bench.jmh.cpuOnly")) {
            results.addAll(run(AnalysisBenchmarks.class.getName() + ".analyze", 1));
            results.addAll(run(UnderstandingBenchmarks.class.getName() + ".*", 1));
            results.addAll(run(AnalysisBenchmarks.class.getName() + ".analyze", 2, "smartcn_raw", "precise", "bigram"));
        }
        String table = (results.isEmpty() ? "" : table(results)) + cpuTable() + preciseChainBreakdown();
        System.out.println(table);
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "hetong-jmh-benchmarks.txt"), table);
    }

    private static Collection<RunResult> run(String include, int threads, String... chains) throws RunnerException {
        OptionsBuilder b = new OptionsBuilder();
        b.include(include.replace("$", "\\$"))
                .forks(1)
                .threads(threads)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx1g", "-Dfile.encoding=UTF-8")
                .shouldFailOnError(true);
        if (chains.length > 0) {
            b.param("chain", chains);
        }
        Options options = b.build();
        return new Runner(options).run();
    }

    /**
     * The same operations timed by this thread's CPU time instead of the wall clock: on a machine
     * shared with other work, JMH's wall-clock scores fall with the load; these do not (much).
     */
    static String cpuTable() throws Exception {
        org.openjdk.jmh.infra.Blackhole bh = new org.openjdk.jmh.infra.Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        long analysisBytes = AnalysisBenchmarks.sampleBytes();
        long understandBytes = UnderstandingBenchmarks.sampleBytes();
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%nSAME OPERATIONS PER CPU-SECOND (one thread, thread CPU time; load average %s)%n",
                IngestBenchmark.loadAverage()));
        t.append(String.format(Locale.ROOT, "| %-32s | %12s | %12s | %12s |%n", "benchmark", "MB/CPU-s", "docs/CPU-s", "vs raw SmartCN"));
        t.append("|---|---|---|---|\n");
        double smartcn = 0;
        for (String chain : new String[] {"smartcn_raw", "precise", "precise_query", "bigram", "parts"}) {
            AnalysisBenchmarks a = new AnalysisBenchmarks();
            a.chain = chain;
            a.setUp();
            double ops = opsPerCpuSecond(() -> a.analyze(bh));
            double mb = ops * analysisBytes / 1e6;
            if (chain.equals("smartcn_raw")) {
                smartcn = mb;
            }
            t.append(String.format(Locale.ROOT, "| %-32s | %12.2f | %12.0f | %11.2f× |%n", "analysis: " + chain, mb, ops * AnalysisBenchmarks.CONTRACTS,
                    mb / smartcn));
        }
        UnderstandingBenchmarks u = new UnderstandingBenchmarks();
        u.setUp();
        Map<String, Step> steps = new LinkedHashMap<>();
        steps.put("split", () -> u.split(bh));
        steps.put("classify", () -> u.classify(bh));
        steps.put("extractFields", () -> u.extractFields(bh));
        steps.put("understand", () -> u.understand(bh));
        for (var e : steps.entrySet()) {
            double ops = opsPerCpuSecond(e.getValue());
            double mb = ops * understandBytes / 1e6;
            t.append(String.format(Locale.ROOT, "| %-32s | %12.2f | %12.0f | %11.2f× |%n", "understanding: " + e.getKey(), mb,
                    ops * UnderstandingBenchmarks.DOCUMENTS, mb / smartcn));
        }
        return t.toString();
    }

    /**
     * Where the precision chain's cost comes from: the chain of {@code index-config/analyzers.txt}
     * rebuilt one component at a time (each variant is the [precise] chain of a copy of the
     * configuration), timed per CPU-second on the same clause sample.
     */
    static String preciseChainBreakdown() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("index-config", "analyzers.txt"));
        int start = lines.indexOf("[precise]");
        List<String> precise = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).isBlank(); i++) {
            precise.add(lines.get(i));
        }
        String tokenizer = precise.stream().filter(l -> l.startsWith("tokenizer")).findFirst().orElseThrow();
        List<String> components = precise.stream().filter(l -> !l.startsWith("tokenizer")).toList();
        org.openjdk.jmh.infra.Blackhole bh = new org.openjdk.jmh.infra.Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        long bytes = AnalysisBenchmarks.sampleBytes();
        List<String> sample = AnalysisBenchmarks.sample();
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%nPRECISE CHAIN, ONE COMPONENT AT A TIME (MB per CPU-second, same sample)%n"));
        t.append("| chain | MB/CPU-s | CPU s per MB | added by the last component |\n|---|---|---|---|\n");
        Path dir = Files.createTempDirectory("hetong-chain-");
        try {
            double previous = 0;
            for (int n = 0; n <= components.size(); n++) {
                // Char filters go before the tokenizer, token filters after it, in their configured order.
                List<String> chain = new ArrayList<>();
                List<String> used = components.subList(0, n);
                used.stream().filter(l -> l.startsWith("charfilter")).forEach(chain::add);
                chain.add(tokenizer);
                used.stream().filter(l -> l.startsWith("filter")).forEach(chain::add);
                List<String> config = new ArrayList<>(lines.subList(0, start));
                config.add("[precise]");
                config.addAll(chain);
                config.add("");
                config.addAll(lines.subList(start + 1 + precise.size(), lines.size()));
                try (var files = Files.list(Path.of("index-config"))) {
                    for (Path f : files.toList()) {
                        Files.copy(f, dir.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.write(dir.resolve("analyzers.txt"), config);
                var analyzer = new org.hetong.index.IndexAnalyzers(org.hetong.config.ConfigFiles.fromDirectory(dir)).precise();
                double ops = opsPerCpuSecond(() -> {
                    long tokens = 0;
                    for (String text : sample) {
                        try (var ts = analyzer.tokenStream("text", text)) {
                            ts.reset();
                            while (ts.incrementToken()) {
                                tokens++;
                            }
                            ts.end();
                        }
                    }
                    bh.consume(tokens);
                });
                double mb = ops * bytes / 1e6;
                double secondsPerMb = 1 / mb;
                t.append(String.format(Locale.ROOT, "| %s | %.2f | %.3f | %s |%n", n == 0 ? "tokenizer hmmChinese alone"
                                : "+ " + components.get(n - 1).replace("|", "/"), mb, secondsPerMb,
                        n == 0 ? "" : String.format(Locale.ROOT, "%+.3f s/MB", secondsPerMb - previous)));
                previous = secondsPerMb;
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return t.toString();
    }

    interface Step {
        void run() throws Exception;
    }

    /** Operations per CPU-second of this thread: 1.5 CPU-seconds of warm-up, then at least 3 measured. */
    static double opsPerCpuSecond(Step step) throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long warm = threads.getCurrentThreadCpuTime();
        while (threads.getCurrentThreadCpuTime() - warm < 1_500_000_000L) {
            step.run();
        }
        long start = threads.getCurrentThreadCpuTime();
        long ops = 0;
        long used;
        do {
            step.run();
            ops++;
            used = threads.getCurrentThreadCpuTime() - start;
        } while (used < 3_000_000_000L);
        return ops / (used / 1e9);
    }

    static String table(List<RunResult> results) {
        long analysisBytes = AnalysisBenchmarks.sampleBytes();
        long understandBytes = UnderstandingBenchmarks.sampleBytes();
        double smartcnOneThread = 0;
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("analyze") && "smartcn_raw".equals(r.getParams().getParam("chain"))
                    && r.getParams().getThreads() == 1) {
                smartcnOneThread = r.getPrimaryResult().getScore() * analysisBytes / 1e6;
            }
        }
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%nJMH HOT PATHS (wall clock; load average %s; %d cores; analysis sample %.2f MB of clause text from %d contracts;"
                        + " understanding sample %d documents, %.2f MB)%n", IngestBenchmark.loadAverage(), Runtime.getRuntime().availableProcessors(), analysisBytes / 1e6,
                AnalysisBenchmarks.CONTRACTS, UnderstandingBenchmarks.DOCUMENTS, understandBytes / 1e6));
        t.append(String.format(Locale.ROOT, "| %-32s | %7s | %12s | %10s | %12s | %s |%n", "benchmark", "threads", "ops/s", "MB/s", "docs/s",
                "vs raw SmartCN (1 thread)"));
        t.append("|---|---|---|---|---|---|\n");
        for (RunResult r : results) {
            var p = r.getParams();
            String name = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.', p.getBenchmark().lastIndexOf('.') - 1) + 1);
            boolean analysis = name.startsWith("AnalysisBenchmarks");
            String label = analysis ? "analysis: " + p.getParam("chain") : "understanding: " + name.substring(name.indexOf('.') + 1);
            double ops = r.getPrimaryResult().getScore();
            double mb = ops * (analysis ? analysisBytes : understandBytes) / 1e6;
            String docs = analysis ? String.format(Locale.ROOT, "%.0f", ops * AnalysisBenchmarks.CONTRACTS)
                    : String.format(Locale.ROOT, "%.0f", ops * UnderstandingBenchmarks.DOCUMENTS);
            t.append(String.format(Locale.ROOT, "| %-32s | %7d | %8.2f ± %4.2f | %10.2f | %12s | %s |%n", label, p.getThreads(), ops,
                    r.getPrimaryResult().getScoreError(), mb, docs,
                    smartcnOneThread > 0 ? String.format(Locale.ROOT, "%.2f×", mb / smartcnOneThread) : ""));
        }
        return t.toString();
    }
}
