package org.hetong.understand;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering styles of Chinese contracts and how to recognise each at the start of a line.
 *
 * <p>Chapters, sections and articles (第X章, 第X节, 第X条) have a fixed order; the other styles take
 * their place in the hierarchy from the order in which a document uses them, since contracts nest
 * 一、/（一）/1./（1） in different orders. Digits may be half or full width (第１２条, １．１), and Word's
 * single-character list numbers (⒈ ⑴ ㈠ ①) count as the styles they stand for.
 */
enum Numbering {
    PART(0, "^第[ 　]?(" + Numbering.NUMERAL + "{1,5})[ 　]?(部分|编)(?![一-龥]{0,2}[的中所])"),
    CHAPTER(1, "^第[ 　]?(" + Numbering.NUMERAL + "{1,5})[ 　]?章(?![的之节程])"),
    SECTION(2, "^第[ 　]?(" + Numbering.NUMERAL + "{1,5})[ 　]?节(?![的之])"),
    // Not a cross-reference that wrapped to the start of a line: 第十二条约定的…, 第三条第二款…, 第五条至第七条…,
    // 第三十条（一）项…
    ARTICLE(3, "^第[ 　]?(" + Numbering.NUMERAL + "{1,7})[ 　]?[条條](?![的之款]|\\s*(?:约定|规定|所述|所列|所称|所指|项下"
            + "|中[的约规所]|第[0-9０-９一二三四五六七八九十]{1,3}[款项]|[至或和及、]\\s*第"
            + "|[（(][0-9０-９一二三四五六七八九十]{1,3}[)）]))"),
    CN(-1, "^([一二三四五六七八九十]{1,3})[ 　]?[、．.](?![0-9０-９])"),
    CN_PAREN(-1, "^(?:[（(][ 　]?([一二三四五六七八九十]{1,3})[ 　]?[）)]|([㈠-㈩]))"),
    DECIMAL_DEEP(-1, "^([0-9０-９]{1,2}(?:[.．][0-9０-９]{1,2}){1,3})(?![0-9０-９])[.．、]?"
            + "(?=[\\s　\\u4e00-\\u9fff“\"（(【A-Za-z□]|$)"),
    DECIMAL(-1, "^(?:([0-9０-９]{1,2})(?:[.．](?![0-9０-９])|、)|([⒈-⒛]))"),
    ARABIC_PAREN(-1, "^(?:[（(][ 　]?([0-9０-９]{1,2})[ 　]?[）)]|([⑴-⒇]))"),
    ARABIC_HALF(-1, "^([0-9０-９]{1,2})[）)]"),
    CIRCLED(-1, "^([①-⑳])");

    /** Numerals of 第X条 and its kin: Chinese, capital and Arabic in both widths. */
    private static final String NUMERAL = "[0-9０-９一二三四五六七八九十百千零〇两壹贰叁肆伍陆柒捌玖拾佰]";

    /** Rank among the fixed styles (part > chapter > section > article), or -1 for the others. */
    final int fixedRank;
    final Pattern pattern;

    Numbering(int fixedRank, String regex) {
        this.fixedRank = fixedRank;
        this.pattern = Pattern.compile(regex);
    }

    boolean isFixed() {
        return fixedRank >= 0;
    }

    /** A numbering marker found at the start of a line; {@code length} is how many chars it takes. */
    record Marker(Numbering style, String label, int value, int depth, int length) {
        /** Style and depth together: 1. and 1.1 are different styles of one family. */
        String key() {
            return style.name() + depth;
        }
    }

    static final List<Numbering> IN_ORDER = List.of(values());

    /** The marker at the start of {@code line} (already stripped of leading blanks), or null. */
    static Marker match(String line) {
        if (line.isEmpty() || !canStartMarker(line.charAt(0))) {
            return null;
        }
        for (Numbering style : IN_ORDER) {
            Matcher m = style.pattern.matcher(line);
            if (!m.find()) {
                continue;
            }
            String number = m.group(1) != null ? m.group(1) : m.group(2);
            int depth = 1;
            int value;
            if (style == DECIMAL_DEEP) {
                String[] parts = number.split("[.．]");
                depth = parts.length;
                value = ChineseNumerals.parse(parts[parts.length - 1]);
            } else {
                value = numberValue(number);
            }
            if (value < 0) {
                continue;
            }
            String label = m.group(0).strip();
            if (style == DECIMAL || style == DECIMAL_DEEP) {
                label = label.replaceAll("[、]$", "");
            }
            return new Marker(style, label, value, depth, m.end());
        }
        return null;
    }

    private static boolean canStartMarker(char first) {
        return first == '第' || first == '（' || first == '(' || (first >= '0' && first <= '9')
                || (first >= '０' && first <= '９') || (first >= '①' && first <= '⒛')
                || (first >= '㈠' && first <= '㈩') || "一二三四五六七八九十".indexOf(first) >= 0;
    }

    /** The value of a number as written in a marker: 十二, １２, ⑫, ⒓, ⑿, ㈢. */
    private static int numberValue(String number) {
        if (number.length() == 1) {
            char c = number.charAt(0);
            if (c >= '①' && c <= '⑳') {
                return c - '①' + 1;
            }
            if (c >= '⑴' && c <= '⒇') {
                return c - '⑴' + 1;
            }
            if (c >= '⒈' && c <= '⒛') {
                return c - '⒈' + 1;
            }
            if (c >= '㈠' && c <= '㈩') {
                return c - '㈠' + 1;
            }
        }
        return ChineseNumerals.parse(number);
    }
}
