package org.hetong.search.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgedQueriesTest {
    @Test
    void aMalformedJudgmentFailsWithItsLineAndTheUnknownAlias() {
        var e = assertThrows(IllegalArgumentException.class, () -> JudgedQueries.parse(
                "doc\tS1\tsample-docs/a.docx\nquery\tq1\tterm\t保密\n2\tS9\t第一条\treason\n"));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("S9"), e.getMessage());
    }

    @Test
    void theJudgedSetHasAtLeastFortyQueriesEachWithARelevantClauseAndAReasonPerJudgment() throws IOException {
        JudgedQueries set = JudgedQueries.load();
        assertTrue(set.queries().size() >= RelevanceEvaluation.MIN_QUERIES, "queries: " + set.queries().size());
        for (JudgedQueries.Query q : set.queries()) {
            assertTrue(!q.judgments().isEmpty(), q.id() + " has no judgment");
            assertEquals(0, q.judgments().stream().filter(j -> j.reason().isBlank()).count(), q.id() + " has a judgment without reason");
        }
    }

    @Test
    void theHeldOutSetHasAtLeastTwentyFiveQueriesEachWithARelevantClauseAndIdsOfItsOwn() throws IOException {
        JudgedQueries heldOut = JudgedQueries.load(JudgedQueries.HELD_OUT);
        JudgedQueries development = JudgedQueries.load();
        assertTrue(heldOut.queries().size() >= RelevanceEvaluation.MIN_HELD_OUT_QUERIES, "queries: " + heldOut.queries().size());
        for (JudgedQueries.Query q : heldOut.queries()) {
            assertTrue(q.judgments().stream().anyMatch(j -> j.grade() > 0), q.id() + " has no relevant clause");
            assertTrue(development.queries().stream().noneMatch(d -> d.id().equals(q.id()) || d.text().equals(q.text())),
                    q.id() + " " + q.text() + " is also in the development set");
        }
    }

    @Test
    void theSecondHeldOutSetHasAtLeastTwentyFiveQueriesEachWithARelevantClauseAndNoneRepeatingTheOtherSets() throws IOException {
        JudgedQueries heldOut2 = JudgedQueries.load(JudgedQueries.HELD_OUT_2);
        JudgedQueries heldOut = JudgedQueries.load(JudgedQueries.HELD_OUT);
        JudgedQueries development = JudgedQueries.load();
        assertTrue(heldOut2.queries().size() >= RelevanceEvaluation.MIN_HELD_OUT_QUERIES, "queries: " + heldOut2.queries().size());
        for (JudgedQueries.Query q : heldOut2.queries()) {
            assertTrue(q.judgments().stream().anyMatch(j -> j.grade() > 0), q.id() + " has no relevant clause");
            assertEquals(0, q.judgments().stream().filter(j -> j.reason().isBlank()).count(), q.id() + " has a judgment without reason");
            for (JudgedQueries other : List.of(development, heldOut)) {
                assertTrue(other.queries().stream().noneMatch(d -> d.id().equals(q.id()) || d.text().equals(q.text())),
                        q.id() + " " + q.text() + " is also in an earlier set");
            }
        }
    }
}
