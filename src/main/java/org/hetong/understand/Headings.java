package org.hetong.understand;

import java.util.List;

/**
 * Finds the heading of a numbered clause: on its own line after a bare number (第二条 / 定义), in 【】 or
 * （） right after the number (第一条【定义】, 第一条（合同标的）), before a colon (第五条 保密：…), the whole
 * rest of a short line (第四条 价款与支付), or a few words before a blank (1.2 适用范围 本合同…). A clause
 * that starts with a sentence has no heading.
 */
final class Headings {
    private static final int MAX_HEADING = 24;
    private static final int MAX_LEADING_WORDS = 12;
    private static final java.util.regex.Pattern BILINGUAL = java.util.regex.Pattern.compile(
            "[\\u4e00-\\u9fff（）()、与及和/]{2,16}[ 　]+[A-Za-z][A-Za-z ,'&/-]{2,60}");

    private Headings() {}

    static String of(List<NumberedLine> lines, int index) {
        String rest = lines.get(index).afterMarker();
        if (rest.isEmpty()) {
            return onNextLine(lines, index);
        }
        char first = rest.charAt(0);
        if (first == '【' || first == '[') {
            int close = rest.indexOf(first == '【' ? '】' : ']');
            if (close > 1 && close <= 31) {
                return rest.substring(1, close).strip();
            }
        }
        if (first == '（' || first == '(') {
            int close = firstIndexOf(rest, "）)");
            String inner = close > 1 ? rest.substring(1, close).strip() : "";
            if (close <= 17 && isPlausible(inner) && !ChineseNumerals.isNumeral(inner)) {
                return inner;
            }
        }
        int colon = firstIndexOf(rest, "：:");
        if (colon > 0 && colon <= MAX_LEADING_WORDS && isPlausible(rest.substring(0, colon).strip())) {
            return rest.substring(0, colon).strip();
        }
        String whole = rest.replaceFirst("[：:]$", "");
        if (whole.length() <= MAX_HEADING && !EndMatter.endsSentence(whole) && isPlausible(whole)) {
            return whole;
        }
        if (BILINGUAL.matcher(whole).matches()) {
            return whole; // 责任限制 Limitation of Liability: a Chinese heading with its English translation
        }
        int space = firstIndexOf(rest, " 　\t");
        if (space > 0 && space <= MAX_LEADING_WORDS) {
            String words = rest.substring(0, space);
            String after = rest.substring(space).strip();
            if (isPlausible(words) && !after.isEmpty() && (isHan(after.charAt(0)) || "“\"（(".indexOf(after.charAt(0)) >= 0)) {
                return words;
            }
        }
        return null;
    }

    private static String onNextLine(List<NumberedLine> lines, int index) {
        for (int j = index + 1; j < lines.size() && j <= index + 3; j++) {
            NumberedLine next = lines.get(j);
            if (next.isBlank()) {
                continue;
            }
            if (next.marker == null && next.stripped.length() <= MAX_HEADING && !EndMatter.endsSentence(next.stripped)
                    && isPlausible(next.stripped.replaceFirst("[：:]$", ""))) {
                return next.stripped.replaceFirst("[：:]$", "");
            }
            return null;
        }
        return null;
    }

    /** Short words naming a subject, not the start of a sentence or a definition (“附加服务”是指). */
    static boolean isPlausible(String s) {
        if (s.length() < 2 || s.length() > MAX_HEADING) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if ("，,。；;“”\"《》！？!?".indexOf(s.charAt(i)) >= 0) {
                return false;
            }
        }
        if (count(s, '（') + count(s, '(') != count(s, '）') + count(s, ')')) {
            return false;
        }
        return !s.matches(".*(是指|包括|如下|是|为|指|系)$");
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    private static int firstIndexOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
