package org.hetong.index;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/**
 * Turns traditional Chinese characters into simplified ones before tokenising, so that SmartCN
 * (whose dictionary is simplified) segments traditional text properly and 智慧財產權 meets
 * 智慧财产权. The table is ICU's {@code Traditional-Simplified} transliteration (ICU4J, the well-kept
 * source the issue names), taken character by character: only one-to-one mappings are used, so
 * offsets never move and highlights fall on the original characters in either script.
 *
 * <p>One mapping of that table is left out: 著 → 着. In simplified Chinese 著 is a character of its
 * own (著作权, 著名), not the traditional form of 着, so folding it split 著作权 into three single
 * characters that no dictionary term matched. Traditional text that writes 著 for the particle
 * 着 (隨著) then keeps 著 — a small loss next to the legal term. The table folds a few other
 * characters that simplified text also uses (乾 → 干, 藉 → 借, 俱 → 具); none is in a legal term,
 * and traditional text needs 乾淨 and 藉由 folded, so they stay.
 */
public final class TraditionalToSimplifiedCharFilter extends CharFilter {
    private static final char[] TABLE = buildTable();
    /** Simplified characters in their own right that ICU's table folds into another (see above). */
    private static final String KEPT_AS_WRITTEN = "著";

    public TraditionalToSimplifiedCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = input.read(buffer, offset, length);
        for (int i = offset; i < offset + Math.max(n, 0); i++) {
            char c = buffer[i];
            char mapped = TABLE[c];
            if (mapped != 0) {
                buffer[i] = mapped;
            }
        }
        return n;
    }

    @Override
    protected int correct(int currentOff) {
        return currentOff;
    }

    /** Simplified form of a single character, or the character itself. */
    public static char simplify(char c) {
        char mapped = TABLE[c];
        return mapped == 0 ? c : mapped;
    }

    private static char[] buildTable() {
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0x3400; c <= 0x9FFF; c++) {
            if (!Character.isDefined(c) || Character.isSurrogate((char) c)) {
                continue;
            }
            String mapped = t2s.transliterate(String.valueOf((char) c));
            if (mapped.length() == 1 && mapped.charAt(0) != c && KEPT_AS_WRITTEN.indexOf(c) < 0) {
                table[c] = mapped.charAt(0);
            }
        }
        return table;
    }
}
