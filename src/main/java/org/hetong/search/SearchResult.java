package org.hetong.search;

import java.util.List;
import java.util.Map;

/** A page of clause hits with the total, the time taken and facet counts over all matches. */
public record SearchResult(String query, long total, long tookMs, List<SearchHit> hits, Map<String, List<FacetValue>> facets) {
    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }

    /** The same result, reporting {@code tookMs} for this answer (a cached result took less). */
    public SearchResult withTook(long ms) {
        return new SearchResult(query, total, ms, hits, facets);
    }

    /** One value of a facet with the number of matching clauses that have it. */
    public record FacetValue(String value, long count) {}
}
