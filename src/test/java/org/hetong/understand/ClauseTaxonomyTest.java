package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hetong.config.ConfigException;
import org.hetong.config.ConfigFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClauseTaxonomyTest {
    @TempDir
    Path dir;

    private ConfigFiles write(String content) throws IOException {
        Files.writeString(dir.resolve(ClauseTaxonomy.FILE), content, StandardCharsets.UTF_8);
        return ConfigFiles.fromDirectory(dir);
    }

    private String file() {
        return dir.toAbsolutePath().normalize().resolve("clause-types.txt").toString();
    }

    @Test
    void theShippedTaxonomyHasTheTypesOfTheProductInFileOrder() {
        ClauseTaxonomy taxonomy = ClauseTaxonomy.load(ConfigFiles.fromDirectory(Path.of("index-config")));
        assertEquals(List.of("定义", "合同标的/项目范围", "功能与性能", "交付", "验收", "价款与支付", "服务与维护",
                "质量保证/保修", "知识产权", "保密", "数据与信息安全", "人员与分包", "变更", "违约责任", "责任限制",
                "不可抗力", "期限与终止", "争议解决与法律适用", "通知", "生效与其他", "签署"), taxonomy.names());
        assertTrue(taxonomy.contains("保密"));
    }

    @Test
    void everyShippedTypeIsDescribedForStaff() {
        ClauseTaxonomy taxonomy = ClauseTaxonomy.load(ConfigFiles.fromDirectory(Path.of("index-config")));
        for (ClauseTaxonomy.ClauseType type : taxonomy.types()) {
            assertFalse(type.description().isBlank(), type.name() + " has no description");
            assertFalse(type.headingTerms().isEmpty(), type.name() + " has no heading terms");
        }
    }

    @Test
    void readsDescriptionTermsAndWeightsSkippingCommentsAndBlankLines() throws IOException {
        ClauseTaxonomy taxonomy = ClauseTaxonomy.load(write("""
                \uFEFF# 测试用条款类型

                [保密]
                description = 保密义务与保密期限
                heading = 保密，商业秘密
                body = 保密信息^2, 泄露 ,披露^0.5

                [签署]
                body = 盖章
                """));
        assertEquals(List.of("保密", "签署"), taxonomy.names());
        ClauseTaxonomy.ClauseType confidentiality = taxonomy.types().get(0);
        assertEquals("保密义务与保密期限", confidentiality.description());
        assertEquals(List.of("保密", "商业秘密"), confidentiality.headingTerms());
        assertEquals(List.of(new ClauseTaxonomy.Term("保密信息", 2), new ClauseTaxonomy.Term("泄露", 1),
                new ClauseTaxonomy.Term("披露", 0.5)), confidentiality.bodyTerms());
        assertEquals(List.of(), taxonomy.types().get(1).headingTerms());
        assertEquals("", taxonomy.types().get(1).description());
    }

    @Test
    void aLineThatIsNeitherTypeNorKeyIsRejectedWithFileAndLine() throws IOException {
        ConfigFiles files = write("# 条款类型\n[保密]\nheading = 保密\n违约责任 | 违约\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(files));
        assertEquals("配置错误 " + file() + " 第 4 行: 应为「[类型名]」或「键 = 值」（键为 description、heading、body）",
                e.getMessage());
    }

    @Test
    void anUnknownKeyIsRejectedWithFileAndLine() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(write("[保密]\ntitle = 保密\n")));
        assertEquals("配置错误 " + file() + " 第 2 行: 未知的键「title」，应为 description、heading、body 之一", e.getMessage());
    }

    @Test
    void aKeyBeforeAnyTypeIsRejected() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(write("heading = 保密\n[保密]\n")));
        assertTrue(e.getMessage().endsWith("clause-types.txt 第 1 行: 「heading = 保密」之前没有「[类型名]」"), e.getMessage());
    }

    @Test
    void aKeyGivenTwiceForOneTypeIsRejected() throws IOException {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ClauseTaxonomy.load(write("[保密]\nbody = 泄露\nbody = 披露\n")));
        assertTrue(e.getMessage().endsWith("clause-types.txt 第 3 行: 类型「保密」的「body」重复"), e.getMessage());
    }

    @Test
    void aWeightThatIsNotAPositiveNumberIsRejectedWithTheTerm() throws IOException {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ClauseTaxonomy.load(write("[保密]\nbody = 泄露, 披露^两倍\n")));
        assertTrue(e.getMessage().endsWith("clause-types.txt 第 2 行: 「披露^两倍」的权重「两倍」不是数字（写作 词^2 或 词^0.5）"),
                e.getMessage());
        ConfigException zero = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(write("[保密]\nbody = 披露^0\n")));
        assertTrue(zero.getMessage().endsWith("第 2 行: 「披露^0」应为「词^正数权重」"), zero.getMessage());
    }

    @Test
    void aTypeDefinedTwiceIsRejectedWithFileAndLine() throws IOException {
        ConfigFiles files = write("[保密]\nbody = 泄露\n\n# 又一遍\n[保密]\nbody = 披露\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(files));
        assertEquals("配置错误 " + file() + " 第 5 行: 类型「保密」重复定义", e.getMessage());
    }

    @Test
    void aTypeWithoutANameIsRejected() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(write("[ ]\nbody = 泄露\n")));
        assertTrue(e.getMessage().endsWith("clause-types.txt 第 1 行: 类型名为空"), e.getMessage());
    }

    @Test
    void anUnclosedTypeLineIsRejected() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(write("[保密\nbody = 泄露\n")));
        assertTrue(e.getMessage().endsWith("clause-types.txt 第 1 行: 类型行应为「[类型名]」，缺少「]」"), e.getMessage());
    }

    @Test
    void aFileWithOnlyCommentsIsRejected() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(write("# 空\n\n")));
        assertTrue(e.getMessage().endsWith("clause-types.txt: 没有定义任何条款类型"), e.getMessage());
    }

    @Test
    void aMissingFileIsReportedWithItsLocation() {
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(ConfigFiles.fromDirectory(dir)));
        assertTrue(e.getMessage().contains("clause-types.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("无法读取"), e.getMessage());
    }
}
