package org.hetong.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How Tesseract's Chinese output is tidied, and how typed and scanned pages are joined. */
class OcrTextTest {
    @Test
    void spacesBetweenHanCharactersAndAroundChinesePunctuationGo() {
        assertEquals("乙方对在服务过程中知悉的甲方客户资料，负有保密义务。",
                OcrText.clean("乙 方 对 在 服 务 过 程 中 知 悉 的 甲 方 客 户 资 料 ， 负 有 保 密 义 务 。"));
        assertEquals("甲方（委托方）：澄川数码科技有限公司", OcrText.clean("甲方 （ 委托方 ） ： 澄川数码科技有限公司"));
    }

    @Test
    void theSpaceAfterANumberLabelStaysSoTheHeadingIsFound() {
        assertEquals("第六条 保密", OcrText.clean("第 六 条 保 密"));
        assertEquals("第12条 知识产权", OcrText.clean("第 12 条 知识 产权"));
        assertEquals("6.1 乙方应当保密。", OcrText.clean("6.1 乙方 应当 保密 。"));
        assertEquals("（一） 技术资料", OcrText.clean("（一） 技术 资料"));
    }

    @Test
    void numbersJoinTheirUnitsAndDates() {
        assertEquals("自2024年7月1日起至2025年6月30日止", OcrText.clean("自 2024 年 7 月 1 日起至 2025 年 6 月 30 日止"));
        assertEquals("应在30分钟内响应", OcrText.clean("应在 30 分钟内响应"));
    }

    @Test
    void asciiPunctuationBesideHanBecomesFullWidth() {
        assertEquals("甲方（委托方）：澄川数码科技有限公司", OcrText.clean("甲方〈委托方) : 澄川数码科技有限公司"));
        assertEquals("一般故障4小时内解决；严重故障立即处理。", OcrText.clean("一般故障4小时内解决; 严重故障立即处理."));
        assertEquals("人民币叁拾陆万元整（¥360,000.00）。", OcrText.clean("人民币叁拾陆万元整 (¥360,000.00) 。"));
        assertEquals("Oracle Database 19c, IP: 10.0.0.1", OcrText.clean("Oracle Database 19c, IP: 10.0.0.1"));
    }

    @Test
    void linesWrappedAtTheMarginAreJoinedSoWordsAreWholeAgain() {
        String ocr = """
                第六条 保密
                乙方对在服务过程中知悉的甲方客户资料、订单数据、技术信息和经营信息负有保
                密义务，未经甲方书面同意，不得向任何第三方披露，也不得用于本合同以外的目
                的。

                第七条 知识产权
                """;
        assertEquals("第六条 保密\n乙方对在服务过程中知悉的甲方客户资料、订单数据、技术信息和经营信息负有保密义务，"
                + "未经甲方书面同意，不得向任何第三方披露，也不得用于本合同以外的目的。\n\n第七条 知识产权", OcrText.clean(ocr));
    }

    @Test
    void aNumberedLineIsNeverJoinedToTheLineAboveIt() {
        String ocr = """
                12.1 卖方对在本合同履行中获悉的买方网络拓扑、IP地址规划、设备口令负有保密义务
                12.2 保密期限自本合同签订之日起至合同终止后三年。卖方应确保其人员遵守本条
                """;
        assertEquals("12.1 卖方对在本合同履行中获悉的买方网络拓扑、IP地址规划、设备口令负有保密义务\n"
                + "12.2 保密期限自本合同签订之日起至合同终止后三年。卖方应确保其人员遵守本条", OcrText.clean(ocr));
    }

    @Test
    void linesOfStrayMarksAreDroppedAndAnEmptyPageIsEmpty() {
        assertEquals("签订日期：2024年6月12日", OcrText.clean("|\n—— ~\n签订日期: 2024年6月12日\n\f"));
        assertEquals("", OcrText.clean(" \n\f"));
    }

    @Test
    void aSentenceRunsOnToTheNextPageButNotAfterAPageNumberOrIntoAClause() {
        assertTrue(OcrText.runsOn("乙方在服务过程中为甲方开发的程序和文档，其著作权归甲方所有；乙方原有工", "具软件的知识产权仍归乙方所有。"));
        assertFalse(OcrText.runsOn("乙方在服务过程中为甲方开发的程序和文档，其著作权归甲方所有。", "第八条 违约责任"));
        assertFalse(OcrText.runsOn("软件维护服务合同 第 1 页 共 2 页", "具软件的知识产权仍归乙方所有。"));
        assertFalse(OcrText.runsOn("乙方在服务过程中为甲方开发的程序和文档，其著作权归甲方所有；乙方原有工", "第八条 违约责任"));
    }

    @Test
    void joinedPagesKnowWhichTextCameFromOcr() {
        PageTexts.Joined joined = PageTexts.join(List.of(
                new PageTexts.Piece("第一条 服务内容\n乙方提供维护服务。", false),
                new PageTexts.Piece("第二条 服务期限\n本合同期限一年。", true),
                new PageTexts.Piece("第三条 其他\n本合同一式两份。", false)));
        assertEquals("第一条 服务内容\n乙方提供维护服务。\n\n第二条 服务期限\n本合同期限一年。\n\n第三条 其他\n本合同一式两份。", joined.text());
        assertEquals(1, joined.spans().size());
        OcrOutcome.TextSpan span = joined.spans().get(0);
        assertEquals("第二条 服务期限\n本合同期限一年。", joined.text().substring(span.start(), span.end()));
    }

    @Test
    void aSentenceBrokenAcrossATypedAndAScannedPageIsJoinedAndCountsAsOcr() {
        PageTexts.Joined joined = PageTexts.join(List.of(
                new PageTexts.Piece("第七条 知识产权\n乙方为甲方开发的程序，其著作权归甲方所有；乙方原有工", false),
                new PageTexts.Piece("具软件的知识产权仍归乙方所有。\n\n第八条 违约责任\n违约方赔偿损失。", true)));
        assertTrue(joined.text().contains("乙方原有工具软件的知识产权"), joined.text());
        OcrOutcome.TextSpan span = joined.spans().get(0);
        assertTrue(joined.text().substring(span.start(), span.end()).endsWith("违约方赔偿损失。"));
        assertTrue(OcrOutcome.covers(joined.spans(), joined.text().indexOf("第八条"), joined.text().length()));
        assertFalse(OcrOutcome.covers(joined.spans(), 0, joined.text().indexOf("\n")), "the heading line of 第七条 is typed");
    }

    @Test
    void spansSurviveTheirTripThroughTheCatalog() {
        OcrOutcome outcome = new OcrOutcome(2, 0, List.of(new OcrOutcome.TextSpan(0, 120), new OcrOutcome.TextSpan(300, 410)));
        assertEquals("[[0,120],[300,410]]", outcome.spansJson());
        assertEquals(outcome.spans(), OcrOutcome.spansOf(outcome.spansJson()));
        assertEquals(List.of(), OcrOutcome.spansOf(null));
        assertTrue(OcrOutcome.covers(outcome.spans(), 100, 200));
        assertFalse(OcrOutcome.covers(outcome.spans(), 120, 300));
    }
}
