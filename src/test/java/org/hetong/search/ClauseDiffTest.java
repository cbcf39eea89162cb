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

    @Test
    void longTextsAreDiffedBySentenceThenByCharacterAndStillRebuildBothSides() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            String sentence = "第" + i + "项：乙方应在收到甲方书面通知后" + (i % 7 + 2) + "个工作日内完成整改，并提交整改报告。";
            a.append(sentence);
            b.append(i == 300 ? sentence.replace("整改报告", "书面整改报告") : sentence);
        }
        b.append("Either party may terminate this Agreement upon thirty days' written notice.");
        assertTrue(a.length() + b.length() > ClauseDiff.CHARACTER_DIFF_LIMIT);

        ClauseDiff.Result r = ClauseDiff.diff(a.toString(), b.toString());

        assertEquals(a.toString(), side(r, "insert"));
        assertEquals(b.toString(), side(r, "delete"));
        assertTrue(r.runs().contains(new ClauseDiff.Run("insert", "书面")), "the changed sentence is diffed by character: " + r.runs().size());
        assertTrue(r.similarity() > 0.99, "similarity " + r.similarity());
    }

    @Test
    void twoLongUnrelatedTextsShareLittle() {
        String a = "本合同项下的保密义务在合同终止后继续有效。".repeat(300);
        String b = "The Supplier shall indemnify the Customer against all losses. ".repeat(300);

        ClauseDiff.Result r = ClauseDiff.diff(a, b);

        assertEquals(a, side(r, "insert"));
        assertEquals(b, side(r, "delete"));
        assertTrue(r.similarity() < 0.05, "similarity " + r.similarity());
    }

    /** The text of one side: every run but those of {@code otherSidesOp}. */
    private static String side(ClauseDiff.Result r, String otherSidesOp) {
        StringBuilder text = new StringBuilder();
        for (ClauseDiff.Run run : r.runs()) {
            if (!run.op().equals(otherSidesOp)) {
                text.append(run.text());
            }
        }
        return text.toString();
    }
}
