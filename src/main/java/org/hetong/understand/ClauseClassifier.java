package org.hetong.understand;

import java.util.ArrayList;
import java.util.List;

/**
 * Gives each clause a type from the taxonomy, heading first: a clause headed 保密 is a
 * confidentiality clause even when its body mentions 违约金. Without a deciding heading, the type
 * whose indicative terms occur most (distinct terms, then occurrences) wins; a runner-up with at
 * least half the score becomes the secondary type.
 */
public final class ClauseClassifier {
    private final ClauseTaxonomy taxonomy;

    public ClauseClassifier(ClauseTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public ClauseTaxonomy taxonomy() {
        return taxonomy;
    }

    public List<Clause> classify(List<Clause> clauses) {
        List<Clause> out = new ArrayList<>(clauses.size());
        for (Clause clause : clauses) {
            out.add(classify(clause));
        }
        return out;
    }

    public Clause classify(Clause clause) {
        if (clause.role() == ClauseRole.SIGNATURE) {
            return clause.withTypes(signatureType(), null);
        }
        if (clause.role() == ClauseRole.PREAMBLE) {
            return clause.withTypes(null, null);
        }
        double[] scores = new double[taxonomy.types().size()];
        String heading = clause.heading() == null ? "" : clause.heading();
        String body = clause.text();
        for (int t = 0; t < scores.length; t++) {
            ClauseTaxonomy.ClauseType type = taxonomy.types().get(t);
            int headingHit = 0;
            for (String term : type.headingTerms()) {
                if (heading.contains(term)) {
                    headingHit = Math.max(headingHit, term.length());
                }
            }
            double score = headingHit > 0 ? 100 + headingHit : 0;
            for (String term : type.bodyTerms()) {
                int count = occurrences(body, term);
                if (count > 0) {
                    score += 1 + Math.min(count - 1, 3) * 0.25;
                }
            }
            scores[t] = score;
        }
        int best = -1;
        int second = -1;
        for (int t = 0; t < scores.length; t++) {
            if (scores[t] <= 0) {
                continue;
            }
            if (best < 0 || scores[t] > scores[best]) {
                second = best;
                best = t;
            } else if (second < 0 || scores[t] > scores[second]) {
                second = t;
            }
        }
        if (best < 0) {
            return clause.withTypes(null, null);
        }
        double bodyBest = scores[best] >= 100 ? scores[best] - 100 - headingLength(best, heading) : scores[best];
        String secondary = second >= 0 && scores[second] > 0 && scores[second] >= Math.max(1.5, bodyBest * 0.5) && scores[second] < 100
                ? taxonomy.types().get(second).name() : null;
        return clause.withTypes(taxonomy.types().get(best).name(), secondary);
    }

    private int headingLength(int type, String heading) {
        int best = 0;
        for (String term : taxonomy.types().get(type).headingTerms()) {
            if (heading.contains(term)) {
                best = Math.max(best, term.length());
            }
        }
        return best;
    }

    private String signatureType() {
        return taxonomy.contains("签署") ? "签署" : null;
    }

    static int occurrences(String text, String term) {
        int count = 0;
        int from = 0;
        while ((from = text.indexOf(term, from)) >= 0) {
            count++;
            from += term.length();
        }
        return count;
    }
}
