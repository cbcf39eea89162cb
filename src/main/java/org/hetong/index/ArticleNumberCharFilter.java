package org.hetong.index;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.hetong.understand.ChineseNumerals;

/**
 * Writes article references with Arabic numbers before tokenising — 第五百八十五条 as 第585条,
 * 第十二款 as 第12款 — so that a search for either form finds both. Offsets are corrected, so
 * highlights still cover the characters as written.
 */
public final class ArticleNumberCharFilter extends BaseCharFilter {
    private static final Pattern REFERENCE = Pattern.compile("第([零〇一二三四五六七八九十百千两]{1,8})(?=[条款项章节编])");
    private String output;
    private int position;

    public ArticleNumberCharFilter(Reader input) {
        super(input);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (output == null) {
            output = rewrite(readAll(input));
        }
        if (position >= output.length()) {
            return -1;
        }
        int n = Math.min(length, output.length() - position);
        output.getChars(position, position + n, buffer, offset);
        position += n;
        return n;
    }

    private String rewrite(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        int diff = 0;
        while (m.find()) {
            int value = ChineseNumerals.parse(m.group(1));
            if (value < 0) {
                continue;
            }
            String digits = Integer.toString(value);
            out.append(text, last, m.start(1)).append(digits);
            int shrink = m.group(1).length() - digits.length();
            if (shrink != 0) {
                diff += shrink;
                // After the digits, output offsets map back to the end of the numeral in the input.
                addOffCorrectMap(out.length(), diff);
            }
            last = m.end(1);
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder b = new StringBuilder();
        char[] chunk = new char[8192];
        int n;
        while ((n = reader.read(chunk)) > 0) {
            b.append(chunk, 0, n);
        }
        return b.toString();
    }
}
