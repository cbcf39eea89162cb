package org.hetong.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hetong.search.QueryNode.And;
import org.hetong.search.QueryNode.Filter;
import org.hetong.search.QueryNode.Not;
import org.hetong.search.QueryNode.Or;
import org.hetong.search.QueryNode.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParserTest {

    private static And and(QueryNode... nodes) {
        return new And(List.of(nodes));
    }

    private static Or or(QueryNode... nodes) {
        return new Or(List.of(nodes));
    }

    private static Text word(String text) {
        return new Text(text, false);
    }

    private static Text phrase(String text) {
        return new Text(text, true);
    }

    private static QuerySyntaxException error(String query) {
        return assertThrows(QuerySyntaxException.class, () -> QueryParser.parse(query));
    }

    // ---- what parses ----

    @Test
    void wordsSeparatedBySpacesAreAllRequired() throws Exception {
        assertEquals(and(word("知识产权"), word("保密")), QueryParser.parse("知识产权 保密"));
        assertEquals(and(word("知识产权"), word("保密")), QueryParser.parse("  知识产权　　保密 "));
    }

    @Test
    void anEmptyQueryIsAnEmptyConjunction() throws Exception {
        assertEquals(and(), QueryParser.parse(""));
        assertEquals(and(), QueryParser.parse("   "));
        assertEquals(and(), QueryParser.parse(null));
    }

    @Test
    void doubleQuotesMakeAPhrase() throws Exception {
        assertEquals(and(phrase("不可抗力事件"), word("通知")), QueryParser.parse("\"不可抗力事件\" 通知"));
    }

    @Test
    void chineseQuotesMakeAPhraseToo() throws Exception {
        assertEquals(and(phrase("不可抗力 事件")), QueryParser.parse("“不可抗力 事件”"));
        assertEquals(and(phrase("源代码")), QueryParser.parse("「源代码」"));
        assertEquals(and(phrase("违约金")), QueryParser.parse("“违约金\""));
    }

    @Test
    void aQuoteEndsTheWordBeforeIt() throws Exception {
        assertEquals(and(word("保密"), phrase("商业秘密")), QueryParser.parse("保密\"商业秘密\""));
    }

    @Test
    void aMinusExcludesAWordAPhraseOrAGroup() throws Exception {
        assertEquals(and(word("保密"), new Not(word("违约金"))), QueryParser.parse("保密 -违约金"));
        assertEquals(and(new Not(phrase("违约金"))), QueryParser.parse("-“违约金”"));
        assertEquals(and(new Not(and(or(word("仲裁"), word("诉讼"))))), QueryParser.parse("-(仲裁 OR 诉讼)"));
        assertEquals(and(word("保密"), new Not(word("违约金"))), QueryParser.parse("保密 －违约金"));
    }

    @Test
    void aMinusInsideAWordIsPartOfTheWord() throws Exception {
        assertEquals(and(word("YX-KF-2023-0415")), QueryParser.parse("YX-KF-2023-0415"));
    }

    @Test
    void orJoinsTheWordsOnEitherSide() throws Exception {
        assertEquals(and(or(word("仲裁"), word("诉讼"))), QueryParser.parse("仲裁 OR 诉讼"));
        assertEquals(and(or(word("仲裁"), word("诉讼"), word("调解")), word("管辖")),
                QueryParser.parse("仲裁 OR 诉讼 OR 调解 管辖"));
        assertEquals(and(or(word("仲裁"), word("诉讼"))), QueryParser.parse("仲裁 | 诉讼"));
    }

    @Test
    void lowercaseOrAndWordsStartingWithOrAreWords() throws Exception {
        assertEquals(and(word("仲裁"), word("or"), word("诉讼")), QueryParser.parse("仲裁 or 诉讼"));
        assertEquals(and(word("ORACLE"), word("数据库")), QueryParser.parse("ORACLE 数据库"));
    }

    @Test
    void parenthesesGroup() throws Exception {
        assertEquals(and(and(or(word("仲裁"), word("诉讼"))), word("管辖")), QueryParser.parse("(仲裁 OR 诉讼) 管辖"));
        assertEquals(and(or(and(word("数据"), word("安全")), word("保密"))), QueryParser.parse("(数据 安全) OR 保密"));
    }

    @Test
    void fullWidthParenthesesGroupLikeAsciiOnes() throws Exception {
        assertEquals(QueryParser.parse("(仲裁 OR 诉讼) 管辖"), QueryParser.parse("（仲裁 OR 诉讼）管辖"));
        assertEquals(QueryParser.parse("(仲裁 OR 诉讼)"), QueryParser.parse("(仲裁 OR 诉讼）"));
    }

    @Test
    void orNextToAParenthesisIsStillAnOperator() throws Exception {
        assertEquals(and(or(word("保密"), and(word("仲裁"), word("诉讼")))), QueryParser.parse("保密 OR(仲裁 诉讼)"));
    }

    @Test
    void filtersNameAFieldAndAValue() throws Exception {
        assertEquals(and(new Filter("type", "保密"), new Filter("kind", "补充协议"), new Filter("party", "星河"),
                        new Filter("year", "2023"), new Filter("contract", "c-42")),
                QueryParser.parse("type:保密 kind:补充协议 party:星河 year:2023 contract:c-42"));
    }

    @Test
    void filtersMixWithWordsAndNegation() throws Exception {
        assertEquals(and(word("违约金"), new Filter("type", "违约责任"), new Not(new Filter("kind", "correspondence"))),
                QueryParser.parse("违约金 type:违约责任 -kind:correspondence"));
    }

    @Test
    void filterNamesMayBeChineseOrUppercase() throws Exception {
        assertEquals(and(new Filter("type", "保密"), new Filter("party", "青石")), QueryParser.parse("类型:保密 PARTY:青石"));
    }

    @Test
    void filtersTypedWithAChineseColonWork() throws Exception {
        assertEquals(and(new Filter("type", "保密"), new Filter("year", "2023")), QueryParser.parse("类型：保密 year：2023"));
    }

    @Test
    void filterValuesMayBeQuoted() throws Exception {
        assertEquals(and(new Filter("party", "杭州青石 软件")), QueryParser.parse("party:\"杭州青石 软件\""));
        assertEquals(and(new Filter("type", "合同标的/项目范围")), QueryParser.parse("type:“合同标的/项目范围”"));
    }

    @Test
    void wordsWithAColonThatAreNotFiltersStayWords() throws Exception {
        assertEquals(and(word("甲方：北京云岫")), QueryParser.parse("甲方：北京云岫"));
        assertEquals(and(word("10:30")), QueryParser.parse("10:30"));
        assertEquals(and(phrase("foo:bar")), QueryParser.parse("\"foo:bar\""));
        assertEquals(and(word("Email：a@b.cn")), QueryParser.parse("Email：a@b.cn"));
    }

    // ---- what does not parse, and what the user is told ----

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        QuerySyntaxException e = error("保密 \"不可抗力");
        assertEquals(3, e.position());
        assertEquals("第 4 个字符处的引号没有对应的结束引号。请补上引号，或删除它。", e.getMessage());
        assertEquals(0, error("“违约金").position());
    }

    @Test
    void anEmptyPhraseIsReported() {
        QuerySyntaxException e = error("保密 \"  \"");
        assertEquals("第 4 个字符处的引号中没有内容。", e.getMessage());
    }

    @Test
    void anUnclosedParenthesisIsReportedWhereItOpens() {
        QuerySyntaxException e = error("管辖 (仲裁 OR 诉讼");
        assertEquals(3, e.position());
        assertEquals("第 4 个字符处的「(」没有对应的「)」。请补上右括号。", e.getMessage());
        assertEquals(0, error("（仲裁").position());
    }

    @Test
    void anUnopenedParenthesisIsReportedWhereItStands() {
        QuerySyntaxException e = error("仲裁 OR 诉讼) 管辖");
        assertEquals(8, e.position());
        assertEquals("第 9 个字符处的「)」没有对应的「(」。请删除它或补上左括号。", e.getMessage());
        assertEquals(2, error("仲裁）").position());
        assertEquals(0, error(")").position());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"仲裁 OR", "仲裁 OR   ", "(仲裁 OR)", "仲裁 |"})
    void aDanglingOrAsksForTheMissingWord(String query) {
        QuerySyntaxException e = error(query);
        assertEquals(query.indexOf(query.contains("OR") ? "OR" : "|"), e.position());
        assertEquals("第 " + (e.position() + 1) + " 个字符处的 OR 后面缺少检索词。请写成「仲裁 OR 诉讼」的形式。", e.getMessage());
    }

    @Test
    void aLeadingOrAsksForTheWordBeforeIt() {
        QuerySyntaxException e = error("OR 诉讼");
        assertEquals(0, e.position());
        assertEquals("第 1 个字符处的 OR 前面缺少检索词。请写成「仲裁 OR 诉讼」的形式。", e.getMessage());
        assertEquals(6, error("仲裁 OR OR 诉讼").position());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"保密 -", "保密 - 违约金", "保密 -)", "保密 -　违约金"})
    void aLoneMinusExplainsHowToExclude(String query) {
        QuerySyntaxException e = error(query);
        assertEquals(3, e.position());
        assertEquals("第 4 个字符处的排除符号「-」后面缺少检索词。请写成「-违约金」的形式（减号与词之间不要有空格）。",
                e.getMessage());
    }

    @Test
    void anUnknownFilterListsTheFiltersThereAre() {
        QuerySyntaxException e = error("保密 foo:bar");
        assertEquals(3, e.position());
        assertEquals("未知的筛选字段「foo:」。可用的筛选有 type:（条款类型）、kind:（文档类别）、party:（当事方）、year:（年份）、"
                + "contract:（合同）、risk:（风险）、ocr:（OCR 识别的扫描件，true/false）。如要检索含冒号的文字，请加引号。", e.getMessage());
    }

    @Test
    void anEmptyFilterValueGivesAnExample() {
        assertEquals("筛选条件「type:」后面缺少值，例如 type:保密。", error("type:").getMessage());
        assertEquals("筛选条件「year:」后面缺少值，例如 year:2023。", error("违约 year: 2023").getMessage());
        assertEquals(3, error("违约 year: 2023").position());
        assertEquals("筛选条件「party:」后面缺少值，例如 party:某某公司。", error("party:) ").getMessage());
        assertEquals("筛选条件「kind:」后面缺少值，例如 kind:补充协议。", error("kind:").getMessage());
    }

    @Test
    void anEmptyQuotedFilterValueIsReportedAsAnEmptyPhrase() {
        assertEquals("第 7 个字符处的引号中没有内容。", error("party:\" \"").getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        String query = "(".repeat(25) + "保密" + ")".repeat(25);
        assertEquals("括号嵌套过深，请简化检索式。", error(query).getMessage());
    }
}
