package org.hetong.search.quality;

import java.util.List;
import java.util.Map;

/**
 * Precision and nDCG at a cut-off, from a ranked list of clause ids and graded judgments
 * (unjudged clauses count as 0).
 *
 * <ul>
 *   <li>P@k counts hits with grade ≥ 1 among the first k, divided by min(k, R) where R is the number
 *       of relevant clauses: a query with three relevant clauses scores 1.0 when it finds all three.
 *       {@link #rawPrecision} divides by k, as trec_eval does.</li>
 *   <li>nDCG@k uses the grade as gain and the standard log2(rank + 1) discount; the ideal ranking is
 *       the judged clauses sorted by grade.</li>
 * </ul>
 */
final class RankingMetrics {
    private RankingMetrics() {}

    static double precision(List<String> ranked, Map<String, Integer> grades, int k) {
        long relevant = grades.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        return relevantIn(ranked, grades, k) / (double) Math.min(k, relevant);
    }

    static double rawPrecision(List<String> ranked, Map<String, Integer> grades, int k) {
        return relevantIn(ranked, grades, k) / (double) k;
    }

    static double ndcg(List<String> ranked, Map<String, Integer> grades, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += grades.getOrDefault(ranked.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = grades.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    private static int relevantIn(List<String> ranked, Map<String, Integer> grades, int k) {
        int found = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) > 0) {
                found++;
            }
        }
        return found;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
