package org.hetong.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Query-time synonyms written so that their scores do not depend on how documents are spread over
 * shards. Lucene's {@link SynonymQuery} and {@link MultiPhraseQuery} take the statistics only of the
 * alternatives present in the index (or shard) at hand: on a SolrCloud shard that lacks 续签, a
 * 续期/续签 query is scored with 续期's statistics alone, although the collection-wide statistics
 * include both — so the same clause scores differently on the embedded index and on SolrCloud.
 * Written as a disjunction of plain term and phrase queries, each alternative is scored with its
 * own collection-wide statistics everywhere. (A clause with two of the alternatives scores the sum.)
 */
final class ShardSafeQueries {
    /** More alternatives than this in one multi-phrase are left as they are (not expected of our synonym lists). */
    private static final int MAX_PHRASES = 64;

    private ShardSafeQueries() {}

    static Query of(Query q) {
        if (q instanceof SynonymQuery synonyms) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Term t : synonyms.getTerms()) {
                b.add(new TermQuery(t), BooleanClause.Occur.SHOULD);
            }
            return b.build();
        }
        if (q instanceof MultiPhraseQuery multi) {
            return phrases(multi);
        }
        if (q instanceof BoostQuery boost) {
            return new BoostQuery(of(boost.getQuery()), boost.getBoost());
        }
        if (q instanceof BooleanQuery bool) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
            for (BooleanClause c : bool.clauses()) {
                b.add(of(c.getQuery()), c.getOccur());
            }
            return b.build();
        }
        return q;
    }

    private static Query phrases(MultiPhraseQuery multi) {
        Term[][] alternatives = multi.getTermArrays();
        int[] positions = multi.getPositions();
        long combinations = 1;
        for (Term[] at : alternatives) {
            combinations *= at.length;
        }
        if (combinations > MAX_PHRASES) {
            return multi;
        }
        List<List<Term>> phrases = new ArrayList<>();
        phrases.add(List.of());
        for (Term[] at : alternatives) {
            List<List<Term>> longer = new ArrayList<>();
            for (List<Term> prefix : phrases) {
                for (Term t : at) {
                    List<Term> p = new ArrayList<>(prefix);
                    p.add(t);
                    longer.add(p);
                }
            }
            phrases = longer;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (List<Term> phrase : phrases) {
            PhraseQuery.Builder p = new PhraseQuery.Builder().setSlop(multi.getSlop());
            for (int i = 0; i < phrase.size(); i++) {
                p.add(phrase.get(i), positions[i]);
            }
            b.add(p.build(), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }
}
