package org.hetong.search;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TemplateGroupsTest {
    private static final String TEMPLATE = "因本合同引起的争议，双方应协商解决；协商不成的，任何一方均可向%s所在地人民法院提起诉讼。"
            + "诉讼期间，本合同不涉及争议的部分应继续履行。违约方应承担守约方为实现债权支付的律师费、诉讼费等合理费用。";

    @Test
    void theSameTemplateWithAnotherPartyIsOneTemplate() {
        double overlap = TemplateGroups.overlap(TEMPLATE.formatted("甲方"), TEMPLATE.formatted("乙方"));
        assertTrue(overlap >= TemplateGroups.SAME_TEMPLATE, "overlap " + overlap);
    }

    @Test
    void numbersAndAmountsDoNotSeparateATemplate() {
        String a = "乙方逾期交付的，每逾期一日按合同总价的万分之五支付违约金，累计不超过合同总价的10%。违约金不足以弥补损失的，乙方还应赔偿差额部分。";
        String b = a.replace("10%", "20%");
        assertTrue(TemplateGroups.overlap(a, b) >= TemplateGroups.SAME_TEMPLATE);
    }

    @Test
    void twoDifferentClausesOnTheSameTopicAreNotOneTemplate() {
        String a = "乙方对在服务过程中知悉的甲方患者信息、医疗数据承担保密义务，保密期限至本合同终止后五年。";
        String b = "双方对在合同履行中知悉的对方商业秘密、技术秘密及本合同内容负有保密义务，涉及个人信息的保密义务永久有效。";
        assertTrue(TemplateGroups.overlap(a, b) < TemplateGroups.SAME_TEMPLATE);
    }
}
