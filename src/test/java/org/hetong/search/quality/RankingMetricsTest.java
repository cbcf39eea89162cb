package org.hetong.search.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final Map<String, Integer> GRADES = Map.of("a", 2, "b", 1, "c", 2);

    @Test
    void precisionDividesByTheRelevantClausesWhenThereAreFewerThanK() {
        assertEquals(1.0, RankingMetrics.precision(List.of("c", "x", "a", "b"), GRADES, 10), 1e-9);
        assertEquals(0.3, RankingMetrics.rawPrecision(List.of("c", "x", "a", "b"), GRADES, 10), 1e-9);
        assertEquals(0.5, RankingMetrics.precision(List.of("a", "x", "b"), GRADES, 2), 1e-9);
    }

    @Test
    void ndcgIsOneForTheIdealOrderAndUsesTheLog2Discount() {
        assertEquals(1.0, RankingMetrics.ndcg(List.of("a", "c", "b"), GRADES, 10), 1e-9);
        double ideal = 2 + 2 / log2(3) + 1 / log2(4);
        double got = 1 + 2 / log2(3) + 2 / log2(4);
        assertEquals(got / ideal, RankingMetrics.ndcg(List.of("b", "a", "c"), GRADES, 10), 1e-9);
        assertEquals(0.0, RankingMetrics.ndcg(List.of("x", "y"), GRADES, 10), 1e-9);
    }

    @Test
    void aQueryWithoutRelevantClausesScoresZeroRatherThanNaN() {
        assertEquals(0.0, RankingMetrics.ndcg(List.of("a"), Map.of(), 10));
        assertEquals(0.0, RankingMetrics.precision(List.of("a"), Map.of(), 10));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
