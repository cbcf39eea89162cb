package org.hetong.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClauseDiffTest {
    @Test
    void aChangedWordShowsAsADeletionAndAnInsertionBetweenSharedText() {
        ClauseDiff.Result r = ClauseDiff.diff("保密期限为合同终止后三年。", "保密期限为合同终止后五年。");
        assertEquals(List.of(new ClauseDiff.Run("equal", "保密期限为合同终止后"), new ClauseDiff.Run("delete", "三"),
                new ClauseDiff.Run("insert", "五"), new ClauseDiff.Run("equal", "年。")), r.runs());
        assertEquals(12.0 / 13, r.similarity(), 1e-9);
    }

    @Test
    void identicalClausesAreOneEqualRunAndFullySimilar() {
        ClauseDiff.Result r = ClauseDiff.diff("双方协商解决。", "双方协商解决。");
        assertEquals(List.of(new ClauseDiff.Run("equal", "双方协商解决。")), r.runs());
        assertEquals(1.0, r.similarity());
    }

    @Test
    void theRunsRebuildBothClauses() {
        String a = "因本合同引起的争议，提交江临仲裁委员会仲裁。";
        String b = "因本合同引起的或与本合同有关的争议，提交中国国际经济贸易仲裁委员会仲裁。";
        StringBuilder left = new StringBuilder();
        StringBuilder right = new StringBuilder();
        for (ClauseDiff.Run run : ClauseDiff.diff(a, b).runs()) {
            if (!run.op().equals("insert")) {
                left.append(run.text());
            }
            if (!run.op().equals("delete")) {
                right.append(run.text());
            }
        }
        assertEquals(a, left.toString());
        assertEquals(b, right.toString());
    }
}
