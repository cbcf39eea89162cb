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
import org.apache.lucene.document.Document;
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

    private final ClauseIndex index;
    private final ClauseQueryBuilder queries;
    private volatile SortedSetDocValuesReaderState facetState;

    public SearchService(ClauseIndex index) {
        this.index = index;
        this.queries = new ClauseQueryBuilder(index.analyzers());
    }

    public SearchResult search(SearchRequest request) throws QuerySyntaxException, IOException {
        long started = System.nanoTime();
        QueryNode parsed = QueryParser.parse(request.query());
        Query query = queries.build(parsed, request);
        IndexSearcher searcher = index.searchers().acquire();
        try {
            int wanted = request.page() * request.size();
            FacetsCollectorManager.FacetsResult result = request.sort().equals("date")
                    ? FacetsCollectorManager.search(searcher, query, wanted, BY_DATE, true, new FacetsCollectorManager())
                    : FacetsCollectorManager.search(searcher, query, wanted, new FacetsCollectorManager());
            TopDocs top = result.topDocs();
            Map<String, List<SearchResult.FacetValue>> facets = facets(searcher.getIndexReader(), result);
            int from = (request.page() - 1) * request.size();
            ScoreDoc[] page = from >= top.scoreDocs.length ? new ScoreDoc[0]
                    : Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
            List<SearchHit> hits = hits(searcher, query, page);
            long total = top.totalHits.value;
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            return new SearchResult(request.query(), total, tookMs, hits, facets);
        } finally {
            index.searchers().release(searcher);
        }
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
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
            String text = doc.get(IndexFields.TEXT);
            String highlight = highlights[i] != null ? highlights[i] : escape(text.length() > 300 ? text.substring(0, 300) + "…" : text);
            hits.add(new SearchHit(doc.get(IndexFields.CLAUSE_ID), doc.get(IndexFields.DOCUMENT_ID), doc.get(IndexFields.CONTRACT_ID),
                    doc.get(IndexFields.TITLE), doc.get(IndexFields.FILE_NAME), doc.get(IndexFields.KIND),
                    doc.get(IndexFields.NUMBER), doc.get(IndexFields.HEADING), doc.get(IndexFields.CLAUSE_TYPE),
                    doc.get(IndexFields.SECONDARY_TYPE), Arrays.asList(doc.getValues(IndexFields.PARTY)), doc.get(IndexFields.YEAR),
                    text, highlight, Float.isNaN(page[i].score) ? 0f : page[i].score));
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
