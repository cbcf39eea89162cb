package org.hetong.understand.quality;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hetong.understand.ChineseNumerals;

/**
 * Compares clause numbers and texts the way a reader does: 第十二条 = 第12条, （一） = (一), 1. = 1 and
 * 附件二 = 附件2, whitespace and Markdown/bold marks ignored. The numbering style still counts
 * (（一） is not 一、), except in {@link #articleKey}, which a supplement's "第五条" needs to find the
 * contract's "五、".
 */
public final class ClauseNumbers {
    private static final String NUMERAL = "[0-9一二三四五六七八九十百千零〇两]+";
    private static final Pattern FIXED = Pattern.compile("^第(" + NUMERAL + ")(条|章|节|部分|编)$");
    private static final Pattern APPENDIX = Pattern.compile("^附件(" + NUMERAL + ")?$");
    private static final Pattern PAREN = Pattern.compile("^\\((" + NUMERAL + ")\\)$");
    private static final Pattern BARE = Pattern.compile("^(" + NUMERAL + ")$");
    private static final Pattern DECIMAL = Pattern.compile("^[0-9]+(\\.[0-9]+)*$");
    private static final Pattern HALF_PAREN = Pattern.compile("^([0-9]+)\\)$");
    private static final Pattern FIRST_NUMBER = Pattern.compile("(?:第)?(" + NUMERAL + ")");

    private ClauseNumbers() {}

    /** A key equal for two labels of the same number in the same style; null for null. */
    public static String key(String number) {
        if (number == null) {
            return null;
        }
        String s = fold(number).replaceAll("[、.:：]+$", "");
        Matcher m = FIXED.matcher(s);
        if (m.matches()) {
            return "第" + value(m.group(1)) + m.group(2);
        }
        m = APPENDIX.matcher(s);
        if (m.matches()) {
            return "附件" + (m.group(1) == null ? "" : value(m.group(1)));
        }
        m = PAREN.matcher(s);
        if (m.matches()) {
            return (isArabic(m.group(1)) ? "(" : "(c") + value(m.group(1)) + ")";
        }
        m = BARE.matcher(s);
        if (m.matches()) {
            return (isArabic(s) ? "" : "c") + value(s);
        }
        if (DECIMAL.matcher(s).matches()) {
            return s.replaceAll("(^|\\.)0+(?=\\d)", "$1");
        }
        m = HALF_PAREN.matcher(s);
        if (m.matches()) {
            return value(m.group(1)) + ")";
        }
        if (s.length() == 1 && s.charAt(0) >= '①' && s.charAt(0) <= '⑳') {
            return "o" + (s.charAt(0) - '①' + 1);
        }
        return s;
    }

    /**
     * The article a reference points to, whatever the style: 第五条, 五、, 5., 5.2.1 and 第5条 all give
     * "5"; 附件二 gives "附件2". Null when no number can be read.
     */
    public static String articleKey(String reference) {
        if (reference == null) {
            return null;
        }
        String s = fold(reference);
        Matcher a = Pattern.compile("^附件(" + NUMERAL + ")").matcher(s);
        if (a.find()) {
            return "附件" + value(a.group(1));
        }
        Matcher m = FIRST_NUMBER.matcher(s);
        return m.find() ? String.valueOf(value(m.group(1))) : null;
    }

    /** Text without whitespace and layout marks, full width folded: for comparing starts and headings. */
    public static String compact(String text) {
        if (text == null) {
            return "";
        }
        return fold(text).replaceAll("[#*>|_【】\\[\\]〔〕〖〗\"“”「」]", "");
    }

    /** Headings compare without layout marks and trailing colons; two nulls are equal. */
    public static boolean sameHeading(String gold, String predicted) {
        if (gold == null || predicted == null) {
            return gold == null && predicted == null;
        }
        return compact(gold).replaceAll("[:：。]+$", "").equals(compact(predicted).replaceAll("[:：。]+$", ""));
    }

    private static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch) || ch == '\u3000' || ch == '\u200b' || ch == '\ufeff' || ch == '\u00a0') {
                continue;
            }
            if (ch >= '０' && ch <= '９') {
                ch = (char) (ch - '０' + '0');
            } else if (ch == '（') {
                ch = '(';
            } else if (ch == '）') {
                ch = ')';
            } else if (ch == '．') {
                ch = '.';
            }
            b.append(ch);
        }
        return b.toString();
    }

    private static boolean isArabic(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int value(String numeral) {
        return ChineseNumerals.parse(numeral);
    }
}
