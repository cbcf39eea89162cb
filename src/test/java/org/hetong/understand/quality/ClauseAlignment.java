package org.hetong.understand.quality;

import java.util.ArrayList;
import java.util.List;
import org.hetong.understand.Clause;
import org.hetong.understand.ClauseRole;

/**
 * Pairs a document's gold clauses with the clauses hetong offers as search hits.
 *
 * <p>The predicted side is every searchable clause except the preamble (a preamble is not a clause a
 * lawyer quotes). A numbered gold clause matches the predicted clause with the same normalised
 * number ({@link ClauseNumbers#key}); the signature block matches the predicted signature; an
 * unnumbered gold clause matches the predicted clause whose text starts with the gold clause's first
 * words. Matching runs in document order and prefers candidates after the previous match, so a
 * number quoted twice (附件二 listed, then given) pairs in order.
 */
public record ClauseAlignment(List<Match> matches, List<Clause> unmatchedPredicted) {
    public ClauseAlignment {
        matches = List.copyOf(matches);
        unmatchedPredicted = List.copyOf(unmatchedPredicted);
    }

    /** A gold clause and the predicted clause it was paired with, or null when hetong missed it. */
    public record Match(GoldDocument.GoldClause gold, Clause predicted) {
        public boolean found() {
            return predicted != null;
        }
    }

    public static List<Clause> predictedUnits(List<Clause> clauses) {
        return clauses.stream().filter(c -> c.searchable() && c.role() != ClauseRole.PREAMBLE).toList();
    }

    public static ClauseAlignment align(List<GoldDocument.GoldClause> gold, List<Clause> allClauses) {
        List<Clause> predicted = predictedUnits(allClauses);
        boolean[] used = new boolean[predicted.size()];
        List<Match> matches = new ArrayList<>();
        int last = -1;
        for (GoldDocument.GoldClause g : gold) {
            int found = find(g, predicted, used, last + 1, predicted.size());
            if (found < 0) {
                found = find(g, predicted, used, 0, last + 1);
            }
            if (found >= 0) {
                used[found] = true;
                last = found;
            }
            matches.add(new Match(g, found < 0 ? null : predicted.get(found)));
        }
        List<Clause> spurious = new ArrayList<>();
        for (int i = 0; i < predicted.size(); i++) {
            if (!used[i]) {
                spurious.add(predicted.get(i));
            }
        }
        return new ClauseAlignment(matches, spurious);
    }

    private static int find(GoldDocument.GoldClause g, List<Clause> predicted, boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!used[i] && matches(g, predicted.get(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean matches(GoldDocument.GoldClause g, Clause p) {
        if (g.isSignature()) {
            return p.role() == ClauseRole.SIGNATURE;
        }
        if (p.role() == ClauseRole.SIGNATURE) {
            return false;
        }
        if (g.number() != null) {
            return p.number() != null && ClauseNumbers.key(g.number()).equals(ClauseNumbers.key(p.number()));
        }
        String start = ClauseNumbers.compact(g.heading());
        return !start.isEmpty() && (ClauseNumbers.compact(p.text()).startsWith(start)
                || ClauseNumbers.sameHeading(g.heading(), p.heading()));
    }

    public int found() {
        return (int) matches.stream().filter(Match::found).count();
    }
}
