package org.hetong.search;

import java.util.List;

/**
 * One clause found. {@code text} is the whole clause as plain text; {@code highlight} is
 * HTML-escaped text in which only {@code <mark>} tags appear; {@code ocr} says the clause was read
 * by OCR from a scan (its text may contain recognition errors).
 */
public record SearchHit(String clauseId, String documentId, String contractId, String documentTitle, String fileName,
                        String kind, String number, String heading, String clauseType, String secondaryType,
                        List<String> parties, String year, String text, String highlight, float score,
                        int similarCount, List<String> similarClauseIds, boolean ocr) {
    public SearchHit {
        parties = parties == null ? List.of() : List.copyOf(parties);
        similarClauseIds = similarClauseIds == null ? List.of() : List.copyOf(similarClauseIds);
    }

    public SearchHit(String clauseId, String documentId, String contractId, String documentTitle, String fileName,
                     String kind, String number, String heading, String clauseType, String secondaryType,
                     List<String> parties, String year, String text, String highlight, float score) {
        this(clauseId, documentId, contractId, documentTitle, fileName, kind, number, heading, clauseType, secondaryType,
                parties, year, text, highlight, score, 0, List.of(), false);
    }

    /** A hit of typed text (not read by OCR). */
    public SearchHit(String clauseId, String documentId, String contractId, String documentTitle, String fileName,
                     String kind, String number, String heading, String clauseType, String secondaryType,
                     List<String> parties, String year, String text, String highlight, float score,
                     int similarCount, List<String> similarClauseIds) {
        this(clauseId, documentId, contractId, documentTitle, fileName, kind, number, heading, clauseType, secondaryType,
                parties, year, text, highlight, score, similarCount, similarClauseIds, false);
    }
}
