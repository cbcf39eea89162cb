package org.hetong.solr.plugin;

import org.hetong.config.ConfigFiles;
import org.hetong.index.IndexAnalyzers;
import org.hetong.search.ClauseQueryBuilder;
import org.hetong.understand.ClauseTaxonomy;

/**
 * hetong's analysis chains and clause taxonomy inside a Solr node, read once from the
 * {@code index-config/} packaged with the plugin jar — the same files the configset was generated
 * from ({@link Configset}), so the schema and the query parser analyse alike.
 */
final class HetongConfig {
    private HetongConfig() {}

    private static final class Holder {
        static final ConfigFiles FILES = ConfigFiles.bundled();
        static final IndexAnalyzers ANALYZERS = new IndexAnalyzers(FILES);
        static final ClauseQueryBuilder QUERIES = new ClauseQueryBuilder(ANALYZERS, ClauseTaxonomy.load(FILES));
    }

    static IndexAnalyzers analyzers() {
        return Holder.ANALYZERS;
    }

    static ClauseQueryBuilder queries() {
        return Holder.QUERIES;
    }
}
