package org.hetong.understand;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the lines that start a contract's end matter: the signature block (以下无正文, 盖章 /
 * 签字 lines of the parties) and its 附件 sections.
 *
 * <p>Only the shape of a line and its neighbours is judged here; whether the body really ends there
 * (no article continues after it) is the splitter's call.
 */
final class EndMatter {
    private static final String ROLE = "(?:(?:甲|乙|丙|丁)方|委托方|受托方|许可方|被许可方|买方|卖方|发包方|承包方|出卖人|买受人"
            + "|供方|需方|服务方|委托人|受托人|[\\u4e00-\\u9fff]{1,4}人)";
    private static final String SEAL = "(?:盖章|签章|公章|章|签字|签名|签字或盖章|签名/盖章|签字/盖章|签名或盖章|[\\u4e00-\\u9fff]{1,4}签章)";
    /** Lines that cannot be anything but the start of a signature block. */
    private static final Pattern SIGNATURE = Pattern.compile(
            "^(?:[（(]?(?:以下无正文|本页以下无正文|以下为签[署字章]页|本页为签[署字章]页|本页无正文|签[署字章]页)[)）]?"
                    + "|" + ROLE + "[^，,。；;\\n]{0,60}?[（(]" + SEAL + "[)）]"   // 甲方（盖章）：, 托修人（甲方）：…（盖章）
                    + "|" + ROLE + "[:：]\\s*[（(]?(?:盖章|签章|签字)"                         // 甲方：（盖章）
                    + "|" + ROLE + "[:：][^\\n]{0,40}[（(](?:盖章|签章|公章)[)）]\\s*$"       // 甲方：某某公司（盖章）
                    + "|(?:[（(](?:盖章|签章|签字|签字或盖章|签名或盖章|签字盖章|签名/盖章)[)）][:：]?\\s*){1,3}$" // （签章） alone
                    + "|[^，,。；;：:\\s]{2,40}[（(](?:盖章|公章|签章|印章)[)）]$)");                  // 某某公司（盖章）
    /** A party label with nothing filled in, as in a two-column signature table: 托修人（甲方）：  承修人（乙方）： */
    private static final Pattern BLANK_PARTY = Pattern.compile(
            "^" + ROLE + "(?:[（(][^）)]{1,8}[)）])?[:：]?(?:[\\s　]+" + ROLE + "(?:[（(][^）)]{1,8}[)）])?[:：]?)?$");
    /** What follows a party label in a signature block and not in a list of contacts. */
    private static final Pattern SIGNING_DETAIL = Pattern.compile(
            "法定代表人|授权代表|委托代理人|签字|盖章|签章|签署日期|签订日期|签约日期|^日\\s*期|年\\s+月\\s+日");
    private static final Pattern PARTY_START = Pattern.compile("^" + ROLE + "(?:[【\\[（(][^】\\]）)]{1,20}[】\\]）)])?(?:[:：\\s]|$)");
    private static final Pattern CJK_GAP = Pattern.compile("(?<=[\\u4e00-\\u9fff])[ 　]+(?=[\\u4e00-\\u9fff])");
    static final Pattern APPENDIX = Pattern.compile(
            "^(?:附件|附录|附表)\\s*([一二三四五六七八九十0-9０-９]{0,3}|[A-Za-z])(?=[：:、.．\\s　]|$)");

    /** The addressee of a letter or mail: 杭州青石软件有限公司：, 尊敬的张经理：, 致：某某局, 韦工，您好： */
    private static final Pattern SALUTATION = Pattern.compile(
            "^(?:(?:尊敬的|致)[^，。；]{1,36}[：:]?|[^，。；：:\\s]{2,38}(?:公司|局|中心|委员会|院|部|处|厅|办公室|集团|银行|大学|学校|学院"
                    + "|所|厂|站|队|组|先生|女士|同志|经理|总监|主任|负责人|各位|领导)[：:]"
                    + "|[^。；]{0,20}(?:您好|你好|大家好|各位好)[！!：:，,]?)$");

    private EndMatter() {}

    /** Whether a line greets the addressee of a letter, after which the letter's body begins. */
    static boolean isSalutation(NumberedLine line) {
        return line.marker == null && !line.tableCell && SALUTATION.matcher(line.stripped).matches()
                && !PARTY_START.matcher(line.stripped).find();
    }

    /** Whether line {@code i} opens a signature block. */
    static boolean isSignatureStart(List<NumberedLine> lines, int i) {
        String s = compact(lines.get(i).stripped);
        if (s.isEmpty()) {
            return false;
        }
        if (SIGNATURE.matcher(s).find()) {
            return true;
        }
        if (!BLANK_PARTY.matcher(s).matches() || lines.get(i).marker != null) {
            return false;
        }
        int seen = 0;
        for (int j = i + 1; j < lines.size() && seen < 8; j++) {
            NumberedLine next = lines.get(j);
            if (next.isBlank()) {
                continue;
            }
            seen++;
            if (SIGNING_DETAIL.matcher(compact(next.stripped)).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * How many party-name lines just above a signature line belong to the block (委托人 above （签章）,
     * 甲方【平台经营者】 above （签字或盖章））, looking no higher than line {@code floor}.
     */
    static int partyLinesAbove(List<NumberedLine> lines, int signature, int floor) {
        int taken = 0;
        int first = signature;
        for (int j = signature - 1; j > floor && taken < 2; j--) {
            NumberedLine line = lines.get(j);
            if (line.isBlank()) {
                continue;
            }
            String s = compact(line.stripped);
            boolean party = line.marker == null && !endsSentence(s) && !APPENDIX.matcher(s).find()
                    && s.matches("^[^，,。；;《》]*$") && (PARTY_START.matcher(s).find()
                    || s.length() <= 20 && s.matches(".*(方|人|单位|名称|公司).*"));
            if (!party) {
                break;
            }
            first = j;
            taken++;
        }
        return signature - first;
    }

    /** Blanks inside Chinese words, as in 甲    方：, are layout. */
    static String compact(String s) {
        return CJK_GAP.matcher(s).replaceAll("");
    }

    /**
     * Whether line {@code i} is the heading of an appendix section: 附件一：需求规格说明书 on a line of its
     * own. Inside the body ({@code inBody}) it must also be followed by its own content rather than by the
     * next item of a list of attachments; after the signature block an appendix may be a heading alone
     * (附件一：竞争对手名单（另行签署）).
     */
    static boolean isAppendixHeading(List<NumberedLine> lines, int i, boolean inBody) {
        NumberedLine line = lines.get(i);
        Matcher m = APPENDIX.matcher(line.stripped);
        if (!m.find() || line.stripped.length() > 40 || endsSentence(line.stripped)) {
            return false;
        }
        if (!inBody) {
            return true;
        }
        for (int j = i + 1; j < lines.size(); j++) {
            NumberedLine next = lines.get(j);
            if (next.isBlank()) {
                continue;
            }
            return !APPENDIX.matcher(next.stripped).find() && !isSignatureStart(lines, j);
        }
        return false;
    }

    /** An appendix heading read: 附件一：需求规格说明书 → 附件一, 需求规格说明书, 1. */
    record AppendixHeading(String label, String heading, Integer value) {}

    /** The label, heading and number of a line that {@link #isAppendixHeading} accepted. */
    static AppendixHeading appendixHeading(String line) {
        Matcher m = APPENDIX.matcher(line);
        if (!m.find()) {
            throw new IllegalArgumentException("not an appendix heading: " + line);
        }
        String heading = line.substring(m.end()).replaceFirst("^[\\s　:：、.．]+", "").strip();
        int value = ChineseNumerals.parse(m.group(1));
        return new AppendixHeading(m.group(0).strip(), heading.isEmpty() ? null : ClauseSplitter.truncate(heading),
                value < 0 ? null : value);
    }

    static boolean endsSentence(String s) {
        return !s.isEmpty() && "。；;，,".indexOf(s.charAt(s.length() - 1)) >= 0;
    }
}
