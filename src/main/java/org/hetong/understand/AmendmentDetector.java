package org.hetong.understand;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the contract clauses a supplement changes, from the wording Chinese supplements use:
 * "原合同第五条第二款修改为：…", "第七条变更为…", "删除原合同第八条第二款", "第九条第三款予以删除",
 * "增加一条，作为第十六条：…", "新增第二十四条", "在原合同第二条第（二）款之后增加一项".
 * A mere citation ("按原合同第十六条的约定") is not a change, nor is the supplement's own article label
 * ("第四条【条款删除】", "第四条　删除条款" head the supplement's fourth article, they do not delete the
 * contract's). Striking words out of an article ("删除原合同第七条第（二）项中“…”的约定，改为…") modifies it;
 * only a whole article, paragraph or item struck is a deletion. An appendix of the contract named as the
 * original's ("原合同附件二《项目实施计划》中…调整为…", "原协议附件一…按本协议附件更新") is modified; one only cited
 * ("按附件二的测试项目") is not.
 */
public final class AmendmentDetector {
    private static final String NUM = "[0-9０-９一二三四五六七八九十百零〇两]{1,6}";
    private static final String PART = "(?:第[（(]?" + NUM + "[)）]?[款项目])*";
    /** 第五条第二款, and 第2.2.1条 in decimally numbered contracts (the article is the first number). */
    private static final String ARTICLE = "(?<art>第(?<n>" + NUM + ")(?:[.．][0-9]{1,3}){0,3}条" + PART + ")";
    private static final String SOURCE = "(?:原合同|主合同|原协议|原《[^》]{1,60}》|《[^》]{1,60}》|合同)?";
    private static final Pattern MODIFY = Pattern.compile(SOURCE + ARTICLE + "[^。；;\\n]{0,60}?(?:修改为|变更为|调整为|修订为|更改为|改为|替换为|修改如下|变更如下|调整如下)");
    private static final Pattern DELETE_BEFORE = Pattern.compile("(?:删除|删去|废止)" + SOURCE + ARTICLE);
    private static final Pattern DELETE_AFTER = Pattern.compile(SOURCE + ARTICLE + "[^。；;\\n]{0,10}?(?:予以删除|删除|删去|不再适用|废止|作废)");
    private static final Pattern ADD_AS = Pattern.compile("(?:增加|新增|增设|增订)[^。；;\\n]{0,12}?作为" + SOURCE + ARTICLE);
    private static final Pattern ADD_DIRECT = Pattern.compile("(?:增加|新增|增设|增订)" + SOURCE + ARTICLE);
    /** Adding an item or paragraph inside an article modifies it; adding a whole article ("增加一条") does not. */
    private static final Pattern ADD_INSIDE = Pattern.compile("在" + SOURCE + ARTICLE + "[^。；;\\n]{0,30}?(?:之后|后|中|末尾)(?:增加|新增|补充)(?!一条|1条)");
    /** The original contract's numbered appendix, changed: 原合同附件二《项目实施计划》中…相应调整为…, 原协议附件一…更新. */
    private static final Pattern APPENDIX_MODIFY = Pattern.compile("(?:原合同|主合同|原协议|原《[^》]{1,60}》)(?<app>附件(?<a>"
            + NUM + "))(?:《[^》]{1,60}》)?[^。；;\\n]{0,60}?(?:修改为|变更为|调整为|修订为|更改为|改为|替换为|更新|修改如下|变更如下|调整如下)");
    /** After a struck article: words quoted out of it, or a replacement, make the deletion a modification. */
    private static final String REPLACED = "[，,]?\\s*(?:并)?(?:改为|修改为|替换为|变更为|调整为|更改为)";
    private static final Pattern WORDS_STRUCK = Pattern.compile("^(?:中的?|的)?\\s*[“\"「『‘]|^\\s*" + REPLACED
            + "|^[^。；;\\n第]{0,80}?(?:约定|内容|表述|字样|文字)[”\"」』’]?\\s*" + REPLACED);
    /** The supplement's own label at the head of its article: 第四条 before a space, 【heading】 or the line end. */
    private static final Pattern OWN_LABEL = Pattern.compile("^[\\s*#]*第(?<n>" + NUM + ")条(?=[ \\t　\\r\\n【*]|$)");

    public List<Amendment> detect(List<Clause> clauses) {
        List<Amendment> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Clause clause : clauses) {
            if (!clause.searchable() && clause.role() == ClauseRole.CLAUSE) {
                continue; // sub-items are read as part of their article
            }
            String text = withoutOwnLabel(clause);
            // Order matters: an added article ("增加一条作为第十六条") is not also a modification of 第十六条.
            scan(clause, text, ADD_AS, Amendment.Action.ADD, found, seen);
            scan(clause, text, ADD_INSIDE, Amendment.Action.MODIFY, found, seen);
            scan(clause, text, ADD_DIRECT, Amendment.Action.ADD, found, seen);
            scan(clause, text, DELETE_BEFORE, Amendment.Action.DELETE, found, seen);
            scan(clause, text, DELETE_AFTER, Amendment.Action.DELETE, found, seen);
            scan(clause, text, MODIFY, Amendment.Action.MODIFY, found, seen);
            Matcher appendix = APPENDIX_MODIFY.matcher(text);
            while (appendix.find()) {
                int number = ChineseNumerals.parse(appendix.group("a"));
                if (number >= 1 && seen.add(clause.ordinal() + ":appendix:" + number)) {
                    found.add(Amendment.ofAppendix(clause.ordinal(), Amendment.Action.MODIFY, number, appendix.group("app"),
                            sentenceAround(text, appendix.start(), appendix.end())));
                }
            }
        }
        return found;
    }

    private static void scan(Clause clause, String text, Pattern pattern, Amendment.Action action, List<Amendment> found,
                             Set<String> seen) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int article = ChineseNumerals.parse(m.group("n"));
            if (article < 1) {
                continue;
            }
            // One change per article per supplement clause: the first pattern that claims it wins.
            String key = clause.ordinal() + ":" + article;
            if (!seen.add(key)) {
                continue;
            }
            Amendment.Action actual = action == Amendment.Action.DELETE && WORDS_STRUCK.matcher(text.substring(m.end())).find()
                    ? Amendment.Action.MODIFY : action;
            found.add(new Amendment(clause.ordinal(), actual, article, m.group("art"), sentenceAround(text, m.start(), m.end())));
        }
    }

    /**
     * The clause's text with its own article label blanked out (same length, so offsets hold), when
     * the label is the clause's number set apart from what follows, not "第五条修改为…" run together.
     */
    static String withoutOwnLabel(Clause clause) {
        String text = clause.text();
        Matcher label = OWN_LABEL.matcher(text);
        if (clause.number() == null || !label.find()) {
            return text;
        }
        Matcher own = Pattern.compile("第(" + NUM + ")条").matcher(clause.number());
        if (!own.find() || ChineseNumerals.parse(own.group(1)) != ChineseNumerals.parse(label.group("n"))) {
            return text;
        }
        return " ".repeat(label.end()) + text.substring(label.end());
    }

    /** The sentence (or line) containing a match, bounded in length, plus a quoted replacement text if one follows. */
    static String sentenceAround(String text, int start, int end) {
        int from = start;
        while (from > 0 && "。；;\n".indexOf(text.charAt(from - 1)) < 0 && start - from < 80) {
            from--;
        }
        int to = end;
        int limit = Math.min(text.length(), end + 400);
        boolean quoted = false;
        while (to < limit) {
            char c = text.charAt(to);
            if (c == '“' || c == '"') {
                quoted = true;
            }
            if (quoted && (c == '”' || (c == '"' && to > end))) {
                to++;
                break;
            }
            if (!quoted && "。；;".indexOf(c) >= 0) {
                to++;
                break;
            }
            if (!quoted && c == '\n' && to > end + 1 && text.charAt(to - 1) != '：' && text.charAt(to - 1) != ':') {
                break;
            }
            to++;
        }
        return text.substring(from, to).strip();
    }
}
