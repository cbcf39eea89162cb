package org.hetong.cli;

import com.sun.management.OperatingSystemMXBean;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.hetong.config.ConfigFiles;

/**
 * Imports the same folder several times, each time into a new data directory, in one JVM, exactly
 * as {@code hetong ingest} does ({@link IngestCommand#importAll}, then relinking families and the
 * final commit): the first round pays for the JIT compiler, the later ones show the steady state a
 * running server or a long bulk import reaches. One line per round with documents/s, process CPU
 * per document, JIT and GC time. Run by {@code IngestBenchmark#warmIngest} in a {@code -Xmx512m} JVM.
 *
 * <pre>java -Xmx512m -cp … org.hetong.cli.RepeatedIngest CORPUS_DIR ROUNDS INDEX_CONFIG_DIR</pre>
 */
public final class RepeatedIngest {
    private RepeatedIngest() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        ConfigFiles config = ConfigFiles.fromDirectory(Path.of(args[2]));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int cores = Runtime.getRuntime().availableProcessors();
        for (int round = 1; round <= rounds; round++) {
            Path data = Files.createTempDirectory("hetong-repeated-ingest-");
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            long gc = gcMillis();
            long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            int documents;
            int failed;
            try (Services services = Services.open(data, config)) {
                var items = IngestCommand.importAll(services, IngestCommand.listFolder(corpus), quiet);
                documents = items.size();
                failed = (int) items.stream().filter(i -> i.errorCode() != null).count();
                services.families.relink();
                services.index.commit();
            }
            double wall = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "ROUND %d: %d documents (%d failed) in %.1f s = %.1f documents/s; process CPU %.1f s = %.1f ms"
                            + " per document → %.0f documents/s if it had all %d cores; JIT compiling %.1f s, GC %.1f s; load %s%n",
                    round, documents, failed, wall, documents / wall, cpuSeconds, cpuSeconds * 1000 / documents,
                    documents / (cpuSeconds / cores), cores, (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit) / 1e3,
                    (gcMillis() - gc) / 1e3, Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
