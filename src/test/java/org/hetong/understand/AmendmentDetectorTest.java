package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AmendmentDetectorTest {
    private final AmendmentDetector detector = new AmendmentDetector();

    private static Clause clause(int ordinal, String number, String text) {
        return new Clause(ordinal, null, 1, ClauseRole.CLAUSE, number, ordinal + 1, null, text, 0, text.length(), true, null, null);
    }

    private List<String> changes(String... texts) {
        List<Clause> clauses = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            clauses.add(clause(i, "第" + (i + 1) + "条", texts[i]));
        }
        return detector.detect(clauses).stream().map(a -> a.action() + " " + a.targetArticle() + " " + a.targetLabel()).toList();
    }

    @Test
    void aClauseRewrittenByTheSupplementIsAModification() {
        assertEquals(List.of("MODIFY 5 第五条第二款"), changes("第一条 交付期限的变更\n原合同第五条第二款修改为：“2. 乙方应于2024年1月31日前交付。”"));
        assertEquals(List.of("MODIFY 7 第七条"), changes("合同第七条变更为：价款调整为人民币贰佰万元整。"));
    }

    @Test
    void deletionsAreFoundWithTheVerbBeforeOrAfterTheArticle() {
        assertEquals(List.of("DELETE 9 第九条第三款"), changes("删除原合同第九条第三款。"));
        assertEquals(List.of("DELETE 8 第八条第二款"), changes("原合同第八条第二款予以删除。"));
    }

    @Test
    void anAddedArticleIsAnAdditionNotAChangeOfTheArticleBeforeIt() {
        assertEquals(List.of("ADD 24 第二十四条"), changes("在原合同第二十三条之后增加一条，作为第二十四条：“第二十四条 运行保障过渡期 …”"));
        assertEquals(List.of("ADD 16 第十六条"), changes("新增第十六条：数据出境的特别约定。"));
    }

    @Test
    void anItemAddedInsideAnArticleModifiesThatArticle() {
        assertEquals(List.of("MODIFY 2 第二条第（二）款第5项"), changes("在原合同第二条第（二）款第5项之后增加一项，作为第6项：“6. 电子证照模块。”"));
    }

    @Test
    void decimallyNumberedContractsAreAmendedByTheirFirstNumber() {
        assertEquals(List.of("MODIFY 2 第2.2.1条"), changes("1.1 原协议第2.2.1条修改为：“2.2.1 部署地点：主数据中心及灾备中心。”"));
        assertEquals(List.of("MODIFY 5 第5.1条"),
                changes("原协议第5.1条中许可费总额由人民币叁佰陆拾万元整（¥3,600,000.00）变更为人民币伍佰零肆万元整。"));
    }

    @Test
    void theOriginalContractsAppendixChangedIsAModificationOfThatAppendix() {
        List<Amendment> found = detector.detect(List.of(clause(0, "第一条",
                "原合同第五条修改为：“乙方应于2024年1月31日前交付正式版。”原合同附件二《项目实施计划》中“正式版交付”的完成时间相应调整为2024年1月31日。")));
        assertEquals(List.of("article:5 第五条", "appendix:2 附件二"), found.stream().map(a -> a.targetKey() + " " + a.targetLabel()).toList());
        assertTrue(found.get(1).excerpt().contains("相应调整为2024年1月31日"), found.get(1).excerpt());
        assertEquals(List.of("appendix:1 附件一"), detector.detect(List.of(clause(0, "1.3",
                "1.3 原协议附件一《许可软件及许可范围清单》按本协议附件《许可范围清单（变更后）》更新。")))
                .stream().map(a -> a.targetKey() + " " + a.targetLabel()).toList());
    }

    @Test
    void anAppendixOnlyCitedIsNotChanged() {
        assertEquals(List.of(), changes("买方按附件二的测试项目逐项测试；设备清单详见原合同附件一。"));
        assertEquals(List.of(), changes("本补充协议的附件一为原合同附件二的组成部分。"));
    }

    @Test
    void aCitationIsNotAChange() {
        assertEquals(List.of(), changes("乙方逾期交付的，按原合同第十六条第（一）款应支付违约金；本协议未约定的，仍适用原合同第十六条的约定。"));
    }

    @Test
    void theExcerptKeepsTheQuotedNewWording() {
        Amendment a = detector.detect(List.of(clause(0, "第一条", "原合同第五条第二款修改为：\n“2. 乙方应于2024年1月31日前完成全部开发。”\n其他不变。"))).get(0);
        assertTrue(a.excerpt().contains("2024年1月31日前完成全部开发"), a.excerpt());
        assertEquals(0, a.clauseOrdinal());
    }

    @Test
    void theSupplementsOwnArticleLabelIsNotADeletionOfThatArticle() {
        assertEquals(List.of("DELETE 16 第十六条第2款"), changes("", "", "", "第四条【条款删除】\n删除原合同第十六条第2款。"));
        assertEquals(List.of("DELETE 9 第九条"), changes("", "", "", "第四条　删除条款\n原合同第九条予以删除。"));
    }

    @Test
    void theLabelOnTheSameLineAsTheChangeIsNotATargetEither() {
        assertEquals(List.of("MODIFY 5 第五条"), changes("第一条 原合同第五条修改为：“乙方应于2024年8月15日前完成部署。”"));
    }

    @Test
    void strikingWordsOutOfAnArticleAndReplacingThemModifiesIt() {
        assertEquals(List.of("MODIFY 7 第七条第（二）项"), changes("", "", "",
                "第四条　删除条款\n删除原合同第七条第（二）项中“项目经理每周驻场不少于4个工作日”的约定，改为每周驻场不少于3个工作日。"));
        assertEquals(List.of("MODIFY 3 第三条"), changes("删除原合同第三条中“含税”二字。"));
    }

    @Test
    void aStruckArticleFollowedByRenumberingIsStillADeletion() {
        assertEquals(List.of("DELETE 8 第八条"), changes("删除原合同第八条，其后各条的序号依次改为前移一位。"));
    }
}
