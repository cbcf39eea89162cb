package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.hetong.ingest.Extractor;
import org.hetong.ingest.Fixtures;
import org.hetong.ingest.IngestLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageArtifactCleanerTest {
    private static final String TITLE = "云岫客服平台开发合同";

    /** Pages of a contract as a PDF or Word layout renders them: a running header, the body, a footer. */
    private static String pages(String header, List<String> footers, String... bodies) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < bodies.length; p++) {
            if (header != null) {
                text.append(header).append("\n\n");
            }
            text.append(bodies[p]).append("\n\n").append(footers.get(p)).append("\n\n");
        }
        return text.toString().strip();
    }

    private static final String[] BODIES = {
            TITLE + "\n合同编号：YX-KF-2023-0415\n甲方：北京云岫信息技术有限公司\n乙方：杭州青石软件有限公司\n"
                    + "第一条 开发内容\n乙方为甲方开发客服平台，包括工单、知识库和统计报表三个模块，",
            "并按甲方确认的需求规格说明书完成全部功能。\n第二条 交付\n乙方应于2023年10月15日前交付全部源代码和文档。\n"
                    + "第三条 验收\n甲方在交付后十个工作日内组织验收，",
            "验收合格的，双方签署验收报告。\n第四条 价款\n合同总价为人民币壹佰贰拾万元整。\n第五条 生效\n本合同自双方签字盖章之日起生效。",
    };

    @ParameterizedTest
    @ValueSource(strings = {"第 3 页 共 12 页", "第3页/共12页", "第3页，共12页", "共12页 第3页", "- 3 -", "— 3 —",
            "Page 3 of 12", "PAGE 3", "第 3 页", "（第3页）", "云岫客服平台开发合同    第 3 页 共 12 页",
            "第 3 页 共 12 页    北京云岫信息技术有限公司"})
    void removesEveryUsualShapeOfAPageNumberLine(String pageLine) {
        assertEquals("乙方应按期交付，\n逾期的按日支付违约金。",
                PageArtifactCleaner.clean("乙方应按期交付，\n" + pageLine + "\n逾期的按日支付违约金。"));
    }

    @Test
    void keepsSentencesThatMentionAPage() {
        String text = "验收标准详见附件一第3页。\n第 3 页所列设备由乙方提供。";
        assertEquals(text, PageArtifactCleaner.clean(text));
    }

    @Test
    void removesLonePageNumbersThatCountUpPagesApart() {
        String text = pages(null, List.of("1", "2", "3"), BODIES);
        String clean = PageArtifactCleaner.clean(text);
        assertFalse(clean.lines().anyMatch(l -> l.strip().matches("[0-9]+")), clean);
        assertTrue(clean.contains("三个模块，\n\n并按甲方确认的需求规格说明书"));
    }

    @Test
    void keepsLoneNumbersOfATableAndOfAShortList() {
        String table = "报价明细\n\t1\n\t服务器\n\t2\n\t交换机\n\t3\n\t防火墙";
        assertEquals(table, PageArtifactCleaner.clean(table));
        String list = "验收步骤：\n1\n功能测试\n2\n性能测试\n3\n安全测试";
        assertEquals(list, PageArtifactCleaner.clean(list));
        String single = "第四条 价款\n分期付款的期数为：\n3\n每期金额相等。";
        assertEquals(single, PageArtifactCleaner.clean(single));
    }

    @Test
    void removesFractionPageNumbersOnlyWhenTheyRepeatWithTheSameTotal() {
        String text = pages(null, List.of("1/3", "2/3", "3/3"), BODIES);
        assertFalse(PageArtifactCleaner.clean(text).contains("/3"));
        String date = "交付日期：\n3/12\n乙方按期交付。";
        assertEquals(date, PageArtifactCleaner.clean(date));
    }

    @Test
    void removesTheTitleRepeatedAsARunningHeaderButKeepsItAtTheTop() {
        String text = pages(TITLE, List.of("第 1 页 共 3 页", "第 2 页 共 3 页", "第 3 页 共 3 页"), BODIES);
        String clean = PageArtifactCleaner.clean(text);
        assertTrue(clean.startsWith(TITLE + "\n\n合同编号"), clean);
        assertEquals(1, clean.split(TITLE, -1).length - 1, clean);
        assertFalse(clean.contains("页"), clean);
    }

    @Test
    void removesARunningFooterBesideThePageNumbersOfEveryPage() {
        String footer = "北京云岫信息技术有限公司 机密文件";
        String text = pages(null, List.of(footer + "\n第 1 页 共 3 页", footer + "\n第 2 页 共 3 页", footer + "\n第 3 页 共 3 页"),
                BODIES);
        String clean = PageArtifactCleaner.clean(text);
        assertFalse(clean.contains("机密文件"), clean);
        assertTrue(clean.endsWith("本合同自双方签字盖章之日起生效。"), clean);
    }

    @Test
    void removesTheTitleRepeatedOnEveryPageWithoutPageNumbers() {
        String text = String.join("\n", TITLE, "第一条 开发内容", "乙方开发客服平台，", TITLE, "包括工单模块。",
                "第二条 交付", TITLE, "乙方按期交付。");
        assertEquals(String.join("\n", TITLE, "第一条 开发内容", "乙方开发客服平台，", "包括工单模块。", "第二条 交付",
                "乙方按期交付。"), PageArtifactCleaner.clean(text));
    }

    @Test
    void keepsRepeatedLinesThatAreNotBesidePageNumbers() {
        String text = String.join("\n", "服务清单", "\t系统巡检", "\t每月一次", "\t系统巡检", "\t每季一次", "第 1 页 共 2 页",
                "第二条 费用", "按季支付。", "\t系统巡检", "\t每年一次", "第 2 页 共 2 页");
        String clean = PageArtifactCleaner.clean(text);
        assertEquals(3, clean.split("系统巡检", -1).length - 1, clean);
    }

    @Test
    void removesAPageNumberFieldTakenApartIntoThreeLines() {
        assertEquals("设备监理合同\n（示范文本）\n第一部分 协议书",
                PageArtifactCleaner.clean("设备监理合同\n（示范文本）\n (\n2\n)\n第一部分 协议书"));
    }

    @Test
    void leavesTextWithoutPageArtifactsAsItWas() {
        String text = ClauseSplitterTest.fixture("software-development-contract.txt").strip();
        assertEquals(text, PageArtifactCleaner.clean(text));
    }

    @Test
    void keepsAnArticleThatRunsOverAPageBreakInOnePiece() {
        String text = PageArtifactCleaner.clean(pages(TITLE,
                List.of("第 1 页 共 3 页", "第 2 页 共 3 页", "第 3 页 共 3 页"), BODIES));
        List<Clause> clauses = new ClauseSplitter().split(text);
        List<String> articles = clauses.stream().filter(c -> c.role() == ClauseRole.CLAUSE).map(Clause::number).toList();
        assertEquals(List.of("第一条", "第二条", "第三条", "第四条", "第五条"), articles);
        Clause first = clauses.stream().filter(c -> "第一条".equals(c.number())).findFirst().orElseThrow();
        assertEquals("第一条 开发内容\n乙方为甲方开发客服平台，包括工单、知识库和统计报表三个模块，\n\n"
                + "并按甲方确认的需求规格说明书完成全部功能。", first.text());
        for (Clause c : clauses) {
            assertFalse(c.text().contains("页"), c.text());
            assertEquals(c.text(), text.substring(c.start(), c.end()));
        }
    }

    @Test
    void readsAMultiPagePdfWithoutItsRunningHeaderAndPageNumbers(@TempDir Path dir) throws Exception {
        List<byte[]> pdfPages = new ArrayList<>();
        for (int p = 0; p < BODIES.length; p++) {
            List<String> lines = new ArrayList<>();
            lines.add(TITLE);
            lines.add("");
            lines.addAll(List.of(BODIES[p].split("\n")));
            lines.add("");
            lines.add("第 " + (p + 1) + " 页 共 " + BODIES.length + " 页");
            pdfPages.add(Fixtures.chinesePdf(lines.toArray(String[]::new)));
        }
        Path pdf = Fixtures.write(dir, "contract.pdf", merge(pdfPages));

        String text = new Extractor(IngestLimits.defaults(), dir).extract(pdf, "contract.pdf").text();

        List<Clause> clauses = new ClauseSplitter().split(text);
        Clause first = clauses.stream().filter(c -> "第一条".equals(c.number())).findFirst().orElseThrow();
        assertAll(
                () -> assertFalse(text.contains("页"), text),
                () -> assertTrue(text.startsWith(TITLE), text),
                () -> assertEquals(List.of(1, 2, 3, 4, 5), clauses.stream().filter(c -> c.role() == ClauseRole.CLAUSE)
                        .map(Clause::numberValue).toList()),
                () -> assertTrue(first.text().endsWith("需求规格说明书完成全部功能。"), first.text()),
                () -> assertFalse(first.text().contains(TITLE), first.text()));
    }

    private static byte[] merge(List<byte[]> pdfs) throws IOException {
        try (PDDocument merged = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (byte[] pdf : pdfs) {
                try (PDDocument page = Loader.loadPDF(pdf)) {
                    merger.appendDocument(merged, page);
                }
            }
            merged.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void tellsWhichLinesAreArtifacts() {
        boolean[] artifacts = PageArtifactCleaner.artifacts(List.of("第一条 交付", "- 1 -", "乙方按期交付。"));
        assertEquals(List.of(false, true, false), List.of(artifacts[0], artifacts[1], artifacts[2]));
    }
}
