package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactsExtractorTest {
    private final ClauseSplitter splitter = new ClauseSplitter();
    private final FieldExtractor fields = new FieldExtractor();
    private final FactsExtractor facts = new FactsExtractor();

    private DocumentFacts factsOf(String id, DocumentKind kind, String title, String text, LocalDate created) {
        return factsOf(id, kind, title, text, null, created);
    }

    private DocumentFacts factsOf(String id, DocumentKind kind, String title, String text, String messageId, LocalDate date) {
        List<Clause> clauses = splitter.split(text);
        Understanding u = new Understanding(kind, title, fields.extract(text, clauses, title), clauses);
        return facts.extract(id, u, text, messageId, null, date);
    }

    private static final String CONTRACT = """
            溪口仓储管理系统开发合同
            合同编号：RX-2022-0815
            甲方：溪口物流有限公司
            乙方：澜石软件科技有限公司
            第一条 开发内容
            乙方为甲方开发仓储管理系统。
            """;

    private static final String SUPPLEMENT = """
            《溪口仓储管理系统开发合同》补充协议
            原合同编号：RX-2022-0815
            本协议编号：BC-2023-0077
            甲方：溪口物流有限公司
            乙方：澜石软件科技有限公司
            第一条 交付期限的变更
            原合同第五条修改为：“乙方应于2023年9月30日前交付。”
            """;

    @Test
    void aSupplementKeepsItsOwnNumberAndCitesTheContractsNumber() {
        DocumentFacts s = factsOf("s1", DocumentKind.SUPPLEMENT, "补充协议", SUPPLEMENT, null);
        assertEquals("BC-2023-0077", s.contractNumber());
        assertTrue(s.referencedNumbers().contains("RX-2022-0815"), s.referencedNumbers().toString());
        assertFalse(s.referencedNumbers().contains("BC-2023-0077"), s.referencedNumbers().toString());
    }

    @Test
    void aSupplementWhoseOwnNumberIsUnrelatedJoinsItsFamilyByTheNumberItCites() {
        DocumentFacts c = factsOf("c1", DocumentKind.CONTRACT, "溪口仓储管理系统开发合同", CONTRACT, null);
        DocumentFacts s = factsOf("s1", DocumentKind.SUPPLEMENT, "补充协议", SUPPLEMENT, null);
        Map<String, FamilyLink> links = new FamilyLinker().link(List.of(c, s));
        assertEquals("c1", links.get("s1").contractId());
        assertTrue(links.get("s1").reason().contains("RX-2022-0815"), links.get("s1").reason());
    }

    @Test
    void aContractNumberBrokenOverAPdfLineIsCitedWhole() {
        String letter = "关于暂停接口权限的通知\n违反了《开发合同》（合同编号：RX-2022-\n0815）的约定。\n";
        DocumentFacts l = factsOf("l1", DocumentKind.CORRESPONDENCE, "关于暂停接口权限的通知", letter, null);
        assertEquals("RX-2022-0815", l.contractNumber());
    }

    @Test
    void aLetterIsDatedAtItsFootNotByTheDateOfEffectItAnnouncesNorByItsFilesCreationDate() {
        String notice = """
                关于调整服务时间的通知
                溪口物流有限公司：
                自2024年7月1日起生效的新服务时间为每日8:00至20:00。
                澜石软件科技有限公司
                2024年6月20日
                """;
        assertEquals(LocalDate.of(2024, 6, 20), factsOf("n1", DocumentKind.CORRESPONDENCE, "通知", notice, null).date());
        assertEquals(LocalDate.of(2024, 6, 20),
                factsOf("n2", DocumentKind.CORRESPONDENCE, "通知", notice, LocalDate.of(2023, 1, 5)).date());
    }

    @Test
    void aMailIsDatedWhenItWasSent() {
        String mail = "周工：\n请于2024年7月1日前提交报告。\n林静\n";
        assertEquals(LocalDate.of(2024, 6, 18),
                factsOf("m1", DocumentKind.CORRESPONDENCE, "报告提交", mail, "<m1@example.com>", LocalDate.of(2024, 6, 18)).date());
    }
}
