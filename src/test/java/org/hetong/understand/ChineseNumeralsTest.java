package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ChineseNumeralsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "五, 5",
            "十, 10",
            "十二, 12",
            "二十, 20",
            "三十一, 31",
            "一百零五, 105",
            "一百一十, 110",
            "两百, 200",
            "一千零一, 1001",
            "二十万, 200000",
            "零, 0",
    })
    void readsPositionalChineseNumerals(String numeral, int value) {
        assertEquals(value, ChineseNumerals.parse(numeral));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "二〇二三, 2023",
            "二零二四, 2024",
            "一九九九, 1999",
    })
    void readsYearsWrittenDigitByDigit(String numeral, int value) {
        assertEquals(value, ChineseNumerals.parse(numeral));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "12, 12",
            "０９, 9",
            "１２, 12",
            "拾贰, 12",
            "贰拾, 20",
    })
    void readsArabicDigitsInBothWidthsAndCapitalNumerals(String numeral, int value) {
        assertEquals(value, ChineseNumerals.parse(numeral));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"条", "第五", "五条", "abc", "1.1"})
    void answersMinusOneForTextThatIsNotANumeral(String notANumeral) {
        assertEquals(-1, ChineseNumerals.parse(notANumeral));
    }

    @Test
    void tellsNumeralsFromOtherWords() {
        assertTrue(ChineseNumerals.isNumeral("十二"));
        assertFalse(ChineseNumerals.isNumeral("总则"));
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({"1, 一", "3, 三", "10, 十", "12, 十二", "20, 二十", "35, 三十五", "99, 九十九", "100, 一百", "105, 一百零五",
            "110, 一百一十", "585, 五百八十五", "1002, 一千零二", "1010, 一千零一十", "9999, 九千九百九十九"})
    void numbersAreWrittenAsClauseNumbersWriteThem(int n, String written) {
        assertEquals(written, ChineseNumerals.format(n));
    }

    @Test
    void everyWrittenNumberReadsBackAsItself() {
        for (int n = 1; n <= 9999; n++) {
            assertEquals(n, ChineseNumerals.parse(ChineseNumerals.format(n)), ChineseNumerals.format(n));
        }
    }
}
