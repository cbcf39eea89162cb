package org.hetong.archive;

/**
 * A directed link between two documents: a mail and its attachment, a ZIP and its entry, a
 * contract and its supplement or correspondence. {@code reason} says why it was made.
 */
public record LinkRecord(String fromId, String toId, String relation, String name, String reason,
                         double confidence, String origin) {
    public static final String ATTACHMENT = "attachment";
    public static final String ENTRY = "entry";
    public static final String SUPPLEMENT = "supplement";
    public static final String CORRESPONDENCE = "correspondence";
}
