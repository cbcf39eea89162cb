package org.hetong.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the query language of the search box:
 * <pre>
 *   知识产权 保密            both words (AND is the default)
 *   "不可抗力事件"            the exact phrase
 *   -违约金                   without this word
 *   仲裁 OR 诉讼              either
 *   (仲裁 OR 诉讼) 管辖       grouping
 *   type:保密 kind:补充协议 party:星河 year:2023 contract:&lt;id&gt; risk:到期 ocr:true   filters
 * </pre>
 * A small hand-written recursive-descent parser rather than Lucene's classic QueryParser: that one
 * has a much larger syntax (wildcards, fuzzy, ranges, boosts) whose characters appear in
 * contract text and would surprise legal staff, and its errors are English parser messages.
 * Every error here names the position and says in Chinese how to fix it.
 */
final class QueryParser {
    /** Filter names users type, mapped to the names used internally. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("type", "type"), Map.entry("类型", "type"),
            Map.entry("kind", "kind"), Map.entry("类别", "kind"),
            Map.entry("party", "party"), Map.entry("当事方", "party"),
            Map.entry("year", "year"), Map.entry("年份", "year"),
            Map.entry("contract", "contract"),
            Map.entry("risk", "risk"), Map.entry("风险", "risk"),
            Map.entry("ocr", "ocr"), Map.entry("扫描件", "ocr"));

    private final String input;
    private int pos;
    private int depth;

    private QueryParser(String input) {
        this.input = input;
    }

    static QueryNode parse(String query) throws QuerySyntaxException {
        QueryParser parser = new QueryParser(query == null ? "" : query);
        QueryNode node = parser.sequence();
        parser.skipSpace();
        if (parser.pos < parser.input.length()) {
            throw new QuerySyntaxException("第 " + (parser.pos + 1) + " 个字符处的「)」没有对应的「(」。请删除它或补上左括号。", parser.pos);
        }
        return node;
    }

    private QueryNode sequence() throws QuerySyntaxException {
        List<QueryNode> nodes = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= input.length() || isClose(peek())) {
                break;
            }
            nodes.add(orGroup());
        }
        return new QueryNode.And(nodes);
    }

    private QueryNode orGroup() throws QuerySyntaxException {
        List<QueryNode> options = new ArrayList<>();
        options.add(unary());
        while (true) {
            int mark = pos;
            skipSpace();
            if (startsWithWord("OR") || peek() == '|') {
                int orAt = pos;
                pos += peek() == '|' ? (input.startsWith("||", pos) ? 2 : 1) : 2;
                skipSpace();
                if (pos >= input.length() || isClose(peek())) {
                    throw new QuerySyntaxException("第 " + (orAt + 1) + " 个字符处的 OR 后面缺少检索词。"
                            + "请写成「仲裁 OR 诉讼」的形式。", orAt);
                }
                options.add(unary());
            } else {
                pos = mark;
                break;
            }
        }
        return options.size() == 1 ? options.get(0) : new QueryNode.Or(options);
    }

    private QueryNode unary() throws QuerySyntaxException {
        skipSpace();
        if (startsWithWord("OR")) {
            throw new QuerySyntaxException("第 " + (pos + 1) + " 个字符处的 OR 前面缺少检索词。请写成「仲裁 OR 诉讼」的形式。", pos);
        }
        char c = peek();
        if (c == '-' || c == '－') {
            int at = pos;
            pos++;
            if (pos >= input.length() || Character.isWhitespace(peek()) || peek() == '　' || isClose(peek())) {
                throw new QuerySyntaxException("第 " + (at + 1) + " 个字符处的排除符号「-」后面缺少检索词。"
                        + "请写成「-违约金」的形式（减号与词之间不要有空格）。", at);
            }
            return new QueryNode.Not(atom());
        }
        return atom();
    }

    private QueryNode atom() throws QuerySyntaxException {
        char c = peek();
        if (c == '(' || c == '（') {
            int open = pos;
            pos++;
            if (++depth > 20) {
                throw new QuerySyntaxException("括号嵌套过深，请简化检索式。", open);
            }
            QueryNode inner = sequence();
            depth--;
            skipSpace();
            if (pos >= input.length() || !isClose(peek())) {
                throw new QuerySyntaxException("第 " + (open + 1) + " 个字符处的「(」没有对应的「)」。请补上右括号。", open);
            }
            pos++;
            return inner;
        }
        if (c == ')' || c == '）') {
            throw new QuerySyntaxException("第 " + (pos + 1) + " 个字符处的「)」没有对应的「(」。请删除它或补上左括号。", pos);
        }
        if (isQuote(c)) {
            return new QueryNode.Text(quoted(), true);
        }
        int start = pos;
        String word = word();
        int colon = firstColon(word); // type:保密 or, typed with a Chinese keyboard, 类型：保密
        if (colon > 0) {
            String name = word.substring(0, colon);
            String field = FIELDS.get(name.toLowerCase(java.util.Locale.ROOT));
            if (field != null) {
                String value = word.substring(colon + 1);
                if (value.isEmpty() && pos < input.length() && isQuote(peek())) {
                    value = quoted();
                }
                if (value.isBlank()) {
                    throw new QuerySyntaxException("筛选条件「" + name + ":」后面缺少值，例如 " + name + ":"
                            + example(field) + "。", start);
                }
                return new QueryNode.Filter(field, value.strip());
            }
            if (word.charAt(colon) == ':' && name.matches("[A-Za-z]{2,12}")) {
                throw new QuerySyntaxException("未知的筛选字段「" + name + ":」。可用的筛选有 type:（条款类型）、kind:（文档类别）、"
                        + "party:（当事方）、year:（年份）、contract:（合同）、risk:（风险）、ocr:（OCR 识别的扫描件，true/false）。"
                        + "如要检索含冒号的文字，请加引号。", start);
            }
        }
        return new QueryNode.Text(word, false);
    }

    private String quoted() throws QuerySyntaxException {
        int open = pos;
        char opening = peek();
        pos++;
        int close = -1;
        for (int i = pos; i < input.length(); i++) {
            if (closes(opening, input.charAt(i))) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new QuerySyntaxException("第 " + (open + 1) + " 个字符处的引号没有对应的结束引号。请补上引号，或删除它。", open);
        }
        String phrase = input.substring(pos, close);
        pos = close + 1;
        if (phrase.isBlank()) {
            throw new QuerySyntaxException("第 " + (open + 1) + " 个字符处的引号中没有内容。", open);
        }
        return phrase;
    }

    private String word() {
        int start = pos;
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (Character.isWhitespace(c) || c == '　' || c == '(' || c == ')' || c == '（' || c == '）' || isQuote(c)) {
                break;
            }
            pos++;
        }
        return input.substring(start, pos);
    }

    private static String example(String field) {
        return switch (field) {
            case "type" -> "保密";
            case "kind" -> "补充协议";
            case "party" -> "某某公司";
            case "year" -> "2023";
            case "ocr" -> "true";
            default -> "…";
        };
    }

    private static int firstColon(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) == ':' || word.charAt(i) == '：') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isClose(char c) {
        return c == ')' || c == '）';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '「' || c == '＂';
    }

    private static boolean closes(char opening, char c) {
        return switch (opening) {
            case '“' -> c == '”' || c == '"';
            case '「' -> c == '」';
            default -> c == '"' || c == '”' || c == '＂';
        };
    }

    private boolean startsWithWord(String word) {
        if (!input.startsWith(word, pos)) {
            return false;
        }
        int end = pos + word.length();
        if (end == input.length()) {
            return true;
        }
        char next = input.charAt(end);
        // "仲裁 OR)" and "OR(诉讼 …" are operators too, not the word OR
        return Character.isWhitespace(next) || next == '　' || next == '(' || next == '（' || isClose(next) || isQuote(next);
    }

    private void skipSpace() {
        while (pos < input.length() && (Character.isWhitespace(input.charAt(pos)) || input.charAt(pos) == '　')) {
            pos++;
        }
    }

    private char peek() {
        return pos < input.length() ? input.charAt(pos) : '\0';
    }
}
