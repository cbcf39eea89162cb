package org.hetong.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Precedents: clauses worded like a given one, in other contracts. The backend's MoreLikeThis
 * picks the clause's most distinctive character bigrams (so wording matters, not just topic);
 * clauses of the same type rank higher; the clause's own document, and by default its own contract
 * family, are left out — a lawyer looking for precedents wants other contracts.
 */
public final class SimilarClauses {
    /** Below this share of common character bigrams a clause is a different text, not a precedent. */
    private static final double MIN_OVERLAP = 0.08;
    private final SearchBackend backend;

    public SimilarClauses(SearchBackend backend) {
        this.backend = backend;
    }

    /**
     * A clause found similar, with how much of its text is the same (0–1, by the character diff
     * the side-by-side view shows, so both report the same number).
     */
    public record Similar(SearchHit clause, double overlap) {}

    /** Empty when the clause is not in the index. */
    public Optional<List<Similar>> find(String clauseId, int size, boolean includeFamily) throws IOException {
        return backend.similar(clauseId, size, includeFamily);
    }

    /** The first {@code size} candidates, in rank order, that share wording with {@code text}, not just a few words. */
    public static List<Similar> precedents(String text, List<SearchHit> candidates, int size) {
        List<Similar> similar = new ArrayList<>();
        for (SearchHit candidate : candidates) {
            if (similar.size() >= size) {
                break;
            }
            if (TemplateGroups.overlap(text, candidate.text()) < MIN_OVERLAP) {
                continue; // shares a few words, not wording: not a precedent
            }
            similar.add(new Similar(candidate, ClauseDiff.diff(text, candidate.text()).similarity()));
        }
        return similar;
    }
}
