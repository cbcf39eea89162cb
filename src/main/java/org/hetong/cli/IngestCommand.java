package org.hetong.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hetong.ingest.ImportItem;

/**
 * {@code hetong ingest PATH...}: imports files, folders and ZIPs with a progress bar and a summary.
 * Exit code 0 when every file was stored or a duplicate, 3 when some failed.
 */
final class IngestCommand {
    static final int SOME_FAILED = 3;

    private IngestCommand() {}

    /** A file to import and the name it is known by: its path below the folder given, or its file name. */
    record Source(Path file, String name) {}

    static int run(Services services, List<Path> inputs, PrintStream out) throws IOException, InterruptedException {
        List<Source> files = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                files.addAll(listFolder(input));
            } else if (Files.isRegularFile(input)) {
                files.add(new Source(input, input.getFileName().toString()));
            } else {
                missing.add(input.toString());
            }
        }
        for (String m : missing) {
            out.println("✗ " + m + "：找不到这个文件或文件夹，请检查路径。");
        }
        out.println("导入 " + files.size() + " 个文件到 " + services.dataDirectory.root() + " …");
        List<ImportItem> all = importAll(services, files, out);
        services.families.relink();
        services.index.commit();
        return summarize(all, missing.size(), out);
    }

    /** Every regular file below {@code folder}, named by its path relative to it. */
    static List<Source> listFolder(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted()
                    .map(f -> new Source(f, folder.relativize(f).toString().replace('\\', '/')))
                    .toList();
        }
    }

    static List<ImportItem> importAll(Services services, List<Source> files, PrintStream out) throws InterruptedException {
        return importEach(files, source -> services.importer.importFile(source.file(), source.name()),
                (source, cause) -> new ImportItem(source.name(), ImportItem.FAILED, null, "internal", "内部错误：" + cause), out);
    }

    /**
     * Imports {@code work} side by side, one worker per core, with a progress bar; an import that
     * throws becomes the failed item {@code onError} makes of it, and the others go on.
     */
    static <T> List<ImportItem> importEach(List<T> work, Function<T, List<ImportItem>> importOne,
                                           BiFunction<T, Throwable, ImportItem> onError, PrintStream out) throws InterruptedException {
        ProgressBar bar = new ProgressBar(out, work.size());
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<Future<List<ImportItem>>> futures = new ArrayList<>();
        for (T item : work) {
            futures.add(pool.submit(() -> {
                List<ImportItem> items = importOne.apply(item);
                if (items.stream().anyMatch(ImportItem::isFailed)) {
                    failed.incrementAndGet();
                }
                bar.update(done.incrementAndGet(), failed.get());
                return items;
            }));
        }
        pool.shutdown();
        List<ImportItem> all = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                all.addAll(futures.get(i).get());
            } catch (ExecutionException e) {
                all.add(onError.apply(work.get(i), e.getCause()));
            }
        }
        if (work.isEmpty()) {
            bar.update(0, 0);
        }
        return all;
    }

    static int summarize(List<ImportItem> items, int missing, PrintStream out) {
        long stored = items.stream().filter(i -> i.status().equals(ImportItem.STORED)).count();
        long duplicate = items.stream().filter(i -> i.status().equals(ImportItem.DUPLICATE)).count();
        List<ImportItem> failures = items.stream().filter(ImportItem::isFailed).toList();
        for (ImportItem item : items) {
            String mark = switch (item.status()) {
                case ImportItem.STORED -> "✓ 已入库";
                case ImportItem.DUPLICATE -> "= 重复  ";
                default -> "✗ 失败  ";
            };
            out.println(mark + " " + item.name() + (item.documentId() == null ? "" : "  [" + item.documentId() + "]")
                    + (item.error() == null ? "" : "\n           " + item.error()));
        }
        out.printf("完成：%d 个已入库，%d 个重复，%d 个失败%s。%n", stored, duplicate, failures.size(),
                missing > 0 ? "，" + missing + " 个路径不存在" : "");
        return failures.isEmpty() && missing == 0 ? 0 : SOME_FAILED;
    }
}
