package org.hetong.index;

import java.util.List;
import java.util.Objects;

/**
 * Everything the index holds of one searchable clause: the clause and what search shows and
 * filters about its document. {@code ocr} says the clause's text was read by OCR from a scan.
 */
public record IndexedClause(
        String clauseId,
        String documentId,
        String contractId,
        String kind,
        String title,
        String fileName,
        String number,
        Integer numberValue,
        int ordinal,
        String role,
        String heading,
        String clauseType,
        String secondaryType,
        List<String> parties,
        Integer year,
        Long dateEpochDay,
        List<String> risks,
        String text,
        boolean ocr) {

    public IndexedClause {
        Objects.requireNonNull(clauseId, "clauseId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        parties = parties == null ? List.of() : List.copyOf(parties);
        risks = risks == null ? List.of() : List.copyOf(risks);
    }

    /** A clause of typed text (not read by OCR). */
    public IndexedClause(String clauseId, String documentId, String contractId, String kind, String title, String fileName,
                         String number, Integer numberValue, int ordinal, String role, String heading, String clauseType,
                         String secondaryType, List<String> parties, Integer year, Long dateEpochDay, List<String> risks,
                         String text) {
        this(clauseId, documentId, contractId, kind, title, fileName, number, numberValue, ordinal, role, heading, clauseType,
                secondaryType, parties, year, dateEpochDay, risks, text, false);
    }
}
