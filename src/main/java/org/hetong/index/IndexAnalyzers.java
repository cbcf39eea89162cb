package org.hetong.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.hetong.config.ConfigFiles;

/** The analyzers of the index fields, built once from {@code index-config/}. */
public final class IndexAnalyzers {
    private final Analyzer precise;
    private final Analyzer preciseQuery;
    private final Analyzer preciseLiteral;
    private final Analyzer bigram;
    private final Analyzer parts;
    private final Analyzer perField;

    /**
     * Bumped when the code of hetong's own analysis components, or what is indexed in a field, or how
     * it scores changes (3: clause ids as doc values, for stable ties; 4: BM25 b = 0.5, see
     * {@link ClauseSimilarity} — the SolrCloud configset's schema name carries this fingerprint, so a
     * collection made with the old scoring is refused until its configset is regenerated; 5: 著 no
     * longer folded to 着, see {@link TraditionalToSimplifiedCharFilter}); an index
     * written otherwise is rebuilt at start.
     */
    private static final String COMPONENTS_VERSION = "5";
    private static final java.util.List<String> INDEX_FILES = java.util.List.of("analyzers.txt", "stopwords-punctuation.txt",
            "quote-marks.txt", "legal-terms.txt", "thuocl-terms.txt");
    private final String fingerprint;

    public IndexAnalyzers(ConfigFiles files) {
        this.fingerprint = fingerprintOf(files);
        Map<String, Analyzer> chains = AnalyzerFactory.load(files);
        this.precise = AnalyzerFactory.require(chains, "precise", files);
        this.bigram = AnalyzerFactory.require(chains, "bigram", files);
        this.preciseQuery = AnalyzerFactory.require(chains, "precise_query", files);
        this.preciseLiteral = AnalyzerFactory.require(chains, "precise_literal", files);
        this.parts = AnalyzerFactory.require(chains, "parts", files);
        this.perField = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                IndexFields.TEXT, precise,
                IndexFields.TITLE, precise,
                IndexFields.HEADING, precise,
                IndexFields.TEXT_BIGRAM, bigram,
                IndexFields.HEADING_BIGRAM, bigram));
    }

    /** The precision chain as text is indexed: joined legal terms with their sub-terms stacked. */
    public Analyzer precise() {
        return precise;
    }

    /**
     * A digest of everything that decides how text is indexed: when it differs from the one the
     * index was written with, the index must be rebuilt.
     */
    public String fingerprint() {
        return fingerprint;
    }

    private static String fingerprintOf(ConfigFiles files) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(COMPONENTS_VERSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String name : INDEX_FILES) {
                if (files.exists(name)) {
                    try (var in = files.open(name)) {
                        digest.update(in.readAllBytes());
                    }
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the analysis configuration: " + e.getMessage(), e);
        }
    }

    /** The precision chain for a quoted phrase: as written, without sub-terms or synonyms. */
    public Analyzer preciseLiteral() {
        return preciseLiteral;
    }

    /** The precision chain with query-time synonyms. */
    public Analyzer preciseQuery() {
        return preciseQuery;
    }

    /** SmartCN alone: how a query word splits into parts. */
    public Analyzer parts() {
        return parts;
    }

    public Analyzer bigram() {
        return bigram;
    }

    /** The analyzer for writing documents and highlighting: each field its own chain. */
    public Analyzer perField() {
        return perField;
    }
}
