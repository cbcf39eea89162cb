package org.hetong.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
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
        // Documents side by side; their pages share the OCR pool, which bounds the Tesseract processes.
        List<ImportItem> all = IngestCommand.importEach(waiting, doc -> services.importer.importStored(doc.sha256(), doc.fileName()),
                (doc, cause) -> ImportItem.failed(doc.fileName(), doc.id(), FailureReason.INTERNAL,
                        FailureReason.INTERNAL.message(String.valueOf(cause))), out);
        services.families.relink();
        services.index.commit();
        return IngestCommand.summarize(all, 0, out);
    }
}
