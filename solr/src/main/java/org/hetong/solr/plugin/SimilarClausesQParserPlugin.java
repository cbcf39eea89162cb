package org.hetong.solr.plugin;

import java.io.IOException;
import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;
import org.hetong.search.LuceneSearchBackend;

/**
 * {@code {!hetong_like v=$like}}: precedents, the embedded index's MoreLikeThis query over character
 * bigrams, built on each shard with that shard's term statistics. {@code hetong.type} ranks clauses
 * of the same type first; {@code hetong.document} and {@code hetong.excludeContract} are left out.
 */
public final class SimilarClausesQParserPlugin extends QParserPlugin {
    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() throws SyntaxError {
                String document = HetongQParserPlugin.filter(params, "document");
                if (qstr == null || document == null) {
                    throw new SyntaxError("hetong_like needs the clause text (v) and hetong.document");
                }
                try {
                    return LuceneSearchBackend.similarQuery(req.getSearcher().getIndexReader(), HetongConfig.analyzers().bigram(), qstr,
                            HetongQParserPlugin.filter(params, "type"), document, HetongQParserPlugin.filter(params, "excludeContract"));
                } catch (IOException e) {
                    throw new SyntaxError("cannot read the shard's term statistics: " + e.getMessage(), e);
                }
            }
        };
    }
}
