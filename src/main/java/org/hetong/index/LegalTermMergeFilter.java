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
 */
public final class LegalTermMergeFilter extends TokenFilter {
    static final int MAX_PARTS = 6;

    private final Set<String> terms;
    private final int maxLength;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    /** Tokens read ahead and not yet emitted. */
    private final List<AttributeSource.State> pending = new ArrayList<>();
    private final List<String> pendingText = new ArrayList<>();
    private final List<int[]> pendingOffsets = new ArrayList<>();
    private final List<Integer> pendingIncrements = new ArrayList<>();
    private boolean exhausted;

    public LegalTermMergeFilter(TokenStream input, Set<String> terms, int maxLength) {
        super(input);
        this.terms = terms;
        this.maxLength = maxLength;
    }

    @Override
    public boolean incrementToken() throws IOException {
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
            StringBuilder merged = new StringBuilder();
            for (int j = 0; j <= best; j++) {
                merged.append(pendingText.get(j));
            }
            term.setEmpty().append(merged);
            offset.setOffset(pendingOffsets.get(0)[0], pendingOffsets.get(best)[1]);
        }
        for (int j = 0; j <= best; j++) {
            pending.remove(0);
            pendingText.remove(0);
            pendingOffsets.remove(0);
            pendingIncrements.remove(0);
        }
        return true;
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
        exhausted = false;
    }
}
