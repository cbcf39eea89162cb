package org.hetong.ingest;

import java.util.Objects;

/**
 * What happened to one file of an import: stored, duplicate (the same bytes were already in the
 * archive) or failed with a reason. {@code name} is the name as given, with the path inside its
 * container for attachments and archive entries ({@code export.zip!/合同/a.docx}).
 */
public record ImportItem(String name, String status, String documentId, String errorCode, String error) {
    public static final String STORED = "stored";
    public static final String DUPLICATE = "duplicate";
    public static final String FAILED = "failed";

    public ImportItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    public static ImportItem stored(String name, String documentId) {
        return new ImportItem(name, STORED, documentId, null, null);
    }

    public static ImportItem duplicate(String name, String documentId) {
        return new ImportItem(name, DUPLICATE, documentId, null, null);
    }

    public static ImportItem failed(String name, String documentId, FailureReason reason, String message) {
        return new ImportItem(name, FAILED, documentId, reason.code(), message);
    }

    public boolean isFailed() {
        return FAILED.equals(status);
    }
}
