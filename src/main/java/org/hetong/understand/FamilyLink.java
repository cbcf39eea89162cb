package org.hetong.understand;

import java.util.Objects;

/**
 * A document's place in a contract family: the contract it belongs to, as what (supplement,
 * correspondence, record, related), why hetong thinks so, and how sure it is.
 */
public record FamilyLink(String documentId, String contractId, String relation, String reason, double confidence) {
    public static final String SUPPLEMENT = "supplement";
    public static final String CORRESPONDENCE = "correspondence";
    public static final String RECORD = "record";
    public static final String RELATED = "related";

    public FamilyLink {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(relation, "relation");
        if (confidence <= 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence is in (0, 1], not " + confidence);
        }
    }

    /** The relation a document of this kind has to its contract. */
    public static String relationFor(DocumentKind kind) {
        return switch (kind) {
            case SUPPLEMENT -> SUPPLEMENT;
            case CORRESPONDENCE -> CORRESPONDENCE;
            case ATTACHMENT -> RECORD;
            default -> RELATED;
        };
    }
}
