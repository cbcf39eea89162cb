package org.hetong.index;

import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

/**
 * How a clause's text scores for a query word: BM25 with less length normalisation than Lucene's
 * default (b = 0.75). A contract's article on a subject is long because it regulates the subject in
 * detail, and a one-line mention of the word elsewhere should not outrank it just for being short
 * (质保期: the warranty article against a payment clause that mentions 质保期 once).
 *
 * <p>Only the text fields have norms (the keyword fields — type, kind, year … — have none), so one
 * similarity for the whole index is the same as one for the text fields. The SolrCloud configset
 * declares the very same parameters, so both backends score alike.
 */
public final class ClauseSimilarity {
    /** Term-frequency saturation: Lucene's default. */
    public static final float K1 = 1.2f;
    /** Length normalisation: 0 ignores length, 1 divides it out fully; Lucene's default is 0.75. */
    public static final float B = 0.5f;

    private ClauseSimilarity() {}

    public static Similarity create() {
        return new BM25Similarity(K1, B);
    }
}
