package org.hetong.search.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void theSealedThirdHeldOutSetHasAtLeastThirtyQueriesEachWithARelevantClauseAndNoneRepeatingTheOtherSets() throws IOException {
        // Only the set's shape is checked here: its queries and rankings are never printed (it is sealed).
        JudgedQueries sealed = JudgedQueries.load(JudgedQueries.HELD_OUT_3);
        List<JudgedQueries> others = List.of(JudgedQueries.load(), JudgedQueries.load(JudgedQueries.HELD_OUT),
                JudgedQueries.load(JudgedQueries.HELD_OUT_2));
        assertTrue(sealed.queries().size() >= RelevanceEvaluation.MIN_SEALED_QUERIES, "queries: " + sealed.queries().size());
        assertSealedSetIsWellFormed(sealed, others, "heldout3.tsv");
        java.util.Set<String> earlierTexts = JudgedQueries.textsOf(others);
        for (JudgedQueries.Query q : sealed.queries()) {
            assertFalse(earlierTexts.contains(q.text()), q.id() + " repeats a query id or text of an earlier set");
        }
    }

    @Test
    void theSealedFourthHeldOutSetHasAtLeastThirtyQueriesAndTwentyNewToTheOtherSets() throws IOException {
        // Its author did not read the other sets' queries, so it may repeat a text; the evaluation reports those apart.
        JudgedQueries sealed = JudgedQueries.load(JudgedQueries.HELD_OUT_4);
        List<JudgedQueries> others = List.of(JudgedQueries.load(), JudgedQueries.load(JudgedQueries.HELD_OUT),
                JudgedQueries.load(JudgedQueries.HELD_OUT_2), JudgedQueries.load(JudgedQueries.HELD_OUT_3));
        assertTrue(sealed.queries().size() >= RelevanceEvaluation.MIN_SEALED_QUERIES, "queries: " + sealed.queries().size());
        List<JudgedQueries> parts = sealed.splitBy(JudgedQueries.textsOf(others));
        assertTrue(parts.get(0).queries().size() >= 20, "queries new to the other sets: " + parts.get(0).queries().size());
        assertEquals(sealed.queries().size(), parts.get(0).queries().size() + parts.get(1).queries().size());
        assertSealedSetIsWellFormed(sealed, others, "heldout4.tsv");
    }

    @Test
    void theSealedFifthHeldOutSetHasAtLeastThirtyQueriesNoneRepeatingAnEarlierSet() throws IOException {
        JudgedQueries sealed = JudgedQueries.load(JudgedQueries.HELD_OUT_5);
        List<JudgedQueries> earlier = List.of(JudgedQueries.load(), JudgedQueries.load(JudgedQueries.HELD_OUT),
                JudgedQueries.load(JudgedQueries.HELD_OUT_2), JudgedQueries.load(JudgedQueries.HELD_OUT_3),
                JudgedQueries.load(JudgedQueries.HELD_OUT_4));
        assertTrue(sealed.queries().size() >= RelevanceEvaluation.MIN_SEALED_QUERIES, "queries: " + sealed.queries().size());
        assertSealedSetIsWellFormed(sealed, earlier, "heldout5.tsv");
        java.util.Set<String> earlierTexts = JudgedQueries.textsOf(earlier);
        for (JudgedQueries.Query q : sealed.queries()) {
            assertFalse(earlierTexts.contains(q.text()), q.id() + " repeats a query text of an earlier set");
        }
    }

    /**
     * What every sealed set must be, whatever is printed of it: each query with a relevant clause, every judgment with
     * a reason, no query id of an earlier set, no query text twice within the set.
     */
    private static void assertSealedSetIsWellFormed(JudgedQueries sealed, List<JudgedQueries> earlier, String file) {
        for (JudgedQueries.Query q : sealed.queries()) {
            assertTrue(q.judgments().stream().anyMatch(j -> j.grade() > 0), q.id() + " has no relevant clause");
            assertEquals(0, q.judgments().stream().filter(j -> j.reason().isBlank()).count(), q.id() + " has a judgment without reason");
            for (JudgedQueries other : earlier) {
                assertTrue(other.queries().stream().noneMatch(d -> d.id().equals(q.id())), q.id() + " repeats a query id of an earlier set");
            }
        }
        assertEquals(sealed.queries().size(), sealed.queries().stream().map(JudgedQueries.Query::text).distinct().count(),
                "a query text is repeated within " + file);
    }
}
