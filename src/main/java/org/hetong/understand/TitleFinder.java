package org.hetong.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a document's title: the first short line near the top that names a kind of document
 * (合同, 协议, 函, 通知, 报告…), else the first short line, else the metadata title, else the file name.
 * A mail exported as text is titled by its 主题 line; a title set on two lines is joined; Markdown
 * marks (#, **) are not part of it. Word's own title property is a last resort: templates leave it stale.
 */
public final class TitleFinder {
    private static final Pattern TITLE_WORDS = Pattern.compile("合同|协议|函|通知|报告|纪要|备忘录|确认单|变更单|说明书|证书|声明|申请|方案|清单");
    private static final Pattern NOT_TITLE = Pattern.compile("^(合同编号|编号|甲方|乙方|签订|日期|地址|致|尊敬的)|[：:]$|(合同|协议)编号\\s*$|编号\\s*[：:]");
    /** The header block of a mail saved as text: 发件人：… 收件人：… 主题：…. */
    private static final Pattern MAIL_HEADER = Pattern.compile(
            "^(发件人|收件人|抄送|密送|发送时间|日期|时间|From|To|Cc|Sent|Date)\\s*[：:]", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAIL_SUBJECT = Pattern.compile("^(?:主\\s*题|Subject)\\s*[：:]\\s*(?<s>.+)$", Pattern.CASE_INSENSITIVE);
    /** A line that stops in mid-phrase (《…合同》第 / 关于《…) goes on on the next line. */
    private static final Pattern UNFINISHED = Pattern.compile("[第之的及和与、《（(]$");
    /** The sender's letterhead above a letter's title is not part of the title. */
    private static final Pattern ORGANISATION = Pattern.compile("(公司|集团|局|院|中心|委员会|银行|大学|学校|医院|厂|所|部|处|科|办公室|政府)$");
    /** A first half: a run of words, not a mark such as 附件1, 正本, 机密 or a form code. */
    private static final Pattern FIRST_HALF = Pattern.compile("^(?!附件|附表|正本|副本|机密|秘密|绝密|草案|示范文本|GF)[\\u4e00-\\u9fffA-Za-z0-9（）()《》]{6,40}$");

    public String find(String text, String metadataTitle, String subject, String fileName) {
        if (subject != null && !subject.isBlank()) {
            return subject.strip();
        }
        List<String> lines = new ArrayList<>();
        List<Boolean> afterBlank = new ArrayList<>();
        boolean blank = true;
        for (String raw : text.split("\n")) {
            String line = clean(raw);
            if (line.isEmpty()) {
                blank = true;
                continue;
            }
            lines.add(line);
            afterBlank.add(blank);
            blank = false;
            if (lines.size() >= 12) {
                break;
            }
        }
        String mailSubject = mailSubject(lines);
        if (mailSubject != null) {
            return mailSubject;
        }
        String firstShort = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 60 || NOT_TITLE.matcher(line).find() || MAIL_HEADER.matcher(line).find()) {
                continue;
            }
            if (TITLE_WORDS.matcher(line).find()) {
                return joined(lines, afterBlank, i);
            }
            if (firstShort == null && line.length() >= 2) {
                firstShort = line;
            }
        }
        if (firstShort != null) {
            return firstShort;
        }
        if (metadataTitle != null && !metadataTitle.isBlank()) {
            return metadataTitle.strip();
        }
        return stripExtension(fileName);
    }

    /** A line without layout: Markdown heading and bold marks, runs of spaces, a title spaced out for looks. */
    private static String clean(String raw) {
        String line = raw.strip().replaceFirst("^#{1,6}\\s+", "").replaceAll("\\*\\*|__", "")
                .replaceAll("[\\s　]+", " ").strip();
        if (line.contains(" ") && isSpacedOut(line)) {
            line = line.replace(" ", "");
        }
        return line;
    }

    /** The subject of a mail saved as text: a 主题 line first, or among the header lines that open it. */
    private static String mailSubject(List<String> lines) {
        for (String line : lines) {
            Matcher subject = MAIL_SUBJECT.matcher(line);
            if (subject.matches()) {
                return subject.group("s").strip();
            }
            if (!MAIL_HEADER.matcher(line).find()) {
                return null;
            }
        }
        return null;
    }

    /**
     * The title line with its other half when it was set on two lines: the line after when this one
     * stops in mid-phrase, the line before when that is the document's first line, directly above,
     * and names no kind of document and no sender.
     */
    private static String joined(List<String> lines, List<Boolean> afterBlank, int i) {
        String title = lines.get(i);
        if (i + 1 < lines.size() && !afterBlank.get(i + 1) && UNFINISHED.matcher(title).find()
                && lines.get(i + 1).length() <= 30 && !NOT_TITLE.matcher(lines.get(i + 1)).find()) {
            title = title + lines.get(i + 1);
        }
        if (i == 1 && !afterBlank.get(1)) {
            String above = lines.get(0);
            if (FIRST_HALF.matcher(above).matches() && !TITLE_WORDS.matcher(above).find() && !ORGANISATION.matcher(above).find()) {
                title = above + title;
            }
        }
        return title.length() > 80 ? lines.get(i) : title;
    }

    /** 软 件 开 发 合 同 → 软件开发合同 (titles spaced out for looks). */
    private static boolean isSpacedOut(String line) {
        String[] parts = line.split(" ");
        long single = java.util.Arrays.stream(parts).filter(p -> p.length() == 1).count();
        return single >= parts.length * 0.6;
    }

    static String stripExtension(String fileName) {
        if (fileName == null) {
            return null;
        }
        String base = fileName.contains("/") ? fileName.substring(fileName.lastIndexOf('/') + 1) : fileName;
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
