package org.hetong.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Joins adjacent tokens that together spell a dictionary term: SmartCN's 知识|产权 becomes 知识产权,
 * 竞|业|限制 becomes 竞业限制. Longest match wins, over up to {@value #MAX_PARTS} tokens that touch
 * (no gap in offsets or positions). SmartCN cannot take a user dictionary, and Lucene has no filter
 * that merges by dictionary; its SynonymGraphFilter could, but would need every way SmartCN might
 * split each term written out, where this finds them all.
 *
 * <p>With {@code subTerms} (the index chain, not the query chain), a joined term is followed by the
 * dictionary terms among its pieces — any run of pieces other than the whole that spells a term —
 * stacked at its position (increment 0) with their own offsets: 软件|著作权 gives 软件著作权, then
 * 著作权. A query 著作权 then finds a clause that only says 软件著作权, and highlights only 著作权 in it;
 * a query 软件著作权 is not split, so it still asks for the whole term. Stacked tokens do not count
 * in BM25's length norm (Lucene discounts overlaps), so a clause is not longer for them.
 */
public final class LegalTermMergeFilter extends TokenFilter {
    static final int MAX_PARTS = 6;

    private final Set<String> terms;
    private final int maxLength;
    private final boolean subTerms;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    /** Tokens read ahead and not yet emitted. */
    private final List<AttributeSource.State> pending = new ArrayList<>();
    private final List<String> pendingText = new ArrayList<>();
    private final List<int[]> pendingOffsets = new ArrayList<>();
    private final List<Integer> pendingIncrements = new ArrayList<>();
    /** Sub-terms of the last joined term, still to be emitted: text and offsets. */
    private final List<String> stackedText = new ArrayList<>();
    private final List<int[]> stackedOffsets = new ArrayList<>();
    private boolean exhausted;

    public LegalTermMergeFilter(TokenStream input, Set<String> terms, int maxLength) {
        this(input, terms, maxLength, false);
    }

    public LegalTermMergeFilter(TokenStream input, Set<String> terms, int maxLength, boolean subTerms) {
        super(input);
        this.terms = terms;
        this.maxLength = maxLength;
        this.subTerms = subTerms;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!stackedText.isEmpty()) {
            // The joined term's state is still in place: only the text, offsets and increment change.
            term.setEmpty().append(stackedText.remove(0));
            int[] span = stackedOffsets.remove(0);
            offset.setOffset(span[0], span[1]);
            position.setPositionIncrement(0);
            return true;
        }
        fill(1);
        if (pending.isEmpty()) {
            return false;
        }
        fill(MAX_PARTS);
        int best = 0;
        StringBuilder joined = new StringBuilder(pendingText.get(0));
        for (int j = 1; j < pending.size(); j++) {
            boolean touches = pendingOffsets.get(j)[0] == pendingOffsets.get(j - 1)[1] && pendingIncrements.get(j) == 1;
            if (!touches || !isHan(pendingText.get(j)) || !isHan(pendingText.get(0))) {
                break;
            }
            joined.append(pendingText.get(j));
            if (joined.length() > maxLength) {
                break;
            }
            if (terms.contains(joined.toString())) {
                best = j;
            }
        }
        restoreState(pending.get(0));
        if (best > 0) {
            term.setEmpty().append(joined(0, best));
            offset.setOffset(pendingOffsets.get(0)[0], pendingOffsets.get(best)[1]);
            if (subTerms) {
                stackSubTerms(best);
            }
        }
        for (int j = 0; j <= best; j++) {
            pending.remove(0);
            pendingText.remove(0);
            pendingOffsets.remove(0);
            pendingIncrements.remove(0);
        }
        return true;
    }

    /**
     * Queues the dictionary terms spelled by runs of pieces 0..last other than the whole, in order of
     * their start (offsets never go back), the longer first where two start together.
     */
    private void stackSubTerms(int last) {
        for (int from = 0; from <= last; from++) {
            for (int to = from == 0 ? last - 1 : last; to >= from; to--) {
                String text = joined(from, to);
                if (terms.contains(text)) { // shorter than the joined term, so within maxLength
                    stackedText.add(text);
                    stackedOffsets.add(new int[] {pendingOffsets.get(from)[0], pendingOffsets.get(to)[1]});
                }
            }
        }
    }

    private String joined(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int j = from; j <= to; j++) {
            text.append(pendingText.get(j));
        }
        return text.toString();
    }

    private void fill(int count) throws IOException {
        while (pending.size() < count && !exhausted) {
            if (!input.incrementToken()) {
                exhausted = true;
                return;
            }
            pending.add(captureState());
            pendingText.add(term.toString());
            pendingOffsets.add(new int[] {offset.startOffset(), offset.endOffset()});
            pendingIncrements.add(position.getPositionIncrement());
        }
    }

    private static boolean isHan(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) != Character.UnicodeScript.HAN) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        pendingText.clear();
        pendingOffsets.clear();
        pendingIncrements.clear();
        stackedText.clear();
        stackedOffsets.clear();
        exhausted = false;
    }
}
