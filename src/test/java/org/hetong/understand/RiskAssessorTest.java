package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.hetong.config.ConfigFiles;
import org.junit.jupiter.api.Test;

class RiskAssessorTest {
    private static final ConfigFiles CONFIG = ConfigFiles.fromDirectory(Path.of("index-config"));
    private final RiskAssessor assessor = new RiskAssessor(RiskChecklist.load(CONFIG, ClauseTaxonomy.load(CONFIG)));

    private static Clause typed(int ordinal, String type, String text) {
        return new Clause(ordinal, null, 1, ClauseRole.CLAUSE, "第" + (ordinal + 1) + "条", ordinal + 1, null, text, 0, text.length(), true, type, null);
    }

    private static ContractFields endingOn(LocalDate end) {
        return new ContractFields(null, null, List.of(), null, null, end, null);
    }

    @Test
    void aDevelopmentContractWithoutConfidentialityIsFlagged() {
        List<Clause> clauses = List.of(typed(0, "合同标的/项目范围", "开发内容"), typed(1, "交付", "交付"), typed(2, "验收", "验收"),
                typed(3, "价款与支付", "价款"), typed(4, "知识产权", "知识产权"), typed(5, "违约责任", "违约"),
                typed(6, "质量保证/保修", "质保"), typed(7, "争议解决与法律适用", "仲裁"));
        List<Risk> risks = assessor.assess(DocumentKind.CONTRACT, "客户管理系统开发合同", endingOn(null), clauses, LocalDate.of(2026, 1, 1));
        assertEquals(List.of("missing:保密"), risks.stream().map(Risk::code).toList());
        assertEquals("缺少保密条款", risks.get(0).label());
    }

    @Test
    void anEndDateWithinTheWindowIsExpiringAndAPastOneExpired() {
        LocalDate today = LocalDate.of(2026, 11, 1);
        List<Risk> soon = assessor.assess(DocumentKind.CONTRACT, "合同", endingOn(today.plusDays(30)), List.of(), today);
        assertTrue(soon.stream().anyMatch(r -> r.code().equals("expiring") && r.message().contains("30 天后")), soon.toString());
        List<Risk> past = assessor.assess(DocumentKind.CONTRACT, "合同", endingOn(today.minusDays(1)), List.of(), today);
        assertTrue(past.stream().anyMatch(r -> r.code().equals("expired")), past.toString());
        List<Risk> far = assessor.assess(DocumentKind.CONTRACT, "合同", endingOn(today.plusDays(400)), List.of(), today);
        assertTrue(far.stream().noneMatch(r -> r.code().startsWith("expir")), far.toString());
    }

    @Test
    void autoRenewalWordingIsFlaggedWithItsClause() {
        List<Risk> risks = assessor.assess(DocumentKind.CONTRACT, "软件许可协议", endingOn(null),
                List.of(typed(0, "期限与终止", "期满前任何一方未书面提出异议的，本协议自动续期一年。")), LocalDate.of(2026, 1, 1));
        Risk renewal = risks.stream().filter(r -> r.code().equals("auto-renewal")).findFirst().orElseThrow();
        assertEquals(0, renewal.clauseOrdinal());
        assertTrue(renewal.message().contains("第1条"), renewal.message());
    }

    @Test
    void documentsOtherThanContractsCarryNoRisks() {
        assertEquals(List.of(), assessor.assess(DocumentKind.SUPPLEMENT, "补充协议", endingOn(LocalDate.of(2020, 1, 1)), List.of(), LocalDate.now()));
    }

    @Test
    void aChecklistNamingAnUnknownClauseTypeFailsStartUpWithTheFile() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("checklist");
        java.nio.file.Files.copy(Path.of("index-config", "clause-types.txt"), dir.resolve("clause-types.txt"));
        java.nio.file.Files.writeString(dir.resolve("risk-checklist.txt"), "[通用]\ntitleWords =\nrequired = 保密,不存在的类型\n");
        ConfigFiles files = ConfigFiles.fromDirectory(dir);
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.hetong.config.ConfigException.class,
                () -> RiskChecklist.load(files, ClauseTaxonomy.load(files)));
        assertTrue(e.getMessage().contains("risk-checklist.txt") && e.getMessage().contains("不存在的类型"), e.getMessage());
    }
}
