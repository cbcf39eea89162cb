package org.hetong.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.index.DirectoryReader;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.hetong.index.IndexFields;
import org.hetong.index.IndexedClause;
import org.hetong.index.LuceneClauseIndex;
import org.hetong.search.SearchBackend;
import org.hetong.search.SearchHit;
import org.hetong.search.SearchPages;
import org.hetong.search.SearchRequest;
import org.hetong.search.SearchResult;
import org.hetong.search.SimilarClauses;

/**
 * Searches a SolrCloud collection. The query is not translated into Solr syntax: the request's query
 * text and filters go to hetong's own query parser plugin inside Solr ({@code {!hetong}}, in the
 * plugin jar of {@code solr/}), which builds the very Lucene query the embedded index runs, with
 * the same analysis chains, so ranking agrees by construction (with exact distributed term
 * statistics, {@code ExactStatsCache} in the configset). Facets are Solr's field facets on
 * doc-values string fields. Template grouping and highlighting happen here, as for the embedded
 * index: the page's clauses are highlighted in a small in-memory index of exactly those clauses,
 * with the same highlighter and query, so highlights are the same too.
 */
public final class SolrSearchBackend implements SearchBackend {
    /** The query parser plugin's names, and the request parameters that carry the filters to it. */
    public static final String PARSER = "hetong";
    public static final String SIMILAR_PARSER = "hetong_like";
    public static final String FILTER_PREFIX = "hetong.";
    /** With {@link #FILTER_PREFIX}: the plugin builds the relaxed query. */
    public static final String RELAXED = "relaxed";

    private final SolrClauseIndex index;

    public SolrSearchBackend(SolrClauseIndex index) {
        this.index = index;
    }

    @Override
    public long version() {
        return index.generation();
    }

    @Override
    public SearchResult search(SearchRequest request, Query query, boolean relaxed) throws IOException {
        ModifiableSolrParams params = params(request, relaxed, SearchPages.window(request));
        params.set("facet", true);
        for (String dim : IndexFields.FACETS) {
            params.add("facet.field", dim);
        }
        params.set("facet.limit", SearchPages.FACET_VALUES);
        params.set("facet.mincount", 1);
        params.set("facet.sort", "count");
        QueryResponse response = index.query(params);
        List<Ranked> ranked = ranked(response);
        List<List<Ranked>> groups = SearchPages.page(SearchPages.group(ranked, r -> r.clause.text()), request);
        List<String> highlights = highlight(query, groups.stream().map(g -> g.get(0).clause).toList());
        List<SearchHit> hits = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            List<Ranked> group = groups.get(i);
            Ranked lead = group.get(0);
            List<String> similar = group.subList(1, group.size()).stream().map(r -> r.clause.clauseId()).toList();
            String highlight = highlights.get(i) != null ? highlights.get(i) : SearchPages.unhighlighted(lead.clause.text());
            hits.add(hit(lead.clause, highlight, lead.score, similar));
        }
        return new SearchResult(request.query(), response.getResults().getNumFound(), 0, hits, facets(response));
    }

    @Override
    public List<SearchHit> all(SearchRequest request, Query query, boolean relaxed, int max) throws IOException {
        List<SearchHit> hits = new ArrayList<>();
        for (Ranked r : ranked(index.query(params(request, relaxed, max)))) {
            hits.add(hit(r.clause, null, r.score, List.of()));
        }
        return hits;
    }

    @Override
    public Optional<List<SimilarClauses.Similar>> similar(String clauseId, int size, boolean includeFamily) throws IOException {
        ModifiableSolrParams self = new ModifiableSolrParams();
        self.set("q", IndexFields.CLAUSE_ID + ":" + ClientUtils.escapeQueryChars(clauseId));
        self.set("rows", 1);
        self.set("fl", "*");
        var found = index.query(self).getResults();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IndexedClause source = SolrClauseDocs.fromSolr(found.get(0));
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "{!" + SIMILAR_PARSER + " v=$like}");
        params.set("like", source.text());
        params.set(FILTER_PREFIX + "type", source.clauseType());
        params.set(FILTER_PREFIX + "document", source.documentId());
        if (!includeFamily && source.contractId() != null) {
            params.set(FILTER_PREFIX + "excludeContract", source.contractId());
        }
        params.set("rows", size * 3);
        params.set("fl", "*,score");
        List<SearchHit> candidates = new ArrayList<>();
        for (Ranked r : ranked(index.query(params))) {
            candidates.add(hit(r.clause, SearchPages.unhighlighted(r.clause.text()), r.score, List.of()));
        }
        return Optional.of(SimilarClauses.precedents(source.text(), candidates, size));
    }

    /** The request for the plugin: query text and filters as they were typed, relaxed or not, sort, and how many. */
    static ModifiableSolrParams params(SearchRequest request, boolean relaxed, int rows) {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "{!" + PARSER + " v=$hq}");
        params.set("hq", request.query());
        if (relaxed) {
            params.set(FILTER_PREFIX + RELAXED, "true");
        }
        setIfPresent(params, "type", request.type());
        setIfPresent(params, "kind", request.kind());
        setIfPresent(params, "party", request.party());
        setIfPresent(params, "year", request.year());
        setIfPresent(params, "contract", request.contract());
        setIfPresent(params, "risk", request.risk());
        setIfPresent(params, "ocr", request.ocr());
        params.set("rows", rows);
        params.set("fl", "*,score");
        // Ties in clause-id order, as the embedded index breaks them.
        params.set("sort", (request.sort().equals("date") ? IndexFields.DATE + " desc,score desc" : "score desc")
                + "," + IndexFields.CLAUSE_ID + " asc");
        return params;
    }

    private static void setIfPresent(ModifiableSolrParams params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.set(FILTER_PREFIX + name, value);
        }
    }

    private record Ranked(IndexedClause clause, float score) {}

    private static List<Ranked> ranked(QueryResponse response) {
        List<Ranked> ranked = new ArrayList<>();
        for (SolrDocument d : response.getResults()) {
            Object score = d.getFirstValue("score");
            ranked.add(new Ranked(SolrClauseDocs.fromSolr(d), score == null ? 0f : ((Number) score).floatValue()));
        }
        return ranked;
    }

    /** Highlights of the clauses in order (null where nothing matched), from an in-memory index of just these clauses. */
    private List<String> highlight(Query query, List<IndexedClause> clauses) throws IOException {
        if (clauses.isEmpty()) {
            return List.of();
        }
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(index.analyzers().perField()))) {
                for (IndexedClause clause : clauses) {
                    Document doc = LuceneClauseIndex.document(clause);
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                ScoreDoc[] docs = new ScoreDoc[clauses.size()];
                for (int i = 0; i < docs.length; i++) {
                    docs[i] = new ScoreDoc(i, 1f);
                }
                String[] highlights = SearchPages.highlighter(searcher, index.analyzers().perField()).highlight(IndexFields.TEXT, query,
                        new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), docs), SearchPages.SNIPPET_PASSAGES);
                List<String> out = new ArrayList<>(highlights.length);
                for (String h : highlights) {
                    out.add(h);
                }
                return out;
            }
        }
    }

    private static Map<String, List<SearchResult.FacetValue>> facets(QueryResponse response) {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String dim : IndexFields.FACETS) {
            List<SearchResult.FacetValue> values = new ArrayList<>();
            FacetField field = response.getFacetField(dim);
            if (field != null && field.getValues() != null) {
                for (FacetField.Count count : field.getValues()) {
                    if (count.getCount() > 0) {
                        values.add(new SearchResult.FacetValue(count.getName(), count.getCount()));
                    }
                }
            }
            facets.put(dim, values);
        }
        return facets;
    }

    private static SearchHit hit(IndexedClause c, String highlight, float score, List<String> similar) {
        return new SearchHit(c.clauseId(), c.documentId(), c.contractId(), c.title(), c.fileName(), c.kind(), c.number(), c.heading(),
                c.clauseType(), c.secondaryType(), c.parties(), c.year() == null ? null : String.valueOf(c.year()), c.text(), highlight,
                score, similar.size(), similar, c.ocr());
    }
}
