package org.hetong.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * {@code hetong} run as usual ({@link org.hetong.cli.Main}) in a JVM of its own, with heap and CPU
 * watched from inside: at exit it prints one line {@code PROBE wall=… cpu=… heapPeak=… liveAfterGcPeak=…}.
 * {@code heapPeak} is the highest used heap sampled every 50 ms (garbage included);
 * {@code liveAfterGcPeak} the highest heap left after any collection — what the process really
 * needed. Used by {@link IngestBenchmark} to check a bulk import within {@code -Xmx512m}.
 */
public final class IngestProbe {
    private IngestProbe() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        AtomicLong heapPeak = new AtomicLong();
        AtomicLong livePeak = new AtomicLong();
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    livePeak.accumulateAndGet(after, Math::max);
                }
            }, null, null);
        }
        Thread sampler = new Thread(() -> {
            while (true) {
                heapPeak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "probe-sampler");
        sampler.setDaemon(true);
        sampler.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            double wall = (System.nanoTime() - started) / 1e9;
            double cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            long gcMillis = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            System.out.printf(Locale.ROOT, "PROBE wall=%.2f cpu=%.2f heapPeak=%d liveAfterGcPeak=%d heapMax=%d gcMillis=%d%n", wall, cpu,
                    heapPeak.get(), livePeak.get(), Runtime.getRuntime().maxMemory(), gcMillis);
            System.out.flush();
        }, "probe-report"));
        org.hetong.cli.Main.main(args);
    }
}
