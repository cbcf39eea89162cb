package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldExtractorTest {
    private final ClauseSplitter splitter = new ClauseSplitter();
    private final FieldExtractor extractor = new FieldExtractor();

    private ContractFields extract(String text, String title) {
        return extractor.extract(text, splitter.split(text), title);
    }

    private static ContractFields.Party party(String role, String name) {
        return new ContractFields.Party(role, name);
    }

    @Test
    void readsTheFixtureContractCompletely() {
        String text = ClauseSplitterTest.fixture("software-development-contract.txt");
        ContractFields fields = extract(text, "软件开发合同");
        assertEquals("YX-KF-2023-0415", fields.contractNumber());
        assertEquals("软件开发合同", fields.contractTitle());
        assertEquals(List.of(party("甲方", "北京云岫信息技术有限公司"), party("乙方", "杭州青石软件有限公司")),
                fields.parties());
        // no 签订日期 line: the latest date of the signature block is when the contract was concluded
        assertEquals(LocalDate.of(2023, 5, 6), fields.signDate());
        assertEquals(new BigDecimal("1200000.00"), fields.amount().value());
        assertEquals("CNY", fields.amount().currency());
    }

    @Test
    void readsTheContractNumberAfterItsLabel() {
        assertEquals("QS-JS-2024-017", FieldExtractor.contractNumber("技术服务合同\n合同编号：QS-JS-2024-017\n"));
        assertEquals("YX2023-08", FieldExtractor.contractNumber("协议编号: YX2023-08\n"));
        assertEquals("CGHT-2023-112", FieldExtractor.contractNumber("编  号：CGHT-2023-112\n"));
    }

    @Test
    void doesNotTakeAProjectOrInvoiceNumberForTheContractNumber() {
        assertEquals("HT-002", FieldExtractor.contractNumber("项目编号：XM-001\n发票编号：FP-778\n合同编号：HT-002\n"));
        assertNull(FieldExtractor.contractNumber("采购项目编号：CG-2023-09\n"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"合同编号：＿＿＿＿＿＿\n甲方：某公司", "合同编号：【    】\n", "合同编号：__________\n",
            "合同编号：\n", "合同编号：【】\n", "合同编号：（    ）\n"})
    void treatsPlaceholderNumbersAsMissing(String text) {
        assertNull(FieldExtractor.contractNumber(text));
    }

    @Test
    void readsPartiesWithTheRolesTheContractGivesThem() {
        String text = """
                技术服务合同
                委托方（甲方）：武汉江城医疗集团有限公司
                受托方（乙方）：西安秦岭云计算有限公司
                第一条 服务内容
                乙方为甲方提供云平台迁移服务。
                第二条 服务期限
                本合同服务期限自2024年1月1日起至2024年12月31日止。
                """;
        assertEquals(List.of(party("委托方", "武汉江城医疗集团有限公司"), party("受托方", "西安秦岭云计算有限公司")),
                extract(text, "技术服务合同").parties());
    }

    @Test
    void cleansTheDefinedNameOffAPartyName() {
        String text = """
                软件许可协议
                许可方（以下简称“甲方”）：深圳蓝鲸数据科技有限公司
                被许可方：成都远帆教育咨询有限公司（以下简称“乙方”）
                """;
        assertEquals(List.of(party("许可方", "深圳蓝鲸数据科技有限公司"), party("被许可方", "成都远帆教育咨询有限公司")),
                FieldExtractor.parties(text, ""));
    }

    @Test
    void readsBuyerAndSellerWithTheirShortNames() {
        String text = """
                设备采购合同
                买方：广州南沙智造有限公司（以下简称"买方"）
                卖方：苏州恒岳电子有限公司，
                """;
        assertEquals(List.of(party("买方", "广州南沙智造有限公司"), party("卖方", "苏州恒岳电子有限公司")),
                FieldExtractor.parties(text, ""));
    }

    @Test
    void readsPartyLinesThatAreIndentedOrSpacedOutToLineUp() {
        String text = "数据标注服务合同\n"
                + "　　甲　　方：合肥庐州智能科技有限公司\n"
                + "　　法定代表人：王晓东\n"
                + "  乙 方：长沙岳麓数据服务有限公司\n";
        assertEquals(List.of(party("甲方", "合肥庐州智能科技有限公司"), party("乙方", "长沙岳麓数据服务有限公司")),
                FieldExtractor.parties(text, ""));
    }

    @Test
    void skipsBlankPartyLinesOfATemplate() {
        String text = "甲方：＿＿＿＿＿＿＿＿\n乙方：________________\n丙方：【 】\n";
        assertEquals(List.of(), FieldExtractor.parties(text, ""));
    }

    @Test
    void takesPartiesFromTheSignatureBlockWhenTheHeadHasNone() {
        String signature = "甲方（盖章）：温州瓯江停车管理有限公司\n授权代表：\n乙方（盖章）：宁波海曙智联科技有限公司\n";
        assertEquals(List.of(party("甲方", "温州瓯江停车管理有限公司"), party("乙方", "宁波海曙智联科技有限公司")),
                FieldExtractor.parties("停车诱导系统建设合同\n", signature));
    }

    @Test
    void readsTheSignDateAfterItsLabel() {
        String text = """
                软件许可协议
                签订日期：二〇二三年七月十八日
                第一条 许可范围
                甲方授予乙方非独占的使用许可。
                第二条 许可期限
                许可期限为两年。
                """;
        assertEquals(LocalDate.of(2023, 7, 18), extract(text, "软件许可协议").signDate());
    }

    @Test
    void readsTheSignDateFromTheSignatureBlockWhenTheLabelIsBlank() {
        String text = """
                设备采购合同
                签订日期：____年__月__日
                第一条 采购内容
                卖方向买方提供服务器十台。
                第二条 交货
                卖方应于合同生效后三十日内交货。
                买方（盖章）：广州南沙智造有限公司
                日期：2023 年 11 月 2 日
                卖方（盖章）：苏州恒岳电子有限公司
                日期：2023 年 11 月 3 日
                """;
        assertEquals(LocalDate.of(2023, 11, 3), extract(text, "设备采购合同").signDate());
    }

    @Test
    void readsEffectiveAndExpiryDatesFromTheTerm() {
        String text = "第三条 合同期限\n本合同有效期自2023年6月1日起至2026年5月31日止。\n";
        LocalDate[] term = FieldExtractor.term(text);
        assertEquals(LocalDate.of(2023, 6, 1), term[0]);
        assertEquals(LocalDate.of(2026, 5, 31), term[1]);
    }

    @Test
    void readsATermWrittenInChineseNumerals() {
        LocalDate[] term = FieldExtractor.term("服务期限自二〇二四年一月一日起至二〇二四年十二月三十一日止。");
        assertEquals(LocalDate.of(2024, 1, 1), term[0]);
        assertEquals(LocalDate.of(2024, 12, 31), term[1]);
    }

    @Test
    void readsOnlyTheExpiryWhenTheTermStartsOnAnEventRatherThanADate() {
        // The day of signing is not stated, so there is no effective date; the end of the term is.
        LocalDate[] term = FieldExtractor.term("本合同自双方签字盖章之日起生效，至2026年5月31日止。");
        assertNull(term[0]);
        assertEquals(LocalDate.of(2026, 5, 31), term[1]);
    }

    @Test
    void reconcilesCapitalsAndFiguresOfTheTotalPrice() {
        ContractFields.Amount amount = FieldExtractor.amount(
                "第四条 合同价款\n本合同总价为人民币壹佰贰拾万元整（¥1,200,000.00），含税。\n");
        assertEquals(new BigDecimal("1200000.00"), amount.value());
        assertEquals("CNY", amount.currency());
        assertEquals("人民币壹佰贰拾万元整 ¥1,200,000.00", amount.text());
    }

    @Test
    void readsATotalGivenIn10kYuan() {
        ContractFields.Amount amount = FieldExtractor.amount("合同总价为86.5万元（含税）。");
        assertEquals(new BigDecimal("865000.00"), amount.value());
        assertEquals("CNY", amount.currency());
        assertEquals("86.5万元", amount.text());
    }

    @Test
    void readsATotalGivenOnlyInCapitals() {
        ContractFields.Amount amount = FieldExtractor.amount("本协议许可费总额为人民币贰拾肆万元整，乙方应于签订后十日内支付。");
        assertEquals(new BigDecimal("240000.00"), amount.value());
        assertEquals("人民币贰拾肆万元整", amount.text());
    }

    @Test
    void believesTheCapitalsWhenTheFiguresDisagree() {
        ContractFields.Amount amount = FieldExtractor.amount("合同总金额：人民币叁拾万元整（¥350,000.00）");
        assertEquals(new BigDecimal("300000.00"), amount.value());
        assertEquals("CNY", amount.currency());
    }

    @Test
    void readsUsDollarTotals() {
        ContractFields.Amount amount = FieldExtractor.amount("合同总价为USD 85,000.00。");
        assertEquals(new BigDecimal("85000.00"), amount.value());
        assertEquals("USD", amount.currency());
    }

    @Test
    void ignoresPercentagesOfTheTotalPrice() {
        assertNull(FieldExtractor.amount("违约金不超过合同总价的10%。"));
    }

    @Test
    void leavesEveryFieldEmptyForALetterWithoutThem() {
        String letter = "关于调整项目上线时间的函\n\n杭州青石软件有限公司：\n\n我方建议将上线时间调整至2023年10月15日。\n";
        ContractFields fields = extract(letter, "关于调整项目上线时间的函");
        assertNull(fields.contractNumber());
        assertEquals(List.of(), fields.parties());
        assertNull(fields.signDate());
        assertNull(fields.effectiveDate());
        assertNull(fields.expiryDate());
        assertNull(fields.amount());
        assertEquals("关于调整项目上线时间的函", fields.contractTitle());
    }

    // --- contract numbers of supplements, letters and PDFs ---

    @Test
    void aSupplementReportsItsOwnNumberNotTheNumberOfTheContractItAmends() {
        assertEquals("RX-2022-0815-BC02", FieldExtractor.contractNumber(
                "《溪口仓储管理系统开发合同》第二补充协议\n原合同编号：RX-2022-0815\n本协议编号：RX-2022-0815-BC02\n"));
        assertEquals("MD-YW-2023-11-C1", FieldExtractor.contractNumber(
                "原协议编号：MD-YW-2023-11\n变更协议编号：MD-YW-2023-11-C1\n"));
        assertEquals("SQ-2021-009-BC1", FieldExtractor.contractNumber("主合同编号：SQ-2021-009\n补充协议编号：SQ-2021-009-BC1\n"));
    }

    @Test
    void aContractNumberCitedAfterATitleYieldsToTheDocumentsOwn() {
        String supplement = "协议编号：YX-YW-2022-31-A2\n双方于2022年3月1日签订《云岫平台运维合同》（合同编号：YX-YW-2022-31）。\n";
        assertEquals("YX-YW-2022-31-A2", FieldExtractor.contractNumber(supplement));
        String letter = "根据《云岫平台运维合同》（合同编号：YX-YW-2022-31）第五条，现通知如下：\n";
        assertEquals("YX-YW-2022-31", FieldExtractor.contractNumber(letter));
    }

    @Test
    void numbersCitedInBracketsRankBehindTheDocumentsOwnAndTheFirstCitedComesFirst() {
        assertEquals("XG-2024-03", FieldExtractor.contractNumber(
                "适用：《数据库许可协议》（协议编号：XG-2024-03）及其变更协议（编号：XG-2024-03-A1）\n"));
    }

    @Test
    void aSupplementWithoutANumberOfItsOwnReportsTheContractsNumber() {
        assertEquals("RX-2022-0815", FieldExtractor.contractNumber("原合同编号：RX-2022-0815\n甲方：某公司\n"));
    }

    @Test
    void readsANumberThatPdfLayoutBrokeAtAHyphen() {
        assertEquals("LZ-KF-2023-0154", FieldExtractor.contractNumber("违反了《推荐系统开发合同》（合同编号：LZ-KF-2023-\n0154）第八条的约定。"));
    }

    @Test
    void readsANumberWrittenWithoutAColon() {
        assertEquals("TQ-CS-2023-077", FieldExtractor.contractNumber("主题：测试报告意见（合同编号TQ-CS-2023-077）\n"));
        assertEquals("TQ-CS-2023-078", FieldExtractor.contractNumber("本合同编号为TQ-CS-2023-078。\n"));
    }

    @Test
    void aBareNumberLabelNeedsItsColon() {
        assertNull(FieldExtractor.contractNumber("编号 001 服务器 2台\n"));
    }

    @Test
    void readsANumberGivenWithTheContractTitleInAFormRow() {
        assertEquals("BD-CG-2022-0611", FieldExtractor.contractNumber("合同名称及编号 《澜屿港区监控设备采购合同》（BD-CG-2022-0611）\n"));
    }

    @Test
    void readsTheNumberFromAMailSubjectWhenTheBodyGivesNone() {
        ContractFields fields = extract("王经理：\n验收安排如下：\n一、2月20日进行性能测试。\n", "Re: 关于QS-JS-2024-017合同验收安排");
        assertEquals("QS-JS-2024-017", fields.contractNumber());
    }

    @Test
    void readsTheNumberFromALettersReferenceLine() {
        String letter = "关于项目延期的函\n事由：关于YX-KF-2023-0415项目交付延期\n杭州青石软件有限公司：\n贵司交付已逾期。\n";
        assertEquals("YX-KF-2023-0415", extract(letter, "关于项目延期的函").contractNumber());
    }

    @Test
    void aBlankNumberLabelMeansNotFilledEvenWhenTheTitleCarriesACode() {
        String form = "JW-2019-0301        合同编号\n\n家电维修服务合同\n甲方：\n乙方：\n";
        assertNull(extract(form, "JW-2019-0301 家电维修服务合同").contractNumber());
    }

    // --- dates and term ---

    @Test
    void readsAnEffectiveDateStatedByItself() {
        assertEquals(LocalDate.of(2024, 9, 10), extract("许可范围清单\n生效日期：2024年9月10日\n", "许可范围清单").effectiveDate());
        assertEquals(LocalDate.of(2024, 3, 1), extract("本协议自2024年3月1日起生效。\n", "补充协议").effectiveDate());
        assertNull(extract("生效日期：____年__月__日\n", "合同").effectiveDate());
    }

    @Test
    void aStatedDateOfEffectWinsOverTheStartOfATermItRestates() {
        ContractFields fields = extract("生效日期：2024年9月10日\n许可期限：2024年2月1日至2027年1月31日\n", "许可范围清单");
        assertEquals(LocalDate.of(2024, 9, 10), fields.effectiveDate());
        assertEquals(LocalDate.of(2027, 1, 31), fields.expiryDate());
    }

    @Test
    void readsATermWrittenAsARangeAfterItsLabel() {
        LocalDate[] term = FieldExtractor.term("服务期限：2024年1月1日至2024年12月31日\n");
        assertEquals(LocalDate.of(2024, 1, 1), term[0]);
        assertEquals(LocalDate.of(2024, 12, 31), term[1]);
        LocalDate[] dashed = FieldExtractor.term("合同有效期：2024.1.1—2025.12.31\n");
        assertEquals(LocalDate.of(2025, 12, 31), dashed[1]);
    }

    @Test
    void readsATermGivenByItsLength() {
        ContractFields fields = extract("第九条 合同期限\n本合同有效期三年，自2024年3月1日起计算。\n", "服务合同");
        assertEquals(LocalDate.of(2024, 3, 1), fields.effectiveDate());
        assertEquals(LocalDate.of(2027, 2, 28), fields.expiryDate());
        ContractFields months = extract("生效日期：2024年1月15日\n服务期限为6个月。\n", "服务合同");
        assertEquals(LocalDate.of(2024, 7, 14), months.expiryDate());
    }

    @Test
    void aTermLengthWithoutAKnownStartGivesNoExpiry() {
        assertNull(extract("本合同自双方签字盖章之日起生效，有效期两年。\n", "服务合同").expiryDate());
    }

    @Test
    void warrantyConfidentialityAndPhasesAreNotTheTerm() {
        LocalDate[] warranty = FieldExtractor.term("质保期自2024年1月1日起至2025年12月31日止。");
        assertNull(warranty[0]);
        assertNull(warranty[1]);
        LocalDate[] phases = FieldExtractor.term(
                "本合同有效期一年，自2024年3月1日起至2025年2月28日止。其中，开发阶段自2024年3月1日起至2024年7月31日止。");
        assertEquals(LocalDate.of(2025, 2, 28), phases[1]);
        assertNull(FieldExtractor.term("甲方应于2024年5月1日至2024年5月10日组织验收。")[1]);
    }

    // --- amounts ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "本项目研究开发经费为人民币伍佰陆拾叁万元整（¥5,630,000.00）。",
            "本合同维保服务费总计为人民币伍佰陆拾叁万元整（¥5,630,000.00），即每年人民币贰佰捌拾壹万伍仟元整。",
            "本合同服务费为¥5,630,000.00（大写：人民币伍佰陆拾叁万元整），含税。"})
    void readsTheTotalUnderTheNamesContractsGiveIt(String text) {
        assertEquals(new BigDecimal("5630000.00"), FieldExtractor.amount(text).value());
    }

    @Test
    void theContractTotalWinsOverTheSumOfATableBeforeIt() {
        ContractFields.Amount amount = FieldExtractor.amount(
                "服务器 2台 ¥300,000.00\n交换机 4台 ¥100,000.00\n合计 ¥400,000.00\n第五条 合同总价为人民币伍拾万元整（¥500,000.00）。");
        assertEquals(new BigDecimal("500000.00"), amount.value());
    }

    @Test
    void readsTheOneFeeAContractStatesWhenItHasNoTotal() {
        ContractFields.Amount amount = FieldExtractor.amount("第十条 托管费用 托管费每年人民币叁万陆仟元整（¥36,000.00），由乙方承担。");
        assertEquals(new BigDecimal("36000.00"), amount.value());
    }

    @Test
    void aPenaltyOrAPartPaymentIsNotTheTotal() {
        assertNull(FieldExtractor.amount("乙方未按时响应的，每次扣减服务费人民币500元。"));
        assertNull(FieldExtractor.amount("首期款为合同总价的30%，即人民币叁拾万元整。"));
        ContractFields.Amount total = FieldExtractor.amount(
                "乙方未按时响应的，每次扣减服务费人民币500元。本合同服务费为人民币捌万元整（¥80,000.00）。");
        assertEquals(new BigDecimal("80000.00"), total.value());
    }

    @Test
    void aSupplementChangingTheTotalReportsTheNewTotal() {
        ContractFields.Amount amount = FieldExtractor.amount(
                "原合同第8条中的维保服务费总额由人民币陆拾万元整调整为人民币捌拾万元整（¥800,000.00），按季度支付。");
        assertEquals(new BigDecimal("800000.00"), amount.value());
        ContractFields.Amount changed = FieldExtractor.amount(
                "原协议第5.1条中许可费总额由人民币叁佰万元整（¥3,000,000.00）变更为人民币肆佰万元整（¥4,000,000.00）。");
        assertEquals(new BigDecimal("4000000.00"), changed.value());
    }

    @Test
    void aChangedTotalWinsOverTheOldTotalQuotedEarlierInTheSupplement() {
        ContractFields.Amount amount = FieldExtractor.amount("第一条 原合同第六条修改为：“合同总金额为人民币伍拾万元整，分两期支付。”\n"
                + "第二条 原合同总价由人民币伍拾万元整调整为人民币伍拾伍万元整（¥550,000.00）。");
        assertEquals(new BigDecimal("550000.00"), amount.value());
    }

    @Test
    void anOldTotalCountsOnlyWhenNothingElseIsStated() {
        assertEquals(new BigDecimal("900000.00"), FieldExtractor.amount(
                "原合同总价为人民币陆拾万元整。经协商，本合同总价为人民币玖拾万元整。").value());
        assertEquals(new BigDecimal("600000.00"), FieldExtractor.amount("原合同总价为人民币陆拾万元整，本协议不作调整。").value());
    }

    // --- parties ---

    @Test
    void aTemplatesBracketedHintIsNotAPartyName() {
        String text = "甲方：【电子商务平台经营者】\n乙方：（网上店铺经营者）\n丙方：«P3»\n";
        assertEquals(List.of(), FieldExtractor.parties(text, ""));
    }

    @Test
    void partyNamesAreNormalisedAsTheRegisterWritesThem() {
        String text = "甲方：青禾数智软件 有限公司\n乙方：华瑞技术(澜州)有限公司\n";
        assertEquals(List.of(party("甲方", "青禾数智软件有限公司"), party("乙方", "华瑞技术（澜州）有限公司")),
                FieldExtractor.parties(text, ""));
    }
}
