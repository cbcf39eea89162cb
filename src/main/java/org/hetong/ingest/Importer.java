package org.hetong.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hetong.archive.Catalog;
import org.hetong.archive.DocumentRecord;
import org.hetong.archive.Json;
import org.hetong.archive.LinkRecord;
import org.hetong.archive.OriginalStore;
import org.hetong.index.ClauseIndex;
import java.time.LocalDate;
import org.hetong.understand.ContractFields;
import org.hetong.understand.DocumentFacts;
import org.hetong.understand.FactsExtractor;
import org.hetong.understand.Risk;
import org.hetong.understand.RiskAssessor;
import org.hetong.understand.DocumentKind;
import org.hetong.understand.Understander;
import org.hetong.understand.Understanding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of one file into the archive: keep the original (by SHA-256), record it in the catalog,
 * read its text, understand it, index its clauses; then the same for each file it contains.
 *
 * <p>A file that cannot be read keeps its original and is recorded as failed with its reason; it
 * never stops the files after it. The catalog is written in one transaction per document before
 * the index is touched, so the index never holds half a document, and {@code reindex} can always
 * rebuild it from the catalog.
 */
public final class Importer {
    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private final OriginalStore store;
    private final Catalog catalog;
    private final Extractor extractor;
    private final Understander understander;
    private final ClauseIndex index;
    private final IngestLimits limits;
    private final RiskAssessor risks;
    private final FactsExtractor facts = new FactsExtractor();

    public Importer(OriginalStore store, Catalog catalog, Extractor extractor, Understander understander,
                    ClauseIndex index, IngestLimits limits, RiskAssessor risks) {
        this.store = store;
        this.catalog = catalog;
        this.extractor = extractor;
        this.understander = understander;
        this.index = index;
        this.limits = limits;
        this.risks = risks;
    }

    public Extractor extractor() {
        return extractor;
    }

    public RiskAssessor riskAssessor() {
        return risks;
    }

    /** Imports a file from disk and everything inside it. */
    public List<ImportItem> importFile(Path file, String name) {
        List<ImportItem> items = new ArrayList<>();
        importFile(file, DisplayNames.clean(name), 0, null, null, items, OcrProgress.NONE);
        return items;
    }

    /** Reads again an original that is already in the store, even if it was read before (a retry). */
    public List<ImportItem> importStored(String sha256, String name) {
        return importStored(sha256, name, OcrProgress.NONE);
    }

    /** Reads again an original that is already in the store, telling {@code progress} how its OCR goes. */
    public List<ImportItem> importStored(String sha256, String name, OcrProgress progress) {
        List<ImportItem> items = new ArrayList<>();
        importOriginal(sha256, DisplayNames.clean(name), 0, null, null, items, true, progress);
        return items;
    }

    /**
     * Imports an uploaded original already in the store; a duplicate when it was read before.
     * {@code createdBy} names the upload item, recorded on the document if this is its first reading.
     */
    public List<ImportItem> importQueued(String sha256, String name, String createdBy) {
        return importQueued(sha256, name, createdBy, OcrProgress.NONE);
    }

    /** As {@link #importQueued(String, String, String)}, telling {@code progress} how OCR of its pages goes. */
    public List<ImportItem> importQueued(String sha256, String name, String createdBy, OcrProgress progress) {
        if (createdBy != null) {
            catalog.insertProcessing(DocumentRecord.idFor(sha256), sha256, DisplayNames.baseName(name), sizeOf(sha256), createdBy);
        }
        List<ImportItem> items = new ArrayList<>();
        importOriginal(sha256, DisplayNames.clean(name), 0, null, null, items, false, progress);
        return items;
    }

    private void importFile(Path file, String name, int depth, String parentId, String relation, List<ImportItem> items,
                            OcrProgress progress) {
        OriginalStore.Stored stored;
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                items.add(ImportItem.failed(name, null, FailureReason.TOO_LARGE,
                        FailureReason.TOO_LARGE.message(Sizes.human(size) + "，上限 " + Sizes.human(limits.maxFileBytes()))));
                return;
            }
            stored = store.put(file);
        } catch (IOException e) {
            items.add(ImportItem.failed(name, null, FailureReason.INTERNAL, FailureReason.INTERNAL.message("保存原件失败：" + e.getMessage())));
            return;
        }
        importOriginal(stored.sha256(), name, depth, parentId, relation, items, false, progress);
    }

    private void importOriginal(String sha, String name, int depth, String parentId, String relation,
                                List<ImportItem> items, boolean retry, OcrProgress progress) {
        String id = DocumentRecord.idFor(sha);
        var existing = catalog.findBySha(sha);
        if (parentId != null) {
            // Insert first so the link's foreign key holds; a no-op when the document exists.
            catalog.insertProcessing(id, sha, DisplayNames.baseName(name), null, sizeOf(sha));
            catalog.addLink(new LinkRecord(parentId, id, relation, containerPath(name), reasonFor(relation), 1.0, "auto"));
        }
        // A scan that waited for OCR is read again when it comes again: OCR may be there now.
        boolean waitingForOcr = existing.isPresent() && FailureReason.NEEDS_OCR.code().equals(existing.get().errorCode());
        if (existing.isPresent() && existing.get().isFinished() && !retry && !waitingForOcr) {
            items.add(ImportItem.duplicate(name, id));
            return;
        }
        catalog.insertProcessing(id, sha, DisplayNames.baseName(name), null, sizeOf(sha));
        Extraction extraction;
        try {
            extraction = extractor.extract(store.pathOf(sha), name, progress);
        } catch (UnreadableDocumentException e) {
            catalog.setOcr(id, 0, 0, null);
            catalog.markFailed(id, e.mediaType(), e.reason().code(), e.userMessage());
            deleteFromIndex(id);
            items.add(ImportItem.failed(name, id, e.reason(), e.userMessage()));
            return;
        }
        try {
            boolean mail = extraction.mediaType().startsWith("message/") || extraction.mediaType().equals("application/vnd.ms-outlook");
            Understanding u = understander.understand(extraction.text(), extraction.mediaType(), name,
                    extraction.metadata("title"), mail ? extraction.metadata("title") : null);
            String contractId = u.kind() == DocumentKind.CONTRACT ? id : null;
            OcrOutcome ocr = extraction.ocr();
            if (ocr.pages() > 0 || ocr.pendingPages() > 0) {
                log.info("{}: {} pages read by OCR, {} waiting for OCR{}", name, ocr.pages(), ocr.pendingPages(),
                        extraction.warnings().isEmpty() ? "" : "; " + String.join("; ", extraction.warnings()));
            }
            DocumentFacts documentFacts = facts.extract(id, u, extraction.text(), extraction.metadata("messageId"),
                    extraction.metadata("inReplyTo"), dateOf(extraction.metadata("created")));
            List<Risk> found = risks.assess(u.kind(), u.title(), u.fields(), u.clauses(), LocalDate.now());
            catalog.saveReading(id, extraction.mediaType(), u.kind().code(), u.title(), contractId, fieldsJson(u.fields()),
                    extraction.text(), u.clauses(), new Catalog.OcrRecord(ocr.pages(), ocr.pendingPages(), ocr.spansJson()),
                    json(documentFacts), json(found));
            DocumentRecord saved = catalog.find(id).orElseThrow();
            index.replace(id, IndexRecords.of(saved, u.fields(), u.clauses()));
            items.add(ImportItem.stored(name, id));
        } catch (IOException | RuntimeException e) {
            log.error("importing {} failed", name, e);
            String message = FailureReason.INTERNAL.message(e.getClass().getSimpleName() + ": " + e.getMessage());
            catalog.setOcr(id, 0, 0, null);
            catalog.markFailed(id, extraction.mediaType(), FailureReason.INTERNAL.code(), message);
            deleteFromIndex(id);
            items.add(ImportItem.failed(name, id, FailureReason.INTERNAL, message));
            cleanUp(extraction);
            return;
        }
        for (EmbeddedFile child : extraction.embedded()) {
            String childName = name + "!/" + child.name();
            if (child.failure() != null) {
                items.add(ImportItem.failed(childName, null, child.failure(), child.failure().message(child.failureDetail())));
                continue;
            }
            try {
                if (depth + 1 > limits.maxDepth()) {
                    items.add(ImportItem.failed(childName, null, FailureReason.TOO_DEEP,
                            FailureReason.TOO_DEEP.message("上限 " + limits.maxDepth() + " 层")));
                    continue;
                }
                importFile(child.file(), childName, depth + 1, id, child.relation(), items, progress);
            } finally {
                deleteQuietly(child.file());
            }
        }
    }

    private long sizeOf(String sha) {
        try {
            return Files.size(store.pathOf(sha));
        } catch (IOException e) {
            return 0;
        }
    }

    private void deleteFromIndex(String id) {
        try {
            index.delete(id);
        } catch (IOException e) {
            log.warn("could not remove {} from the index: {}", id, e.toString());
        }
    }

    private static String fieldsJson(ContractFields fields) {
        return json(fields);
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(value.getClass().getSimpleName() + " cannot be written as JSON", e);
        }
    }

    /** A metadata date (ISO-8601 instant or date) as a local date, or null. */
    static LocalDate dateOf(String value) {
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String containerPath(String name) {
        int bang = name.lastIndexOf("!/");
        return bang >= 0 ? name.substring(bang + 2) : name;
    }

    private static String reasonFor(String relation) {
        return LinkRecord.ATTACHMENT.equals(relation) ? "邮件附件" : "压缩包中的文件";
    }

    private static void cleanUp(Extraction extraction) {
        for (EmbeddedFile child : extraction.embedded()) {
            deleteQuietly(child.file());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Scratch space is emptied at the next start.
        }
    }
}
