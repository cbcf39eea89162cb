package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentKindDetectorTest {
    private final DocumentKindDetector detector = new DocumentKindDetector();
    private final ClauseSplitter splitter = new ClauseSplitter();

    private DocumentKind kindOfTitle(String title) {
        return detector.detect(title, "application/pdf", "", List.of());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"《软件开发合同》补充协议", "软件开发合同之补充协议（二）", "技术服务合同变更协议",
            "关于《云岫客服平台开发合同》的补充条款"})
    void titlesOfSupplementsMakeSupplements(String title) {
        assertEquals(DocumentKind.SUPPLEMENT, kindOfTitle(title));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"关于调整项目上线时间的函", "关于系统停机维护的通知", "催款函", "项目周例会会议纪要",
            "关于验收问题的回复"})
    void lettersNoticesAndMinutesAreCorrespondence(String title) {
        assertEquals(DocumentKind.CORRESPONDENCE, kindOfTitle(title));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"云岫客服平台验收报告", "终验验收单", "需求变更单", "项目实施方案", "设备报价清单"})
    void reportsFormsAndListsAreAttachments(String title) {
        assertEquals(DocumentKind.ATTACHMENT, kindOfTitle(title));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"软件开发合同", "技术服务协议书", "保密协议", "信息系统运维服务合同（2024年度）",
            "短信通知平台服务合同", "智慧园区建设方案设计合同", "数据备份记录系统采购合同"})
    void titlesEndingInContractOrAgreementAreContracts(String title) {
        assertEquals(DocumentKind.CONTRACT, kindOfTitle(title));
    }

    @Test
    void aMailIsCorrespondenceWhateverItsSubjectSays() {
        assertEquals(DocumentKind.CORRESPONDENCE, detector.detect("上线时间确认", "message/rfc822", "", List.of()));
        assertEquals(DocumentKind.CORRESPONDENCE, detector.detect("软件开发合同", "message/rfc822", "", List.of()));
        assertEquals(DocumentKind.CORRESPONDENCE,
                detector.detect("Re: 验收安排", "application/vnd.ms-outlook", "", List.of()));
    }

    @Test
    void aMailCarryingASupplementByTitleIsStillTheSupplement() {
        assertEquals(DocumentKind.SUPPLEMENT, detector.detect("补充协议", "message/rfc822", "", List.of()));
    }

    @Test
    void anUntitledTextWithManyArticlesAndBothPartiesIsAContract() {
        String text = ClauseSplitterTest.fixture("software-development-contract.txt");
        assertEquals(DocumentKind.CONTRACT, detector.detect("扫描件001", "application/pdf", text, splitter.split(text)));
    }

    @Test
    void anUntitledTextThatGreetsAndSignsOffIsCorrespondence() {
        String text = "尊敬的杭州青石软件有限公司：\n贵司来函已收悉，我方同意延期。\n此致\n敬礼\n";
        assertEquals(DocumentKind.CORRESPONDENCE, detector.detect("扫描件002", "application/pdf", text, splitter.split(text)));
    }

    @Test
    void anythingElseIsOther() {
        assertEquals(DocumentKind.OTHER, detector.detect("说明", "text/plain", "一些说明文字。", List.of()));
        assertEquals(DocumentKind.OTHER, detector.detect(null, null, "", List.of()));
    }

    @Test
    void aMailSavedAsTextIsCorrespondence() {
        String text = "发件人：林静 <lin@example.com>\n收件人：周工 <zhou@example.com>\n主题：软件测评服务合同\n\n周工：\n";
        assertEquals(DocumentKind.CORRESPONDENCE, detector.detect("软件测评服务合同", "text/plain", text, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"《仓储系统开发合同》补充约定", "软件许可协议修正协议", "运维服务合同增补协议"})
    void otherNamesOfSupplementsMakeSupplements(String title) {
        assertEquals(DocumentKind.SUPPLEMENT, kindOfTitle(title));
    }
}
