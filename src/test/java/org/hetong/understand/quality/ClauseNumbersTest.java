package org.hetong.understand.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClauseNumbersTest {
    @Test
    void chineseAndArabicArticleNumbersAreTheSameArticle() {
        assertEquals(ClauseNumbers.key("第十二条"), ClauseNumbers.key("第12条"));
        assertEquals(ClauseNumbers.key("附件二"), ClauseNumbers.key("附件2"));
        assertEquals(ClauseNumbers.key("（一）"), ClauseNumbers.key("(一)"));
        assertEquals(ClauseNumbers.key("1."), ClauseNumbers.key("1"));
    }

    @Test
    void numberingStylesStayApartExceptWhenLookingForAnArticle() {
        assertNotEquals(ClauseNumbers.key("（一）"), ClauseNumbers.key("一、"));
        assertNotEquals(ClauseNumbers.key("（1）"), ClauseNumbers.key("（一）"));
        assertEquals("5", ClauseNumbers.articleKey("第五条第二款"));
        assertEquals("5", ClauseNumbers.articleKey("五、"));
        assertEquals("2", ClauseNumbers.articleKey("2.2.1"));
        assertEquals("附件2", ClauseNumbers.articleKey("附件二"));
    }

    @Test
    void headingsCompareWithoutBracketsBoldMarksAndTrailingColons() {
        assertTrue(ClauseNumbers.sameHeading("合同标的", "【合同标的】"));
        assertTrue(ClauseNumbers.sameHeading("定义 Definitions", "定义　Definitions"));
        assertTrue(ClauseNumbers.sameHeading(null, null));
        assertFalse(ClauseNumbers.sameHeading("定义", null));
    }
}
