package org.hetong.understand;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Chinese contracts write them: 2023年5月1日, 二〇二三年五月一日, 2023-05-01, 2023.5.1,
 * 2023/5/1, in full-width digits (２０２３年５月１日) and spaced out by PDF extraction
 * (2023 年 5 月 1 日). Blank templates (____年__月__日, 【】年【】月【】日) are not dates. Also the
 * contract's term built from them: 自…起至…止, 服务期限：…至…, 自签字之日起生效，至…止, 有效期三年.
 */
public final class ChineseDates {
    /** 〇 in its look-alikes: the circle, the full-width and the Latin capital O that PDFs and typists use. */
    private static final String CN_DIGITS = "〇○零一二三四五六七八九ＯO";
    private static final String GAP = "[\\s\\u3000]*";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![0-9])(?<y>(?:19|20)[0-9]{2})" + GAP + "年" + GAP + "(?<m>[0-9]{1,2})" + GAP + "月" + GAP + "(?<d>[0-9]{1,2})" + GAP + "[日号]"
                    + "|(?<cy>[" + CN_DIGITS + "]{4})" + GAP + "年" + GAP + "(?<cm>[一二三四五六七八九十]{1,2})" + GAP + "月"
                    + GAP + "(?<cd>[一二三四五六七八九十]{1,3})" + GAP + "[日号]"
                    + "|(?<![0-9])(?<iy>(?:19|20)[0-9]{2})(?<sep>[-./])(?<im>[0-9]{1,2})\\k<sep>(?<id>[0-9]{1,2})(?![0-9])");

    private static final Pattern SENTENCE_END = Pattern.compile("[。；;]|\\n[\\s\\u3000]*\\n");
    private static final Pattern TERM_WORD = Pattern.compile("有效期|期限|服务期|合同期|许可期|托管期|租期");
    private static final Pattern OWN_DOCUMENT = Pattern.compile("本合同|本协议");
    /** Periods of a contract that are not its term: confidentiality, warranty, project phases. */
    private static final Pattern OTHER_PERIOD = Pattern.compile("保密|质保|保修|缺陷责任|响应|试用|免费|阶段|验收|交付|付款|支付|工期|其中");
    private static final Pattern RANGE_JOIN = Pattern.compile("^[\\s\\u3000]*(?:起|开始)?[\\s\\u3000]*(?:至|到|—|–|－|-|~|～)[\\s\\u3000]*$");
    private static final Pattern UNTIL = Pattern.compile("(?:至|到)[\\s\\u3000]*$");
    private static final Pattern END_WORD = Pattern.compile("^[\\s\\u3000]*(?:止|为止|终止|届满|结束)");
    private static final Pattern FROM = Pattern.compile("自[\\s\\u3000]*$");
    private static final Pattern TERM_LENGTH = Pattern.compile(
            "(?:有效期|期限|服务期|合同期|许可期|托管期)(?:限)?[\\s\\u3000]*(?:为|是|：|:)?[\\s\\u3000]*"
                    + "(?<n>[0-9一二两三四五六七八九十]{1,3})[\\s\\u3000]*(?<unit>年|个月)");

    private ChineseDates() {}

    /** A date found in text, with where it was. */
    public record Found(LocalDate date, int start, int end) {}

    /** A contract's term as stated; either end may be unknown (null). */
    public record Term(LocalDate start, LocalDate end) {}

    public static List<Found> findAll(String text) {
        List<Found> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher m = PATTERN.matcher(foldWidth(text));
        while (m.find()) {
            LocalDate date = toDate(m);
            if (date != null) {
                found.add(new Found(date, m.start(), m.end()));
            }
        }
        return found;
    }

    public static LocalDate first(String text) {
        List<Found> all = findAll(text);
        return all.isEmpty() ? null : all.get(0).date();
    }

    /**
     * Full-width digits and separators as ASCII, one character for one so that offsets into the
     * folded text are offsets into the original.
     */
    static String foldWidth(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                c = (char) ('0' + (c - '０'));
            } else if (c == '．') {
                c = '.';
            } else if (c == '－') {
                c = '-';
            } else if (c == '／') {
                c = '/';
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static LocalDate toDate(Matcher m) {
        try {
            if (m.group("y") != null) {
                return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")), Integer.parseInt(m.group("d")));
            }
            if (m.group("cy") != null) {
                int y = ChineseNumerals.parse(m.group("cy").replace('Ｏ', '〇').replace('O', '〇'));
                int mo = ChineseNumerals.parse(m.group("cm"));
                int d = ChineseNumerals.parse(m.group("cd"));
                return y < 1900 ? null : LocalDate.of(y, mo, d);
            }
            return LocalDate.of(Integer.parseInt(m.group("iy")), Integer.parseInt(m.group("im")), Integer.parseInt(m.group("id")));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * The contract's term: the first range in a sentence about the term (本合同有效期自2023年6月1日起至
     * 2026年5月31日止, 服务期限：2024年1月1日至2024年12月31日), else only its end when it starts on an
     * event (本合同自双方签字盖章之日起生效，至2026年5月31日止). Ranges of other periods (保密期限, 质保期,
     * a project phase) are not the term.
     */
    public static Term term(String text) {
        Term best = null;
        int bestScore = 0;
        LocalDate endOnly = null;
        for (String sentence : sentences(text)) {
            List<Found> dates = findAll(sentence);
            for (int i = 0; i < dates.size(); i++) {
                Found a = dates.get(i);
                String context = context(sentence, a.start());
                if (OTHER_PERIOD.matcher(context).find()) {
                    continue;
                }
                Found b = i + 1 < dates.size() ? dates.get(i + 1) : null;
                if (b != null && RANGE_JOIN.matcher(sentence.substring(a.end(), b.start())).matches() && !b.date().isBefore(a.date())) {
                    int score = TERM_WORD.matcher(context).find() ? 3 : OWN_DOCUMENT.matcher(sentence).find() ? 2
                            : FROM.matcher(sentence.substring(0, a.start())).find() ? 1 : 0;
                    if (score > bestScore) {
                        best = new Term(a.date(), b.date());
                        bestScore = score;
                    }
                    i++;
                    continue;
                }
                boolean until = UNTIL.matcher(sentence.substring(0, a.start())).find();
                boolean ends = END_WORD.matcher(sentence.substring(a.end())).find() || TERM_WORD.matcher(context).find();
                if (endOnly == null && until && ends && (TERM_WORD.matcher(sentence).find() || OWN_DOCUMENT.matcher(sentence).find())) {
                    endOnly = a.date();
                }
            }
        }
        return best != null ? best : new Term(null, endOnly);
    }

    /**
     * A term given by its length (有效期三年, 服务期限为6个月) from its first day: the one stated in the
     * same sentence (自2024年3月1日起), else {@code start}; both ends null when neither is known.
     */
    public static Term termOfLength(String text, LocalDate start) {
        for (String sentence : sentences(text)) {
            Matcher m = TERM_LENGTH.matcher(sentence);
            if (!m.find() || OTHER_PERIOD.matcher(context(sentence, m.start())).find()) {
                continue;
            }
            LocalDate from = start;
            for (Found f : findAll(sentence)) {
                if (FROM.matcher(sentence.substring(0, f.start())).find()) {
                    from = f.date();
                    break;
                }
            }
            int n = ChineseNumerals.parse(m.group("n"));
            if (from == null || n < 1) {
                continue;
            }
            LocalDate next = m.group("unit").equals("年") ? from.plusYears(n) : from.plusMonths(n);
            return new Term(from, next.minusDays(1));
        }
        return new Term(null, null);
    }

    private static List<String> sentences(String text) {
        return text == null ? List.of() : List.of(SENTENCE_END.split(text));
    }

    /** The comma clause a position is in and the one before it, on its line: where a period is named. */
    private static String context(String sentence, int position) {
        int from = position;
        for (int commas = 0; from > 0 && commas < 2 && sentence.charAt(from - 1) != '\n'; ) {
            from--;
            char c = sentence.charAt(from);
            if (c == '，' || c == ',') {
                commas++;
            }
        }
        return sentence.substring(from, position);
    }
}
