package org.hetong.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.hetong.archive.OriginalStore;
import org.hetong.archive.UploadJobs;
import org.hetong.cli.Services;
import org.hetong.config.ConfigFiles;
import org.hetong.ingest.Extraction;
import org.hetong.ingest.Extractor;
import org.hetong.ingest.IngestLimits;
import org.hetong.ingest.OcrReader;
import org.hetong.ingest.OcrSettings;
import org.hetong.testing.GeneratedContracts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What OCR costs: seconds per scanned page (300 DPI, {@code chi_sim+eng}, render + recognition,
 * one page at a time and a page per core), the effect of {@code OMP_THREAD_LIMIT=1} when pages run
 * side by side, and what five two-page scans do to a batch of 100 text contracts going through the
 * real upload queue. A measurement, not a test: run with {@code mvn -B test -Pbench -Dtest=OcrBenchmark};
 * it prints the numbers for BENCHMARKS.md, with the load average (other processes skew wall times;
 * the CPU seconds of the Tesseract processes do not depend on them).
 */
@Tag("benchmark")
class OcrBenchmark {
    private static final Path SCAN = Path.of("src/test/resources/fixtures/scans/contract-scan-300dpi.pdf");
    private static final int TEXT_FILES = 100;
    private static final int SCANS = 5;

    @TempDir
    Path tmp;

    @Test
    void secondsPerPageAndTheEffectOfScansOnAMixedBatch() throws Exception {
        StringBuilder report = new StringBuilder("OCR BENCHMARK (" + Runtime.getRuntime().availableProcessors() + " cores, load "
                + loadAverage() + ")\n");
        report.append(perPage(1, 2)).append(perPage(OcrSettings.defaults().threads(), 2));
        report.append(openMp());
        double textAlone = batch(false).textSeconds();
        Batch mixed = batch(true);
        report.append(String.format(Locale.ROOT, "mixed batch through the upload queue (%d workers): %d text files alone %.1f s (%.0f files/s);"
                        + " with %d two-page scans: text files done after %.1f s (%.0f files/s), everything after %.1f s%n",
                Runtime.getRuntime().availableProcessors(), TEXT_FILES, textAlone, TEXT_FILES / textAlone, SCANS, mixed.textSeconds(),
                TEXT_FILES / mixed.textSeconds(), mixed.allSeconds()));
        report.append("load average at the end: ").append(loadAverage()).append('\n');
        System.out.println(report);
    }

    /** Pages per second of render + recognition, {@code threads} Tesseract processes at a time, {@code rounds} copies of the 2-page scan. */
    private String perPage(int threads, int rounds) throws Exception {
        OcrSettings d = OcrSettings.defaults();
        OcrSettings settings = new OcrSettings(d.tesseract(), d.languages(), 300, threads, d.pageTimeoutSeconds(), d.maxPages());
        Path scratch = Files.createDirectories(tmp.resolve("scratch-" + threads));
        Extractor extractor = new Extractor(IngestLimits.defaults(), scratch, OcrReader.standalone(settings, scratch));
        extractor.extract(SCAN, "warm-up.pdf"); // the language model into the page cache, the JIT warm
        long cpuBefore = childCpuTicks();
        long started = System.nanoTime();
        ExecutorService documents = Executors.newFixedThreadPool(rounds);
        List<Future<Extraction>> done = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            done.add(documents.submit(() -> extractor.extract(SCAN, "scan.pdf")));
        }
        int pages = 0;
        for (Future<Extraction> f : done) {
            pages += f.get().ocr().pages();
        }
        documents.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = (childCpuTicks() - cpuBefore) / 100.0;
        return String.format(Locale.ROOT, "%d page(s) at a time: %d pages in %.1f s = %.2f s per page (wall); Tesseract CPU %.2f s per page%n",
                threads, pages, seconds, seconds / pages, cpu / pages);
    }

    /** Four rendered pages, two Tesseract processes at a time, with and without OMP_THREAD_LIMIT=1. */
    private String openMp() throws Exception {
        List<Path> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(SCAN.toFile())) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < doc.getNumberOfPages(); i++) {
                    Path png = tmp.resolve("page-" + round + "-" + i + ".png");
                    javax.imageio.ImageIO.write(renderer.renderImageWithDPI(i, 300, ImageType.GRAY), "png", png.toFile());
                    pages.add(png);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (boolean limit : new boolean[] {true, false}) {
            long cpuBefore = childCpuTicks();
            long started = System.nanoTime();
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<Integer>> runs = new ArrayList<>();
            for (Path page : pages) {
                runs.add(two.submit(() -> {
                    ProcessBuilder pb = new ProcessBuilder("tesseract", page.toString(), page + "-out", "-l", "chi_sim+eng", "--dpi", "300")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                    if (limit) {
                        pb.environment().put("OMP_THREAD_LIMIT", "1");
                    } else {
                        pb.environment().remove("OMP_THREAD_LIMIT");
                    }
                    Process p = pb.start();
                    p.waitFor(10, TimeUnit.MINUTES);
                    return p.exitValue();
                }));
            }
            for (Future<Integer> r : runs) {
                r.get();
            }
            two.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            out.append(String.format(Locale.ROOT, "2 Tesseract processes at a time, %s: %d pages in %.1f s = %.2f s per page; CPU %.2f s per page%n",
                    limit ? "OMP_THREAD_LIMIT=1" : "OpenMP default", pages.size(), seconds, seconds / pages.size(),
                    (childCpuTicks() - cpuBefore) / 100.0 / pages.size()));
        }
        return out.toString();
    }

    record Batch(double textSeconds, double allSeconds) {}

    /** 100 text contracts (and, if asked, five scans among them) queued at once; when the text ones and all are done. */
    private Batch batch(boolean withScans) throws Exception {
        Path data = tmp.resolve(withScans ? "mixed" : "text");
        try (Services services = Services.open(data, ConfigFiles.fromDirectory(Path.of("index-config")))) {
            UploadJobs.Job job = services.jobs.create("web", null);
            List<UploadJobs.Arrival> arrivals = new ArrayList<>();
            Map<String, Boolean> isScan = new HashMap<>();
            Path inbox = Files.createDirectories(tmp.resolve("inbox-" + withScans));
            for (int i = 0; i < TEXT_FILES; i++) {
                if (withScans && i % (TEXT_FILES / SCANS) == 0) {
                    String name = "扫描合同-" + i + ".pdf";
                    arrivals.add(arrive(services.store, inbox.resolve("scan-" + i + ".pdf"), name, variantOfScan(i)));
                    isScan.put(name, true);
                }
                String name = GeneratedContracts.fileName(20_000 + i);
                arrivals.add(arrive(services.store, inbox.resolve("text-" + i + ".txt"), name, GeneratedContracts.bytes(20_000 + i)));
                isScan.put(name, false);
            }
            long started = System.nanoTime();
            services.jobs.arrive(job.id(), arrivals);
            services.queue.start();
            double textDone = -1;
            while (true) {
                List<UploadJobs.Item> items = services.jobs.items(job.id(), 0);
                double now = (System.nanoTime() - started) / 1e9;
                if (textDone < 0 && items.stream().filter(i -> !isScan.get(i.name())).allMatch(UploadJobs.Item::isFinished)) {
                    textDone = now;
                }
                if (items.stream().allMatch(UploadJobs.Item::isFinished)) {
                    long failed = items.stream().filter(i -> UploadJobs.FAILED.equals(i.status())).count();
                    if (failed > 0) {
                        throw new AssertionError(failed + " items failed: " + items);
                    }
                    return new Batch(textDone, now);
                }
                Thread.sleep(20);
            }
        }
    }

    private static UploadJobs.Arrival arrive(OriginalStore store, Path file, String name, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        OriginalStore.Stored stored = store.put(file);
        return UploadJobs.Arrival.queued(name, stored.sha256(), stored.sizeBytes());
    }

    /** The 2-page scan with its own bytes (another producer string), so that each copy is a document of its own. */
    private static byte[] variantOfScan(int i) throws IOException {
        try (PDDocument doc = Loader.loadPDF(SCAN.toFile()); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getDocumentInformation().setProducer("scan " + i);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** CPU clock ticks (1/100 s) of this process's children that have ended: the Tesseract processes. */
    private static long childCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (fields 16 and 17 of stat)
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
    }
}
