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
 */
public final class ClauseDiff {
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
        List<Character> a = chars(left);
        List<Character> b = chars(right);
        Patch<Character> patch = DiffUtils.diff(a, b, true);
        List<Run> runs = new ArrayList<>();
        int same = 0;
        for (AbstractDelta<Character> delta : patch.getDeltas()) {
            if (delta.getType() == DeltaType.EQUAL) {
                same += delta.getSource().size();
                add(runs, Run.EQUAL, delta.getSource().getLines());
            } else {
                add(runs, Run.DELETE, delta.getSource().getLines());
                add(runs, Run.INSERT, delta.getTarget().getLines());
            }
        }
        int longer = Math.max(a.size(), b.size());
        return new Result(runs, longer == 0 ? 1.0 : (double) same / longer);
    }

    private static void add(List<Run> runs, String op, List<Character> chars) {
        if (chars.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        if (!runs.isEmpty() && runs.get(runs.size() - 1).op().equals(op)) {
            Run last = runs.remove(runs.size() - 1);
            runs.add(new Run(op, last.text() + text));
        } else {
            runs.add(new Run(op, text.toString()));
        }
    }

    private static List<Character> chars(String s) {
        List<Character> list = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            list.add(s.charAt(i));
        }
        return list;
    }
}
