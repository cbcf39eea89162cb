package org.hetong.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.hetong.index.ClauseIndex;
import org.hetong.index.IndexFields;

/**
 * Clause search: parses the query, runs it with facet counting, and highlights the page of hits.
 *
 * <p>Highlights come from the stored precision field but show matches of the recall (bigram)
 * field too, through the highlighter's masked fields: both fields index the same text with
 * offsets, so either field's matches mark the same characters. The formatter escapes HTML, so
 * {@code <mark>} is the only markup in a highlight.
 */
public final class SearchService {
    private static final int SNIPPET_PASSAGES = 3;
    private static final Sort BY_DATE = new Sort(new SortField(IndexFields.DATE, SortField.Type.LONG, true), SortField.FIELD_SCORE);

    /** Candidates fetched per result shown, so that grouping templates still fills a page. */
    private static final int GROUP_FETCH = 3;
    private static final int MAX_WINDOW = 1500;

    private final ClauseIndex index;
    private final ClauseQueryBuilder queries;
    private volatile SortedSetDocValuesReaderState facetState;
    /** Results by request and index version: a new index version never sees an old result. */
    private final Cache<CacheKey, SearchResult> results = Caffeine.newBuilder().maximumSize(2_000).recordStats().build();

    private record CacheKey(SearchRequest request, long indexVersion) {}

    public SearchService(ClauseIndex index) {
        this(index, null);
    }

    /** With the clause taxonomy, clauses of the types a query names rank higher. */
    public SearchService(ClauseIndex index, org.hetong.understand.ClauseTaxonomy taxonomy) {
        this.index = index;
        this.queries = new ClauseQueryBuilder(index.analyzers(), taxonomy);
    }

    /** Hit and miss counts of the result cache, for {@code /api/health}. */
    public CacheStats cacheStats() {
        return results.stats();
    }

    public long cachedResults() {
        return results.estimatedSize();
    }

    public SearchResult search(SearchRequest request) throws QuerySyntaxException, IOException {
        long started = System.nanoTime();
        QueryNode parsed = QueryParser.parse(request.query());
        Query query = queries.build(parsed, request);
        IndexSearcher searcher = index.searchers().acquire();
        try {
            CacheKey key = new CacheKey(request, ((DirectoryReader) searcher.getIndexReader()).getVersion());
            SearchResult cached = results.getIfPresent(key);
            if (cached != null) {
                return cached.withTook((System.nanoTime() - started) / 1_000_000);
            }
            int window = Math.min(MAX_WINDOW, request.page() * request.size() * GROUP_FETCH);
            FacetsCollectorManager.FacetsResult result = request.sort().equals("date")
                    ? FacetsCollectorManager.search(searcher, query, window, BY_DATE, true, new FacetsCollectorManager())
                    : FacetsCollectorManager.search(searcher, query, window, new FacetsCollectorManager());
            TopDocs top = result.topDocs();
            Map<String, List<SearchResult.FacetValue>> facets = facets(searcher.getIndexReader(), result);
            List<List<ScoreDoc>> groups = group(searcher, top.scoreDocs);
            int from = (request.page() - 1) * request.size();
            List<List<ScoreDoc>> page = from >= groups.size() ? List.of()
                    : groups.subList(from, Math.min(groups.size(), from + request.size()));
            List<SearchHit> hits = hits(searcher, query, page);
            long total = top.totalHits.value;
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            SearchResult answer = new SearchResult(request.query(), total, tookMs, hits, facets);
            results.put(key, answer);
            return answer;
        } finally {
            index.searchers().release(searcher);
        }
    }

    /** Up to {@code max} hits in rank order, without highlights or grouping: for exports. */
    public List<SearchHit> all(SearchRequest request, int max) throws QuerySyntaxException, IOException {
        Query query = queries.build(QueryParser.parse(request.query()), request);
        IndexSearcher searcher = index.searchers().acquire();
        try {
            TopDocs top = request.sort().equals("date") ? searcher.search(query, max, BY_DATE, true) : searcher.search(query, max);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            var stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = stored.document(sd.doc);
                hits.add(new SearchHit(doc.get(IndexFields.CLAUSE_ID), doc.get(IndexFields.DOCUMENT_ID), doc.get(IndexFields.CONTRACT_ID),
                        doc.get(IndexFields.TITLE), doc.get(IndexFields.FILE_NAME), doc.get(IndexFields.KIND), doc.get(IndexFields.NUMBER),
                        doc.get(IndexFields.HEADING), doc.get(IndexFields.CLAUSE_TYPE), doc.get(IndexFields.SECONDARY_TYPE),
                        Arrays.asList(doc.getValues(IndexFields.PARTY)), doc.get(IndexFields.YEAR), doc.get(IndexFields.TEXT), null,
                        Float.isNaN(sd.score) ? 0f : sd.score, 0, List.of(), "true".equals(doc.get(IndexFields.OCR))));
            }
            return hits;
        } finally {
            index.searchers().release(searcher);
        }
    }

    /**
     * Near-identical clauses (one template, different names or amounts) collapse into one hit:
     * groups in rank order, each led by its best-ranked clause.
     */
    private static List<List<ScoreDoc>> group(IndexSearcher searcher, ScoreDoc[] candidates) throws IOException {
        List<List<ScoreDoc>> groups = new ArrayList<>();
        List<Set<Integer>> signatures = new ArrayList<>();
        var stored = searcher.storedFields();
        Set<String> textOnly = Set.of(IndexFields.TEXT);
        for (ScoreDoc candidate : candidates) {
            Set<Integer> signature = TemplateGroups.signature(stored.document(candidate.doc, textOnly).get(IndexFields.TEXT));
            int match = -1;
            if (signature.size() >= 8) {
                for (int g = 0; g < groups.size() && match < 0; g++) {
                    if (TemplateGroups.jaccard(signature, signatures.get(g)) >= TemplateGroups.SAME_TEMPLATE) {
                        match = g;
                    }
                }
            }
            if (match >= 0) {
                groups.get(match).add(candidate);
            } else {
                List<ScoreDoc> group = new ArrayList<>();
                group.add(candidate);
                groups.add(group);
                signatures.add(signature);
            }
        }
        return groups;
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, List<List<ScoreDoc>> groups) throws IOException {
        if (groups.isEmpty()) {
            return List.of();
        }
        ScoreDoc[] page = groups.stream().map(g -> g.get(0)).toArray(ScoreDoc[]::new);
        TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, index.analyzers().perField())
                .withMaskedFieldsFunc(field -> field.equals(IndexFields.TEXT) ? Set.of(IndexFields.TEXT_BIGRAM) : Set.of())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
                .withMaxNoHighlightPassages(1)
                .withMaxLength(200_000)
                .build();
        String[] highlights = highlighter.highlight(IndexFields.TEXT, query, pageDocs, SNIPPET_PASSAGES);
        List<SearchHit> hits = new ArrayList<>(page.length);
        var stored = searcher.storedFields();
        for (int i = 0; i < page.length; i++) {
            Document doc = stored.document(page[i].doc);
            List<ScoreDoc> group = groups.get(i);
            List<String> similar = new ArrayList<>();
            for (ScoreDoc member : group.subList(1, group.size())) {
                similar.add(stored.document(member.doc, Set.of(IndexFields.CLAUSE_ID)).get(IndexFields.CLAUSE_ID));
            }
            String text = doc.get(IndexFields.TEXT);
            String highlight = highlights[i] != null ? highlights[i] : escape(text.length() > 300 ? text.substring(0, 300) + "…" : text);
            hits.add(new SearchHit(doc.get(IndexFields.CLAUSE_ID), doc.get(IndexFields.DOCUMENT_ID), doc.get(IndexFields.CONTRACT_ID),
                    doc.get(IndexFields.TITLE), doc.get(IndexFields.FILE_NAME), doc.get(IndexFields.KIND),
                    doc.get(IndexFields.NUMBER), doc.get(IndexFields.HEADING), doc.get(IndexFields.CLAUSE_TYPE),
                    doc.get(IndexFields.SECONDARY_TYPE), Arrays.asList(doc.getValues(IndexFields.PARTY)), doc.get(IndexFields.YEAR),
                    text, highlight, Float.isNaN(page[i].score) ? 0f : page[i].score, similar.size(), similar,
                    "true".equals(doc.get(IndexFields.OCR))));
        }
        return hits;
    }

    private Map<String, List<SearchResult.FacetValue>> facets(IndexReader reader, FacetsCollectorManager.FacetsResult result)
            throws IOException {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String dim : IndexFields.FACETS) {
            facets.put(dim, List.of());
        }
        SortedSetDocValuesReaderState state = facetState(reader);
        if (state == null) {
            return facets;
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, result.facetsCollector());
        for (String dim : IndexFields.FACETS) {
            FacetResult top;
            try {
                top = counts.getTopChildren(30, dim);
            } catch (IllegalArgumentException notIndexedYet) {
                continue;
            }
            if (top == null) {
                continue;
            }
            List<SearchResult.FacetValue> values = new ArrayList<>();
            for (LabelAndValue lv : top.labelValues) {
                values.add(new SearchResult.FacetValue(lv.label, lv.value.longValue()));
            }
            facets.put(dim, values);
        }
        return facets;
    }

    /** The facet ordinal map of the current reader, rebuilt only when the reader changes. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        SortedSetDocValuesReaderState state = facetState;
        if (state != null && state.getReader() == reader) {
            return state;
        }
        synchronized (this) {
            state = facetState;
            if (state != null && state.getReader() == reader) {
                return state;
            }
            try {
                state = new DefaultSortedSetDocValuesReaderState(reader, index.facets());
            } catch (IllegalArgumentException noFacetsYet) {
                return null;
            }
            facetState = state;
            return state;
        }
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
