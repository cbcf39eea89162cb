package org.hetong.index;

/** The names of the fields of a clause in the Lucene index. */
public final class IndexFields {
    private IndexFields() {}

    public static final String CLAUSE_ID = "id";
    public static final String DOCUMENT_ID = "documentId";
    public static final String CONTRACT_ID = "contractId";
    public static final String KIND = "kind";
    public static final String CLAUSE_TYPE = "clauseType";
    public static final String SECONDARY_TYPE = "secondaryType";
    public static final String PARTY = "party";
    public static final String YEAR = "year";
    /** Risks of the clause's contract (缺少保密条款, 即将到期, 自动续期 …), for facets and filters. */
    public static final String RISK = "risk";
    public static final String DATE = "date";
    /** "true" for clauses whose text was read by OCR from a scan, "false" for typed text. */
    public static final String OCR = "ocr";
    public static final String TITLE = "title";
    public static final String FILE_NAME = "fileName";
    public static final String NUMBER = "number";
    public static final String NUMBER_VALUE = "numberValue";
    public static final String ORDINAL = "ordinal";
    public static final String ROLE = "role";
    public static final String HEADING = "heading";
    /** Clause text, SmartCN-segmented: the precision field; stored, with offsets for highlighting. */
    public static final String TEXT = "text";
    /** Clause text as character bigrams: the recall field; offsets only, highlighted through {@link #TEXT}. */
    public static final String TEXT_BIGRAM = "text_bigram";
    /** Heading as character bigrams. */
    public static final String HEADING_BIGRAM = "heading_bigram";

    /** Facet dimensions, named as in the API. */
    public static final String[] FACETS = {CLAUSE_TYPE, KIND, PARTY, YEAR, RISK};
}
