package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.hetong.config.ConfigFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClauseClassifierTest {
    private static ClauseClassifier classifier;

    @BeforeAll
    static void loadTheShippedTaxonomy() {
        classifier = new ClauseClassifier(ClauseTaxonomy.load(ConfigFiles.fromDirectory(Path.of("index-config"))));
    }

    private static Clause clause(ClauseRole role, String heading, String text) {
        return new Clause(0, null, 1, role, role == ClauseRole.CLAUSE ? "第五条" : null, role == ClauseRole.CLAUSE ? 5 : null,
                heading, text, 0, text.length(), true, null, null);
    }

    private static Clause article(String heading, String text) {
        return classifier.classify(clause(ClauseRole.CLAUSE, heading, text));
    }

    @Test
    void theHeadingDecidesEvenWhenTheBodyTalksAboutPenalties() {
        Clause c = article("保密", "第五条 保密：乙方对在履行本合同过程中知悉的甲方商业秘密负有保密义务。"
                + "乙方违反本条约定的，应向甲方支付违约金人民币伍万元，违约金不足以弥补损失的，还应赔偿甲方的全部损失。");
        assertEquals("保密", c.clauseType());
        assertEquals("违约责任", c.secondaryType());
    }

    @Test
    void aHeadingNamingTwoTypesTakesTheOneWithTheLongerTerm() {
        // 知识产权 (4 characters) against 保密 (2)
        assertEquals("知识产权", article("保密与知识产权", "双方另行约定。").clauseType());
        assertEquals("数据与信息安全", article("数据安全", "双方另行约定。").clauseType());
        assertEquals("争议解决与法律适用", article("争议解决", "双方协商不成的，提交杭州仲裁委员会仲裁。").clauseType());
    }

    @Test
    void aHeadingNamingTwoTypesWithEqualTermsTakesTheFirstAndKeepsTheSecondAsSecondary() {
        Clause c = article("质量保证与售后服务", "质保期内乙方提供7×24小时售后服务，接到报修后30分钟内响应。");
        assertEquals("质量保证/保修", c.clauseType());
        assertEquals("服务与维护", c.secondaryType());
        Clause change = article("合同变更与终止", "双方另行签订补充协议。");
        assertEquals("变更", change.clauseType());
        assertEquals("期限与终止", change.secondaryType());
    }

    @Test
    void headingsALawyerWouldFileUnderATypeWithoutNamingIt() {
        assertEquals("责任限制", article("责任限额", "供方的赔偿责任总额不超过本合同总金额，违约金亦计入其中。").clauseType());
        assertEquals("责任限制", article("技术风险", "因技术困难导致研究开发失败的，双方协商分担风险责任并减少损失。").clauseType());
        assertEquals("生效与其他", article("合同文件及解释顺序", "组成本合同的文件包括：本合同；中标通知书；投标文件。").clauseType());
        assertEquals("合同标的/项目范围", article("协议目的", "本协议旨在由丙方保管源代码，并在释放条件成就时向甲方交付。").clauseType());
        assertEquals("合同标的/项目范围", article("甲方的义务", "甲方应按约定支付服务费，并提供交付所需的环境。").clauseType());
    }

    @Test
    void aBilingualFirstLineIsReadAsTheHeadingWhenTheSplitterGaveNone() {
        String text = "14. 责任限制 Limitation of Liability\n14.1 任何一方违约的，赔偿责任上限为已付许可费总额，违约金计入其中。";
        Clause c = classifier.classify(new Clause(0, null, 1, ClauseRole.CLAUSE, "14.", 14, null, text, 0, text.length(), true,
                null, null));
        assertEquals("责任限制", c.clauseType());
        assertEquals(ClauseClassifier.Basis.HEADING, classifier.decide(c).basis());
    }

    @Test
    void aLetterIsNotTypedByItsOwnNameOrByASignatureRequest() {
        Clause c = article(null, "二、请贵司于收到本通知之日起3个工作日内提交书面整改方案，明确人员增补计划，并由贵司法定代表人签字确认。");
        assertNotEquals("通知", c.clauseType());
        assertNotEquals("签署", c.clauseType());
    }

    @Test
    void citedTitlesAndContactLinesDoNotDecideTheType() {
        assertEquals("价款与支付", article(null, "根据《信息系统运维服务合同》第五条，请贵司于10月31日前开具发票，我方将办理付款。")
                .clauseType());
        assertEquals("知识产权", article(null, "四、许可软件的源代码已于9月19日更新至评测中心托管，托管回执附后。\n"
                + "联系人：方子墨　电话：010-62887301　邮箱：fangzimo@example.com").clauseType());
    }

    @Test
    void aSupplementClauseHeadedByItsVerbIsTypedByWhatItChanges() {
        Clause c = article("修改条款", "原合同第二十二条中乙方指定邮箱修改为：support@example.com；乙方联系人变更为黄梓晨，电话：0591-83216690。");
        assertEquals("通知", c.clauseType());
    }

    @Test
    void wordsBrokenByLineBreaksAreStillRead() {
        assertEquals("交付", article(null, "二、我司工程师已于9月14日完成许可软件V5.3的安\n装部署及上线切换。").clauseType());
    }

    @Test
    void theDecisionSaysWhatDecided() {
        assertEquals(ClauseClassifier.Basis.HEADING, classifier.decide(clause(ClauseRole.CLAUSE, "保密", "双方另行约定。")).basis());
        assertEquals(ClauseClassifier.Basis.BODY, classifier.decide(clause(ClauseRole.CLAUSE, null, "因不可抗力不能履行的，免除责任。")).basis());
        assertEquals(ClauseClassifier.Basis.NONE, classifier.decide(clause(ClauseRole.CLAUSE, null, "甲方应当及时提供业务资料。")).basis());
        assertEquals(ClauseClassifier.Basis.ROLE, classifier.decide(clause(ClauseRole.SIGNATURE, "签署", "甲方（盖章）")).basis());
    }

    @Test
    void theBodyDecidesWhenThereIsNoHeading() {
        Clause c = article(null, "第六条 甲方应当按照本合同约定按期支付价款，逾期支付的，每日按应付未付金额的万分之五"
                + "向乙方支付违约金，由此给乙方造成损失的，还应承担赔偿责任。");
        assertEquals("违约责任", c.clauseType());
    }

    @Test
    void theBodyDecidesWhenTheHeadingNamesNoType() {
        Clause c = article("双方约定", "因地震、战争、疫情等不能预见、不能避免并不能克服的不可抗力事件导致不能履行合同的，"
                + "受影响的一方不承担责任。");
        assertEquals("不可抗力", c.clauseType());
    }

    @Test
    void recognisesDefinitionsByTheirWording() {
        assertEquals("定义", article(null, "本合同中下列用语具有如下含义：“软件”是指乙方开发的计算机程序；"
                + "“文档”系指与软件有关的说明资料。").clauseType());
    }

    @Test
    void theSignatureBlockIsOfTypeSignatureWhateverItSays() {
        Clause c = classifier.classify(clause(ClauseRole.SIGNATURE, "签署",
                "甲方（盖章）：北京云岫信息技术有限公司\n授权代表：\n日期：2023年5月1日"));
        assertEquals("签署", c.clauseType());
        assertNull(c.secondaryType());
    }

    @Test
    void thePreambleHasNoType() {
        Clause c = classifier.classify(clause(ClauseRole.PREAMBLE, null,
                "软件开发合同\n甲方：北京云岫信息技术有限公司\n乙方：杭州青石软件有限公司\n双方就保密、付款等事项达成如下协议："));
        assertNull(c.clauseType());
        assertNull(c.secondaryType());
    }

    @Test
    void aClauseWithNoIndicativeWordsHasNoType() {
        Clause c = article(null, "第六条 甲方应当及时提供开发所需的业务资料。");
        assertNull(c.clauseType());
    }

    @Test
    void classifiesEveryArticleOfTheFixtureContract() {
        String text = ClauseSplitterTest.fixture("software-development-contract.txt");
        List<Clause> clauses = classifier.classify(new ClauseSplitter().split(text));
        java.util.Map<String, String> byNumber = new java.util.LinkedHashMap<>();
        for (Clause c : clauses) {
            if (c.searchable() && c.role() == ClauseRole.CLAUSE) {
                byNumber.put(c.number(), c.clauseType());
            }
        }
        assertEquals("合同标的/项目范围", byNumber.get("第一条"));
        assertEquals("定义", byNumber.get("第二条"));
        assertEquals("价款与支付", byNumber.get("第四条"));
        assertEquals("保密", byNumber.get("第五条"));
        assertEquals("知识产权", byNumber.get("第七条"));
        assertEquals("交付", byNumber.get("第八条"));
        assertEquals("验收", byNumber.get("第九条"));
        assertEquals("质量保证/保修", byNumber.get("第十条"));
        assertEquals("不可抗力", byNumber.get("第十一条"));
        assertEquals("违约责任", byNumber.get("第12条"));
        assertEquals("生效与其他", byNumber.get("第十三条"));
        assertEquals("签署", clauses.stream().filter(c -> c.role() == ClauseRole.SIGNATURE).findFirst().orElseThrow().clauseType());
        assertEquals(clauses.size(), new ClauseSplitter().split(text).size());
    }

    @Test
    void classifyingKeepsEverythingButTheTypes() {
        Clause before = clause(ClauseRole.CLAUSE, "知识产权", "软件的著作权归甲方所有。");
        Clause after = classifier.classify(before);
        assertEquals(before.withTypes("知识产权", null), after);
    }
}
