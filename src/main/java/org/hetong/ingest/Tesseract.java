package org.hetong.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The Tesseract command-line program, one process per page image.
 *
 * <p>Each process gets {@code OMP_THREAD_LIMIT=1}: Tesseract's OpenMP threads would otherwise
 * compete with the other pages being recognised at the same time (the page pool is what uses the
 * cores), which makes every page slower. It runs under {@code nice -n 10} where {@code /usr/bin/nice}
 * exists, so that searches and the import of typed documents keep the CPU they need. A page that
 * takes longer than its time limit is killed.
 *
 * <p>Whether Tesseract can be used — the program runs and has every language asked for — is
 * checked by running {@code tesseract --list-langs}; a missing program is an answer, never a crash.
 * A positive answer is kept; a negative one is asked again after a minute, so installing Tesseract
 * while the server runs is noticed.
 */
public final class Tesseract {
    private static final long RECHECK_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** Runs Tesseract at a lower CPU priority, so that searches and text imports stay quick while scans are read. */
    private static final Path NICE = Path.of("/usr/bin/nice");

    private final OcrSettings settings;
    private final AtomicLong pages = new AtomicLong();
    private volatile Availability known;
    private volatile long checkedAt;

    public Tesseract(OcrSettings settings) {
        this.settings = settings;
    }

    /** Whether pages can be recognised, and if not, why (in Chinese, naming the program or language pack). */
    public record Availability(boolean ready, String problem) {}

    public Availability availability() {
        Availability a = known;
        if (a != null && (a.ready() || System.nanoTime() - checkedAt < RECHECK_NANOS)) {
            return a;
        }
        synchronized (this) {
            if (known == null || !known.ready() && System.nanoTime() - checkedAt >= RECHECK_NANOS) {
                known = probe();
                checkedAt = System.nanoTime();
            }
            return known;
        }
    }

    private Availability probe() {
        List<String> lines;
        Path out = null;
        try {
            out = Files.createTempFile("hetong-tesseract-", ".txt");
            Process p = new ProcessBuilder(settings.tesseract(), "--list-langs").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Availability(false, "Tesseract 程序「" + settings.tesseract() + "」没有响应");
            }
            if (p.exitValue() != 0) {
                return new Availability(false, "Tesseract 程序「" + settings.tesseract() + "」无法运行（退出码 " + p.exitValue() + "）");
            }
            lines = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(String::strip).toList();
        } catch (IOException e) {
            return new Availability(false, "服务器上找不到 Tesseract 程序「" + settings.tesseract() + "」");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability(false, "检查 Tesseract 时被中断");
        } finally {
            if (out != null) {
                deleteQuietly(out);
            }
        }
        Set<String> installed = Set.copyOf(lines);
        List<String> missing = Arrays.stream(settings.languages().split("\\+")).filter(l -> !installed.contains(l)).toList();
        if (!missing.isEmpty()) {
            return new Availability(false, "Tesseract 缺少语言包 " + missing.stream().map(Tesseract::packageOf)
                    .collect(Collectors.joining("、")));
        }
        return new Availability(true, null);
    }

    private static String packageOf(String language) {
        return language + "（tesseract-ocr-" + language.replace('_', '-') + "）";
    }

    /**
     * The text Tesseract reads on one page image, as it prints it.
     *
     * @param dpi the image's resolution when known; null lets Tesseract estimate it from the text size
     */
    public String recognize(Path image, Integer dpi, Path workDir) throws OcrException, InterruptedException {
        Path base;
        Path errors;
        try {
            base = Files.createTempFile(workDir, "ocr-", "");
            errors = Files.createTempFile(workDir, "ocr-", ".err");
        } catch (IOException e) {
            throw new OcrException("无法创建临时文件：" + e.getMessage());
        }
        Path text = Path.of(base + ".txt");
        try {
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(NICE)) {
                command.addAll(List.of(NICE.toString(), "-n", "10"));
            }
            command.addAll(List.of(settings.tesseract(), image.toString(), base.toString(), "-l", settings.languages()));
            if (dpi != null) {
                command.addAll(List.of("--dpi", String.valueOf(dpi)));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile());
            builder.environment().put("OMP_THREAD_LIMIT", "1");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new OcrException("无法启动 Tesseract 程序「" + settings.tesseract() + "」");
            }
            try {
                if (!process.waitFor(settings.pageTimeoutSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new OcrException("识别超过 " + settings.pageTimeoutSeconds() + " 秒", OcrException.Kind.TIMEOUT);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
            pages.incrementAndGet();
            if (process.exitValue() != 0 || !Files.exists(text)) {
                throw new OcrException("Tesseract 出错（退出码 " + process.exitValue() + "）：" + errorLine(errors));
            }
            return Files.readString(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OcrException("读取识别结果失败：" + e.getMessage());
        } finally {
            deleteQuietly(base);
            deleteQuietly(errors);
            deleteQuietly(text);
        }
    }

    /** Pages this instance has given to Tesseract so far (tests check that text-layer PDFs never come here). */
    public long pagesRecognized() {
        return pages.get();
    }

    /** The line of Tesseract's messages that names the error (it also prints notes such as the estimated resolution). */
    private static String errorLine(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            return lines.stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("error")).findFirst()
                    .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // scratch space is emptied at the next start
        }
    }

    /** One page could not be recognised; the message says why, in Chinese. */
    public static final class OcrException extends Exception {
        /** Out of time, Tesseract failed, the page image could not be decoded, or the page is blank (not worth a run). */
        public enum Kind { TIMEOUT, ERROR, UNREADABLE, BLANK }

        private final Kind kind;

        public OcrException(String message, Kind kind) {
            super(message);
            this.kind = kind;
        }

        public OcrException(String message) {
            this(message, Kind.ERROR);
        }

        public Kind kind() {
            return kind;
        }
    }
}
