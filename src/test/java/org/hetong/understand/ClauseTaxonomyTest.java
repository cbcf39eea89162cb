package org.hetong.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void theShippedTaxonomyHasTheTypesOfTheProductInFileOrder() {
        ClauseTaxonomy taxonomy = ClauseTaxonomy.load(ConfigFiles.fromDirectory(Path.of("index-config")));
        assertEquals(List.of("定义", "合同标的/项目范围", "功能与性能", "交付", "验收", "价款与支付", "服务与维护",
                "质量保证/保修", "知识产权", "保密", "数据与信息安全", "人员与分包", "变更", "违约责任", "责任限制",
                "不可抗力", "期限与终止", "争议解决与法律适用", "通知", "生效与其他", "签署"), taxonomy.names());
        assertTrue(taxonomy.contains("保密"));
    }

    @Test
    void readsTermsSeparatedByEitherCommaAndSkipsCommentsAndBlankLines() throws IOException {
        ClauseTaxonomy taxonomy = ClauseTaxonomy.load(write("""
                \uFEFF# 测试用条款类型

                保密 | 保密，商业秘密 | 保密信息, 泄露 ,披露
                签署 |  | 盖章
                """));
        assertEquals(List.of("保密", "签署"), taxonomy.names());
        ClauseTaxonomy.ClauseType confidentiality = taxonomy.types().get(0);
        assertEquals(List.of("保密", "商业秘密"), confidentiality.headingTerms());
        assertEquals(List.of("保密信息", "泄露", "披露"), confidentiality.bodyTerms());
        assertEquals(List.of(), taxonomy.types().get(1).headingTerms());
    }

    @Test
    void aLineWithTheWrongNumberOfColumnsIsRejectedWithFileAndLine() throws IOException {
        ConfigFiles files = write("# 条款类型\n保密 | 保密 | 泄露\n违约责任 | 违约\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(files));
        String file = dir.toAbsolutePath().normalize().resolve("clause-types.txt").toString();
        assertEquals("配置错误 " + file + " 第 3 行: 应为「类型名 | 标题词 | 正文词」三栏，实际 2 栏", e.getMessage());
    }

    @Test
    void aLineWithTooManyColumnsIsRejected() throws IOException {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ClauseTaxonomy.load(write("保密 | 保密 | 泄露 | 多余\n")));
        assertTrue(e.getMessage().contains("clause-types.txt 第 1 行"), e.getMessage());
        assertTrue(e.getMessage().endsWith("实际 4 栏"), e.getMessage());
    }

    @Test
    void aTypeDefinedTwiceIsRejectedWithFileAndLine() throws IOException {
        ConfigFiles files = write("保密 | 保密 | 泄露\n\n# 又一遍\n保密 | 机密 | 披露\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(files));
        assertTrue(e.getMessage().startsWith("配置错误 " + dir.toAbsolutePath().normalize()), e.getMessage());
        assertTrue(e.getMessage().endsWith("clause-types.txt 第 4 行: 类型「保密」重复定义"), e.getMessage());
    }

    @Test
    void aTypeWithoutANameIsRejected() throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> ClauseTaxonomy.load(write(" | 保密 | 泄露\n")));
        assertTrue(e.getMessage().endsWith("clause-types.txt 第 1 行: 类型名为空"), e.getMessage());
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
