package org.hetong.understand;

import java.util.Objects;

/**
 * One unit of a document's structure: a numbered clause with its label and heading, or a
 * preamble, signature block, appendix or plain paragraph.
 *
 * <p>{@code text} is the whole unit as written, including its sub-items; {@code start} and
 * {@code end} are offsets into the document's extracted text. {@code searchable} marks the units
 * that become search hits (articles, or the top numbered level when there are no articles), so a
 * hit is a clause a lawyer would quote, not a fragment and not a whole chapter.
 *
 * @param ordinal        position in the document, from 0
 * @param parentOrdinal  the enclosing unit, or null at the top
 * @param level          depth in the numbering hierarchy, from 1
 * @param number         the label as written (第五条, （一）, 1.1), or null
 * @param numberValue    the label's number (5 for 第五条 and 第5条), or null
 * @param clauseType     a taxonomy name from index-config, or null until classified
 */
public record Clause(
        int ordinal,
        Integer parentOrdinal,
        int level,
        ClauseRole role,
        String number,
        Integer numberValue,
        String heading,
        String text,
        int start,
        int end,
        boolean searchable,
        String clauseType,
        String secondaryType) {

    public Clause {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must not be negative: " + ordinal);
        }
        if (level < 1) {
            throw new IllegalArgumentException("level starts at 1, was " + level);
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets " + start + ".." + end);
        }
    }

    public Clause withTypes(String primary, String secondary) {
        return new Clause(ordinal, parentOrdinal, level, role, number, numberValue, heading, text,
                start, end, searchable, primary, secondary);
    }

    /** Stable id of a clause within the archive. */
    public static String idOf(String documentId, int ordinal) {
        return documentId + "-" + ordinal;
    }
}
