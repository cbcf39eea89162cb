package org.hetong.understand.quality;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hetong.understand.Clause;

/**
 * The shape of "as amended" detection the evaluation checks: for a supplement and its contract, which
 * supplement clause changes which contract clause, and how ("第五条修改为…" modifies, "删除第八条第二款"
 * deletes, "增加一条作为第十三条" adds).
 *
 * <p>{@link QualityPlugins#amendmentDetector()} says which detector is measured
 * ({@link HetongAmendmentFinder} today); with none the report says "not implemented". The contract
 * passed in is the gold family's contract, so detection is measured apart from linking.
 */
@FunctionalInterface
public interface AmendmentFinder {
    List<Found> find(DocumentUnderstanding supplement, DocumentUnderstanding contract);

    /**
     * @param supplementClause the supplement's clause that makes the change
     * @param target           the contract clause changed, in any numbering style (第五条, 5, 五、, 附件二);
     *                         compared by article ({@link ClauseNumbers#articleKey})
     * @param action           modify, delete or add
     */
    record Found(Clause supplementClause, String target, String action) {
        public Found {
            Objects.requireNonNull(supplementClause, "supplementClause");
            Objects.requireNonNull(target, "target");
            if (!Set.of("modify", "delete", "add").contains(action)) {
                throw new IllegalArgumentException("action must be modify, delete or add, was " + action);
            }
        }
    }
}
