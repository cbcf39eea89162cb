package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseAmountsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "人民币壹佰贰拾万元整, 1200000.00",
            "叁万贰仟伍佰元伍角, 32500.50",
            "壹亿贰仟万元整, 120000000.00",
            "人民币拾万元整, 100000.00",
            "壹拾万元正, 100000.00",
            "人民币壹佰万圆整, 1000000.00",
            "壹仟零伍元整, 1005.00",
            "贰拾万零叁佰元整, 200300.00",
            "壹亿零伍拾万元整, 100500000.00",
            "壹万元伍角陆分, 10000.56",
            "伍仟元零捌分, 5000.08",
    })
    void readsCapitalNumeralAmountsToTwoDecimals(String capitals, String value) {
        assertEquals(new BigDecimal(value), ChineseAmounts.parse(capitals));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"人民币", "整", "RMB 100", "壹佰贰拾万美金"})
    void answersNullForTextThatIsNotAnAmount(String text) {
        assertNull(ChineseAmounts.parse(text));
    }

    @org.junit.jupiter.api.Test
    void readsFiguresAndCapitalsTogether() {
        ContractFields.Amount amount = ChineseAmounts.first("为人民币捌万元整（¥80,000.00），含税");
        assertEquals(new BigDecimal("80000.00"), amount.value());
        assertEquals("CNY", amount.currency());
        assertEquals("人民币捌万元整 ¥80,000.00", amount.text());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"合同总价的30%", "按应付金额的万分之三", "共计15台", "第2.2条"})
    void aPercentageOrAPlainNumberIsNotAnAmount(String text) {
        assertNull(ChineseAmounts.first(text));
    }
}
