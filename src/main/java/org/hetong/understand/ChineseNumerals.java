package org.hetong.understand;

/**
 * Chinese numerals as used in clause numbers and dates: 五, 十二, 二十, 一百零五, 两百, 〇, and
 * Arabic digits in half or full width.
 */
public final class ChineseNumerals {
    private ChineseNumerals() {}

    /** The value of a numeral, or -1 when it is not one. */
    public static int parse(String numeral) {
        if (numeral == null || numeral.isEmpty()) {
            return -1;
        }
        if (isDigits(numeral)) {
            return parseDigits(numeral);
        }
        int total = 0;
        int section = 0;
        int digit = -1;
        boolean sawAny = false;
        for (int i = 0; i < numeral.length(); i++) {
            char c = numeral.charAt(i);
            int d = digitOf(c);
            if (d >= 0) {
                if (digit >= 0 && !isPositional(numeral)) {
                    // 二〇二三: digit by digit, as in years.
                    return digitByDigit(numeral);
                }
                digit = d;
                sawAny = true;
                continue;
            }
            int unit = unitOf(c);
            if (unit < 0) {
                return -1;
            }
            sawAny = true;
            if (unit == 10000) {
                section = (section + Math.max(digit, 0)) * unit;
                total += section;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        if (!sawAny) {
            return -1;
        }
        return total + section + Math.max(digit, 0);
    }

    /** Whether a string is a numeral that {@link #parse} reads. */
    public static boolean isNumeral(String s) {
        return parse(s) >= 0;
    }

    private static final String DIGITS = "零一二三四五六七八九";

    /**
     * The numeral as a clause number writes it, for 1 ≤ n ≤ 9999: 3 → 三, 12 → 十二, 20 → 二十, 105 → 一百零五,
     * 110 → 一百一十, 1002 → 一千零二. {@link #parse} reads every one back.
     */
    public static String format(int n) {
        if (n < 1 || n > 9999) {
            throw new IllegalArgumentException("only 1 to 9999 are written as clause numbers: " + n);
        }
        if (n < 20) {
            return n < 10 ? String.valueOf(DIGITS.charAt(n)) : "十" + (n % 10 == 0 ? "" : DIGITS.charAt(n % 10));
        }
        StringBuilder out = new StringBuilder();
        int[] units = {1000, 100, 10, 1};
        String names = "千百十";
        boolean zero = false;
        for (int u = 0; u < units.length; u++) {
            int digit = n / units[u] % 10;
            if (digit == 0) {
                zero = out.length() > 0;
                continue;
            }
            if (zero) {
                out.append('零');
                zero = false;
            }
            out.append(DIGITS.charAt(digit));
            if (u < names.length()) {
                out.append(names.charAt(u));
            }
        }
        return out.toString();
    }

    private static boolean isPositional(String numeral) {
        for (int i = 0; i < numeral.length(); i++) {
            if (unitOf(numeral.charAt(i)) > 0) {
                return true;
            }
        }
        return false;
    }

    private static int digitByDigit(String numeral) {
        int value = 0;
        for (int i = 0; i < numeral.length(); i++) {
            int d = digitOf(numeral.charAt(i));
            if (d < 0) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= '０' && c <= '９')) {
                return false;
            }
        }
        return true;
    }

    private static int parseDigits(String s) {
        if (s.length() > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            value = value * 10 + (c >= '０' ? c - '０' : c - '0');
        }
        return value;
    }

    static int digitOf(char c) {
        return switch (c) {
            case '零', '〇', '○', 'Ｏ' -> 0;
            case '一', '壹' -> 1;
            case '二', '两', '贰', '貳' -> 2;
            case '三', '叁', '參' -> 3;
            case '四', '肆' -> 4;
            case '五', '伍' -> 5;
            case '六', '陆', '陸' -> 6;
            case '七', '柒' -> 7;
            case '八', '捌' -> 8;
            case '九', '玖' -> 9;
            default -> (c >= '0' && c <= '9') ? c - '0' : -1;
        };
    }

    static int unitOf(char c) {
        return switch (c) {
            case '十', '拾' -> 10;
            case '百', '佰' -> 100;
            case '千', '仟' -> 1000;
            case '万', '萬' -> 10000;
            default -> -1;
        };
    }
}
