package org.hetong.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractorTest {
    @TempDir
    Path temp;
    Path inbox;
    Path scratch;
    Extractor extractor;

    @BeforeEach
    void setUp() throws IOException {
        inbox = Files.createDirectories(temp.resolve("inbox"));
        scratch = Files.createDirectories(temp.resolve("data/tmp"));
        extractor = new Extractor(IngestLimits.defaults(), scratch);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Fixtures.write(inbox, name, bytes);
    }

    private UnreadableDocumentException unreadable(Extractor e, Path file, String name) {
        return assertThrows(UnreadableDocumentException.class, () -> e.extract(file, name));
    }

    private static Map<String, EmbeddedFile> byName(Extraction extraction) {
        return extraction.embedded().stream().collect(Collectors.toMap(EmbeddedFile::name, f -> f));
    }

    // ---- media type from content ----------------------------------------------------------------

    @Test
    void pdfNamedDocxIsDetectedAsPdf() throws IOException {
        Path pdf = file("合同.docx", Fixtures.chinesePdf("第一条 合同标的"));
        assertEquals("application/pdf", extractor.detect(pdf, "合同.docx"));
    }

    @Test
    void pdfNamedDocxIsReadAsPdf() throws Exception {
        Path pdf = file("合同.docx", Fixtures.chinesePdf("第一条 合同标的", "乙方为甲方开发财务管理系统。"));
        Extraction x = extractor.extract(pdf, "合同.docx");
        assertEquals("application/pdf", x.mediaType());
        assertTrue(x.text().contains("乙方为甲方开发财务管理系统"), x.text());
    }

    @Test
    void randomBytesNamedDocxAreUnsupported() throws IOException {
        byte[] random = new byte[8192];
        new Random(7).nextBytes(random);
        Path f = file("合同.docx", random);
        assertEquals("application/octet-stream", extractor.detect(f, "合同.docx"));
        UnreadableDocumentException e = unreadable(extractor, f, "合同.docx");
        assertEquals(FailureReason.UNSUPPORTED, e.reason());
        assertEquals("合同.docx", e.fileName());
        assertTrue(e.userMessage().startsWith("不支持的文件格式（无法从文件内容识别格式）。"), e.userMessage());
        assertTrue(e.userMessage().contains("请转换为其中一种格式"), e.userMessage());
    }

    @Test
    void markdownIsTextMarkdownByName() throws Exception {
        Path md = file("说明.md", Fixtures.bytes("# 交付说明\n\n乙方应于 2024年6月30日 前交付。\n", "UTF-8"));
        assertEquals("text/markdown", extractor.detect(md, "说明.md"));
        Extraction x = extractor.extract(md, "说明.md");
        assertEquals("text/markdown", x.mediaType());
        assertTrue(x.text().contains("乙方应于 2024年6月30日 前交付。"), x.text());
    }

    @Test
    void plainTextNamedTxtIsNotMarkdown() throws IOException {
        Path txt = file("说明.txt", Fixtures.bytes("# 交付说明\n", "UTF-8"));
        assertEquals("text/plain", extractor.detect(txt, "说明.txt"));
    }

    // ---- plain text in Chinese encodings --------------------------------------------------------

    @Test
    void gbkTextFileDecodesToTheRightChinese() throws Exception {
        Path txt = file("合同.txt", Fixtures.bytes(Fixtures.CONTRACT, "GBK"));
        Extraction x = extractor.extract(txt, "合同.txt");
        assertEquals("text/plain", x.mediaType());
        assertTrue(x.text().contains("第三条 知识产权"), x.text());
        assertTrue(x.text().contains("本合同总价款为人民币伍拾万元整（￥500,000.00），甲方分三期支付。"), x.text());
        assertTrue(x.text().contains("本合同项下开发成果的著作权归甲方所有，乙方不得向任何第三方披露源代码。"), x.text());
        assertTrue(x.text().contains("甲方：青岚云图科技有限公司"), x.text());
    }

    @Test
    void shortGbkTextFileDecodesToTheRightChinese() throws Exception {
        Path txt = file("一句.txt", Fixtures.bytes("乙方应按时交付全部源代码。", "GBK"));
        assertEquals("乙方应按时交付全部源代码。", extractor.extract(txt, "一句.txt").text());
    }

    @Test
    void big5TextFileDecodesToTheRightTraditionalChinese() throws Exception {
        Path txt = file("合約.txt", Fixtures.bytes(Fixtures.TRADITIONAL, "Big5"));
        Extraction x = extractor.extract(txt, "合約.txt");
        assertEquals("text/plain", x.mediaType());
        assertTrue(x.text().contains("本合約之智慧財產權歸甲方所有。"), x.text());
        assertTrue(x.text().contains("甲方：雲杉資訊股份有限公司"), x.text());
    }

    @Test
    void utf16TextFileWithoutBomDecodesToTheRightChinese() throws Exception {
        Path txt = file("合同.txt", Fixtures.bytes(Fixtures.CONTRACT, "UTF-16LE"));
        assertEquals("text/plain", extractor.detect(txt, "合同.txt"));
        Extraction x = extractor.extract(txt, "合同.txt");
        assertTrue(x.text().contains("第二条 合同价款"), x.text());
        assertTrue(x.text().contains("人民币伍拾万元整（￥500,000.00）"), x.text());
    }

    @Test
    void oneLineUtf16TextFileWithoutBomOrAsciiDecodesToTheRightChinese() throws Exception {
        Path txt = file("一句.txt", Fixtures.bytes("乙方应按时交付全部源代码。", "UTF-16LE"));
        assertEquals("text/plain", extractor.detect(txt, "一句.txt"));
        assertEquals("乙方应按时交付全部源代码。", extractor.extract(txt, "一句.txt").text());
    }

    @Test
    void utf16BigEndianTextFileWithoutBomDecodesToTheRightChinese() throws Exception {
        Path txt = file("合同.txt", Fixtures.bytes(Fixtures.CONTRACT, "UTF-16BE"));
        Extraction x = extractor.extract(txt, "合同.txt");
        assertTrue(x.text().contains("乙方：北辰墨羽软件有限公司"), x.text());
    }

    @Test
    void utf8TextFileWithBomDecodesWithoutTheBom() throws Exception {
        byte[] body = Fixtures.bytes("第一条 合同标的", "UTF-8");
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals("第一条 合同标的", extractor.extract(file("a.txt", withBom), "a.txt").text());
    }

    @Test
    void htmlWithGbkMetaCharsetDecodesToTheRightChinese() throws Exception {
        String html = """
                <!DOCTYPE html>
                <html><head><meta charset="gbk"><title>催告函</title></head>
                <body><h1>关于项目交付延期的催告函</h1>
                <p>北辰墨羽软件有限公司：贵司至今未交付第二期成果，请于七日内书面答复。</p></body></html>
                """;
        Path f = file("催告函.html", Fixtures.bytes(html, "GBK"));
        Extraction x = extractor.extract(f, "催告函.html");
        assertEquals("text/html", x.mediaType());
        assertTrue(x.text().contains("贵司至今未交付第二期成果，请于七日内书面答复。"), x.text());
        assertEquals("催告函", x.metadata("title"));
    }

    // ---- office and PDF -------------------------------------------------------------------------

    @Test
    void docxParagraphsAndTableCellsAreRead() throws Exception {
        byte[] docx = Fixtures.docx(Fixtures.CONTRACT,
                new String[] {"付款阶段", "金额"},
                new String[] {"首期款", "人民币贰拾万元"});
        Path f = file("软件开发合同.docx", docx);
        Extraction x = extractor.extract(f, "软件开发合同.docx");
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", x.mediaType());
        assertTrue(x.text().contains("第一条 合同标的"), x.text());
        assertTrue(x.text().contains("乙方为甲方开发“云账本”财务管理系统"), x.text());
        assertTrue(x.text().contains("首期款"), x.text());
        assertTrue(x.text().contains("人民币贰拾万元"), x.text());
        assertTrue(x.embedded().isEmpty());
    }

    @Test
    void textLayerPdfWithChineseIsRead() throws Exception {
        Path f = file("验收报告.pdf", Fixtures.chinesePdf("验收报告", "第一条 验收结论", "云账本财务管理系统已通过终验。"));
        Extraction x = extractor.extract(f, "验收报告.pdf");
        assertEquals("application/pdf", x.mediaType());
        assertTrue(x.text().contains("第一条 验收结论"), x.text());
        assertTrue(x.text().contains("云账本财务管理系统已通过终验。"), x.text());
    }

    @Test
    void imageOnlyPdfHasNoText() throws IOException {
        Path f = file("扫描件.pdf", Fixtures.imageOnlyPdf());
        UnreadableDocumentException e = unreadable(extractor, f, "扫描件.pdf");
        assertEquals(FailureReason.NO_TEXT, e.reason());
        assertEquals("application/pdf", e.mediaType());
        assertTrue(e.userMessage().contains("没有可提取的文字"), e.userMessage());
        assertTrue(e.userMessage().contains("OCR"), e.userMessage());
    }

    @Test
    void passwordProtectedPdfIsEncryptedAndTheMessageAsksForThePassword() throws IOException {
        Path f = file("保密合同.pdf", Fixtures.encryptedPdf("qinglan2024"));
        UnreadableDocumentException e = unreadable(extractor, f, "保密合同.pdf");
        assertEquals(FailureReason.ENCRYPTED, e.reason());
        assertEquals("保密合同.pdf", e.fileName());
        assertTrue(e.userMessage().contains("需要密码"), e.userMessage());
        assertTrue(e.userMessage().contains("另存为无密码的版本"), e.userMessage());
    }

    @Test
    void passwordProtectedDocxIsEncrypted() throws Exception {
        byte[] plain = Fixtures.docx(Fixtures.CONTRACT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
            var info = new org.apache.poi.poifs.crypt.EncryptionInfo(org.apache.poi.poifs.crypt.EncryptionMode.agile);
            var encryptor = info.getEncryptor();
            encryptor.confirmPassword("qinglan2024");
            try (var os = encryptor.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
        }
        UnreadableDocumentException e = unreadable(extractor, file("保密合同.docx", out.toByteArray()), "保密合同.docx");
        assertEquals(FailureReason.ENCRYPTED, e.reason(), e.getMessage());
        assertTrue(e.userMessage().contains("需要密码"), e.userMessage());
    }

    @Test
    void docxCutInHalfIsCorrupt() throws IOException {
        byte[] docx = Fixtures.docx(Fixtures.CONTRACT);
        Path f = file("残缺.docx", Arrays.copyOf(docx, docx.length / 2));
        UnreadableDocumentException e = unreadable(extractor, f, "残缺.docx");
        assertEquals(FailureReason.CORRUPT, e.reason(), e.getMessage());
        assertTrue(e.userMessage().startsWith("文件已损坏或不完整，无法解析"), e.userMessage());
    }

    @Test
    void docxWithGarbageDocumentXmlIsCorrupt() throws IOException {
        byte[] garbage = new byte[2048];
        new Random(11).nextBytes(garbage);
        Map<String, byte[]> parts = new java.util.LinkedHashMap<>();
        // Take the parts of a real DOCX and replace the main document with garbage.
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(Fixtures.docx(Fixtures.CONTRACT)))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                parts.put(entry.getName(), entry.getName().equals("word/document.xml") ? garbage : in.readAllBytes());
            }
        }
        Path f = file("坏文档.docx", Fixtures.zip(parts));
        UnreadableDocumentException e = unreadable(extractor, f, "坏文档.docx");
        assertEquals(FailureReason.CORRUPT, e.reason(), e.getMessage());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document", e.mediaType());
    }

    @Test
    void zeroByteFileIsEmpty() throws IOException {
        Path f = file("空.docx", new byte[0]);
        UnreadableDocumentException e = unreadable(extractor, f, "空.docx");
        assertEquals(FailureReason.EMPTY, e.reason());
        assertEquals("文件为空（0 字节）。请检查原文件是否完整，然后重新上传。", e.userMessage());
    }

    @Test
    void fileOverTheSizeLimitIsTooLargeAndSaysTheLimit() throws IOException {
        Extractor small = new Extractor(Fixtures.limits(1024, 100_000, 100, 1 << 20, 100, 3), scratch);
        Path f = file("大.txt", Fixtures.bytes(Fixtures.CONTRACT.repeat(5), "UTF-8"));
        UnreadableDocumentException e = unreadable(small, f, "大.txt");
        assertEquals(FailureReason.TOO_LARGE, e.reason());
        assertTrue(e.userMessage().contains("上限 1.0 KB"), e.userMessage());
    }

    // ---- mail -----------------------------------------------------------------------------------

    @Test
    void mailBodyIsTextAndTheAttachmentKeepsItsChineseNameAndBytes() throws Exception {
        byte[] attachment = Fixtures.docx("补充协议\n第一条 甲乙双方同意将交付日期延至2024年9月30日。");
        byte[] eml = Fixtures.mail("关于软件开发合同的补充协议", "李经理：您好！附件是双方确认的补充协议，请查收。",
                "补充协议.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", attachment);
        Path f = file("mail.eml", eml);
        Extraction x = extractor.extract(f, "mail.eml");
        assertEquals("message/rfc822", x.mediaType());
        assertTrue(x.text().contains("李经理：您好！附件是双方确认的补充协议，请查收。"), x.text());
        assertEquals("关于软件开发合同的补充协议", x.metadata("subject"), x.metadata().toString());
        assertEquals(1, x.embedded().size(), x.embedded().toString());
        EmbeddedFile a = x.embedded().get(0);
        assertEquals("补充协议.docx", a.name());
        assertEquals("attachment", a.relation());
        assertNull(a.failure());
        assertEquals(attachment.length, a.sizeBytes());
        assertArrayEquals(attachment, Files.readAllBytes(a.file()));
        assertTrue(a.file().startsWith(scratch), a.file().toString());
    }

    @Test
    void mailWithGb2312BodyAndGbkEncodedAttachmentNameIsReadAsChinese() throws Exception {
        byte[] attachment = Fixtures.bytes(Fixtures.MAINTENANCE_CONTRACT, "GBK");
        String boundary = "=====003_Dragon_gbk=====";
        String b64Name = java.util.Base64.getEncoder().encodeToString(Fixtures.bytes("运维合同.txt", "GBK"));
        String mail = "From: wang@songtao.example\r\n"
                + "To: zhao@chenxi.example\r\n"
                + "Subject: =?gb2312?B?" + java.util.Base64.getEncoder().encodeToString(Fixtures.bytes("运维合同", "GB2312")) + "?=\r\n"
                + "Date: Wed, 8 May 2024 09:00:00 +0800\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=\"gb2312\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(Fixtures.bytes("赵工：运维合同已盖章，请查收。", "GB2312")) + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: application/octet-stream; name=\"=?GBK?B?" + b64Name + "?=\"\r\n"
                + "Content-Disposition: attachment; filename=\"=?GBK?B?" + b64Name + "?=\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getMimeEncoder().encodeToString(attachment) + "\r\n"
                + "--" + boundary + "--\r\n";
        Extraction x = extractor.extract(file("运维.eml", mail.getBytes(StandardCharsets.US_ASCII)), "运维.eml");
        assertTrue(x.text().contains("赵工：运维合同已盖章，请查收。"), x.text());
        assertEquals("运维合同", x.metadata("subject"));
        assertEquals(1, x.embedded().size(), x.embedded().toString());
        assertEquals("运维合同.txt", x.embedded().get(0).name());
        assertArrayEquals(attachment, Files.readAllBytes(x.embedded().get(0).file()));
    }

    @Test
    void mailWithAlternativeTextAndHtmlBodiesHasTheBodyTextAndNoAttachments() throws Exception {
        String boundary = "alt-boundary-1";
        String body = "您好，终验会议定于六月三日上午九点召开。";
        String mail = "From: zhangming@qinglan.example\r\n"
                + "To: lihua@beichen.example\r\n"
                + "Subject: =?UTF-8?B?" + java.util.Base64.getEncoder().encodeToString("终验安排".getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n"
                + body + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n"
                + "<html><body><p>" + body + "</p></body></html>\r\n"
                + "--" + boundary + "--\r\n";
        Extraction x = extractor.extract(file("终验.eml", mail.getBytes(StandardCharsets.UTF_8)), "终验.eml");
        assertEquals("message/rfc822", x.mediaType());
        assertTrue(x.text().contains(body), x.text());
        assertEquals(List.of(), x.embedded());
    }

    // ---- archives -------------------------------------------------------------------------------

    @Test
    void zipEntriesBecomeEmbeddedFilesWithTheirPathsInTheZip() throws Exception {
        byte[] contract = Fixtures.bytes(Fixtures.CONTRACT, "UTF-8");
        byte[] note = Fixtures.bytes("交付清单：源代码、安装程序、使用手册。", "UTF-8");
        byte[] inner = Fixtures.zip(Fixtures.entries("附件/验收单.txt", Fixtures.bytes("验收合格。", "UTF-8")));
        Path f = file("资料.zip", Fixtures.zip(Fixtures.entries(
                "合同/", null,
                "合同/软件开发合同.txt", contract,
                "交付清单.txt", note,
                "历史/旧版本.zip", inner)));
        Extraction x = extractor.extract(f, "资料.zip");
        assertEquals("application/zip", x.mediaType());
        Map<String, EmbeddedFile> files = byName(x);
        assertEquals(java.util.Set.of("合同/软件开发合同.txt", "交付清单.txt", "历史/旧版本.zip"), files.keySet());
        for (EmbeddedFile e : files.values()) {
            assertEquals("entry", e.relation());
            assertNull(e.failure());
            assertTrue(e.file().startsWith(scratch), e.file().toString());
        }
        assertArrayEquals(contract, Files.readAllBytes(files.get("合同/软件开发合同.txt").file()));
        assertArrayEquals(note, Files.readAllBytes(files.get("交付清单.txt").file()));
        assertArrayEquals(inner, Files.readAllBytes(files.get("历史/旧版本.zip").file()));
    }

    @Test
    void zipSlipEntryNameNeverBecomesAPath() throws Exception {
        byte[] evil = Fixtures.bytes("这不是合同。", "UTF-8");
        Path f = file("slip.zip", Fixtures.zip(Fixtures.entries(
                "../../etc/evil.txt", evil,
                "../../../evil2.txt", evil)));
        Extraction x = extractor.extract(f, "slip.zip");
        Map<String, EmbeddedFile> files = byName(x);
        assertEquals(java.util.Set.of("../../etc/evil.txt", "../../../evil2.txt"), files.keySet());
        for (EmbeddedFile e : files.values()) {
            assertTrue(e.file().getParent().equals(scratch), e.file().toString());
            assertFalse(e.file().getFileName().toString().contains("evil"), e.file().toString());
            assertArrayEquals(evil, Files.readAllBytes(e.file()));
        }
        try (Stream<Path> all = Files.walk(temp)) {
            List<Path> named = all.filter(p -> p.getFileName().toString().startsWith("evil")).toList();
            assertEquals(List.of(), named);
        }
        assertFalse(Files.exists(temp.resolve("etc")));
        assertFalse(Files.exists(temp.getParent().resolve("etc/evil.txt")));
    }

    @Test
    void zipBombByRatioStopsAtTheArchiveLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        Path f = file("bomb.zip", out.toByteArray());
        Extractor tight = new Extractor(Fixtures.limits(100L << 20, 100_000, 100, 1L << 30, 100, 3), scratch);
        UnreadableDocumentException e = unreadable(tight, f, "bomb.zip");
        assertEquals(FailureReason.ARCHIVE_LIMIT, e.reason(), e.getMessage());
        assertTrue(e.userMessage().contains("压缩比超过 100:1，疑似压缩炸弹"), e.userMessage());
        assertScratchIsEmpty();
    }

    @Test
    void zipExpandingBeyondTheTotalLimitStopsAtTheArchiveLimit() throws IOException {
        byte[] text = Fixtures.bytes(Fixtures.CONTRACT, "UTF-8");
        Path f = file("多.zip", Fixtures.zip(Fixtures.entries("a.txt", text, "b.txt", text, "c.txt", text)));
        Extractor tight = new Extractor(Fixtures.limits(1 << 20, 100_000, 100, text.length * 2L, 1000, 3), scratch);
        UnreadableDocumentException e = unreadable(tight, f, "多.zip");
        assertEquals(FailureReason.ARCHIVE_LIMIT, e.reason());
        assertTrue(e.userMessage().contains("解压后总大小超过上限"), e.userMessage());
        assertScratchIsEmpty();
    }

    @Test
    void zipWithTooManyEntriesStopsAtTheArchiveLimitNamingIt() throws IOException {
        byte[] text = Fixtures.bytes("验收合格。", "UTF-8");
        Path f = file("多.zip", Fixtures.zip(Fixtures.entries("1.txt", text, "2.txt", text, "3.txt", text)));
        Extractor tight = new Extractor(Fixtures.limits(1 << 20, 100_000, 2, 1L << 30, 100, 3), scratch);
        UnreadableDocumentException e = unreadable(tight, f, "多.zip");
        assertEquals(FailureReason.ARCHIVE_LIMIT, e.reason());
        assertEquals("压缩包超出安全限制（文件数超过上限 2）。请解压后分批上传，或请管理员调高上限。", e.userMessage());
        assertScratchIsEmpty();
    }

    @Test
    void zipEntryOverTheSizeLimitFailsAloneWhileTheOthersAreUnpacked() throws Exception {
        byte[] big = Fixtures.bytes(Fixtures.CONTRACT.repeat(400), "UTF-8"); // about 200 KB, compresses well
        byte[] small = Fixtures.bytes(Fixtures.MAINTENANCE_CONTRACT, "UTF-8");
        Path f = file("混合.zip", Fixtures.zip(Fixtures.entries("大文件.txt", big, "运维合同.txt", small, "说明.txt", small)));
        assertTrue(Files.size(f) < 64 * 1024);
        Extractor tight = new Extractor(Fixtures.limits(64 * 1024, 100_000, 100, 1L << 30, 1000, 3), scratch);
        Extraction x = tight.extract(f, "混合.zip");
        Map<String, EmbeddedFile> files = byName(x);
        assertEquals(3, files.size());
        EmbeddedFile tooLarge = files.get("大文件.txt");
        assertEquals(FailureReason.TOO_LARGE, tooLarge.failure());
        assertNull(tooLarge.file());
        assertEquals("上限 64.0 KB", tooLarge.failureDetail());
        assertArrayEquals(small, Files.readAllBytes(files.get("运维合同.txt").file()));
        assertArrayEquals(small, Files.readAllBytes(files.get("说明.txt").file()));
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(2, left.count(), "only the two unpacked entries are in scratch");
        }
    }

    @Test
    void zipEntryNamesWrittenInGbkByChineseWindowsAreReadAsChinese() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] text = Fixtures.bytes(Fixtures.CONTRACT, "UTF-8");
        try (ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.Charset.forName("GBK"))) {
            zip.putNextEntry(new ZipEntry("合同/软件开发合同.txt"));
            zip.write(text);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("补充协议.txt"));
            zip.write(text);
            zip.closeEntry();
        }
        Extraction x = extractor.extract(file("资料.zip", out.toByteArray()), "资料.zip");
        assertEquals(java.util.Set.of("合同/软件开发合同.txt", "补充协议.txt"), byName(x).keySet());
    }

    @Test
    void tarGzGivesItsTarUnderTheNameWithoutGz() throws Exception {
        byte[] text = Fixtures.bytes(Fixtures.CONTRACT, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var gz = new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(out);
             var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(gz)) {
            var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("合同/软件开发合同.txt");
            entry.setSize(text.length);
            tar.putArchiveEntry(entry);
            tar.write(text);
            tar.closeArchiveEntry();
        }
        Path f = file("合同包.tar.gz", out.toByteArray());
        Extraction x = extractor.extract(f, "资料.zip!/合同包.tar.gz");
        assertEquals("application/gzip", x.mediaType());
        assertEquals(1, x.embedded().size());
        EmbeddedFile tar = x.embedded().get(0);
        assertEquals("合同包.tar", tar.name());
        assertEquals("entry", tar.relation());
        assertEquals("application/x-tar", extractor.detect(tar.file(), tar.name()));
        assertEquals(java.util.Set.of("合同/软件开发合同.txt"), byName(extractor.extract(tar.file(), tar.name())).keySet());
    }

    @Test
    void zipCutShortIsCorruptAndSaysItIsTruncated() throws IOException {
        byte[] zip = Fixtures.zip(Fixtures.entries(
                "a.txt", Fixtures.bytes(Fixtures.CONTRACT, "UTF-8"),
                "b.txt", Fixtures.bytes(Fixtures.MAINTENANCE_CONTRACT, "UTF-8")));
        UnreadableDocumentException e = unreadable(extractor, file("残缺.zip", Arrays.copyOf(zip, zip.length * 2 / 3)), "残缺.zip");
        assertEquals(FailureReason.CORRUPT, e.reason());
        assertTrue(e.userMessage().contains("Truncated ZIP file"), e.userMessage());
        assertScratchIsEmpty();
    }

    @Test
    void forwardedMailStaysOneAttachmentOfItsOwn() throws Exception {
        byte[] inner = Fixtures.mail("软件开发合同", "合同请见附件。", "软件开发合同.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Fixtures.docx(Fixtures.CONTRACT));
        byte[] outer = Fixtures.mail("转发：软件开发合同", "请看下面转发的邮件。", "软件开发合同.eml", "message/rfc822", inner);
        Extraction x = extractor.extract(file("转发.eml", outer), "转发.eml");
        assertTrue(x.text().contains("请看下面转发的邮件。"), x.text());
        assertFalse(x.text().contains("合同请见附件"), "the forwarded mail is its own document, not part of this text");
        assertEquals(1, x.embedded().size(), x.embedded().toString());
        assertEquals("软件开发合同.eml", x.embedded().get(0).name());
        assertArrayEquals(inner, Files.readAllBytes(x.embedded().get(0).file()));
    }

    @Test
    void textBeyondTheWriteLimitIsCutAndMarkedTruncated() throws Exception {
        Extractor small = new Extractor(Fixtures.limits(1 << 20, 100, 100, 1 << 20, 100, 3), scratch);
        Extraction txt = small.extract(file("合同.txt", Fixtures.bytes(Fixtures.CONTRACT, "UTF-8")), "合同.txt");
        assertTrue(txt.truncated());
        assertTrue(txt.text().length() <= 100, txt.text());
        assertTrue(txt.text().startsWith("软件开发合同"), txt.text());
        Extraction docx = small.extract(file("合同.docx", Fixtures.docx(Fixtures.CONTRACT)), "合同.docx");
        assertTrue(docx.truncated());
        assertFalse(extractor.extract(file("合同2.txt", Fixtures.bytes(Fixtures.CONTRACT, "UTF-8")), "合同2.txt").truncated());
    }

    @Test
    void emptyZipIsEmpty() throws IOException {
        Path f = file("空.zip", Fixtures.zip(Fixtures.entries("空目录/", null)));
        UnreadableDocumentException e = unreadable(extractor, f, "空.zip");
        assertEquals(FailureReason.EMPTY, e.reason());
        assertTrue(e.userMessage().contains("其中没有任何文件或正文"), e.userMessage());
    }

    private void assertScratchIsEmpty() throws IOException {
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), "scratch files are removed after an archive is refused");
        }
    }

    @Test
    void failureMessagesNameWhatIsWrongAndWhatToDoForEveryReason() {
        for (FailureReason reason : FailureReason.values()) {
            String message = new UnreadableDocumentException("a.pdf", null, reason, null).userMessage();
            assertNotNull(message);
            assertTrue(message.endsWith("。"), message);
            assertTrue(message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), message);
        }
        assertEquals("a.pdf: encrypted (x)", new UnreadableDocumentException("a.pdf", null, FailureReason.ENCRYPTED, "x").getMessage());
        assertEquals("文件已损坏或不完整，无法解析（细节）。请从原始来源重新导出或复制该文件后再上传。", FailureReason.CORRUPT.message("细节"));
    }
}
