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

    // ---- numbering as real documents write it ----

    @Test
    void startsArticleNumbersOverUnderEachChapter() {
        String text = """
                第一章 总则
                第一条 目的
                为明确双方权利义务，订立本合同。
                第二条 定义
                本合同所称系统是指云岫客服平台。
                第二章 实施
                第一条 需求调研
                乙方应在合同签订后十日内完成需求调研。
                第二条 开发
                乙方按需求规格说明书开发。
                第三条 上线
                系统应于2023年10月15日前上线。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一章 第一条 第二条 第二章 第一条 第二条 第三条", labels(clauses));
        Clause chapter2 = byNumber(clauses, "第二章");
        for (Clause article : clauses.subList(chapter2.ordinal() + 1, clauses.size())) {
            assertEquals(chapter2.ordinal(), article.parentOrdinal(), article.number());
            assertEquals(2, article.level());
        }
        assertEquals(List.of(1, 2, 3), clauses.subList(4, 7).stream().map(Clause::numberValue).toList());
        assertEquals("第二条 定义\n本合同所称系统是指云岫客服平台。", clauses.get(2).text());
    }

    @Test
    void keepsTheSparseArticlesOfASpecialConditionsPartThatStartsOver() {
        String text = """
                第一部分 通用条件
                第一条 本合同所称监理是指设备工程监理服务。
                第二条 本合同适用中华人民共和国法律。
                第三条 本合同以中文书写。
                第四条 委托人有权审定项目实施计划。
                第五条 委托人应当按约定支付监理费用。
                第六条 监理人应当按约定提交监理报告。
                第二部分 专用条件
                第二条，适用的地方性法规为：
                第三条，书面形式的具体约定：
                第九条，监理人汇报监理工作的约定：
                第十一条，委托人代表是：
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一部分 第一条 第二条 第三条 第四条 第五条 第六条 第二部分 第二条 第三条 第九条 第十一条",
                labels(clauses));
        Clause special = byNumber(clauses, "第二部分");
        assertEquals("专用条件", special.heading());
        assertEquals(special.ordinal(), clauses.get(clauses.size() - 1).parentOrdinal());
        assertEquals(11, clauses.get(clauses.size() - 1).numberValue());
        assertTrue(clauses.stream().filter(c -> c.number().endsWith("条")).allMatch(Clause::searchable));
    }

    @Test
    void startsAtALaterArticleWhenTheTextIsAnExtractAfterACoverPage() {
        String text = """
                设备采购合同
                （第二册 商务条款）

                第十二条 付款
                验收合格后三十日内付清全部价款。
                第十三条 验收
                甲方在到货后十日内组织验收。
                第十四条 保修
                保修期为两年。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("preamble 第十二条 第十三条 第十四条", labels(clauses));
        assertEquals(12, clauses.get(1).numberValue());
    }

    @Test
    void readsFullWidthSpacedBracketedAndRunOnArticleNumbers() {
        String text = """
                第１条　 总则
                本合同依法订立。
                第 2 条 合同标的
                乙方为甲方开发客服系统。
                第三条甲方应按时支付价款。
                第四条【保密】双方对合同内容负有保密义务。
                第五条（知识产权）开发成果归甲方所有。
                第六条：违约责任
                逾期交付的，每日支付违约金五百元。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第１条 第 2 条 第三条 第四条 第五条 第六条", labels(clauses));
        assertEquals(List.of(1, 2, 3, 4, 5, 6), clauses.stream().map(Clause::numberValue).toList());
        assertEquals(java.util.Arrays.asList("总则", "合同标的", null, "保密", "知识产权", "违约责任"),
                clauses.stream().map(Clause::heading).toList());
        assertEquals("第三条甲方应按时支付价款。", clauses.get(2).text());
    }

    @Test
    void opensArticlesThatStandSideBySideInOneLine() {
        String text = "第一条 承揽项目：\t 第二条 技术标准：按国家标准执行。\n第三条 交付期限\n乙方按期交付。\n";
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一条 第二条 第三条", labels(clauses));
        assertEquals("第一条 承揽项目：", clauses.get(0).text());
        assertEquals("技术标准", clauses.get(1).heading());
        assertOffsetsMatchText(text, clauses);
    }

    @Test
    void opensArticlesWrittenInsideTableCells() {
        String text = "合同条款\n\t第一条 服务内容\n\t乙方提供运维服务。\n\t第二条 服务费用\n\t年费人民币叁万元。\n";
        List<Clause> clauses = splitter.split(text);
        assertEquals("preamble 第一条 第二条", labels(clauses));
        assertEquals("第二条 服务费用\n\t年费人民币叁万元。", clauses.get(2).text());
    }

    @Test
    void keepsNumberedTableRowsInsideTheirClause() {
        String text = """
                第一条 项目内容
                乙方完成以下工作：
                （一）\t需求分析\t10人日
                （二）\t系统设计\t15人日
                \t1.
                \t编码
                \t2.
                \t测试
                第二条 价款
                合同总价为人民币拾万元整。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一条 第二条", labels(clauses));
        assertTrue(clauses.get(0).text().contains("（二）\t系统设计\t15人日\n\t1.\n\t编码"), clauses.get(0).text());
        assertTrue(clauses.get(0).text().endsWith("\t测试"));
    }

    @Test
    void aTableOfNumberedItemsDoesNotOpenTopLevelClauses() {
        String text = """
                报价确认函
                \t1、服务器两台，单价伍万元
                \t2、交换机一台，单价壹万元
                一、报价有效期
                本报价自发出之日起三十日内有效。
                二、付款方式
                合同签订后支付全款。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("preamble 一、 二、", labels(clauses));
        assertTrue(clauses.get(0).text().endsWith("\t2、交换机一台，单价壹万元"));
    }

    @Test
    void leavesTheLinesOfATableOfContentsInThePreamble() {
        String text = """
                软件许可合同
                目录
                第一条 定义……………………1
                第二条 许可范围………………2
                第一条 定义
                本合同所称软件是指云岫客服平台V3.0。
                第二条 许可范围
                甲方在中国境内非独占地使用软件。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("preamble 第一条 第二条", labels(clauses));
        assertTrue(clauses.get(0).text().contains("第二条 许可范围………………2"));
        assertEquals("定义", clauses.get(1).heading());
    }

    @Test
    void nestsEveryLevelFromChapterDownToCircledNumbers() {
        String text = """
                第一章 服务
                第一条 服务内容
                一、运维服务
                （一）日常巡检
                （1）检查磁盘；
                ① 每日一次；
                ② 每周汇总。
                （2）检查日志。
                （二）故障处理
                二、培训服务
                第二条 服务期限
                服务期限为一年。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一章 第一条 一、 （一） （1） ① ② （2） （二） 二、 第二条", labels(clauses));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 6, 5, 4, 3, 2), clauses.stream().map(Clause::level).toList());
        assertEquals(java.util.Arrays.asList(null, 0, 1, 2, 3, 4, 4, 3, 2, 1, 0),
                clauses.stream().map(Clause::parentOrdinal).toList());
        assertEquals(List.of(1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2), clauses.stream().map(Clause::numberValue).toList());
        assertEquals("（二）故障处理", clauses.get(8).text());
    }

    @Test
    void givesDecimalNumbersTheValueOfTheirLastComponent() {
        String text = "1. 总则\n1.1 定义\n1.2 范围\n2. 数据安全\n2.1 加密\n2.1.1 传输加密\n2.1.2 存储加密\n2.2 审计\n";
        List<Clause> clauses = splitter.split(text);
        assertEquals("1. 1.1 1.2 2. 2.1 2.1.1 2.1.2 2.2", labels(clauses));
        assertEquals(List.of(1, 1, 2, 2, 1, 1, 2, 2), clauses.stream().map(Clause::numberValue).toList());
        assertEquals(List.of(1, 2, 2, 1, 2, 3, 3, 2), clauses.stream().map(Clause::level).toList());
    }

    // ---- signature blocks and appendices ----

    @Test
    void recognisesAnAppendixAfterTheLastArticleWithoutASignatureBlock() {
        String text = """
                第一条 开发内容
                乙方按附件一开发软件。
                第二条 附件
                本合同附件包括：
                附件一：需求规格说明书
                附件二：报价清单
                附件一：需求规格说明书
                1. 系统支持工单流转；
                2. 系统支持知识库检索。
                附件二：报价清单
                开发费用：人民币拾万元整。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一条 第二条 appendix appendix", labels(clauses));
        assertEquals("第二条 附件\n本合同附件包括：\n附件一：需求规格说明书\n附件二：报价清单", clauses.get(1).text());
        Clause first = clauses.get(2);
        assertEquals("附件一", first.number());
        assertEquals(1, first.numberValue());
        assertEquals("需求规格说明书", first.heading());
        assertTrue(first.text().endsWith("2. 系统支持知识库检索。"));
        assertEquals("附件二：报价清单\n开发费用：人民币拾万元整。", clauses.get(3).text());
    }

    @Test
    void keepsAListOfAttachmentsInsideItsArticleWhenArticlesFollow() {
        String text = """
                第一条 合同组成
                本合同附件包括：
                附件一：需求规格说明书
                附件二：报价清单
                第二条 价款
                合同总价为人民币拾万元整。
                第三条 生效
                本合同自签字之日起生效。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一条 第二条 第三条", labels(clauses));
        assertTrue(clauses.get(0).text().endsWith("附件二：报价清单"));
    }

    @Test
    void makesTheArticlesOfAnAttachedAgreementClausesOfItsAppendix() {
        String text = """
                第一条 服务内容
                乙方提供运维服务。
                第二条 保密
                双方另行签订保密协议，见附件一。
                附件一：保密协议
                第一条 保密信息
                保密信息指一方披露的技术和商业信息。
                第二条 保密期限
                保密期限为合同终止后三年。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一条 第二条 appendix 第一条 第二条", labels(clauses));
        Clause appendix = clauses.get(2);
        assertEquals("保密协议", appendix.heading());
        assertEquals(List.of(2, 2), List.of(clauses.get(3).level(), clauses.get(4).level()));
        assertEquals(appendix.ordinal(), clauses.get(4).parentOrdinal());
        assertTrue(clauses.get(4).searchable());
        assertTrue(!appendix.searchable(), "the appendix is searched through its own articles");
    }

    @Test
    void goesOnWithTheGeneralTermsThatFollowASignedAgreement() {
        String text = """
                电子产品维修服务合同
                一、基本信息
                品牌：某某
                二、维修费用
                预计维修费用五百元。
                托修人（甲方）：            承修人（乙方）：（盖章）
                地址：                      地址：
                年    月    日              年    月    日
                维修服务通用条款
                一、适用范围
                本条款适用于超出三包期限的维修。
                二、甲方权利义务
                甲方应如实提供产品信息。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("preamble 一、 二、 signature 一、 二、", labels(clauses));
        assertEquals("二、维修费用\n预计维修费用五百元。", clauses.get(2).text());
        assertTrue(clauses.get(3).text().endsWith("维修服务通用条款"));
        assertTrue(clauses.get(5).searchable());
        assertEquals(1, clauses.get(4).level());
    }

    @Test
    void doesNotCutAClauseHeadedSignatureIntoASignatureBlock() {
        String text = """
                一、任务
                乙方完成软件测试。
                二、价款
                测试费用人民币三千元。
                三、签章
                委托方单位全称：
                （签章）
                受托方单位全称：
                （签章）
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("一、 二、 三、", labels(clauses));
        assertTrue(clauses.get(2).text().endsWith("（签章）"));
    }

    @Test
    void takesThePartyNamesAboveTheSealLinesIntoTheSignatureBlock() {
        String text = """
                第一条 平台服务
                甲方为乙方提供平台服务。
                第二条 合同份数
                本合同一式两份。

                甲方【电子商务平台经营者】         乙方【平台内经营者】
                （签字或盖章）                     （签字或盖章）
                签订地点：
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一条 第二条 signature", labels(clauses));
        assertTrue(clauses.get(2).text().startsWith("甲方【电子商务平台经营者】"));
        assertEquals("第二条 合同份数\n本合同一式两份。", clauses.get(1).text());
    }

    @Test
    void doesNotEndTheBodyAtASealLineThatArticlesContinueAfter() {
        String text = """
                第一条 文件签署
                双方文件应由授权代表签字并加盖公章，格式如下：
                甲方（盖章）：
                第二条 通知
                通知以书面形式送达。
                第三条 生效
                本合同自签字之日起生效。
                """;
        assertEquals("第一条 第二条 第三条", labels(splitter.split(text)));
    }

    // ---- unnumbered text ----

    @Test
    void headsEachParagraphWithTheShortLineAboveIt() {
        String text = """
                关于系统上线的说明

                上线安排
                系统将于2023年10月15日晚间停机升级，预计停机四小时，期间客服平台暂停服务，请各部门提前做好准备。

                数据迁移
                历史工单数据将在停机期间迁移至新库，迁移完成后由乙方出具核对报告，甲方在三个工作日内确认。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals(2, clauses.size(), labels(clauses));
        assertEquals("上线安排", clauses.get(0).heading());
        assertTrue(clauses.get(0).text().startsWith("关于系统上线的说明"));
        assertEquals("数据迁移", clauses.get(1).heading());
        assertTrue(clauses.get(1).text().startsWith("数据迁移\n历史工单数据"));
        assertOffsetsMatchText(text, clauses);
    }

    @Test
    void keepsAttachmentTitlesAfterTheSignatureAsAppendicesButSearchesOnlyTheOnesWithContent() {
        String text = """
                第一条 服务内容
                乙方提供运维服务。
                第二条 生效
                本合同自签字盖章之日起生效。
                甲方（盖章）：温州瓯江停车管理有限公司
                乙方（盖章）：宁波海曙智联科技有限公司
                附件一：甲方竞争对手名单（另行签署）
                附件二：设备清单
                服务器两台，交换机一台。
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("第一条 第二条 signature appendix appendix", labels(clauses));
        assertEquals("甲方竞争对手名单（另行签署）", clauses.get(3).heading());
        assertTrue(!clauses.get(3).searchable(), "a title alone is nothing to quote");
        assertTrue(clauses.get(4).searchable());
    }

    // ---- letters and mails ----

    @Test
    void makesTheBodyAndTheClosingWordsOfALetterParagraphsAroundItsNumberedItems() {
        String text = """
                关于社保系统异常登录事件的通报函

                溪岸市人力资源和社会保障局信息中心：

                根据双方签订的《信息系统安全运营服务合同》的约定，现将近期发现的安全事件通报如下：

                （一）事件概况
                凌晨监测到大量异常登录请求。
                （二）处置情况
                已封禁相关IP地址段。

                我司将在三个工作日内提交完整的应急处置报告。

                穹顶网络安全技术有限公司（盖章）
                2025年1月14日
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("preamble paragraph （一） （二） paragraph signature", labels(clauses));
        assertTrue(clauses.get(0).text().endsWith("信息中心："));
        assertTrue(clauses.get(1).text().startsWith("根据双方签订的"));
        assertEquals("（二）处置情况\n已封禁相关IP地址段。", clauses.get(3).text());
        assertEquals("我司将在三个工作日内提交完整的应急处置报告。", clauses.get(4).text());
        assertTrue(clauses.get(5).text().startsWith("穹顶网络安全技术有限公司（盖章）"));
        assertTrue(clauses.stream().allMatch(Clause::searchable));
    }

    @Test
    void recognisesTheSealedSignatureOfAnUnnumberedSupplement() {
        String text = """
                维保服务合同补充协议

                原合同第1条修改为：甲方委托乙方对两个院区的设备进行维保。

                删除原合同第14条。

                本补充协议自双方签字盖章之日起生效。

                甲方（公章）：青澜市中医院
                日期：2025年6月16日
                """;
        List<Clause> clauses = splitter.split(text);
        assertEquals("paragraph paragraph paragraph signature", labels(clauses));
        assertEquals("删除原合同第14条。", clauses.get(1).text(), "a short complete sentence stands alone");
        assertEquals("签署", clauses.get(3).heading());
    }

    @Test
    void joinsTheLinesOfAParagraphThatAPdfLayoutBrokeMidSentence() {
        String text = "关于设备到货的函\n\n根据双方签订的采购合同，首批设备将于\n\n2023年10月15日运抵机房，请贵司\n\n"
                + "安排人员配合卸货及开箱检验。\n\n其余设备将于十月底前全部到货，届时另行通知。\n";
        List<Clause> clauses = splitter.split(text);
        assertEquals(2, clauses.size(), labels(clauses));
        assertTrue(clauses.get(0).text().endsWith("安排人员配合卸货及开箱检验。"));
    }

    @Test
    void readsArticleHeadingsWrittenInMarkdown() {
        String text = "# 数据中台建设技术开发合同\n\n**第一条　项目内容**\n乙方建设数据中台。\n\n## 第二条 技术指标\n"
                + "日增量处理能力不低于5TB。\n";
        List<Clause> clauses = splitter.split(text);
        assertEquals("preamble 第一条 第二条", labels(clauses));
        assertEquals("项目内容", clauses.get(1).heading());
        assertEquals("技术指标", clauses.get(2).heading());
        assertTrue(clauses.get(1).text().startsWith("**第一条　项目内容**"));
    }
}
