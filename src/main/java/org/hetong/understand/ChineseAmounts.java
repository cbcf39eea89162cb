package org.hetong.understand;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts as contracts write them: in Chinese capital numerals (大写金额), e.g. 人民币壹佰贰拾万元整 =
 * 1200000.00, 叁万贰仟伍佰元伍角 = 32500.50, as the 《支付结算办法》 prescribes for contracts and bills,
 * and in figures (¥1,200,000.00, RMB 2,586,000.00, 86.5万元, USD 85,000), the two reconciled; and
 * which of a contract's amounts is its total.
 */
public final class ChineseAmounts {
    private static final Pattern FIGURE = Pattern.compile(
            "(?<cur>人民币|RMB|CNY|¥|￥|美元|USD|US\\$|\\$)?\\s*[（(]?\\s*(?<sym>[¥￥$])?\\s*"
                    + "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?)\\s*(?<unit>万元|万|元|美元)?(?![%％])");
    private static final Pattern CAPITALS = Pattern.compile(
            "(?:人民币|大写(?:金额)?[：:]?)\\s*(?<cap>[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+[元圆](?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?)");

    /** Words that name the contract's total. */
    private static final Pattern TOTAL_CUE = Pattern.compile(
            "合同总价|合同总金额|合同总额|合同总费用|项目总金额|总价款|合同价款|合同金额|合同价格|费用总额|服务费用总额"
                    + "|许可费总额|服务费总额|总金额|总价");
    /** Words that sum something up, the contract (维保服务费总计) or only a table of it (设备小计…合计). */
    private static final Pattern SUM_CUE = Pattern.compile("总计|合计|总额");
    /** Words that name the one fee a contract is about, when it states no total: 研究开发经费, 托管费每年…. */
    private static final Pattern FEE_CUE = Pattern.compile(
            "研究开发经费|开发经费|经费|技术服务费|服务费用|服务费|许可费|托管费|维保费|维护费|订阅费|使用费|价款");
    /** Near a cue, these make the amount a part, a penalty or a unit price rather than the total. */
    private static final Pattern NOT_TOTAL = Pattern.compile(
            "违约金|扣减|扣除|每次|逾期|超过|赔偿|罚|单价|每账号|每人|每个|新增|增加部分|首期|第[一二三四五六七八九1-9]期|预付|尾款|余款"
                    + "|保证金|押金|[%％]|百分之");
    /** "由A变更为B": B is the amount now. */
    private static final Pattern CHANGED_TO = Pattern.compile(
            "变更为|调整为|修改为|更改为|增加为|增加至|增至|提高为|提高至|减少为|减少至|减至|降低为|降至|调增为|调减为");
    private static final Pattern CHANGE_FROM = Pattern.compile("^[^，,。；;]{0,12}?由");

    private ChineseAmounts() {}

    /**
     * The contract's total: the amount after a total cue (合同总价, 总金额), else after a sum (总计,
     * 合计), else after the fee the contract is about (服务费, 许可费, 研究开发经费); not a penalty, a
     * part payment or a unit price. A change "总额由A调整为B" anywhere gives B, before any total merely
     * stated (a supplement may quote the old one elsewhere); a total cited as the old one (原合同总价)
     * counts only when nothing else is stated.
     */
    public static ContractFields.Amount total(String text) {
        ContractFields.Amount changed = CHANGED_TO.matcher(text).find() ? total(text, true) : null;
        return changed != null ? changed : total(text, false);
    }

    /** The first total of the strongest cue; with {@code changes}, only totals changed "由A调整为B". */
    private static ContractFields.Amount total(String text, boolean changes) {
        ContractFields.Amount old = null;
        for (Pattern cue : List.of(TOTAL_CUE, SUM_CUE, FEE_CUE)) {
            Matcher m = cue.matcher(text);
            while (m.find()) {
                String before = text.substring(Math.max(0, m.start() - 12), m.start()).replaceAll("^.*[，,。；;\\n]", "");
                if (NOT_TOTAL.matcher(before).find()) {
                    continue;
                }
                String window = sentenceAfter(text, m.end());
                Matcher change = CHANGED_TO.matcher(window);
                if (changes != (CHANGE_FROM.matcher(window).find() && change.find())) {
                    continue;
                }
                if (changes) {
                    window = window.substring(change.end());
                }
                Read read = read(window);
                if (read == null || NOT_TOTAL.matcher(window.substring(0, read.start())).find()) {
                    continue;
                }
                if (!changes && (before.endsWith("原") || before.endsWith("原合同") || before.endsWith("原协议"))) {
                    old = old == null ? read.amount() : old;
                    continue;
                }
                return read.amount();
            }
        }
        return old;
    }

    private static String sentenceAfter(String text, int from) {
        int to = Math.min(text.length(), from + 120);
        for (int i = from; i < to; i++) {
            if ("。；;".indexOf(text.charAt(i)) >= 0) {
                return text.substring(from, i);
            }
        }
        return text.substring(from, to);
    }

    /**
     * The first amount in a short stretch of text: capitals and figures, reconciled when both are
     * there; null when there is none (a bare number or a percentage is not an amount).
     */
    public static ContractFields.Amount first(String text) {
        Read read = read(text);
        return read == null ? null : read.amount();
    }

    /** An amount and where its text starts. */
    private record Read(ContractFields.Amount amount, int start) {}

    private static Read read(String text) {
        Matcher cap = CAPITALS.matcher(text);
        BigDecimal fromCapitals = null;
        String capText = null;
        if (cap.find()) {
            fromCapitals = parse(cap.group("cap"));
            capText = cap.group(0);
        }
        Matcher fig = FIGURE.matcher(text);
        while (fig.find()) {
            String unit = fig.group("unit");
            boolean money = fig.group("cur") != null || fig.group("sym") != null || unit != null;
            if (!money) {
                continue;
            }
            BigDecimal value = new BigDecimal(fig.group("num").replace(",", ""));
            if (unit != null && unit.startsWith("万")) {
                value = value.multiply(BigDecimal.valueOf(10_000));
            }
            value = value.setScale(2, RoundingMode.HALF_UP);
            String shown = fig.group(0).replaceFirst("[（(]\\s*", "").strip(); // the figure, not the bracket it opens
            int start = fromCapitals != null ? Math.min(cap.start(), fig.start()) : fig.start();
            if (fromCapitals != null && fromCapitals.compareTo(value) != 0) {
                // Figures and capitals disagree: the capitals are legally decisive (《票据法》 practice), keep them.
                return new Read(new ContractFields.Amount(fromCapitals, "CNY", capText), start);
            }
            return new Read(new ContractFields.Amount(value, currencyOf(fig.group("cur"), fig.group("sym"), unit),
                    capText != null ? capText + " " + shown : shown), start);
        }
        return fromCapitals == null ? null : new Read(new ContractFields.Amount(fromCapitals, "CNY", capText), cap.start());
    }

    private static String currencyOf(String cur, String sym, String unit) {
        String c = cur == null ? "" : cur;
        if (c.contains("美元") || c.contains("USD") || c.contains("US$") || "$".equals(c) || "$".equals(sym)
                || "美元".equals(unit)) {
            return "USD";
        }
        return "CNY";
    }

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
