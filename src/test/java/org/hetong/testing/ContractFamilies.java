package org.hetong.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic families of fictional Chinese IT contracts, as plain text: a contract, its
 * supplements (citing the contract's number and 《title》 and changing some of its articles),
 * letters and notices about it, and mails with an attachment. Family {@code f} of seed {@code s}
 * is always the same, and is made on its own, so a corpus of any size streams family by family.
 *
 * <p>Contracts vary in kind (development, services, maintenance, licence, integration, cloud,
 * consulting, outsourcing), party roles, numbering style (第X条, 第X章/第X条, 一、, 1./1.1,
 * 第X条 with the heading on the next line, 第X条【heading】), amounts in figures and capitals, dates
 * in five forms and the clause types of {@link ClauseLibrary}.
 */
public final class ContractFamilies {
    /** Kind of a generated document, as hetong should detect it. */
    public enum Kind { CONTRACT, SUPPLEMENT, CORRESPONDENCE, MAIL, RECORD }

    /** One generated document: its text and what it is. {@code clauses} counts its top-level units plus preamble and signature. */
    public record Doc(Kind kind, String name, String title, String text, int clauses, Mail mail) {
        /** A document that is a mail: headers, and the document attached to it. */
        public record Mail(String fromName, String fromAddress, String toName, String toAddress, String messageId,
                           String inReplyTo, LocalDate date, Doc attachment) {}
    }

    /** A contract and everything that refers to it. */
    public record Family(int index, String contractNumber, String contractTitle, String buyer, String seller, List<Doc> docs) {}

    private record ContractType(String name, List<String> titles, String roles, String prefix) {}

    private static final List<ContractType> CONTRACT_TYPES = List.of(
            new ContractType("开发", List.of("软件开发合同", "软件定制开发合同", "系统开发合同", "软件开发项目合同"), "甲乙|委托", "HT"),
            new ContractType("技术服务", List.of("技术服务合同", "技术开发（委托）合同", "实施服务合同"), "委托|甲乙", "JF"),
            new ContractType("运维", List.of("信息系统运维服务合同", "运维服务合同", "系统维护服务协议"), "甲乙|委托", "YW"),
            new ContractType("许可", List.of("软件许可协议", "软件使用许可合同", "软件产品授权协议"), "许可", "LIC"),
            new ContractType("集成", List.of("系统集成合同", "设备采购及系统集成合同", "软硬件采购合同"), "买卖|甲乙", "CG"),
            new ContractType("云服务", List.of("云服务合同", "数据处理协议", "云平台租用服务协议"), "甲乙", "YF"),
            new ContractType("咨询", List.of("技术咨询合同", "信息化规划咨询服务合同"), "委托|甲乙", "ZX"),
            new ContractType("外包", List.of("软件外包服务合同", "人力外包服务协议"), "发包", "WB"));

    private static final List<String> CITIES = List.of("江临", "澄州", "南湾", "鹭洲", "青岚", "松涛", "云岫", "星河", "临川", "曲江",
            "白鹭", "望海", "明溪", "东陵", "西岭", "北屿");
    private static final List<String> BUYER_KINDS = List.of("市数据资源管理局", "市第一人民医院", "商业银行股份有限公司", "港口集团有限公司",
            "电子商务有限公司", "物流股份有限公司", "教育科技集团", "市公安局", "市人力资源和社会保障局", "农村商业银行", "供电有限公司",
            "市自然资源和规划局", "制药股份有限公司", "燃气集团有限公司", "城市建设投资集团", "保险股份有限公司", "市妇幼保健院", "职业技术学院");
    private static final List<String> NAME_CORES = List.of("青禾", "北辰", "恒瓴", "启珩", "中屹", "云岫", "星图", "墨羽", "晨曦", "澜石",
            "知微", "远帆", "栖梧", "观澜", "若木", "长庚", "拾光", "千帆", "鸿蒙", "锦程", "泓毅", "睿思", "砺锋", "清源");
    private static final List<String> SELLER_KINDS = List.of("数智软件有限公司", "软件股份有限公司", "信息技术服务有限公司", "智能科技有限公司",
            "系统集成有限公司", "网络科技有限公司", "数据技术有限公司", "云计算科技有限公司", "信息安全技术有限公司", "软件技术有限公司");
    private static final List<String> SYSTEMS = List.of("客户关系管理系统", "电子病历系统", "智慧仓储平台", "移动办公应用", "数据中台",
            "网上营业厅", "供应链协同平台", "统一身份认证系统", "一体化政务服务平台", "智能推荐系统", "财务共享平台", "人力资源管理系统",
            "视频监控联网平台", "不动产登记信息系统", "核心业务系统", "数据中心机房", "智慧校园平台", "医保结算系统", "分布式数据库", "运维监控平台");
    private static final List<String> SURNAMES = List.of("张", "王", "李", "赵", "陈", "刘", "周", "吴", "许", "林", "黄", "孙", "郑", "何");
    private static final List<String> GIVEN = List.of("明远", "思涵", "嘉树", "文博", "梓晨", "雨桐", "浩然", "静怡", "子豪", "欣然", "建国",
            "晓峰", "丽华", "志强");
    private static final List<String> BANKS = List.of("江临农商银行高新支行", "澄州商业银行科技支行", "南湾银行滨海支行", "工商银行星河支行");
    private static final List<String> LETTER_TOPICS = List.of("项目交付延期", "支付第二期合同款", "系统上线安排", "项目经理更换",
            "停机维护窗口", "暂停测试数据接口访问权限", "终验安排", "质保期服务", "需求变更确认", "续约事宜");
    private static final List<String> LETTER_KINDS = List.of("的函", "的通知", "的催告函", "的确认函", "的通知函");

    private final long seed;
    private final int minArticles;
    private final int maxArticles;

    /** Families of contracts with {@code minArticles}–{@code maxArticles} articles each. */
    public ContractFamilies(long seed, int minArticles, int maxArticles) {
        if (minArticles < ClauseLibrary.CORE.size() || maxArticles < minArticles) {
            throw new IllegalArgumentException("articles per contract must be at least " + ClauseLibrary.CORE.size()
                    + " and min ≤ max, not " + minArticles + "–" + maxArticles);
        }
        this.seed = seed;
        this.minArticles = minArticles;
        this.maxArticles = maxArticles;
    }

    public ContractFamilies(long seed) {
        this(seed, 12, 36);
    }

    /** Family {@code f}: the same for the same seed, whatever was made before it. */
    public Family family(int f) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + f * 1_000_003L);
        Ctx c = new Ctx(f, r);
        List<Doc> docs = new ArrayList<>();
        docs.add(contract(c));
        int supplements = weighted(r, 45, 35, 20);
        for (int i = 1; i <= supplements; i++) {
            docs.add(supplement(c, i));
        }
        int letters = weighted(r, 35, 45, 20);
        for (int i = 1; i <= letters; i++) {
            docs.add(letter(c, i));
        }
        if (r.nextInt(100) < 40) {
            docs.add(mail(c, 1));
        }
        return new Family(f, c.number, c.title, c.buyer, c.seller, List.copyOf(docs));
    }

    /** Contract {@code f}'s text alone (no supplements): for benchmarks that want contract text only. */
    public String contractText(int f) {
        return family(f).docs().get(0).text();
    }

    // ---- what a family shares ---------------------------------------------------------------------

    /** Everything the documents of one family share. */
    private final class Ctx {
        final int f;
        final Random r;
        final String buyer;
        final String seller;
        final String a;
        final String b;
        final String aHeader;
        final String bHeader;
        final String number;
        final String title;
        final String system;
        final String project;
        final String city;
        final LocalDate signed;
        final long price;
        final String buyerContact;
        final String sellerContact;
        final String buyerDomain;
        final String sellerDomain;
        final Map<String, String> values = new HashMap<>();
        final List<String> articleHeadings = new ArrayList<>();
        final List<String> articleTypes = new ArrayList<>();

        Ctx(int f, Random r) {
            this.f = f;
            this.r = r;
            // Buyers repeat (a few big customers hold many contracts); sellers a little less so.
            this.city = ClauseLibrary.pick(CITIES, r);
            int bk = skewed(r, BUYER_KINDS.size());
            String buyerCity = CITIES.get(skewed(r, CITIES.size()));
            this.buyer = buyerCity + (BUYER_KINDS.get(bk).startsWith("市") ? "" : ClauseLibrary.pick(NAME_CORES, r).substring(0, 1))
                    + BUYER_KINDS.get(bk);
            this.seller = NAME_CORES.get(skewed(r, NAME_CORES.size())) + SELLER_KINDS.get(skewed(r, SELLER_KINDS.size()));
            ContractType type = CONTRACT_TYPES.get(r.nextInt(CONTRACT_TYPES.size()));
            String[] roleOptions = type.roles().split("\\|");
            switch (roleOptions[r.nextInt(roleOptions.length)]) {
                case "委托" -> { a = "甲方"; b = "乙方"; aHeader = "委托方（甲方）"; bHeader = "受托方（乙方）"; }
                case "许可" -> { a = "被许可方"; b = "许可方"; aHeader = "被许可方"; bHeader = "许可方"; }
                case "买卖" -> { a = "买方"; b = "卖方"; aHeader = "买方"; bHeader = "卖方"; }
                case "发包" -> { a = "发包方"; b = "承包方"; aHeader = "发包方（甲方）"; bHeader = "承包方（乙方）"; }
                default -> { a = "甲方"; b = "乙方"; aHeader = "甲方"; bHeader = "乙方"; }
            }
            this.system = ClauseLibrary.pick(SYSTEMS, r);
            this.project = buyerCity + (r.nextBoolean() ? "市" : "") + system + (r.nextInt(4) == 0 ? "（二期）" : "");
            this.title = project + ClauseLibrary.pick(type.titles(), r);
            this.signed = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(8 * 365));
            this.number = contractNumber(type.prefix(), signed.getYear(), f, r);
            this.price = (long) (Math.exp(Math.log(20_000) + r.nextDouble() * Math.log(30_000_000 / 20_000.0)) / 100) * 100;
            this.buyerContact = person(r);
            this.sellerContact = person(r);
            this.buyerDomain = "buyer" + f + ".example.com";
            this.sellerDomain = "vendor" + (seller.hashCode() & 0xffff) + ".example.com";
            values.put("A", a);
            values.put("B", b);
            values.put("AN", buyer);
            values.put("BN", seller);
            values.put("P", project);
            values.put("SYS", system);
            values.put("CITY", city + "市");
            values.put("ARB", r.nextBoolean() ? "中国国际经济贸易仲裁委员会" : city + "仲裁委员会");
            values.put("NO", number);
            values.put("BANK", ClauseLibrary.pick(BANKS, r));
            values.put("ACCT", String.format(Locale.ROOT, "6230 %04d %04d %04d %d", r.nextInt(10_000), r.nextInt(10_000),
                    r.nextInt(10_000), r.nextInt(10)));
            values.put("PA", buyerContact);
            values.put("PB", sellerContact);
            values.put("MAIL", pinyinish(sellerContact) + "@" + sellerDomain);
            values.put("TEL", String.format(Locale.ROOT, "%03d-%04d", r.nextInt(1000), r.nextInt(10_000)));
            values.put("TEL2", String.format(Locale.ROOT, "%03d-%08d", 100 + r.nextInt(900), r.nextInt(100_000_000)));
        }

        /** Slot values that change from clause to clause. */
        Map<String, String> fresh() {
            values.put("AMT", ChineseForms.amount(price, r));
            values.put("D", String.valueOf(pick(r, 3, 5, 7, 10, 15, 20, 30)));
            values.put("M", String.valueOf(1 + r.nextInt(12)));
            values.put("M2", String.valueOf(pick(r, 6, 12, 18, 24, 36)));
            values.put("Y", r.nextInt(3) == 0 ? ChineseForms.lower(1 + r.nextInt(5)) : String.valueOf(1 + r.nextInt(5)));
            values.put("PCT", String.valueOf(pick(r, 5, 10, 15, 20, 30)));
            values.put("CAP", String.valueOf(pick(r, 10, 20, 30, 50, 100)));
            values.put("W", r.nextBoolean() ? ChineseForms.lower(pick(r, 3, 5, 10)) : String.valueOf(pick(r, 3, 5, 10)));
            values.put("H", String.valueOf(pick(r, 1, 2, 4)));
            values.put("H2", String.valueOf(pick(r, 4, 8, 24)));
            values.put("S", String.valueOf(1 + r.nextInt(3)));
            values.put("S2", String.valueOf(3 + r.nextInt(5)));
            values.put("N", String.valueOf(pick(r, 500, 1000, 2000, 5000, 10_000)));
            values.put("N2", String.valueOf(pick(r, 2, 3, 5, 8, 10, 20)));
            values.put("N3", ChineseForms.lower(pick(r, 2, 4, 6)));
            values.put("N4", ChineseForms.lower(1 + r.nextInt(2)));
            values.put("N9", String.valueOf(pick(r, 5, 9, 95, 99)));
            values.put("DATE", ChineseForms.date(signed.plusDays(30 + r.nextInt(300)), r));
            values.put("DATE2", ChineseForms.date(signed.plusYears(1 + r.nextInt(3)), r));
            return values;
        }
    }

    // ---- contract ---------------------------------------------------------------------------------

    private Doc contract(Ctx c) {
        Random r = c.r;
        int style = r.nextInt(6);
        int target = minArticles + r.nextInt(maxArticles - minArticles + 1);
        List<String> types = articleTypes(target, r);
        StringBuilder t = new StringBuilder();
        t.append(c.title).append("\n\n");
        t.append("合同编号：").append(c.number).append('\n');
        if (r.nextBoolean()) {
            t.append("项目编号：").append(c.city.charAt(0)).append("ZC-").append(c.signed.getYear()).append('-')
                    .append(String.format(Locale.ROOT, "%03d", r.nextInt(1000))).append('\n');
        }
        t.append('\n');
        partyBlock(t, c.aHeader, c.buyer, c, r);
        partyBlock(t, c.bHeader, c.seller, c, r);
        t.append(r.nextBoolean()
                ? "鉴于：" + c.a + "拟建设" + c.project + "，" + c.b + "具备相应的技术能力与资质。根据《中华人民共和国民法典》及相关法律法规的规定，双方本着平等自愿、诚实信用的原则，经友好协商，达成如下协议，以资共同遵守。"
                : "根据《中华人民共和国民法典》等有关法律法规，" + c.a + "与" + c.b + "就" + c.project + "有关事宜，经协商一致，订立本合同。")
                .append("\n\n");
        int chapter = 0;
        int articles = 0;
        for (int i = 0; i < types.size(); i++) {
            if (style == 1 && (i == 0 || r.nextInt(5) == 0)) {
                chapter++;
                t.append("第").append(ChineseForms.lower(chapter)).append("章　").append(chapterName(types.get(i))).append("\n\n");
            }
            articles++;
            article(t, c, style, i + 1, types.get(i));
        }
        t.append("（以下无正文）\n\n");
        signature(t, c, c.signed, r);
        return new Doc(Kind.CONTRACT, "合同-" + c.number, c.title, t.toString(), articles + 2, null);
    }

    /** Types of a contract's articles: the core ones, others as many as wanted, in the usual order; some twice. */
    private static List<String> articleTypes(int target, Random r) {
        List<String> all = new ArrayList<>();
        for (ClauseLibrary.Wording w : ClauseLibrary.TYPES) {
            if (!w.type().equals("签署")) {
                all.add(w.type());
            }
        }
        List<String> chosen = new ArrayList<>(ClauseLibrary.CORE);
        List<String> others = new ArrayList<>(all);
        others.removeAll(ClauseLibrary.CORE);
        java.util.Collections.shuffle(others, r);
        for (String o : others) {
            if (chosen.size() >= target) {
                break;
            }
            chosen.add(o);
        }
        while (chosen.size() < target) {
            // Long contracts: rights and duties of each side, payments in two articles, more service terms.
            chosen.add(r.nextInt(3) == 0 ? "权利义务" : all.get(r.nextInt(all.size())));
        }
        chosen.sort(java.util.Comparator.comparingInt(type -> type.equals("权利义务") ? 1 : 1 + all.indexOf(type)));
        return chosen;
    }

    private static String chapterName(String type) {
        return switch (type) {
            case "定义", "合同标的/项目范围" -> "总则";
            case "功能与性能", "交付", "验收" -> "交付与验收";
            case "价款与支付" -> "合同价款";
            case "违约责任", "责任限制" -> "违约责任";
            case "争议解决与法律适用", "生效与其他", "通知" -> "附则";
            default -> "双方权利义务";
        };
    }

    private void article(StringBuilder t, Ctx c, int style, int n, String type) {
        Random r = c.r;
        Map<String, String> v = c.fresh();
        String heading;
        List<String> sentences = new ArrayList<>();
        List<String> items = new ArrayList<>();
        if (type.equals("权利义务")) {
            boolean aSide = r.nextBoolean();
            String side = aSide ? c.a : c.b;
            heading = side + "的权利和义务";
            sentences.add(side + "应按本合同约定履行义务，" + (aSide
                    ? "及时提供项目所需的业务资料、办公场所及网络环境，并指定项目负责人协调各业务部门配合。"
                    : "按期保质完成工作，接受" + c.a + "的监督检查，每周提交项目周报。"));
            items.add(side + "有权要求对方按约定提供必要的协助；");
            items.add(side + "应遵守国家有关法律法规及行业规范；");
            items.add(side + "应对项目文档进行妥善保管；");
        } else {
            ClauseLibrary.Wording w = ClauseLibrary.of(type);
            heading = ClauseLibrary.pick(w.headings(), r);
            sentences.add(ClauseLibrary.fill(ClauseLibrary.pick(w.bodies(), r), v));
            int extra = r.nextInt(3);
            for (int i = 0; i < extra && !w.extras().isEmpty(); i++) {
                String s = ClauseLibrary.fill(ClauseLibrary.pick(w.extras(), r), v);
                if (!sentences.contains(s)) {
                    sentences.add(s);
                }
            }
            if (!w.items().isEmpty() && r.nextInt(100) < 40) {
                List<String> pool = new ArrayList<>(w.items());
                java.util.Collections.shuffle(pool, r);
                for (String item : pool.subList(0, Math.min(pool.size(), 2 + r.nextInt(3)))) {
                    items.add(ClauseLibrary.fill(item, v));
                }
            }
        }
        c.articleHeadings.add(heading);
        c.articleTypes.add(type);
        String cn = ChineseForms.lower(n);
        switch (style) {
            case 2 -> t.append(cn).append("、").append(heading).append('\n');
            case 3 -> t.append(n).append(". ").append(heading).append('\n');
            case 4 -> t.append("第").append(cn).append("条\n").append(heading).append('\n');
            case 5 -> t.append("第").append(cn).append("条【").append(heading).append("】");
            default -> t.append("第").append(cn).append("条　").append(heading).append('\n');
        }
        if (style == 3) {
            int k = 0;
            for (String s : sentences) {
                t.append(n).append('.').append(++k).append(' ').append(s).append('\n');
            }
            for (String item : items) {
                t.append(n).append('.').append(++k).append(' ').append(item).append('\n');
            }
        } else {
            t.append(String.join("", sentences)).append('\n');
            for (int i = 0; i < items.size(); i++) {
                t.append(switch (style) {
                    case 1 -> (i + 1) + ". ";
                    case 4 -> String.valueOf((char) ('①' + i));
                    default -> "（" + ChineseForms.lower(i + 1) + "）";
                }).append(items.get(i)).append('\n');
            }
        }
        t.append('\n');
    }

    private static void partyBlock(StringBuilder t, String header, String name, Ctx c, Random r) {
        t.append(header).append("：").append(name).append('\n');
        if (r.nextBoolean()) {
            t.append("住所：").append(c.city).append("市").append(ClauseLibrary.pick(NAME_CORES, r)).append("路")
                    .append(1 + r.nextInt(300)).append("号\n");
        }
        t.append("法定代表人：").append(person(r)).append('\n');
        if (r.nextBoolean()) {
            t.append("联系人：").append(person(r)).append("　　电话：0").append(100 + r.nextInt(900)).append('-')
                    .append(String.format(Locale.ROOT, "%08d", r.nextInt(100_000_000))).append('\n');
        }
        t.append('\n');
    }

    private static void signature(StringBuilder t, Ctx c, LocalDate date, Random r) {
        String d = ChineseForms.date(date, r);
        if (r.nextBoolean()) {
            t.append(c.a).append("（盖章）：").append(c.buyer).append('\n').append("法定代表人或授权代表（签字）：\n")
                    .append("日期：").append(d).append("\n\n");
            t.append(c.b).append("（盖章）：").append(c.seller).append('\n').append("法定代表人或授权代表（签字）：\n")
                    .append("日期：").append(d).append('\n');
        } else {
            t.append(c.a).append("（盖章）：").append(c.buyer).append('\n');
            t.append(c.b).append("（盖章）：").append(c.seller).append('\n');
            t.append("签订日期：").append(d).append('\n').append("签订地点：").append(c.city).append("市\n");
        }
    }

    // ---- supplement -------------------------------------------------------------------------------

    private Doc supplement(Ctx c, int i) {
        Random r = c.r;
        LocalDate date = c.signed.plusDays(60L * i + r.nextInt(120));
        String ordinal = ChineseForms.lower(i);
        String title = switch (r.nextInt(3)) {
            case 0 -> "《" + c.title + "》第" + ordinal + "补充协议";
            case 1 -> c.title + "补充协议（" + ordinal + "）";
            default -> "关于《" + c.title + "》的变更协议";
        };
        StringBuilder t = new StringBuilder(title).append("\n\n");
        t.append("原合同编号：").append(c.number).append('\n');
        t.append("本协议编号：").append(c.number).append("-BC").append(String.format(Locale.ROOT, "%02d", i)).append("\n\n");
        partyBlock(t, c.aHeader, c.buyer, c, r);
        partyBlock(t, c.bHeader, c.seller, c, r);
        t.append("鉴于").append(c.a).append("与").append(c.b).append("于").append(ChineseForms.date(c.signed, r)).append("签订了《")
                .append(c.title).append("》（合同编号：").append(c.number).append("，以下简称“原合同”），现经双方协商一致，就原合同有关事项达成如下补充协议：\n\n");
        int changes = 1 + r.nextInt(4);
        int articles = 0;
        for (int k = 1; k <= changes; k++) {
            int target = 1 + r.nextInt(Math.max(1, c.articleHeadings.size()));
            String heading = c.articleHeadings.isEmpty() ? "价款与支付" : c.articleHeadings.get(target - 1);
            String type = c.articleTypes.isEmpty() ? "价款与支付" : c.articleTypes.get(target - 1);
            Map<String, String> v = c.fresh();
            String body = type.equals("权利义务") ? c.b + "应增派两名技术人员驻场。"
                    : ClauseLibrary.fill(ClauseLibrary.pick(ClauseLibrary.of(type).bodies(), r), v);
            t.append("第").append(ChineseForms.lower(k)).append("条　").append(heading).append("的变更\n");
            t.append("原合同第").append(ChineseForms.lower(target)).append("条修改为：“").append(body).append("”\n\n");
            articles++;
        }
        if (r.nextBoolean()) {
            long newPrice = c.price + c.price / (5 + r.nextInt(10));
            t.append("第").append(ChineseForms.lower(++changes)).append("条　合同价款的调整\n");
            t.append("原合同总价由").append(ChineseForms.amount(c.price, r)).append("调整为").append(ChineseForms.amount(newPrice, r))
                    .append("，增加部分并入最后一期付款。\n\n");
            articles++;
        }
        t.append("第").append(ChineseForms.lower(changes + 1)).append("条　其他\n");
        t.append("本协议是原合同不可分割的组成部分，与原合同具有同等法律效力；本协议未约定的，仍按原合同执行。本协议自双方签字盖章之日起生效。\n\n");
        articles++;
        signature(t, c, date, r);
        return new Doc(Kind.SUPPLEMENT, "补充协议" + i + "-" + c.number, title, t.toString(), articles + 2, null);
    }

    // ---- correspondence ---------------------------------------------------------------------------

    private Doc letter(Ctx c, int i) {
        Random r = c.r;
        LocalDate date = c.signed.plusDays(30L * i + r.nextInt(400));
        String topic = ClauseLibrary.pick(LETTER_TOPICS, r);
        boolean fromBuyer = r.nextBoolean();
        boolean record = r.nextInt(5) == 0;
        String title = record ? c.project + (r.nextBoolean() ? "验收报告" : "验收通知书") : "关于" + topic + ClauseLibrary.pick(LETTER_KINDS, r);
        StringBuilder t = new StringBuilder(title).append('\n');
        t.append(c.city.charAt(0)).append(fromBuyer ? "采" : "技").append("函〔").append(date.getYear()).append("〕")
                .append(1 + r.nextInt(200)).append("号\n\n");
        Map<String, String> v = c.fresh();
        int paragraphs;
        if (record) {
            t.append("项目名称：").append(c.project).append("\n合同编号：").append(c.number).append("\n建设单位：").append(c.buyer)
                    .append("\n承建单位：").append(c.seller).append("\n验收日期：").append(ChineseForms.date(date, r)).append("\n\n");
            t.append("验收组依据《").append(c.title).append("》及需求规格说明书，对").append(c.system)
                    .append("进行了功能测试、性能测试及文档审查。系统运行稳定，主要功能满足合同要求。\n\n");
            t.append("验收结论：").append(r.nextInt(4) == 0 ? "有条件通过，遗留问题应于" + v.get("D") + "日内整改完毕。" : "验收合格。").append("\n\n");
            paragraphs = 3;
        } else {
            t.append(fromBuyer ? c.seller : c.buyer).append("：\n\n");
            t.append("根据双方于").append(ChineseForms.date(c.signed, r)).append("签订的《").append(c.title).append("》（合同编号：")
                    .append(c.number).append("）").append(letterBody(topic, c, v, fromBuyer)).append("\n\n");
            t.append(fromBuyer ? "请贵司于收到本函之日起" + v.get("D") + "个工作日内书面回复。" : "如有疑问，请与我司项目经理" + c.sellerContact + "联系。")
                    .append("\n\n特此函告。\n\n");
            paragraphs = 3;
        }
        t.append(fromBuyer ? c.buyer : c.seller).append("（盖章）\n").append(ChineseForms.date(date, r)).append('\n');
        return new Doc(record ? Kind.RECORD : Kind.CORRESPONDENCE, (record ? "验收-" : "函件" + i + "-") + c.number, title,
                t.toString(), paragraphs, null);
    }

    private static String letterBody(String topic, Ctx c, Map<String, String> v, boolean fromBuyer) {
        return switch (topic) {
            case "项目交付延期" -> "第五条约定，贵司应于" + v.get("DATE") + "前完成系统交付。截至本函发出之日，贵司仍未交付，项目进度已明显滞后。根据合同违约责任条款，逾期交付的，每逾期一日按合同总价的万分之"
                    + v.get("W") + "计收违约金。";
            case "支付第二期合同款" -> "约定，系统初验合格后支付第二期合同款。系统已于" + v.get("DATE") + "通过初验，请按合同约定支付第二期款项" + v.get("AMT") + "。";
            case "停机维护窗口" -> "约定，为完成系统版本升级，拟于" + v.get("DATE") + "22:00至次日6:00进行停机维护，届时" + c.system + "暂停服务。";
            case "项目经理更换" -> "约定，未经同意不得更换项目经理。因原项目经理离职，现拟由" + c.sellerContact + "担任项目经理，特此征求贵方意见。";
            default -> "的约定，现就" + topic + "有关事项" + (fromBuyer ? "函告如下：请贵司按合同约定及时履行相关义务，并保证服务质量不受影响。"
                    : "说明如下：我司将严格按照合同约定组织实施，确保" + c.system + "稳定运行。");
        };
    }

    private Doc mail(Ctx c, int i) {
        Random r = c.r;
        Doc attachment = letter(c, 10 + i);
        LocalDate date = c.signed.plusDays(90L + r.nextInt(500));
        String subject = (r.nextInt(4) == 0 ? "回复：" : "") + "关于《" + c.title + "》" + ClauseLibrary.pick(LETTER_TOPICS, r);
        String body = c.buyerContact.charAt(0) + "经理：\n\n您好！\n\n根据《" + c.title + "》（合同编号：" + c.number + "）的约定，现将"
                + attachment.title() + "发送给您，请查收附件。如有问题请随时与我联系。\n\n此致\n敬礼！\n\n" + c.sellerContact + "\n" + c.seller + "\n";
        String from = pinyinish(c.sellerContact) + "@" + c.sellerDomain;
        String to = pinyinish(c.buyerContact) + "@" + c.buyerDomain;
        Doc.Mail mail = new Doc.Mail(c.sellerContact, from, c.buyerContact, to, "<" + c.f + "." + i + "@" + c.sellerDomain + ">",
                null, date, attachment);
        return new Doc(Kind.MAIL, "邮件" + i + "-" + c.number, subject, body, 1, mail);
    }

    // ---- small things -----------------------------------------------------------------------------

    private static String contractNumber(String prefix, int year, int f, Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> prefix + "-" + year + "-" + String.format(Locale.ROOT, "%05d", f);
            case 1 -> "HT" + year + String.format(Locale.ROOT, "%06d", f);
            case 2 -> ClauseLibrary.pick(List.of("JL", "CZ", "NW", "LZ"), r) + "-" + prefix + "-" + year + "-" + String.format(Locale.ROOT, "%05d", f);
            default -> prefix + year + "-" + String.format(Locale.ROOT, "%05d", f) + "-" + (char) ('A' + r.nextInt(6));
        };
    }

    private static String person(Random r) {
        return ClauseLibrary.pick(SURNAMES, r) + ClauseLibrary.pick(GIVEN, r);
    }

    private static String pinyinish(String name) {
        return "u" + Integer.toHexString(name.hashCode() & 0xfffff);
    }

    /** An index in [0, n) where low indices are much more likely (a few big customers and vendors). */
    private static int skewed(Random r, int n) {
        return Math.min(n - 1, (int) (n * Math.pow(r.nextDouble(), 2.2)));
    }

    private static int weighted(Random r, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int pick(Random r, int... options) {
        return options[r.nextInt(options.length)];
    }
}
