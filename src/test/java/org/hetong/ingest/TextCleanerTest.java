package org.hetong.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void turnsEveryNewlineConventionIntoOne() {
        assertEquals("第一条 定义\n第二条 价款\n第三条 交付", TextCleaner.clean("第一条 定义\r\n第二条 价款\r第三条 交付"));
    }

    @Test
    void dropsControlCharactersAndTrailingBlanksButKeepsTabs() {
        assertEquals("甲方：\t北京云岫\n乙方： 杭州青石",
                TextCleaner.clean("\uFEFF甲方：\t北京\u200B云岫\u0007   \n乙方：\u00A0杭州青石\u3000"));
    }

    @Test
    void keepsAtMostOneEmptyLineInARow() {
        assertEquals("第一条\n\n第二条", TextCleaner.clean("\n\n第一条\n\n\n  \n第二条\n\n"));
    }

    @Test
    void removesPageNumbersAndTheRunningHeaderOfALayout() {
        String raw = String.join("\n",
                "软件开发合同", "", "第一条 开发内容", "乙方开发客服平台，", "", "- 1 -", "",
                "软件开发合同", "包括工单模块。", "第二条 交付", "乙方按期交付，", "", "- 2 -", "",
                "软件开发合同", "逾期的按日支付违约金。", "", "- 3 -");
        assertEquals("软件开发合同\n\n第一条 开发内容\n乙方开发客服平台，\n\n包括工单模块。\n第二条 交付\n乙方按期交付，\n\n"
                + "逾期的按日支付违约金。", TextCleaner.clean(raw));
    }

    @Test
    void answersEmptyTextForNothing() {
        assertEquals("", TextCleaner.clean(null));
        assertEquals("", TextCleaner.clean(""));
        assertEquals("", TextCleaner.clean("\n \n"));
    }
}
