package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseDatesTest {
    private static final LocalDate MAY_DAY = LocalDate.of(2023, 5, 1);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2023年5月1日", "2023年05月01日", "二〇二三年五月一日", "二零二三年五月一日",
            "2023-05-01", "2023.5.1", "2023/5/1", "2023 年 5 月 1 日", "2023年 5 月1 日"})
    void readsEveryWayContractsWriteTheFirstOfMay2023(String written) {
        assertEquals(MAY_DAY, ChineseDates.first(written));
    }

    @Test
    void readsDatesWithTwoDigitChineseMonthsAndDays() {
        assertEquals(LocalDate.of(2023, 12, 31), ChineseDates.first("二〇二三年十二月三十一日"));
        assertEquals(LocalDate.of(2024, 10, 20), ChineseDates.first("二〇二四年十月二十日"));
    }

    @Test
    void readsADateSpacedOutByPdfExtractionInsideASentence() {
        assertEquals(LocalDate.of(2024, 3, 1), ChineseDates.first("本协议自 2024 年 3 月 1 日 起生效。"));
    }

    @Test
    void findsEveryDateInATextWithWhereItIs() {
        String text = "乙方应于2023年9月30日前交付，甲方应于2023-10-15前完成验收。";
        List<ChineseDates.Found> found = ChineseDates.findAll(text);
        assertEquals(2, found.size());
        assertEquals(LocalDate.of(2023, 9, 30), found.get(0).date());
        assertEquals("2023年9月30日", text.substring(found.get(0).start(), found.get(0).end()));
        assertEquals(LocalDate.of(2023, 10, 15), found.get(1).date());
        assertEquals("2023-10-15", text.substring(found.get(1).start(), found.get(1).end()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"____年__月__日", "＿＿＿＿年＿＿月＿＿日", "2023年__月__日", "    年    月    日",
            "签订日期：      年   月   日"})
    void blankTemplatesAreNotDates(String template) {
        assertEquals(List.of(), ChineseDates.findAll(template));
        assertNull(ChineseDates.first(template));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2023年2月30日", "2023-13-01", "版本号1.2.3", "2023-05/01", "合同编号20230501", "1850年1月1日"})
    void impossibleDatesAndOtherNumbersAreNotDates(String text) {
        assertNull(ChineseDates.first(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"２０２３年５月１日", "２０２３－０５－０１", "２０２３．５．１", "2023　年　5　月　1　日", "2023年5月1号",
            "二O二三年五月一日", "二〇二三年 五 月 一 日"})
    void readsFullWidthDigitsIdeographicSpacesAndTheOtherWaysOfWritingMayDay(String written) {
        assertEquals(MAY_DAY, ChineseDates.first(written));
    }

    @Test
    void offsetsOfAFullWidthDateAreOffsetsIntoTheTextAsWritten() {
        String text = "签订日期：２０２３年５月１日";
        ChineseDates.Found found = ChineseDates.findAll(text).get(0);
        assertEquals("２０２３年５月１日", text.substring(found.start(), found.end()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"【】年【】月【】日", "＿＿年＿＿月＿＿日", "　　年　　月　　日"})
    void bracketAndFullWidthBlanksAreNotDatesEither(String template) {
        assertEquals(List.of(), ChineseDates.findAll(template));
    }

    @Test
    void aTermIsARangeInASentenceAboutTheTerm() {
        ChineseDates.Term term = ChineseDates.term("十、合同期限\n本合同服务期自2024年7月1日起至2027年6月30日止。");
        assertEquals(new ChineseDates.Term(LocalDate.of(2024, 7, 1), LocalDate.of(2027, 6, 30)), term);
    }

    @Test
    void aTermWrappedOverTwoLinesIsStillOneRange() {
        ChineseDates.Term term = ChineseDates.term("本合同有效期自2024年3月1日起至\n2025年2月28日止。");
        assertEquals(new ChineseDates.Term(LocalDate.of(2024, 3, 1), LocalDate.of(2025, 2, 28)), term);
    }

    @Test
    void aTermOfLengthEndsTheDayBeforeItsAnniversary() {
        assertEquals(new ChineseDates.Term(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
                ChineseDates.termOfLength("服务期为两年，自2024年1月1日起算。", null));
        assertEquals(new ChineseDates.Term(null, null), ChineseDates.termOfLength("保密期限为三年，自2024年1月1日起算。", null));
    }
}
