package org.hetong.understand;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides which 第X部分 / 第X章 / 第X节 / 第X条 lines of a document are real headings and which are
 * cross-references or quotations that happen to start a line.
 *
 * <p>For each style, from parts down to articles, it keeps the chain of candidates that reads best as
 * one numbering: each candidate adds a point, a gap in the numbers costs more the wider it is (so
 * 第二条, 第三十条, 第三条 keeps 第三条 and drops 第三十条, while the sparse 第二条, 第三条, 第九条 … of a
 * 专用条件 section are all kept), and numbering may start over (专用条件 after 通用条件, articles counted
 * per chapter, an attached agreement) — cheaply right after a heading of a higher style, at a price
 * elsewhere so that one stray line cannot start a chain. A candidate that looks like a heading (number
 * followed by a blank, a colon, a bracket or nothing) scores a little more than one run into its text.
 */
final class FixedNumbering {
    /** Predecessors considered for each candidate; real predecessors are close, and this bounds the work. */
    private static final int BAND = 400;
    private static final double GAIN = 1.0;
    private static final double HEADING_BONUS = 0.05;
    private static final double UNANCHORED_RESTART = 0.6;

    /** Which lines hold accepted fixed markers, and which of those start their numbering over. */
    record Selection(boolean[] accepted, boolean[] chainStart) {
        boolean any() {
            for (boolean a : accepted) {
                if (a) {
                    return true;
                }
            }
            return false;
        }
    }

    private FixedNumbering() {}

    static Selection select(List<NumberedLine> lines) {
        boolean[] accepted = new boolean[lines.size()];
        boolean[] chainStart = new boolean[lines.size()];
        List<Integer> higher = new ArrayList<>();
        for (Numbering style : Numbering.IN_ORDER) {
            if (!style.isFixed()) {
                continue;
            }
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                NumberedLine line = lines.get(i);
                if (line.marker != null && line.marker.style() == style && !line.toc) {
                    candidates.add(i);
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            int[] higherLines = higher.stream().mapToInt(Integer::intValue).sorted().toArray();
            chooseChain(lines, candidates, higherLines, accepted, chainStart);
            for (int i : candidates) {
                if (accepted[i]) {
                    higher.add(i);
                }
            }
        }
        return new Selection(accepted, chainStart);
    }

    private static void chooseChain(List<NumberedLine> lines, List<Integer> candidates, int[] higherLines,
                                    boolean[] accepted, boolean[] chainStart) {
        int n = candidates.size();
        double[] best = new double[n];
        int[] previous = new int[n];
        int bestEnd = -1;
        for (int j = 0; j < n; j++) {
            NumberedLine line = lines.get(candidates.get(j));
            int value = line.marker.value();
            double gain = GAIN + (looksLikeHeading(line) ? HEADING_BONUS : 0);
            best[j] = gain - startPenalty(value);
            previous[j] = -1;
            for (int i = Math.max(0, j - BAND); i < j; i++) {
                int last = lines.get(candidates.get(i)).marker.value();
                double score;
                if (value > last) {
                    score = best[i] + gain - gapPenalty(value - last - 1);
                } else {
                    boolean anchored = higherBetween(higherLines, candidates.get(i), candidates.get(j));
                    score = best[i] + gain - startPenalty(value) - (anchored ? 0 : UNANCHORED_RESTART);
                }
                if (score > best[j]) {
                    best[j] = score;
                    previous[j] = i;
                }
            }
            if (best[j] > 0 && (bestEnd < 0 || best[j] >= best[bestEnd])) {
                bestEnd = j;
            }
        }
        for (int j = bestEnd; j >= 0; j = previous[j]) {
            int line = candidates.get(j);
            accepted[line] = true;
            int p = previous[j];
            chainStart[line] = p < 0 || lines.get(candidates.get(p)).marker.value() >= lines.get(line).marker.value();
        }
    }

    /** Starting a numbering at 1 is free; at 2 or 3 nearly so (the first article may be lost); later costs more. */
    private static double startPenalty(int value) {
        return value <= 1 ? 0 : Math.min(1.5, 0.1 * (value - 1) + (value > 3 ? 0.2 : 0));
    }

    /** One missing number is common (lost in extraction, a 专用条件 that skips); ten missing never pays. */
    private static double gapPenalty(int missing) {
        return missing == 0 ? 0 : Math.min(1.5, 0.2 + 0.08 * missing);
    }

    private static boolean higherBetween(int[] higherLines, int from, int to) {
        int at = Arrays.binarySearch(higherLines, from + 1);
        int index = at >= 0 ? at : -at - 1;
        return index < higherLines.length && higherLines[index] < to;
    }

    private static boolean looksLikeHeading(NumberedLine line) {
        String rest = line.stripped.substring(line.marker.length());
        if (rest.isEmpty()) {
            return true;
        }
        char c = rest.charAt(0);
        return Character.isWhitespace(c) || "　:：【[（(、.．,，".indexOf(c) >= 0;
    }
}
