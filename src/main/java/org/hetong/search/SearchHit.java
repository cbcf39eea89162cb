package org.hetong.search;

import java.util.List;

/**
 * One clause found. {@code text} is the whole clause as plain text; {@code highlight} is
 * HTML-escaped text in which only {@code <mark>} tags appear.
 */
public record SearchHit(String clauseId, String documentId, String contractId, String documentTitle, String fileName,
                        String kind, String number, String heading, String clauseType, String secondaryType,
                        List<String> parties, String year, String text, String highlight, float score) {
    public SearchHit {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }
}
