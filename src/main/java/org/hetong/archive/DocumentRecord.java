package org.hetong.archive;

import java.util.Objects;

/**
 * A document as the catalog knows it. {@code status} is processing, indexed or failed; a failed
 * document keeps its original and carries the reason in {@code errorCode}/{@code errorMessage}.
 * {@code ocrPages} counts pages whose text came from OCR, {@code ocrPendingPages} scanned pages still
 * waiting for it, {@code ocrSpans} (JSON {@code [[start,end],…]}) where OCR text lies in the document's text.
 */
public record DocumentRecord(
        String id,
        String sha256,
        String fileName,
        String mediaType,
        long sizeBytes,
        String kind,
        String title,
        String status,
        String errorCode,
        String errorMessage,
        String contractId,
        String fieldsJson,
        String createdAt,
        String updatedAt,
        String deletedAt,
        String factsJson,
        String risksJson,
        String createdBy,
        int ocrPages,
        int ocrPendingPages,
        String ocrSpans) {

    public static final String PROCESSING = "processing";
    public static final String INDEXED = "indexed";
    public static final String FAILED = "failed";

    public DocumentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(status, "status");
    }

    /** The document id derived from the SHA-256 of its original. */
    public static String idFor(String sha256) {
        return sha256.substring(0, 16);
    }

    /** Whether some of the document's text was read by OCR. */
    public boolean isOcr() {
        return ocrPages > 0;
    }

    public boolean isFinished() {
        return INDEXED.equals(status) || FAILED.equals(status);
    }
}
