package org.hetong.understand;

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
 * after the colon) count as not filled in. Dates and amounts as written are read by
 * {@link ChineseDates} and {@link ChineseAmounts}; this class knows which of them is which field.
 */
public final class FieldExtractor {
    static final String ROLES = "甲方|乙方|丙方|丁方|委托方|受托方|委托人|受托人|许可方|被许可方|许可人|被许可人|买方|卖方"
            + "|出卖人|买受人|发包方|承包方|发包人|承包人|供方|需方|供应商|采购方|采购人|服务方|开发方|出租方|承租方"
            + "|转让方|受让方|合作方|委托单位|服务单位";
    private static final Pattern PARTY_LINE = Pattern.compile(
            "^[ \\t　]*(?<role>" + ROLES + ")\\s*(?:[（(][^）)\\n]{0,16}[)）])?\\s*[：:]\\s*(?<name>[^\\n]{2,80})$", Pattern.MULTILINE);
    /**
     * 合同编号：X, 合同编号X (no colon before a code), 合同编号为X, 合同名称及编号 《…》（X）; a bare 编号 only with
     * a colon, and not 项目编号 / 变更单编号 (a CJK character before it makes it another number).
     */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<label>(?:合同|协议)(?:名称及)?编号|合同号|(?<![\\u4e00-\\u9fff])编\\s*号)"
                    + "(?<sep>\\s*[：:]\\s*|\\s*(?:为|是)\\s*|[ \\t　]*(?=[A-Za-z0-9])|\\s+(?=《))"
                    + "(?:《[^》\\n]{1,60}》\\s*[（(]\\s*)?"
                    + "(?<n>[A-Za-z0-9（(〔\\[【][A-Za-z0-9\\-－—_/（）()〔〕\\[\\]【】.·\\u4e00-\\u9fff]{2,40})");
    /**
     * Before 合同编号: 本/补充/变更 name the document's own number; 原/主, or an opening bracket after the
     * name of a document (《…》（合同编号：…）), a number the text cites.
     */
    private static final Pattern OWN_PREFIX = Pattern.compile("(?:本|补充|变更|修订|修正|修改)[\\u4e00-\\u9fff]{0,3}$");
    private static final Pattern CITED_PREFIX = Pattern.compile("(?:原|主)[\\u4e00-\\u9fff]{0,2}$|[（(]\\s*$");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9\\-－—_/.]*[A-Za-z0-9]");
    /** A code like HT-2023-0417 or QLY-SaaS-2024-0158, wherever it stands (a mail subject, a 事由 line). */
    private static final Pattern BARE_CODE = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{1,8}(?:[-_/][A-Za-z0-9]{1,12}){1,6}(?![A-Za-z0-9])");
    private static final Pattern REFERENCE_LINE = Pattern.compile("(?m)^[ \\t　]*(?:事由|主题|标题|Subject|Re|RE)\\s*[：:]\\s*(.+)$");
    private static final Pattern BROKEN_CODE = Pattern.compile("(?<=[A-Za-z0-9][-－—_/])[ \\t]*\\r?\\n[ \\t]*(?=[A-Za-z0-9])");
    private static final Pattern NUMBER_LABEL = Pattern.compile("(?:合同|协议)编号");
    /** 【电子商务平台经营者】, （网上店铺经营者）, «P1»: a template's hint where the name goes. */
    private static final Pattern BRACKETED_HINT = Pattern.compile("^(?:【[^】]*】|\\[[^\\]]*\\]|[（(][^）)]*[)）]|«[^»]*»|<[^>]*>|\\{\\{.*\\}\\})$");
    private static final Pattern PLACEHOLDER = Pattern.compile("^[\\s_＿—\\-.…·【】\\[\\]（）()×xX*　]*$");
    private static final Pattern SIGN_DATE = Pattern.compile("(?:签订|签署|签约|订立)(?:日期|时间)\\s*[：:]?");
    private static final Pattern EFFECTIVE_DATE = Pattern.compile("生效(?:日期|时间)\\s*[：:为]?");
    /** 本合同自2024年3月1日起生效: the document's own effect, not a new price's or a notice's. */
    private static final Pattern EFFECTIVE_FROM = Pattern.compile(
            "本[\\u4e00-\\u9fff]{0,4}(?:合同|协议)[^。；;\\n]{0,20}?自\\s*(?<date>[^，,。；;\\n]{6,20}?)\\s*起?\\s*(?:正式)?生效");

    public ContractFields extract(String text, List<Clause> clauses, String title) {
        String head = text.length() > 4000 ? text.substring(0, 4000) : text;
        String signature = clauses.stream().filter(c -> c.role() == ClauseRole.SIGNATURE).map(Clause::text)
                .findFirst().orElse("");
        List<ContractFields.Party> parties = parties(head, signature);
        String number = contractNumber(head);
        if (number == null && !NUMBER_LABEL.matcher(head).find()) {
            // A blank 合同编号 label means the number is not filled in, whatever code the title carries.
            number = referencedCode(title, head);
        }
        LocalDate signDate = signDate(text, signature, head);
        ChineseDates.Term term = ChineseDates.term(text);
        LocalDate effective = effectiveDate(text);
        if (term.start() == null && term.end() == null) {
            term = ChineseDates.termOfLength(text, effective);
        }
        if (effective == null) {
            effective = term.start();
        }
        LocalDate expiry = term.end();
        return new ContractFields(number, title, parties, signDate, effective, expiry, ChineseAmounts.total(text));
    }

    /**
     * The document's own number: one labelled as its own (本协议编号, 补充协议编号) first, then a plain
     * 合同编号, then the number of the contract it cites (原合同编号, 《…》（合同编号：…）), which is what
     * letters and records carry.
     */
    static String contractNumber(String text) {
        String joined = joinBrokenCodes(text);
        Matcher m = NUMBER.matcher(joined);
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        // Each search starts after the last label, not after its value: a value read too far
        // ("X）及其变更协议（编号：Y") must not hide the next label.
        for (int from = 0; m.find(from); from = m.end("label")) {
            boolean bareLabel = m.group("label").startsWith("编");
            if (bareLabel && !m.group("sep").contains("：") && !m.group("sep").contains(":")) {
                continue;
            }
            String n = cleanNumber(m.group("n"));
            if (n == null) {
                continue;
            }
            int lineStart = joined.lastIndexOf('\n', m.start()) + 1;
            String before = joined.substring(Math.max(lineStart, m.start() - 8), m.start());
            int rank = OWN_PREFIX.matcher(before).find() ? 0 : CITED_PREFIX.matcher(before).find() ? 2 : 1;
            if (rank < bestRank) {
                best = n;
                bestRank = rank;
            }
        }
        return best;
    }

    private static String cleanNumber(String raw) {
        String n = raw.strip();
        if (n.matches("[A-Za-z0-9].*")) {
            // A code like HT-2023-0417 ends where its letters, digits and separators end: "HT-2023-0417）及…" is not part of it.
            Matcher code = CODE.matcher(n);
            if (code.find()) {
                n = code.group();
            }
        }
        n = n.replaceAll("[）)】\\]]+$", n.contains("(") || n.contains("（") ? "$0" : "");
        return PLACEHOLDER.matcher(n).matches() || n.chars().noneMatch(Character::isLetterOrDigit) ? null : n;
    }

    /** A contract code that a mail subject or a letter's 事由 line names without a label. */
    static String referencedCode(String title, String head) {
        List<String> places = new ArrayList<>();
        if (title != null) {
            places.add(title);
        }
        Matcher line = REFERENCE_LINE.matcher(head);
        while (line.find()) {
            places.add(line.group(1));
        }
        for (String place : places) {
            Matcher code = BARE_CODE.matcher(place);
            while (code.find()) {
                if (code.group().chars().filter(Character::isDigit).count() >= 2) {
                    return code.group();
                }
            }
        }
        return null;
    }

    /** Codes that PDF layout broke at a hyphen ("QH-JF-2024-\n0027") put back together. */
    static String joinBrokenCodes(String text) {
        return BROKEN_CODE.matcher(text).replaceAll("");
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
        String name = raw.replace('\u00a0', ' ')
                .replaceAll("[（(](盖章|签章|公章|签字|签名|以下简称[^)）]*)[)）]", "")
                .replaceAll("[（(]?以下简称.*$", "")
                .replaceAll("\\s{2,}.*$", "")
                .replaceAll("[，,。；;]+$", "")
                .strip();
        // 青禾数智软件 有限公司 (a space left by PDF layout) and 华为技术(深圳)有限公司 (half-width brackets) are the
        // names the register knows as 青禾数智软件有限公司 and 华为技术（深圳）有限公司.
        name = name.replaceAll("(?<=[\\u4e00-\\u9fff])[ \\t　]+(?=[\\u4e00-\\u9fff（(])", "")
                .replaceAll("\\((?=[\\u4e00-\\u9fff])([^()]*[\\u4e00-\\u9fff])\\)", "（$1）");
        if (name.length() < 2 || PLACEHOLDER.matcher(name).matches() || BRACKETED_HINT.matcher(name).matches()
                || name.matches(".*[_＿]{2,}.*")) {
            return null;
        }
        if (name.startsWith("地址") || name.startsWith("法定代表人") || name.contains("：") || name.length() > 40) {
            return null;
        }
        return name;
    }

    static LocalDate signDate(String text, String signature, String head) {
        LocalDate labelled = dateAfter(text, SIGN_DATE);
        if (labelled != null) {
            return labelled;
        }
        List<ChineseDates.Found> inSignature = ChineseDates.findAll(signature);
        if (!inSignature.isEmpty()) {
            return inSignature.get(inSignature.size() - 1).date();
        }
        return null;
    }

    /** A stated date of effect: 生效日期：2024年9月10日, 本协议自2024年3月1日起生效. */
    static LocalDate effectiveDate(String text) {
        LocalDate labelled = dateAfter(text, EFFECTIVE_DATE);
        if (labelled != null) {
            return labelled;
        }
        Matcher m = EFFECTIVE_FROM.matcher(text);
        while (m.find()) {
            LocalDate date = ChineseDates.first(m.group("date"));
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    /** The first date within a few characters after a label; a blank (____年__月__日) is skipped. */
    private static LocalDate dateAfter(String text, Pattern label) {
        Matcher m = label.matcher(text);
        while (m.find()) {
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 24));
            int lineEnd = after.indexOf('\n', 1);
            LocalDate date = ChineseDates.first(lineEnd > 0 ? after.substring(0, lineEnd) : after);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    static ContractFields.Amount amount(String text) {
        return ChineseAmounts.total(text);
    }

    static LocalDate[] term(String text) {
        ChineseDates.Term term = ChineseDates.term(text);
        return new LocalDate[] {term.start(), term.end()};
    }
}
