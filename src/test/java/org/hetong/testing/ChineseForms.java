package org.hetong.testing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * How numbers, amounts and dates are written in Chinese contracts, for generated test documents:
 * 第十二条, 人民币壹佰捌拾陆万元整, 二〇二三年五月八日 and their figure forms. Written independently of the
 * parsers in {@code understand/}, so generated documents can check them.
 */
public final class ChineseForms {
    private static final String LOWER = "零一二三四五六七八九";
    private static final String CAPITAL = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] CAPITAL_UNITS = {"", "拾", "佰", "仟"};
    private static final String[] SECTIONS = {"", "万", "亿"};

    private ChineseForms() {}

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五, 100 → 一百 (up to 999). */
    public static String lower(int n) {
        if (n < 0 || n > 999) {
            throw new IllegalArgumentException("only 0–999 are written here, not " + n);
        }
        if (n < 10) {
            return String.valueOf(LOWER.charAt(n));
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : LOWER.charAt(n % 10));
        }
        if (n < 100) {
            return LOWER.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : LOWER.charAt(n % 10));
        }
        int rest = n % 100;
        String head = LOWER.charAt(n / 100) + "百";
        if (rest == 0) {
            return head;
        }
        return head + (rest < 10 ? "零" + LOWER.charAt(rest) : rest < 20 ? "一" + lower(rest) : lower(rest));
    }

    /** An amount of whole yuan in financial capitals: 1860000 → 壹佰捌拾陆万, 100500 → 壹拾万零伍佰. */
    public static String capitals(long yuan) {
        if (yuan < 0 || yuan >= 1_000_000_000_000L) {
            throw new IllegalArgumentException("amount out of range: " + yuan);
        }
        if (yuan == 0) {
            return "零";
        }
        int[] groups = {(int) (yuan % 10_000), (int) (yuan / 10_000 % 10_000), (int) (yuan / 100_000_000)};
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int gi = 2; gi >= 0; gi--) {
            int g = groups[gi];
            if (g == 0) {
                zero |= out.length() > 0;
                continue;
            }
            zero |= out.length() > 0 && g < 1000;
            for (int p = 3, div = 1000; p >= 0; p--, div /= 10) {
                int d = g / div % 10;
                if (d == 0) {
                    zero |= out.length() > 0;
                } else {
                    if (zero) {
                        out.append('零');
                    }
                    zero = false;
                    out.append(CAPITAL.charAt(d)).append(CAPITAL_UNITS[p]);
                }
            }
            out.append(SECTIONS[gi]);
            zero = false;
        }
        return out.toString();
    }

    /** 人民币壹佰捌拾陆万元整 */
    public static String capitalAmount(long yuan) {
        return "人民币" + capitals(yuan) + "元整";
    }

    /** ¥1,860,000.00 */
    public static String figureAmount(long yuan) {
        return String.format(Locale.ROOT, "¥%,d.00", yuan);
    }

    /** An amount as contracts write it, in one of several forms, chosen by {@code r}. */
    public static String amount(long yuan, Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> capitalAmount(yuan) + "（" + figureAmount(yuan) + "）";
            case 1 -> "人民币" + String.format(Locale.ROOT, "%,d", yuan) + "元（大写：" + capitals(yuan) + "元整）";
            case 2 -> figureAmount(yuan) + "（" + capitalAmount(yuan) + "）";
            case 3 -> yuan % 10_000 == 0 ? "人民币" + yuan / 10_000 + "万元（" + capitalAmount(yuan) + "）"
                    : capitalAmount(yuan) + "（" + figureAmount(yuan) + "）";
            default -> "RMB " + String.format(Locale.ROOT, "%,d.00", yuan) + "元（" + capitals(yuan) + "元整）";
        };
    }

    /** 二〇二三年五月八日 */
    public static String chineseDate(LocalDate d) {
        StringBuilder y = new StringBuilder();
        for (char c : String.valueOf(d.getYear()).toCharArray()) {
            y.append(c == '0' ? '〇' : LOWER.charAt(c - '0'));
        }
        return y + "年" + lower(d.getMonthValue()) + "月" + lower(d.getDayOfMonth()) + "日";
    }

    /** A date in one of the forms contracts use: 2023年5月8日, 二〇二三年五月八日, 2023-05-08, 2023.5.8, 2023年05月08日. */
    public static String date(LocalDate d, Random r) {
        return switch (r.nextInt(6)) {
            case 0, 1 -> d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            case 2 -> chineseDate(d);
            case 3 -> d.toString();
            case 4 -> d.getYear() + "." + d.getMonthValue() + "." + d.getDayOfMonth();
            default -> String.format(Locale.ROOT, "%d年%02d月%02d日", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        };
    }
}
