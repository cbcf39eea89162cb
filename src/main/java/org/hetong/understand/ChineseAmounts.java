package org.hetong.understand;

import java.math.BigDecimal;

/**
 * Amounts written in Chinese capital numerals (大写金额), e.g. 人民币壹佰贰拾万元整 = 1200000.00,
 * 叁万贰仟伍佰元伍角 = 32500.50, as the 《支付结算办法》 prescribes for contracts and bills.
 */
public final class ChineseAmounts {
    private ChineseAmounts() {}

    /** The value of a capital-numeral amount, or null when it is not one. */
    public static BigDecimal parse(String capitals) {
        if (capitals == null) {
            return null;
        }
        String s = capitals.replace("人民币", "").replace("整", "").replace("正", "").strip();
        if (s.isEmpty()) {
            return null;
        }
        int yuan = Math.max(s.indexOf('元'), s.indexOf('圆'));
        String integerPart = yuan >= 0 ? s.substring(0, yuan) : s;
        String fraction = yuan >= 0 ? s.substring(yuan + 1) : "";
        long integer = parseInteger(integerPart);
        if (integer < 0) {
            return null;
        }
        BigDecimal value = BigDecimal.valueOf(integer);
        int digit = -1;
        for (int i = 0; i < fraction.length(); i++) {
            char c = fraction.charAt(i);
            int d = ChineseNumerals.digitOf(c);
            if (d >= 0) {
                digit = d;
            } else if (c == '角' && digit >= 0) {
                value = value.add(BigDecimal.valueOf(digit, 1));
                digit = -1;
            } else if (c == '分' && digit >= 0) {
                value = value.add(BigDecimal.valueOf(digit, 2));
                digit = -1;
            } else {
                return null;
            }
        }
        return value.setScale(2);
    }

    private static long parseInteger(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        long total = 0;
        long section = 0;
        int digit = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = ChineseNumerals.digitOf(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            long unit = switch (c) {
                case '拾', '十' -> 10;
                case '佰', '百' -> 100;
                case '仟', '千' -> 1000;
                case '万', '萬' -> 10_000;
                case '亿', '億' -> 100_000_000;
                default -> -1;
            };
            if (unit < 0) {
                return -1;
            }
            if (unit == 100_000_000) {
                total = (total + section + Math.max(digit, 0)) * unit;
                section = 0;
            } else if (unit == 10_000) {
                total += (section + Math.max(digit, 0)) * unit;
                section = 0;
            } else {
                section += (digit < 0 ? 1 : digit) * unit;
            }
            digit = -1;
        }
        return total + section + Math.max(digit, 0);
    }
}
