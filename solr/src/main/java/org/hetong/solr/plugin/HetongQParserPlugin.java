package org.hetong.solr.plugin;

import org.apache.lucene.search.Query;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;
import org.hetong.search.QuerySyntaxException;
import org.hetong.search.SearchRequest;
import org.hetong.solr.SolrSearchBackend;

/**
 * {@code {!hetong v=$hq}}: hetong's query language, parsed by hetong's own {@code QueryParser} and
 * turned into a Lucene query by its {@code ClauseQueryBuilder} — the very query the embedded index
 * runs. The request's filters come as {@code hetong.type}, {@code hetong.kind}, {@code hetong.party},
 * {@code hetong.year}, {@code hetong.contract}, {@code hetong.risk} and {@code hetong.ocr};
 * {@code hetong.relaxed=true} asks for the relaxed query (the search found too little as written).
 */
public final class HetongQParserPlugin extends QParserPlugin {
    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() throws SyntaxError {
                try {
                    SearchRequest request = new SearchRequest(qstr == null ? "" : qstr, filter(params, "type"), filter(params, "kind"),
                            filter(params, "party"), filter(params, "year"), filter(params, "contract"), filter(params, "risk"),
                            filter(params, "ocr"), 1, 1, null);
                    return HetongConfig.queries().build(request, "true".equals(filter(params, SolrSearchBackend.RELAXED)));
                } catch (QuerySyntaxException | IllegalArgumentException e) {
                    throw new SyntaxError(e.getMessage(), e);
                }
            }
        };
    }

    static String filter(SolrParams params, String name) {
        return params == null ? null : params.get(SolrSearchBackend.FILTER_PREFIX + name);
    }
}
