package org.hetong.search;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/**
 * A character-level diff of two clauses (Myers' algorithm, from java-diff-utils), as the runs a
 * side-by-side view needs: text both share, text only in the left clause, text only in the right.
 * Characters, not words: Chinese has no spaces to diff by.
 *
 * <p>Myers' algorithm takes time in proportion to the texts' length times the number of differences,
 * so two long, different texts (a whole English agreement read as one clause is 50,000 characters)
 * would keep a thread busy for minutes. Long texts are therefore diffed in two passes, as
 * diff-match-patch's "line mode" does (N. Fraser, <i>Diff Strategies</i>, 2006): first by sentence,
 * then character by character inside each changed stretch that is short enough; a longer changed
 * stretch shows as deleted and inserted whole.
 */
public final class ClauseDiff {
    /** Texts (both together) up to this length are diffed by character directly. */
    static final int CHARACTER_DIFF_LIMIT = 4_000;
    /** A sentence longer than this is cut, so that a text without punctuation still has many pieces. */
    private static final int MAX_PIECE = 200;

    private ClauseDiff() {}

    /** One run of the diff. */
    public record Run(String op, String text) {
        public static final String EQUAL = "equal";
        public static final String DELETE = "delete";
        public static final String INSERT = "insert";
    }

    /** The runs turning {@code left} into {@code right}, plus how much they share (0–1). */
    public record Result(List<Run> runs, double similarity) {
        public Result {
            runs = List.copyOf(runs);
        }
    }

    public static Result diff(String left, String right) {
        List<Run> runs = new ArrayList<>();
        if (left.length() + right.length() <= CHARACTER_DIFF_LIMIT) {
            byCharacter(left, right, runs);
        } else {
            bySentence(left, right, runs);
        }
        int same = 0;
        for (Run run : runs) {
            if (run.op().equals(Run.EQUAL)) {
                same += run.text().length();
            }
        }
        int longer = Math.max(left.length(), right.length());
        return new Result(runs, longer == 0 ? 1.0 : (double) same / longer);
    }

    private static void byCharacter(String left, String right, List<Run> runs) {
        Patch<Character> patch = DiffUtils.diff(chars(left), chars(right), true);
        for (AbstractDelta<Character> delta : patch.getDeltas()) {
            if (delta.getType() == DeltaType.EQUAL) {
                add(runs, Run.EQUAL, text(delta.getSource().getLines()));
            } else {
                add(runs, Run.DELETE, text(delta.getSource().getLines()));
                add(runs, Run.INSERT, text(delta.getTarget().getLines()));
            }
        }
    }

    private static void bySentence(String left, String right, List<Run> runs) {
        Patch<String> patch = DiffUtils.diff(pieces(left), pieces(right), true);
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            String deleted = String.join("", delta.getSource().getLines());
            String inserted = String.join("", delta.getTarget().getLines());
            if (delta.getType() == DeltaType.EQUAL) {
                add(runs, Run.EQUAL, deleted);
            } else if (deleted.length() + inserted.length() <= CHARACTER_DIFF_LIMIT) {
                byCharacter(deleted, inserted, runs);
            } else {
                add(runs, Run.DELETE, deleted);
                add(runs, Run.INSERT, inserted);
            }
        }
    }

    /** Sentences with their closing mark (and any line break), cut at {@value #MAX_PIECE} characters. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = "。；;！!？?\n".indexOf(c) >= 0 || (c == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' '));
            if (end || i + 1 - start >= MAX_PIECE) {
                pieces.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }

    private static void add(List<Run> runs, String op, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!runs.isEmpty() && runs.get(runs.size() - 1).op().equals(op)) {
            Run last = runs.remove(runs.size() - 1);
            runs.add(new Run(op, last.text() + text));
        } else {
            runs.add(new Run(op, text));
        }
    }

    private static String text(List<Character> chars) {
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        return text.toString();
    }

    private static List<Character> chars(String s) {
        List<Character> list = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            list.add(s.charAt(i));
        }
        return list;
    }
}
