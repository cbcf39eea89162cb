package org.hetong.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Deterministic fictional software contracts for load, crash and bulk tests: the same seed gives
 * the same texts. Each contract carries a unique contract number ({@link #number(int)}) and a
 * unique marker word in its confidentiality clause ({@link #marker(int)}), so a test can find each
 * one by search.
 */
public final class GeneratedContracts {
    private static final List<String> BUYERS = List.of("江临市数据资源管理局", "澄州商业银行股份有限公司", "南湾港口集团有限公司",
            "鹭洲优选电子商务有限公司", "江临市第一人民医院", "星河物流股份有限公司", "青岚教育科技集团");
    private static final List<String> SELLERS = List.of("青禾数智软件有限公司", "北辰星图软件股份有限公司", "恒瓴信息技术服务有限公司",
            "启珩智能科技有限公司", "中屹系统集成有限公司", "云岫网络科技有限公司");
    private static final List<String> PROJECTS = List.of("客户关系管理系统", "电子病历系统", "智慧仓储平台", "移动办公应用",
            "数据中台", "网上营业厅", "供应链协同平台", "统一身份认证系统");
    private static final String DIGITS = "零一二三四五六七八九";

    private GeneratedContracts() {}

    public static String number(int i) {
        return String.format("GEN-%04d-%05d", 2020 + i % 6, i);
    }

    /** A made-up word that occurs only in contract {@code i}: letters a test can search for. */
    public static String marker(int i) {
        StringBuilder b = new StringBuilder("zq");
        int n = i;
        do {
            b.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return b.append("x").toString();
    }

    public static String fileName(int i) {
        return "软件开发合同-" + number(i) + ".txt";
    }

    public static byte[] bytes(int i) {
        return text(i).getBytes(StandardCharsets.UTF_8);
    }

    public static String text(int i) {
        Random r = new Random(i * 7919L + 17);
        String buyer = BUYERS.get(r.nextInt(BUYERS.size()));
        String seller = SELLERS.get(r.nextInt(SELLERS.size()));
        String project = PROJECTS.get(r.nextInt(PROJECTS.size()));
        int year = 2020 + i % 6;
        int month = 1 + r.nextInt(12);
        int day = 1 + r.nextInt(28);
        long price = (50 + r.nextInt(950)) * 10_000L;
        int penalty = 1 + r.nextInt(9);
        int years = 2 + r.nextInt(4);
        return """
                %s开发合同

                合同编号：%s

                甲方：%s
                乙方：%s

                鉴于甲方拟建设%s，乙方具备相应的开发能力，双方经协商一致，订立本合同。

                第一条 项目范围
                乙方为甲方开发%s，包括需求分析、设计、编码、测试、部署及培训。

                第二条 交付
                乙方应于合同签订后%d个月内交付系统的源代码、可执行程序及技术文档。

                第三条 验收
                甲方在收到交付物后十五个工作日内组织验收，验收合格后签署验收报告。

                第四条 价款与支付
                合同总价为人民币%s元整（¥%,d.00），分三期支付。

                第五条 知识产权
                本项目开发成果的著作权及其他知识产权归甲方所有。

                第六条 保密
                双方对在履行本合同过程中知悉的对方商业秘密负有保密义务，保密期限为合同终止后%d年。%s条款编号%d。

                第七条 违约责任
                乙方逾期交付的，每逾期一日按合同总价的万分之%d支付违约金。

                第八条 争议解决
                因本合同引起的争议，双方协商解决；协商不成的，提交甲方所在地人民法院诉讼解决。

                甲方（盖章）：%s
                乙方（盖章）：%s
                签订日期：%d年%d月%d日
                """.formatted(project, number(i), buyer, seller, project, project, 3 + r.nextInt(9),
                capitals(price), price, years, marker(i), i, penalty, buyer, seller, year, month, day);
    }

    /** A rough capital-numeral rendering, enough for realistic-looking text. */
    private static String capitals(long value) {
        String s = Long.toString(value / 10_000);
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(DIGITS.charAt(c - '0'));
        }
        return b.append("万").toString();
    }
}
