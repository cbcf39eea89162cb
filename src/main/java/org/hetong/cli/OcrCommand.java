package org.hetong.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hetong.archive.DocumentRecord;
import org.hetong.ingest.FailureReason;
import org.hetong.ingest.ImportItem;
import org.hetong.ingest.Tesseract;

/**
 * {@code hetong ocr}: reads the scans that were stored while OCR was unavailable — documents that
 * failed with "需要 OCR" and PDFs indexed without their scanned pages — again from their originals,
 * now with OCR. Uses the importer's retry path, so each document is replaced as a whole. Exit code 0
 * when every one was read, 3 when some still failed, 1 when Tesseract is still unavailable.
 */
final class OcrCommand {
    private OcrCommand() {}

    static int run(Services services, PrintStream out) throws IOException, InterruptedException {
        Tesseract.Availability availability = services.ocr().tesseract().availability();
        List<DocumentRecord> waiting = services.catalog.needingOcr(FailureReason.NEEDS_OCR.code());
        if (!availability.ready()) {
            out.println("无法进行 OCR：" + availability.problem() + "。请先安装：apt-get install -y tesseract-ocr "
                    + "tesseract-ocr-chi-sim tesseract-ocr-eng" + (waiting.isEmpty() ? "" : "（" + waiting.size() + " 个文档在等待 OCR）") + "。");
            return Main.ERROR;
        }
        if (waiting.isEmpty()) {
            out.println("没有等待 OCR 的文档。");
            return Main.OK;
        }
        out.println(waiting.size() + " 个文档等待 OCR，开始识别 …");
        ProgressBar bar = new ProgressBar(out, waiting.size());
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        // Documents side by side; their pages share the OCR pool, which bounds the Tesseract processes.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<Future<List<ImportItem>>> futures = new ArrayList<>();
        for (DocumentRecord doc : waiting) {
            futures.add(pool.submit(() -> {
                List<ImportItem> items = services.importer.importStored(doc.sha256(), doc.fileName());
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
                DocumentRecord doc = waiting.get(i);
                all.add(ImportItem.failed(doc.fileName(), doc.id(), FailureReason.INTERNAL,
                        FailureReason.INTERNAL.message(String.valueOf(e.getCause()))));
            }
        }
        services.families.relink();
        services.index.commit();
        return IngestCommand.summarize(all, 0, out);
    }
}
