package org.hetong.understand;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Tells contracts from supplements, correspondence and records, from the title first and the
 * wording and structure after. A mail is correspondence whatever its subject names, unless the
 * subject names a supplement; so is a mail saved as text (发件人/收件人/主题 header lines first).
 */
public final class DocumentKindDetector {
    private static final Pattern SUPPLEMENT = Pattern.compile("补充协议|补充合同|变更协议|修订协议|修改协议|修正协议|修正案|补充条款|补充约定|增补协议|变更合同|修订案|之补充");
    private static final Pattern CORRESPONDENCE = Pattern.compile("函$|函（|函\\(|的函|通知|告知书|催告|备忘录|会议纪要|纪要|邮件|回复|答复|工作联系单|联络单");
    private static final Pattern ATTACHMENT = Pattern.compile("验收报告|验收单|验收证书|验收意见|变更单|变更申请|工作单|确认单|报告|清单|说明书|附件|记录|报价单|方案|计划书");
    private static final Pattern MAIL_HEADERS = Pattern.compile(
            "^\\s*(?:发件人|From)\\s*[：:][^\\n]*\\n(?:[^\\n]*\\n){0,4}?\\s*(?:收件人|To)\\s*[：:]", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTRACT = Pattern.compile("合同|协议|契约|协议书");
    /** 短信通知平台服务合同, 实施方案设计合同: a title that ends in 合同 names a contract, whatever words come before. */
    private static final Pattern CONTRACT_TITLE = Pattern.compile("(合同|协议|协议书|契约)(书|文本|正本|副本)?\\s*([（(][^（()）]{1,20}[)）])?\\s*$");

    public DocumentKind detect(String title, String mediaType, String text, List<Clause> clauses) {
        String t = title == null ? "" : title;
        if (SUPPLEMENT.matcher(t).find()) {
            return DocumentKind.SUPPLEMENT;
        }
        boolean mail = mediaType != null && (mediaType.startsWith("message/") || mediaType.equals("application/vnd.ms-outlook"));
        if (mail || (text != null && MAIL_HEADERS.matcher(text).find())) {
            return DocumentKind.CORRESPONDENCE;
        }
        if (CONTRACT_TITLE.matcher(t).find()) {
            return DocumentKind.CONTRACT;
        }
        if (CORRESPONDENCE.matcher(t).find()) {
            return DocumentKind.CORRESPONDENCE;
        }
        if (ATTACHMENT.matcher(t).find()) {
            return DocumentKind.ATTACHMENT;
        }
        if (CONTRACT.matcher(t).find()) {
            return DocumentKind.CONTRACT;
        }
        long articles = clauses.stream().filter(c -> c.role() == ClauseRole.CLAUSE && c.searchable()).count();
        String head = text.length() > 2000 ? text.substring(0, 2000) : text;
        if (articles >= 5 && head.contains("甲方") && head.contains("乙方")) {
            return DocumentKind.CONTRACT;
        }
        if (head.startsWith("尊敬的") || head.contains("此致")) {
            return DocumentKind.CORRESPONDENCE;
        }
        return DocumentKind.OTHER;
    }
}
