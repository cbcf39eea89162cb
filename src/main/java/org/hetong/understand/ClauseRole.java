package org.hetong.understand;

/** What part of a document a clause is. */
public enum ClauseRole {
    /** Title, number, parties and recitals before the first numbered clause. */
    PREAMBLE,
    /** A numbered unit (chapter, article, item). */
    CLAUSE,
    /** The signature block: 盖章 / 签字 / 日期 lines. */
    SIGNATURE,
    /** An 附件 section after the body. */
    APPENDIX,
    /** Unnumbered text split into paragraphs (letters, mails, notes). */
    PARAGRAPH;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ClauseRole fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
