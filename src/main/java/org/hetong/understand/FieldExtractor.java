package org.hetong.understand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a contract's fields: number, title, parties with roles, signing / effective / expiry dates
 * and the total amount (figures and capitals reconciled). Template placeholders (＿＿＿, 【】, blank
 * after the colon) count as not filled in.
 */
public final class FieldExtractor {
    static final String ROLES = "甲方|乙方|丙方|丁方|委托方|受托方|委托人|受托人|许可方|被许可方|许可人|被许可人|买方|卖方"
            + "|出卖人|买受人|发包方|承包方|发包人|承包人|供方|需方|供应商|采购方|采购人|服务方|开发方|出租方|承租方"
            + "|转让方|受让方|合作方|委托单位|服务单位";
    private static final Pattern PARTY_LINE = Pattern.compile(
            "^[ \\t　]*(?<role>" + ROLES + ")\\s*(?:[（(][^）)\\n]{0,16}[)）])?\\s*[：:]\\s*(?<name>[^\\n]{2,80})$", Pattern.MULTILINE);
    private static final Pattern NUMBER = Pattern.compile(
            "(?:合同编号|协议编号|合同号|(?<![\\u4e00-\\u9fff])编\\s*号)\\s*[：:]\\s*(?<n>[A-Za-z0-9（(〔\\[【][A-Za-z0-9\\-－—_/（）()〔〕\\[\\]【】.·\\u4e00-\\u9fff]{2,40})");
    private static final Pattern PLACEHOLDER = Pattern.compile("^[\\s_＿—\\-.…·【】\\[\\]（）()×xX*　]*$");
    private static final Pattern TERM = Pattern.compile(
            "自\\s*(?<from>[^，,。；;\\n]{6,20}?)\\s*(?:起|开始)\\s*(?:至|到)\\s*(?<to>[^，,。；;\\n]{6,20}?)\\s*(?:止|为止|结束)");
    private static final Pattern SIGN_DATE = Pattern.compile("(?:签订|签署|签约|订立)(?:日期|时间)\\s*[：:]?");
    private static final Pattern FIGURE = Pattern.compile(
            "(?<cur>人民币|RMB|CNY|¥|￥|美元|USD|US\\$|\\$)?\\s*[（(]?\\s*(?<sym>[¥￥$])?\\s*(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?|\\d+(?:\\.\\d{1,2})?)\\s*(?<unit>万元|万|元|美元)?");
    private static final Pattern CAPITALS = Pattern.compile("(?:人民币|大写[：:]?)\\s*(?<cap>[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+[元圆](?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?整?)");
    private static final Pattern TOTAL_CONTEXT = Pattern.compile(
            "合同总价|合同总金额|合同总额|总价款|合同价款|合同金额|合同价格|总金额|总价|许可费总额|许可费|服务费总额|服务费用总额|项目总金额|合同总费用");

    public ContractFields extract(String text, List<Clause> clauses, String title) {
        String head = text.length() > 4000 ? text.substring(0, 4000) : text;
        String signature = clauses.stream().filter(c -> c.role() == ClauseRole.SIGNATURE).map(Clause::text)
                .findFirst().orElse("");
        List<ContractFields.Party> parties = parties(head, signature);
        String number = contractNumber(head);
        LocalDate signDate = signDate(text, signature, head);
        LocalDate[] term = term(text);
        ContractFields.Amount amount = amount(text);
        return new ContractFields(number, title, parties, signDate, term[0], term[1], amount);
    }

    static String contractNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String n = m.group("n").strip();
            if (n.matches("[A-Za-z0-9].*")) {
                // A code like HT-2023-0417 ends where its letters, digits and separators end: "HT-2023-0417）及…" is not part of it.
                Matcher code = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9\\-－—_/.]*[A-Za-z0-9]").matcher(n);
                if (code.find()) {
                    n = code.group();
                }
            }
            n = n.replaceAll("[）)】\\]]+$", n.contains("(") || n.contains("（") ? "$0" : "");
            if (!PLACEHOLDER.matcher(n).matches() && n.chars().anyMatch(Character::isLetterOrDigit)) {
                return n;
            }
        }
        return null;
    }

    static List<ContractFields.Party> parties(String head, String signature) {
        Map<String, ContractFields.Party> byRole = new LinkedHashMap<>();
        for (String source : new String[] {head, signature}) {
            // 甲　　方： / 乙 方： spaced out to line up with 法定代表人： is the same role.
            Matcher m = PARTY_LINE.matcher(source.replaceAll("(?m)^([ \\t　]*[甲乙丙丁])[ \\t　]+方", "$1方"));
            while (m.find()) {
                String role = m.group("role");
                String name = cleanName(m.group("name"));
                boolean sameNameKnown = name != null && byRole.values().stream().anyMatch(p -> p.name().equals(name));
                if (name != null && !byRole.containsKey(role) && !sameNameKnown) {
                    byRole.put(role, new ContractFields.Party(role, name));
                }
            }
        }
        return new ArrayList<>(byRole.values());
    }

    static String cleanName(String raw) {
        String name = raw.replaceAll("[（(](盖章|签章|公章|签字|签名|以下简称[^)）]*)[)）]", "")
                .replaceAll("[（(]?以下简称.*$", "")
                .replaceAll("\\s{2,}.*$", "")
                .replaceAll("[，,。；;]+$", "")
                .strip();
        if (name.length() < 2 || PLACEHOLDER.matcher(name).matches() || name.matches(".*[_＿]{2,}.*")) {
            return null;
        }
        if (name.startsWith("地址") || name.startsWith("法定代表人") || name.contains("：") || name.length() > 40) {
            return null;
        }
        return name;
    }

    static LocalDate signDate(String text, String signature, String head) {
        Matcher m = SIGN_DATE.matcher(text);
        while (m.find()) {
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 24));
            LocalDate date = ChineseDates.first(after);
            if (date != null) {
                return date;
            }
        }
        List<ChineseDates.Found> inSignature = ChineseDates.findAll(signature);
        if (!inSignature.isEmpty()) {
            return inSignature.get(inSignature.size() - 1).date();
        }
        return null;
    }

    static LocalDate[] term(String text) {
        Matcher m = TERM.matcher(text);
        while (m.find()) {
            LocalDate from = ChineseDates.first(m.group("from"));
            LocalDate to = ChineseDates.first(m.group("to"));
            if (from != null && to != null && !to.isBefore(from)) {
                return new LocalDate[] {from, to};
            }
        }
        return new LocalDate[] {null, null};
    }

    static ContractFields.Amount amount(String text) {
        Matcher ctx = TOTAL_CONTEXT.matcher(text);
        while (ctx.find()) {
            String window = text.substring(ctx.end(), Math.min(text.length(), ctx.end() + 80));
            ContractFields.Amount amount = firstAmount(window);
            if (amount != null) {
                return amount;
            }
        }
        return null;
    }

    /** The first amount in a short window: capitals and figures, reconciled when both are there. */
    static ContractFields.Amount firstAmount(String window) {
        Matcher cap = CAPITALS.matcher(window);
        BigDecimal fromCapitals = null;
        String capText = null;
        if (cap.find()) {
            fromCapitals = ChineseAmounts.parse(cap.group("cap"));
            capText = cap.group(0);
        }
        Matcher fig = FIGURE.matcher(window);
        while (fig.find()) {
            boolean money = fig.group("cur") != null || fig.group("sym") != null || fig.group("unit") != null;
            if (!money) {
                continue;
            }
            BigDecimal value = new BigDecimal(fig.group("num").replace(",", ""));
            String unit = fig.group("unit");
            if (unit != null && unit.startsWith("万")) {
                value = value.multiply(BigDecimal.valueOf(10_000));
            }
            String currency = currencyOf(fig.group("cur"), fig.group("sym"), unit);
            value = value.setScale(2, java.math.RoundingMode.HALF_UP);
            String shown = fig.group(0).replaceFirst("[（(]\\s*", "").strip(); // the figure, not the bracket it opens
            if (fromCapitals != null && fromCapitals.compareTo(value) != 0) {
                // Figures and capitals disagree: the capitals are legally decisive (《票据法》 practice), keep them.
                return new ContractFields.Amount(fromCapitals, "CNY", capText);
            }
            return new ContractFields.Amount(value, currency, capText != null ? capText + " " + shown : shown);
        }
        return fromCapitals == null ? null : new ContractFields.Amount(fromCapitals, "CNY", capText);
    }

    private static String currencyOf(String cur, String sym, String unit) {
        String c = cur == null ? "" : cur;
        if (c.contains("美元") || c.contains("USD") || c.contains("US$") || "$".equals(c) || "$".equals(sym)
                || "美元".equals(unit)) {
            return "USD";
        }
        return "CNY";
    }
}
