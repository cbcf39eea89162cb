package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberingTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "第十二条 违约责任|ARTICLE|12",
            "第12条 违约责任|ARTICLE|12",
            "第１２条 违约责任|ARTICLE|12",
            "第 12 条 违约责任|ARTICLE|12",
            "第一百零五条 附则|ARTICLE|105",
            "第十二條 違約責任|ARTICLE|12",
            "第三章 验收|CHAPTER|3",
            "第二节 交付|SECTION|2",
            "第二部分 通用条款|PART|2",
            "十一、其他|CN|11",
            "（十二）保密|CN_PAREN|12",
            "㈢ 保密|CN_PAREN|3",
            "3. 付款|DECIMAL|3",
            "３．付款|DECIMAL|3",
            "⒊ 付款|DECIMAL|3",
            "2.3 加密|DECIMAL_DEEP|3",
            "１．２ 加密|DECIMAL_DEEP|2",
            "2.1.4 密钥|DECIMAL_DEEP|4",
            "（3）检查日志|ARABIC_PAREN|3",
            "⑶ 检查日志|ARABIC_PAREN|3",
            "3）检查日志|ARABIC_HALF|3",
            "⑫ 汇总|CIRCLED|12",
    })
    void readsTheStyleAndValueOfEveryNumberingMarker(String line, Numbering style, int value) {
        Numbering.Marker marker = Numbering.match(line);
        assertEquals(style, marker.style(), line);
        assertEquals(value, marker.value(), line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"第三条约定的期限", "第五条第二款", "第四条至第六条", "第三十条（一）项", "第十二条的规定",
            "第三条款", "2023年5月1日", "十分重要", "第三章程"})
    void findsNoMarkerInCrossReferencesAndOrdinaryText(String line) {
        assertNull(Numbering.match(line), line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "第十二条 违约责任|第十二条",
            "2.1.4 密钥轮换|2.1.4",
            "1、甲方义务|1",
            "（一）总则|（一）",
    })
    void keepsTheLabelAsWritten(String line, String label) {
        assertEquals(label, Numbering.match(line).label());
    }
}
