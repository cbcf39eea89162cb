package org.hetong.understand;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering styles of Chinese contracts and how to recognise each at the start of a line.
 *
 * <p>Chapters, sections and articles (第X章, 第X节, 第X条) have a fixed order; the other styles take
 * their place in the hierarchy from the order in which a document uses them, since contracts nest
 * 一、/（一）/1./（1） in different orders.
 */
enum Numbering {
    PART(0, "^第([0-9０-９一二三四五六七八九十百零〇两]{1,5})(部分|编)(?![一-龥]{0,2}[的中所])"),
    CHAPTER(1, "^第([0-9０-９一二三四五六七八九十百零〇两]{1,5})章"),
    SECTION(2, "^第([0-9０-９一二三四五六七八九十百零〇两]{1,5})节"),
    // Not a cross-reference that wrapped to the start of a line: 第十二条约定的…, 第三条第二款…, 第五条至第七条…
    ARTICLE(3, "^第([0-9０-９一二三四五六七八九十百千零〇两]{1,7})条(?![的之]|\\s*(?:约定|规定|所述|所列|所称|所指|项下"
            + "|中[的约规所]|第[0-9０-９一二三四五六七八九十]{1,3}[款项]|[至或和及、]第))"),
    CN(-1, "^([一二三四五六七八九十]{1,3})[、．.](?![0-9])"),
    CN_PAREN(-1, "^[（(]([一二三四五六七八九十]{1,3})[）)]"),
    DECIMAL_DEEP(-1, "^([0-9]{1,2}(?:[.．][0-9]{1,2}){1,3})(?![0-9])[.．、]?(?=[\\s　\\u4e00-\\u9fff“\"（(A-Za-z]|$)"),
    DECIMAL(-1, "^([0-9]{1,2})(?:[.．](?![0-9])|、)"),
    ARABIC_PAREN(-1, "^[（(]([0-9]{1,2})[）)]"),
    ARABIC_HALF(-1, "^([0-9]{1,2})[）)]"),
    CIRCLED(-1, "^([①-⑳])");

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

    /** A numbering marker found at the start of a line. */
    record Marker(Numbering style, String label, int value, int depth, int length) {}

    static final List<Numbering> IN_ORDER = List.of(values());

    /** The marker at the start of {@code line} (already stripped of leading blanks), or null. */
    static Marker match(String line) {
        if (line.isEmpty()) {
            return null;
        }
        char first = line.charAt(0);
        boolean possible = first == '第' || first == '（' || first == '(' || (first >= '0' && first <= '9')
                || (first >= '①' && first <= '⑳') || "一二三四五六七八九十".indexOf(first) >= 0;
        if (!possible) {
            return null;
        }
        for (Numbering style : IN_ORDER) {
            Matcher m = style.pattern.matcher(line);
            if (m.find()) {
                String number = m.group(1);
                int value;
                int depth = 1;
                if (style == CIRCLED) {
                    value = number.charAt(0) - '①' + 1;
                } else if (style == DECIMAL_DEEP) {
                    String[] parts = number.split("[.．]");
                    depth = parts.length;
                    value = Integer.parseInt(parts[parts.length - 1]);
                } else {
                    value = ChineseNumerals.parse(number);
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
        }
        return null;
    }
}
