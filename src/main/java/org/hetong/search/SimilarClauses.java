package org.hetong.search;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.hetong.index.ClauseIndex;
import org.hetong.index.IndexFields;

/**
 * Precedents: clauses worded like a given one, in other contracts. Lucene's {@link MoreLikeThis}
 * picks the clause's most distinctive character bigrams (so wording matters, not just topic);
 * clauses of the same type rank higher; the clause's own document, and by default its own contract
 * family, are left out — a lawyer looking for precedents wants other contracts.
 */
public final class SimilarClauses {
    private static final float SAME_TYPE_BOOST = 2f;
    /** Below this share of common character bigrams a clause is a different text, not a precedent. */
    private static final double MIN_OVERLAP = 0.08;
    private final ClauseIndex index;

    public SimilarClauses(ClauseIndex index) {
        this.index = index;
    }

    /**
     * A clause found similar, with how much of its text is the same (0–1, by the character diff
     * the side-by-side view shows, so both report the same number).
     */
    public record Similar(SearchHit clause, double overlap) {}

    /** Empty when the clause is not in the index. */
    public Optional<List<Similar>> find(String clauseId, int size, boolean includeFamily) throws IOException {
        IndexSearcher searcher = index.searchers().acquire();
        try {
            TopDocs self = searcher.search(new TermQuery(new Term(IndexFields.CLAUSE_ID, clauseId)), 1);
            if (self.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document source = searcher.storedFields().document(self.scoreDocs[0].doc);
            String text = source.get(IndexFields.TEXT);
            MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
            mlt.setAnalyzer(index.analyzers().bigram());
            mlt.setFieldNames(new String[] {IndexFields.TEXT_BIGRAM});
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMaxQueryTerms(60);
            mlt.setMaxDocFreqPct(40);
            Query like = mlt.like(IndexFields.TEXT_BIGRAM, new StringReader(text));
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(like, BooleanClause.Occur.MUST);
            String type = source.get(IndexFields.CLAUSE_TYPE);
            if (type != null) {
                b.add(new BoostQuery(new TermQuery(new Term(IndexFields.CLAUSE_TYPE, type)), SAME_TYPE_BOOST), BooleanClause.Occur.SHOULD);
            }
            b.add(new TermQuery(new Term(IndexFields.DOCUMENT_ID, source.get(IndexFields.DOCUMENT_ID))), BooleanClause.Occur.MUST_NOT);
            String contract = source.get(IndexFields.CONTRACT_ID);
            if (!includeFamily && contract != null) {
                b.add(new TermQuery(new Term(IndexFields.CONTRACT_ID, contract)), BooleanClause.Occur.MUST_NOT);
            }
            TopDocs top = searcher.search(b.build(), size * 3);
            List<Similar> similar = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                if (similar.size() >= size) {
                    break;
                }
                Document d = searcher.storedFields().document(sd.doc);
                String other = d.get(IndexFields.TEXT);
                if (TemplateGroups.overlap(text, other) < MIN_OVERLAP) {
                    continue; // shares a few words, not wording: not a precedent
                }
                SearchHit hit = new SearchHit(d.get(IndexFields.CLAUSE_ID), d.get(IndexFields.DOCUMENT_ID), d.get(IndexFields.CONTRACT_ID),
                        d.get(IndexFields.TITLE), d.get(IndexFields.FILE_NAME), d.get(IndexFields.KIND), d.get(IndexFields.NUMBER),
                        d.get(IndexFields.HEADING), d.get(IndexFields.CLAUSE_TYPE), d.get(IndexFields.SECONDARY_TYPE),
                        Arrays.asList(d.getValues(IndexFields.PARTY)), d.get(IndexFields.YEAR), other,
                        SearchService.escape(other.length() > 300 ? other.substring(0, 300) + "…" : other), sd.score, 0, List.of(),
                        "true".equals(d.get(IndexFields.OCR)));
                similar.add(new Similar(hit, ClauseDiff.diff(text, other).similarity()));
            }
            return Optional.of(similar);
        } finally {
            index.searchers().release(searcher);
        }
    }
}
