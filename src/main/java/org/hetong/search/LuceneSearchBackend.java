package org.hetong.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.hetong.index.IndexFields;
import org.hetong.index.LuceneClauseIndex;

/**
 * Searches the embedded Lucene index: facets from sorted-set doc values, highlights by the unified
 * highlighter on the stored text, precedents by {@link MoreLikeThis} over the character bigrams.
 */
public final class LuceneSearchBackend implements SearchBackend {
    /** Equal scores (and dates) in clause-id order, so that ties fall the same way on every index and every page. */
    private static final SortField TIE_BREAK = new SortField(IndexFields.CLAUSE_ID, SortField.Type.STRING);
    private static final Sort BY_SCORE = new Sort(SortField.FIELD_SCORE, TIE_BREAK);
    private static final Sort BY_DATE = new Sort(new SortField(IndexFields.DATE, SortField.Type.LONG, true), SortField.FIELD_SCORE, TIE_BREAK);
    private static final float SAME_TYPE_BOOST = 2f;

    private final LuceneClauseIndex index;
    private volatile SortedSetDocValuesReaderState facetState;
    /**
     * Total and facet counts by query and reader: counting visits every match, which a second page or the
     * other sort order of the same search need not do again. A new reader (any change) is a new key.
     */
    private final Cache<CountKey, Counted> counts = Caffeine.newBuilder().maximumSize(1_000).recordStats().build();

    private record CountKey(Object reader, Query query) {}

    private record Counted(long total, Map<String, List<SearchResult.FacetValue>> facets) {}

    public LuceneSearchBackend(LuceneClauseIndex index) {
        this.index = index;
    }

    @Override
    public Optional<CacheStats> countCacheStats() {
        return Optional.of(counts.stats());
    }

    @Override
    public long version() throws IOException {
        return index.generation();
    }

    @Override
    public SearchResult search(SearchRequest request, Query query, boolean relaxed) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            int window = SearchPages.window(request);
            Sort sort = request.sort().equals("date") ? BY_DATE : BY_SCORE;
            CountKey key = new CountKey(searcher.getIndexReader().getReaderCacheHelper().getKey(), query);
            Counted counted = counts.getIfPresent(key);
            TopDocs top;
            if (counted == null) {
                // Facets and the exact total need every match: the collector cannot skip any.
                FacetsCollectorManager.FacetsResult result =
                        FacetsCollectorManager.search(searcher, query, window, sort, true, new FacetsCollectorManager());
                top = result.topDocs();
                counted = new Counted(top.totalHits.value, facets(searcher.getIndexReader(), result));
                counts.put(key, counted);
            } else {
                // Another page or order of a query counted on this reader: rank the window alone, and let
                // Lucene skip the clauses that cannot enter it.
                top = searcher.search(query, new TopFieldCollectorManager(sort, window, null, window));
                int scoreField = Arrays.asList(sort.getSort()).indexOf(SortField.FIELD_SCORE);
                for (ScoreDoc sd : top.scoreDocs) {
                    sd.score = (Float) ((FieldDoc) sd).fields[scoreField];
                }
            }
            long total = counted.total();
            Map<String, List<SearchResult.FacetValue>> facets = counted.facets();
            var stored = searcher.storedFields();
            Set<String> textOnly = Set.of(IndexFields.TEXT);
            List<List<ScoreDoc>> groups = SearchPages.group(Arrays.asList(top.scoreDocs),
                    candidate -> stored.document(candidate.doc, textOnly).get(IndexFields.TEXT));
            List<SearchHit> hits = hits(searcher, query, SearchPages.page(groups, request));
            return new SearchResult(request.query(), total, 0, hits, facets);
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Override
    public List<SearchHit> all(SearchRequest request, Query query, boolean relaxed, int max) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            TopDocs top = searcher.search(query, max, request.sort().equals("date") ? BY_DATE : BY_SCORE, true);
            List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
            var stored = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = stored.document(sd.doc);
                hits.add(hit(doc, doc.get(IndexFields.TEXT), null, sd.score, List.of()));
            }
            return hits;
        } finally {
            index.searchers().release(searcher);
        }
    }

    @Override
    public Optional<List<SimilarClauses.Similar>> similar(String clauseId, int size, boolean includeFamily) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            TopDocs self = searcher.search(new TermQuery(new Term(IndexFields.CLAUSE_ID, clauseId)), 1);
            if (self.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document source = searcher.storedFields().document(self.scoreDocs[0].doc);
            String text = source.get(IndexFields.TEXT);
            String contract = source.get(IndexFields.CONTRACT_ID);
            Query similar = similarQuery(searcher.getIndexReader(), index.analyzers().bigram(), text, source.get(IndexFields.CLAUSE_TYPE),
                    source.get(IndexFields.DOCUMENT_ID), includeFamily ? null : contract);
            TopDocs top = searcher.search(similar, size * 3);
            List<SearchHit> candidates = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = searcher.storedFields().document(sd.doc);
                String other = d.get(IndexFields.TEXT);
                candidates.add(hit(d, other, SearchPages.unhighlighted(other), sd.score, List.of()));
            }
            return Optional.of(SimilarClauses.precedents(text, candidates, size));
        } finally {
            index.searchers().release(searcher);
        }
    }

    /**
     * The precedent query: the clause's most distinctive character bigrams ({@link MoreLikeThis} over
     * {@code reader}'s statistics), clauses of its type first, its own document (and the contract
     * {@code excludeContract}, when given) left out. Public for the SolrCloud plugin, which runs it on each shard.
     */
    public static Query similarQuery(IndexReader reader, Analyzer bigram, String text, String type, String documentId,
                                     String excludeContract) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(bigram);
        mlt.setFieldNames(new String[] {IndexFields.TEXT_BIGRAM});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        mlt.setMaxQueryTerms(60);
        // Character pairs in more than a tenth of all clauses say little about wording and cost the most
        // to match: at 1M clauses 40 % cost 166 ms of CPU per request, 10 % cost 101 ms for the same
        // precedents (92 % of the top ten the same, mean text similarity 0.896 against 0.895; BENCHMARKS.md).
        mlt.setMaxDocFreqPct(10);
        Query like = mlt.like(IndexFields.TEXT_BIGRAM, new StringReader(text));
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST);
        if (type != null) {
            b.add(new BoostQuery(new TermQuery(new Term(IndexFields.CLAUSE_TYPE, type)), SAME_TYPE_BOOST), BooleanClause.Occur.SHOULD);
        }
        b.add(new TermQuery(new Term(IndexFields.DOCUMENT_ID, documentId)), BooleanClause.Occur.MUST_NOT);
        if (excludeContract != null) {
            b.add(new TermQuery(new Term(IndexFields.CONTRACT_ID, excludeContract)), BooleanClause.Occur.MUST_NOT);
        }
        return b.build();
    }

    private List<SearchHit> hits(IndexSearcher searcher, Query query, List<List<ScoreDoc>> groups) throws IOException {
        if (groups.isEmpty()) {
            return List.of();
        }
        ScoreDoc[] page = groups.stream().map(g -> g.get(0)).toArray(ScoreDoc[]::new);
        TopDocs pageDocs = new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page);
        String[] highlights = SearchPages.highlighter(searcher, index.analyzers().perField())
                .highlight(IndexFields.TEXT, query, pageDocs, SearchPages.SNIPPET_PASSAGES);
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
            String highlight = highlights[i] != null ? highlights[i] : SearchPages.unhighlighted(text);
            hits.add(hit(doc, text, highlight, page[i].score, similar));
        }
        return hits;
    }

    private static SearchHit hit(Document doc, String text, String highlight, float score, List<String> similar) {
        return new SearchHit(doc.get(IndexFields.CLAUSE_ID), doc.get(IndexFields.DOCUMENT_ID), doc.get(IndexFields.CONTRACT_ID),
                doc.get(IndexFields.TITLE), doc.get(IndexFields.FILE_NAME), doc.get(IndexFields.KIND),
                doc.get(IndexFields.NUMBER), doc.get(IndexFields.HEADING), doc.get(IndexFields.CLAUSE_TYPE),
                doc.get(IndexFields.SECONDARY_TYPE), Arrays.asList(doc.getValues(IndexFields.PARTY)), doc.get(IndexFields.YEAR),
                text, highlight, Float.isNaN(score) ? 0f : score, similar.size(), similar, "true".equals(doc.get(IndexFields.OCR)));
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
                top = counts.getTopChildren(SearchPages.FACET_VALUES, dim);
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

}
