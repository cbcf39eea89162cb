package org.hetong.search;

import java.util.List;
import java.util.Map;

/**
 * A page of clause hits with the total, the time taken and facet counts over all matches.
 *
 * @param relaxed     the words as written matched too few clauses, so clauses sharing most of a word's
 *                    character pairs are included, after the full matches ({@link SearchService#search})
 * @param fullMatches how many of the {@code total} clauses match the words as written: all of them, unless
 *                    {@code relaxed}; in relevance order they come first
 */
public record SearchResult(String query, long total, long tookMs, List<SearchHit> hits, Map<String, List<FacetValue>> facets,
                           boolean relaxed, long fullMatches) {
    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    public SearchResult(String query, long total, long tookMs, List<SearchHit> hits, Map<String, List<FacetValue>> facets) {
        this(query, total, tookMs, hits, facets, false, total);
    }

    /** The same result, reporting {@code tookMs} for this answer (a cached result took less). */
    public SearchResult withTook(long ms) {
        return new SearchResult(query, total, ms, hits, facets, relaxed, fullMatches);
    }

    /** The same result, marked as the answer of a relaxed query of which {@code fullMatches} matched as written. */
    public SearchResult asRelaxed(long fullMatches) {
        return new SearchResult(query, total, tookMs, hits, facets, true, fullMatches);
    }

    /** One value of a facet with the number of matching clauses that have it. */
    public record FacetValue(String value, long count) {}
}
