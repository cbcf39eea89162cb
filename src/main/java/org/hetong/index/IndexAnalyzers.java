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
    private final Analyzer bigram;
    private final Analyzer parts;
    private final Analyzer perField;

    public IndexAnalyzers(ConfigFiles files) {
        Map<String, Analyzer> chains = AnalyzerFactory.load(files);
        this.precise = AnalyzerFactory.require(chains, "precise", files);
        this.bigram = AnalyzerFactory.require(chains, "bigram", files);
        this.preciseQuery = AnalyzerFactory.require(chains, "precise_query", files);
        this.parts = AnalyzerFactory.require(chains, "parts", files);
        this.perField = new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                IndexFields.TEXT, precise,
                IndexFields.TITLE, precise,
                IndexFields.HEADING, precise,
                IndexFields.TEXT_BIGRAM, bigram,
                IndexFields.HEADING_BIGRAM, bigram));
    }

    public Analyzer precise() {
        return precise;
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
