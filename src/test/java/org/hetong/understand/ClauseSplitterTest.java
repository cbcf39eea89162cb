package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClauseSplitterTest {
    private final ClauseSplitter splitter = new ClauseSplitter();

    static String fixture(String name) {
        try (InputStream in = ClauseSplitterTest.class.getResourceAsStream("/fixtures/understand/" + name)) {
            Objects.requireNonNull(in, "missing fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Clause byNumber(List<Clause> clauses, String number) {
        List<Clause> found = clauses.stream().filter(c -> number.equals(c.number())).toList();
        assertEquals(1, found.size(), () -> "expected one clause numbered " + number + " in " + labels(clauses));
        return found.get(0);
    }

    private static String labels(List<Clause> clauses) {
        return clauses.stream().map(c -> c.role() == ClauseRole.CLAUSE ? c.number() : c.role().code())
                .collect(Collectors.joining(" "));
    }

    private static void assertOffsetsMatchText(String text, List<Clause> clauses) {
        for (Clause c : clauses) {
            assertEquals(c.text(), text.substring(c.start(), c.end()), "offsets of clause " + c.ordinal());
        }
    }

    // ---- the fixture contract: 第X章 / 第X条 / （一） / 1., preamble, signature, 附件 ----

    @Test
    void splitsChapterArticleAndItemLevelsIntoAHierarchy() {
        List<Clause> clauses = splitter.split(fixture("software-development-contract.txt"));

        assertEquals("preamble 第一章 第一条 第二条 （一） （二） 第二章 第三条 第四条 1. 2. 第五条 第六条 第七条 第八条 "
                + "第九条 第十条 第十一条 第12条 第十三条 signature appendix appendix", labels(clauses));

        Clause chapter1 = byNumber(clauses, "第一章");
        Clause chapter2 = byNumber(clauses, "第二章");
        Clause article2 = byNumber(clauses, "第二条");
        Clause article4 = byNumber(clauses, "第四条");
        assertAll(
                () -> assertEquals(1, chapter1.level()),
                () -> assertNull(chapter1.parentOrdinal()),
                () -> assertEquals("总则", chapter1.heading()),
                () -> assertEquals(2, article2.level()),
                () -> assertEquals(chapter1.ordinal(), article2.parentOrdinal()),
                () -> assertEquals(chapter2.ordinal(), article4.parentOrdinal()),
                () -> assertEquals(chapter2.ordinal(), byNumber(clauses, "第十三条").parentOrdinal()));

        Clause item1 = clauses.get(article2.ordinal() + 1);
        assertEquals("（一）", item1.number());
        assertEquals(3, item1.level());
        assertEquals(article2.ordinal(), item1.parentOrdinal());
        assertEquals(1, item1.numberValue());
        assertEquals("（一）“交付物”是指乙方按本合同交付的软件、源代码及文档；", item1.text());

        Clause pay1 = byNumber(clauses, "1.");
        Clause pay2 = byNumber(clauses, "2.");
        assertEquals(article4.ordinal(), pay1.parentOrdinal());
        assertEquals(article4.ordinal(), pay2.parentOrdinal());
        assertEquals(3, pay2.level());
        assertEquals(2, pay2.numberValue());
    }

    @Test
    void ordinalsCountFromZeroInDocumentOrder() {
        List<Clause> clauses = splitter.split(fixture("software-development-contract.txt"));
        for (int i = 0; i < clauses.size(); i++) {
            assertEquals(i, clauses.get(i).ordinal());
            if (i > 0) {
                assertTrue(clauses.get(i).start() > clauses.get(i - 1).start(), "clause " + i + " starts after clause " + (i - 1));
            }
        }
    }

    @Test
    void articleTextIncludesItsItemsAndStopsBeforeTheNextArticle() {
        List<Clause> clauses = splitter.split(fixture("software-development-contract.txt"));
        assertEquals("""
                第四条 价款与支付
                本合同总价为人民币壹佰贰拾万元整（¥1,200,000.00），含税。
                1. 合同签订后十个工作日内，甲方支付合同总价的30%；
                2. 验收合格后十个工作日内，甲方支付合同总价的70%。""", byNumber(clauses, "第四条").text());
    }

    @Test
    void chapterTextSpansAllItsArticles() {
        String text = fixture("software-development-contract.txt");
        List<Clause> clauses = splitter.split(text);
        Clause chapter1 = byNumber(clauses, "第一章");
        assertTrue(chapter1.text().startsWith("第一章 总则"));
        assertTrue(chapter1.text().endsWith("（二）“验收”是指甲方按附件一对交付物进行的检验。"));
        assertEquals(byNumber(clauses, "第二章").start(), text.indexOf("第二章 开发与交付"));
    }

    @Test
    void offsetsOfEveryClausePointAtItsTextInTheInput() {
        String text = fixture("software-development-contract.txt");
        assertOffsetsMatchText(text, splitter.split(text));
    }

    @Test
    void readsTheHeadingOnTheSameLine() {
        List<Clause> clauses = splitter.split(fixture("software-development-contract.txt"));
        assertEquals("价款与支付", byNumber(clauses, "第四条").heading());
        assertEquals("知识产权", byNumber(clauses, "第七条").heading());
    }

    @Test
    void readsTheHeadingFromTheNextLineWhenTheNumberStandsAlone() {
        Clause article2 = byNumber(splitter.split(fixture("software-development-contract.txt")), "第二条");
        assertEquals("定义", article2.heading());
        assertTrue(article2.text().startsWith("第二条\n定义\n本合同中下列用语"));
    }

    @Test
    void takesTheWordsBeforeAColonAsHeading() {
        Clause article5 = byNumber(splitter.split(fixture("software-development-contract.txt")), "第五条");
        assertEquals("保密", article5.heading());
        assertTrue(article5.text().contains("负有保密义务"));
    }

    @Test
    void leavesTheHeadingEmptyWhenTheArticleStartsWithASentence() {
        Clause article6 = byNumber(splitter.split(fixture("software-development-contract.txt")), "第六条");
        assertNull(article6.heading());
        assertEquals("第六条 甲方应当及时提供开发所需的业务资料，并指定专人负责与乙方的联络。", article6.text());
    }

    @Test
    void readsChineseAndArabicArticleNumbersAsTheSameValues() {
        List<Clause> clauses = splitter.split(fixture("software-development-contract.txt"));
        assertEquals(11, byNumber(clauses, "第十一条").numberValue());
        assertEquals(12, byNumber(clauses, "第12条").numberValue());
        assertEquals(13, byNumber(clauses, "第十三条").numberValue());
        assertEquals("违约责任", byNumber(clauses, "第12条").heading());
    }

    @Test
    void aWrappedLineStartingWithAnArticleReferenceDoesNotOpenAClause() {
        List<Clause> clauses = splitter.split(fixture("software-development-contract.txt"));
        Clause article9 = byNumber(clauses, "第九条");
        assertTrue(article9.text().contains("\n第三条约定的期限内交付的，甲方可按\n第十二条约定追究乙方的违约责任。"),
                article9.text());
        assertEquals(1, clauses.stream().filter(c -> "第三条".equals(c.number())).count());
        // the reference to a later article must not swallow 第十条 and 第十一条
        assertEquals(10, byNumber(clauses, "第十条").numberValue());
        assertTrue(clauses.stream().noneMatch(c -> "第十二条".equals(c.number())));
    }

    @Test
    void crossReferencesOfEveryUsualShapeStayInsideTheirArticle() {
        String text = """
                第一条 服务内容
                乙方提供系统运维服务。
                第二条 服务费用
                年度服务费按本合同
                第五条的约定结算，并按
                第六条第二款开具发票；费用调整适用
                第四条至第六条的规定。
                第三条 服务期限
                服务期限为一年。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一条 第二条 第三条", labels(clauses));
        assertTrue(byNumber(clauses, "第二条").text().endsWith("第四条至第六条的规定。"));
    }

    @Test
    void startsThePreambleAtTheTopAndEndsItAtTheFirstChapter() {
        String text = fixture("software-development-contract.txt");
        Clause preamble = splitter.split(text).get(0);
        assertEquals(ClauseRole.PREAMBLE, preamble.role());
        assertEquals(0, preamble.ordinal());
        assertNull(preamble.number());
        assertTrue(preamble.text().startsWith("软件开发合同\n\n合同编号：YX-KF-2023-0415"));
        assertTrue(preamble.text().endsWith("经友好协商，订立本合同。"));
    }

    @Test
    void keepsNumberedRecitalsBeforeTheFirstArticleInThePreamble() {
        List<Clause> clauses = splitter.split(fixture("software-development-contract.txt"));
        assertTrue(clauses.get(0).text().contains("1. 甲方拟建设“云岫客服平台”"));
        assertTrue(clauses.get(0).text().contains("2. 乙方具备相应的软件开发能力与资质。"));
        // the only 1. and 2. clauses are the payment items of 第四条
        assertEquals(byNumber(clauses, "第四条").ordinal(), byNumber(clauses, "1.").parentOrdinal());
    }

    @Test
    void recognisesTheSignatureBlockAfterTheLastArticle() {
        List<Clause> clauses = splitter.split(fixture("software-development-contract.txt"));
        Clause signature = clauses.stream().filter(c -> c.role() == ClauseRole.SIGNATURE).findFirst().orElseThrow();
        assertEquals("签署", signature.heading());
        assertEquals(1, signature.level());
        assertNull(signature.parentOrdinal());
        assertTrue(signature.text().startsWith("（以下无正文）"));
        assertTrue(signature.text().contains("乙方（盖章）：杭州青石软件有限公司"));
        assertTrue(signature.text().endsWith("日期：2023年5月6日"));
        assertTrue(byNumber(clauses, "第十三条").text().endsWith("自双方签字盖章之日起生效。"));
    }

    @Test
    void turnsTheAttachmentsAfterTheSignatureIntoAppendixClauses() {
        List<Clause> clauses = splitter.split(fixture("software-development-contract.txt"));
        List<Clause> appendices = clauses.stream().filter(c -> c.role() == ClauseRole.APPENDIX).toList();
        assertEquals(2, appendices.size());
        Clause first = appendices.get(0);
        Clause second = appendices.get(1);
        assertAll(
                () -> assertEquals("附件一", first.number()),
                () -> assertEquals(1, first.numberValue()),
                () -> assertEquals("验收标准", first.heading()),
                () -> assertEquals("附件一：验收标准\n1. 功能测试全部通过；\n2. 无严重缺陷。", first.text()),
                () -> assertEquals("附件二", second.number()),
                () -> assertEquals(2, second.numberValue()),
                () -> assertEquals("报价清单", second.heading()),
                () -> assertEquals(clauses.size() - 1, second.ordinal()));
        // numbered lines inside an attachment are not clauses of the contract
        assertEquals(1, clauses.stream().filter(c -> "1.".equals(c.number())).count());
    }

    @Test
    void makesOnlyArticlesSearchableWhenTheDocumentHasArticles() {
        List<Clause> clauses = splitter.split(fixture("software-development-contract.txt"));
        for (Clause c : clauses) {
            if (c.role() != ClauseRole.CLAUSE) {
                continue;
            }
            boolean article = c.number().matches("第.+条");
            assertEquals(article, c.searchable(), c.number() + " searchable");
        }
    }

    // ---- 第X条 with a signature block written on one line per party ----

    @Test
    void recognisesASignatureLineWithTheSealAfterTheCompanyName() {
        String text = """
                第一条 合作内容
                双方共同建设城市停车诱导系统。
                第二条 合作期限
                合作期限为三年。
                甲方：温州瓯江停车管理有限公司（盖章）
                法定代表人或授权代表（签字）：
                乙方：宁波海曙智联科技有限公司（盖章）
                法定代表人或授权代表（签字）：
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一条 第二条 signature", labels(clauses));
        assertEquals("第二条 合作期限\n合作期限为三年。", clauses.get(1).text());
        assertTrue(clauses.get(2).text().startsWith("甲方：温州瓯江停车管理有限公司（盖章）"));
    }

    // ---- 一、 / （一） / 1. / （1） / ① documents ----

    private static final String SERVICE_AGREEMENT = """
            信息系统运维服务协议

            甲方：上海澄川物流有限公司
            乙方：南京启衡科技有限公司

            一、服务内容
            （一）日常巡检
            1. 乙方每月对服务器进行一次巡检：
            （1）检查磁盘空间；
            （2）检查备份日志。
            2. 乙方每季度提交巡检报告。
            （二）故障处理
            乙方应在接到报修后2小时内响应。
            二、服务费用
            （一）年度服务费为人民币叁万贰仟伍佰元伍角。
            （二）甲方于每年1月支付。
            三、其他
            ① 本协议一式两份；
            ② 自双方签字之日起生效。
            """;

    @Test
    void nestsChineseParenthesisedAndArabicNumbersInTheOrderTheDocumentUsesThem() {
        List<Clause> clauses = splitter.split(SERVICE_AGREEMENT);
        assertEquals("preamble 一、 （一） 1. （1） （2） 2. （二） 二、 （一） （二） 三、 ① ②", labels(clauses));
        assertAll(
                () -> assertEquals(1, clauses.get(1).level()),
                () -> assertEquals("服务内容", clauses.get(1).heading()),
                () -> assertEquals(2, clauses.get(2).level()),
                () -> assertEquals("日常巡检", clauses.get(2).heading()),
                () -> assertEquals(1, clauses.get(2).parentOrdinal()),
                () -> assertEquals(3, clauses.get(3).level()),
                () -> assertEquals(2, clauses.get(3).parentOrdinal()),
                () -> assertEquals(4, clauses.get(4).level()),
                () -> assertEquals(3, clauses.get(4).parentOrdinal()),
                () -> assertEquals(2, clauses.get(5).numberValue()),
                () -> assertEquals(2, clauses.get(6).parentOrdinal()),
                () -> assertEquals(1, clauses.get(7).parentOrdinal()),
                () -> assertEquals("故障处理", clauses.get(7).heading()),
                () -> assertEquals(8, clauses.get(9).parentOrdinal()),
                () -> assertEquals(1, clauses.get(9).numberValue()));
    }

    @Test
    void nestsCircledNumbersUnderTheirItem() {
        List<Clause> clauses = splitter.split(SERVICE_AGREEMENT);
        Clause other = byNumber(clauses, "三、");
        Clause circled2 = byNumber(clauses, "②");
        assertEquals(other.ordinal(), circled2.parentOrdinal());
        assertEquals(2, circled2.numberValue());
        assertEquals(2, circled2.level());
        assertEquals("② 自双方签字之日起生效。", circled2.text());
    }

    @Test
    void makesTheTopNumberedLevelSearchableWhenThereAreNoArticles() {
        String text = SERVICE_AGREEMENT;
        List<Clause> clauses = splitter.split(text);
        List<String> searchable = clauses.stream().filter(c -> c.role() == ClauseRole.CLAUSE && c.searchable())
                .map(Clause::number).toList();
        assertEquals(List.of("一、", "二、", "三、"), searchable);
        assertOffsetsMatchText(text, clauses);
    }

    private static final String DATA_CONTRACT = """
            数据处理服务合同
            1. 总则
            1.1 定义
            1.1.1 “个人信息”是指以电子方式记录的与已识别自然人有关的信息。
            1.1.2 “处理”包括收集、存储、使用。
            1.2 适用范围
            本合同适用于乙方为甲方提供的数据标注服务。
            2. 数据安全
            2.1 乙方应采取加密、访问控制等措施。
            2.2 乙方不得将数据传输至境外。
            3. 争议解决
            因本合同引起的争议，提交上海仲裁委员会仲裁。
            """;

    @Test
    void nestsDecimalNumbersByTheirDepth() {
        List<Clause> clauses = splitter.split(DATA_CONTRACT);
        assertEquals("preamble 1. 1.1 1.1.1 1.1.2 1.2 2. 2.1 2.2 3.", labels(clauses));
        Clause general = byNumber(clauses, "1.");
        Clause definitions = byNumber(clauses, "1.1");
        Clause personalInfo = byNumber(clauses, "1.1.1");
        Clause scope = byNumber(clauses, "1.2");
        Clause security2 = byNumber(clauses, "2.2");
        assertAll(
                () -> assertEquals(1, general.level()),
                () -> assertEquals("总则", general.heading()),
                () -> assertEquals(2, definitions.level()),
                () -> assertEquals(general.ordinal(), definitions.parentOrdinal()),
                () -> assertEquals("定义", definitions.heading()),
                () -> assertEquals(3, personalInfo.level()),
                () -> assertEquals(definitions.ordinal(), personalInfo.parentOrdinal()),
                () -> assertNull(personalInfo.heading()),
                () -> assertEquals(general.ordinal(), scope.parentOrdinal()),
                () -> assertEquals(byNumber(clauses, "2.").ordinal(), security2.parentOrdinal()),
                () -> assertEquals("2.2 乙方不得将数据传输至境外。", security2.text()));
        assertEquals(List.of("1.", "2.", "3."), clauses.stream().filter(Clause::searchable)
                .filter(c -> c.role() == ClauseRole.CLAUSE).map(Clause::number).toList());
        assertOffsetsMatchText(DATA_CONTRACT, clauses);
    }

    // ---- unnumbered text ----

    @Test
    void fallsBackToParagraphsForAnUnnumberedLetter() {
        String letter = """
                关于调整项目上线时间的函

                杭州青石软件有限公司：

                贵司于2023年8月10日提交的上线计划已收悉。因我方机房搬迁，原定于9月1日的上线需推迟。

                经研究，我方建议将上线时间调整至2023年10月15日，其余安排不变。请贵司于收函后三个工作日内书面回复。

                此致
                敬礼

                北京云岫信息技术有限公司
                2023年8月20日
                """;
        List<Clause> clauses = splitter.split(letter);
        assertTrue(clauses.size() >= 2, "a letter of several paragraphs gives several units");
        for (Clause c : clauses) {
            assertEquals(ClauseRole.PARAGRAPH, c.role());
            assertNull(c.number());
            assertNull(c.parentOrdinal());
            assertEquals(1, c.level());
            assertTrue(c.searchable());
        }
        assertTrue(clauses.get(0).text().startsWith("关于调整项目上线时间的函"));
        assertTrue(clauses.get(clauses.size() - 1).text().endsWith("2023年8月20日"));
        String joined = clauses.stream().map(Clause::text).collect(Collectors.joining("\n"));
        assertTrue(joined.contains("我方建议将上线时间调整至2023年10月15日"));
        assertOffsetsMatchText(letter, clauses);
    }

    @Test
    void treatsASingleNumberedLineAsParagraphsNotAsAStructure() {
        String note = "会议纪要\n1. 双方确认于2023年10月15日上线。\n与会人员：张明、李华。\n";
        List<Clause> clauses = splitter.split(note);
        assertTrue(clauses.stream().allMatch(c -> c.role() == ClauseRole.PARAGRAPH), labels(clauses));
    }

    @Test
    void returnsNoClausesForEmptyText() {
        assertEquals(List.of(), splitter.split(""));
        assertEquals(List.of(), splitter.split("\n  \n"));
    }

    @Test
    void doesNotStartAnArticleThatSkipsFarAheadOfTheSequence() {
        String text = """
                第一条 合同标的
                乙方向甲方提供培训服务。
                第二条 培训安排
                培训共计
                第三十条 款项
                不应成为新的条款。
                第三条 费用
                培训费用由甲方承担。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一条 第二条 第三条", labels(clauses));
        assertTrue(byNumber(clauses, "第二条").text().contains("第三十条 款项"));
    }
}
