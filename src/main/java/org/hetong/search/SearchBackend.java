package org.hetong.search;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.apache.lucene.search.Query;

/**
 * Where clause searches run: the embedded Lucene index ({@link LuceneSearchBackend}, the default) or
 * a SolrCloud collection ({@code org.hetong.solr.SolrSearchBackend}). Both are handed the same
 * request and the same Lucene query built by {@link ClauseQueryBuilder}; parsing, syntax errors and
 * the result cache stay above, in {@link SearchService}.
 */
public interface SearchBackend {
    /** Changes whenever searches may see different results: part of the result cache's key. */
    long version() throws IOException;

    /**
     * One page of hits (template clauses grouped, highlighted), the total and facet counts over all matches.
     * {@code relaxed}: the query was built relaxed ({@link ClauseQueryBuilder#build(SearchRequest, boolean)}),
     * for a backend that builds it again from the request.
     */
    SearchResult search(SearchRequest request, Query query, boolean relaxed) throws IOException;

    /** Up to {@code max} hits in rank order, without highlights or grouping: for exports. */
    List<SearchHit> all(SearchRequest request, Query query, boolean relaxed, int max) throws IOException;

    /** Hits and misses of the backend's own cache of totals and facet counts, if it keeps one. */
    default Optional<CacheStats> countCacheStats() {
        return Optional.empty();
    }

    /** Clauses worded like the given one, in other documents (and families); empty when it is not indexed. */
    Optional<List<SimilarClauses.Similar>> similar(String clauseId, int size, boolean includeFamily) throws IOException;
}
