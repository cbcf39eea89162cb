package org.hetong.understand.quality;

import java.util.ArrayList;
import java.util.List;
import org.hetong.understand.Amendment;
import org.hetong.understand.AmendmentDetector;
import org.hetong.understand.Clause;

/**
 * hetong's own {@link AmendmentDetector} behind the evaluation's {@link AmendmentFinder} shape. It
 * reads the supplement alone; the contract is not needed to find "第五条修改为…".
 */
public final class HetongAmendmentFinder implements AmendmentFinder {
    private final AmendmentDetector detector = new AmendmentDetector();

    @Override
    public List<Found> find(DocumentUnderstanding supplement, DocumentUnderstanding contract) {
        List<Clause> clauses = supplement.understanding().clauses();
        List<Found> found = new ArrayList<>();
        for (Amendment a : detector.detect(clauses)) {
            Clause clause = clauses.stream().filter(c -> c.ordinal() == a.clauseOrdinal()).findFirst().orElse(null);
            if (clause != null) {
                String target = a.targetAppendix() > 0 ? "附件" + a.targetAppendix() : String.valueOf(a.targetArticle());
                found.add(new Found(clause, target, a.action().code()));
            }
        }
        return found;
    }
}
