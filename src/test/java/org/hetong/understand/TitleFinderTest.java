package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TitleFinderTest {
    private final TitleFinder finder = new TitleFinder();

    @Test
    void takesTheFirstLineThatNamesAKindOfDocument() {
        String text = "北京云岫信息技术有限公司\n\n软件开发合同\n\n合同编号：YX-KF-2023-0415\n";
        assertEquals("软件开发合同", finder.find(text, "Microsoft Word - 模板.docx", null, "scan.pdf"));
    }

    @Test
    void skipsNumberAndPartyLinesAboveTheTitle() {
        String text = "合同编号：QS-JS-2024-017\n甲方：武汉江城医疗集团有限公司\n技术服务合同\n";
        assertEquals("技术服务合同", finder.find(text, null, null, "a.pdf"));
    }

    @Test
    void joinsATitleSpacedOutForLooks() {
        assertEquals("软件开发合同", finder.find("软 件 开 发 合 同\n合同编号：X-1\n", null, null, "a.pdf"));
        assertEquals("保密协议", finder.find("　保　密　协　议　\n甲方：某公司\n", null, null, "a.pdf"));
    }

    @Test
    void prefersTheMailSubject() {
        assertEquals("回复：上线时间", finder.find("正文第一行\n", "元数据标题", "  回复：上线时间 ", "x.eml"));
    }

    @Test
    void fallsBackToTheFirstShortLine() {
        assertEquals("云岫客服平台上线安排", finder.find("云岫客服平台上线安排\n请各方知悉。\n", null, null, "x.pdf"));
    }

    @Test
    void fallsBackToTheMetadataTitleThenTheFileNameWithoutExtension() {
        assertEquals("Word 标题", finder.find("\n\n", " Word 标题 ", null, "dir/a.b.pdf"));
        assertEquals("上线确认", finder.find("甲方：北京云岫\n乙方：杭州青石\n", null, null, "收件箱/上线确认.pdf"));
        assertEquals("a.b", finder.find("", null, null, "dir/a.b.pdf"));
        assertNull(finder.find("", null, null, null));
    }

    @Test
    void aMailSavedAsTextIsTitledByItsSubjectWithoutTheLabel() {
        String text = "发件人：林静 <lin@example.com>\n收件人：周工 <zhou@example.com>\n日期：2024年3月2日 10:15\n"
                + "主题：回复：测试报告初稿反馈（合同编号TQ-CS-2023-077）\n\n周工，您好：\n";
        assertEquals("回复：测试报告初稿反馈（合同编号TQ-CS-2023-077）", finder.find(text, null, null, "mail.txt"));
    }

    @Test
    void markdownBoldMarksAreNotPartOfTheTitle() {
        assertEquals("数据治理平台开发合同", finder.find("**数据治理平台开发合同**\n\n合同编号：SZ-2024-01\n", null, null, "a.md"));
        assertEquals("关于支付年度许可费的通知", finder.find("# **关于支付年度许可费的通知**\n", null, null, "a.md"));
    }

    @Test
    void joinsATitleSetOnTwoLines() {
        assertEquals("澜州港务集团智慧码头建设项目第一阶段评审会议纪要",
                finder.find("澜州港务集团智慧码头建设项目\n第一阶段评审会议纪要\n\n会议时间：2024年5月8日\n", null, null, "a.txt"));
        assertEquals("《仓储系统开发合同》第一补充协议",
                finder.find("《仓储系统开发合同》第\n一补充协议\n原合同编号：RX-1\n", null, null, "a.pdf"));
    }

    @Test
    void doesNotJoinTheSendersLetterheadToALettersTitle() {
        assertEquals("关于支付第二期合同款的催款函",
                finder.find("澜石软件科技有限公司\n关于支付第二期合同款的催款函\n澜石函〔2024〕第4号\n", null, null, "a.txt"));
    }

    @Test
    void aFormCodeBesideABlankNumberLabelIsNotTheTitle() {
        assertEquals("家电维修服务合同", finder.find("JW-2019-0301        合同编号\n\n家电维修服务合同\n", null, null, "a.docx"));
    }
}
