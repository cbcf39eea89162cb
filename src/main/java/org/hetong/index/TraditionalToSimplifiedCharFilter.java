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
 */
public final class TraditionalToSimplifiedCharFilter extends CharFilter {
    private static final char[] TABLE = buildTable();

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
            if (mapped.length() == 1 && mapped.charAt(0) != c) {
                table[c] = mapped.charAt(0);
            }
        }
        return table;
    }
}
