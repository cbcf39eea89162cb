package org.hetong.understand;

import java.util.regex.Pattern;

/**
 * Finds a document's title: the first short line near the top that names a kind of document
 * (合同, 协议, 函, 通知, 报告…), else the first short line, else the metadata title, else the file name.
 * Word's own title property is a last resort: templates leave it stale.
 */
public final class TitleFinder {
    private static final Pattern TITLE_WORDS = Pattern.compile("合同|协议|函|通知|报告|纪要|备忘录|确认单|变更单|说明书|证书|声明|申请|方案|清单");
    private static final Pattern NOT_TITLE = Pattern.compile("^(合同编号|编号|甲方|乙方|签订|日期|地址|致|尊敬的)|[：:]$");

    public String find(String text, String metadataTitle, String subject, String fileName) {
        if (subject != null && !subject.isBlank()) {
            return subject.strip();
        }
        String firstShort = null;
        int seen = 0;
        for (String raw : text.split("\n")) {
            String line = raw.strip().replaceFirst("^#{1,6}\\s+", "").replaceAll("[\\s　]+", " ");
            if (line.contains(" ") && isSpacedOut(line)) {
                line = line.replace(" ", "");
            }
            if (line.isEmpty()) {
                continue;
            }
            if (++seen > 12) {
                break;
            }
            if (line.length() > 60 || NOT_TITLE.matcher(line).find()) {
                continue;
            }
            if (TITLE_WORDS.matcher(line).find()) {
                return line;
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
