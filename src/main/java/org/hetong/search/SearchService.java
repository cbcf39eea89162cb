package org.hetong.search;

import java.io.IOException;
import java.util.List;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.apache.lucene.search.Query;
import org.hetong.index.ClauseIndex;
import org.hetong.index.IndexAnalyzers;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.understand.ClauseTaxonomy;

/**
 * Clause search: parses the query, builds the Lucene query, and has the {@link SearchBackend} run it
 * with facet counting, template grouping and highlights; results are cached by request and index
 * version.
 *
 * <p>Highlights come from the stored precision field but show matches of the recall (bigram)
 * field too, through the highlighter's masked fields: both fields index the same text with
 * offsets, so either field's matches mark the same characters. The formatter escapes HTML, so
 * {@code <mark>} is the only markup in a highlight.
 */
public final class SearchService {
    /** Fewer full matches than this and a search is run again relaxed. */
    public static final int RELAX_BELOW = 20;
    private final SearchBackend backend;
    private final ClauseQueryBuilder queries;
    /** Results by request and index version: a new index version never sees an old result. */
    private final Cache<CacheKey, SearchResult> results = Caffeine.newBuilder().maximumSize(2_000).recordStats().build();

    private record CacheKey(SearchRequest request, long indexVersion) {}

    public SearchService(ClauseIndex index) {
        this(index, null);
    }

    /** With the clause taxonomy, clauses of the types a query names rank higher. Searches the embedded index. */
    public SearchService(ClauseIndex index, ClauseTaxonomy taxonomy) {
        this(new LuceneSearchBackend(requireEmbedded(index)), index.analyzers(), taxonomy);
    }

    public SearchService(SearchBackend backend, IndexAnalyzers analyzers, ClauseTaxonomy taxonomy) {
        this.backend = backend;
        this.queries = new ClauseQueryBuilder(analyzers, taxonomy);
    }

    private static LuceneClauseIndex requireEmbedded(ClauseIndex index) {
        if (index instanceof LuceneClauseIndex lucene) {
            return lucene;
        }
        throw new IllegalArgumentException("this constructor searches the embedded index; give a SearchBackend for " + index);
    }

    /** Where searches run. */
    public SearchBackend backend() {
        return backend;
    }

    /** Hit and miss counts of the result cache, for {@code /api/health}. */
    public CacheStats cacheStats() {
        return results.stats();
    }

    public long cachedResults() {
        return results.estimatedSize();
    }

    /**
     * A page of results. When the words as written match fewer than {@value #RELAX_BELOW} clauses, the search
     * runs again relaxed ({@link ClauseQueryBuilder#build(SearchRequest, boolean)}): clauses sharing most of a
     * word's character pairs (and clauses of the type a concept word names) follow the full matches, and the result
     * says it is {@linkplain SearchResult#relaxed() relaxed}, when that found more. Whether to relax depends on the
     * totals only, so every page of one search agrees.
     */
    public SearchResult search(SearchRequest request) throws QuerySyntaxException, IOException {
        long started = System.nanoTime();
        Query query = queries.build(request);
        CacheKey key = new CacheKey(request, backend.version());
        SearchResult cached = results.getIfPresent(key);
        if (cached != null) {
            return cached.withTook((System.nanoTime() - started) / 1_000_000);
        }
        SearchResult answer = backend.search(request, query, false);
        Query relaxed = answer.total() < RELAX_BELOW ? relaxedVariant(request, query) : null;
        if (relaxed != null) {
            SearchResult wider = backend.search(request, relaxed, true);
            if (wider.total() > answer.total()) {
                answer = wider.asRelaxed(answer.total());
            }
        }
        answer = answer.withTook((System.nanoTime() - started) / 1_000_000);
        results.put(key, answer);
        return answer;
    }

    /** Up to {@code max} hits in rank order, without highlights or grouping: for exports. Relaxed as {@link #search} is. */
    public List<SearchHit> all(SearchRequest request, int max) throws QuerySyntaxException, IOException {
        Query query = queries.build(request);
        List<SearchHit> hits = backend.all(request, query, false, max);
        Query relaxed = hits.size() < Math.min(RELAX_BELOW, max) ? relaxedVariant(request, query) : null;
        if (relaxed != null) {
            List<SearchHit> wider = backend.all(request, relaxed, true, max);
            return wider.size() > hits.size() ? wider : hits;
        }
        return hits;
    }

    /** The request's relaxed query, or null when relaxing changes nothing (quoted phrases, short words). */
    private Query relaxedVariant(SearchRequest request, Query strict) throws QuerySyntaxException {
        Query relaxed = queries.build(request, true);
        return relaxed.equals(strict) ? null : relaxed;
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#x27;");
                case '/' -> b.append("&#x2F;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
