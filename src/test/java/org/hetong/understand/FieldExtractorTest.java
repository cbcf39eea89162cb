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
    void leavesTheTermEmptyWhenItStartsOnAnEventRatherThanADate() {
        LocalDate[] term = FieldExtractor.term("本合同自双方签字盖章之日起生效，至2026年5月31日止。");
        assertNull(term[0]);
        assertNull(term[1]);
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
}
