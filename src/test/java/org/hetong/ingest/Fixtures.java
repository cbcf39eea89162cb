package org.hetong.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.hetong.testing.DocumentFormats;

/**
 * Test documents made on the spot from our own short texts about fictional companies. Nothing here
 * is copied from a real contract.
 */
public final class Fixtures {
    private Fixtures() {}

    /** A short software development contract between two fictional companies. */
    public static final String CONTRACT = """
            软件开发合同

            合同编号：QL-2024-0315
            甲方：青岚云图科技有限公司
            乙方：北辰墨羽软件有限公司

            第一条 合同标的
            乙方为甲方开发“云账本”财务管理系统，并交付源代码、安装程序及使用手册。

            第二条 合同价款
            本合同总价款为人民币伍拾万元整（￥500,000.00），甲方分三期支付。

            第三条 知识产权
            本合同项下开发成果的著作权归甲方所有，乙方不得向任何第三方披露源代码。

            第四条 违约责任
            任何一方违约的，应向守约方支付合同总价款百分之十的违约金。

            甲方（盖章）：青岚云图科技有限公司
            乙方（盖章）：北辰墨羽软件有限公司
            签订日期：2024年3月15日
            """;

    /** A second, different contract, so a batch has more than one good file. */
    public static final String MAINTENANCE_CONTRACT = """
            系统运维服务合同

            甲方：松涛湖物流有限公司
            乙方：晨曦河网络技术有限公司

            第一条 服务内容
            乙方负责甲方仓储管理系统的日常运维，每月提交一次巡检报告。

            第二条 服务费用
            运维服务费为每年人民币拾贰万元整，按季度支付。

            第三条 保密义务
            乙方对在服务中知悉的甲方客户数据负有保密义务，合同终止后仍然有效。

            签订日期：2024年5月8日
            """;

    /** Traditional Chinese, as a contract from Taiwan would be written. */
    public static final String TRADITIONAL = """
            軟體授權合約

            甲方：雲杉資訊股份有限公司
            乙方：海燕數位科技有限公司

            第一條 授權範圍
            乙方授權甲方於其營業場所使用本軟體，不得轉授權予第三人。

            第二條 智慧財產權
            本合約之智慧財產權歸甲方所有。
            """;

    /**
     * Tight limits for one test; the one place tests construct {@link IngestLimits}, so a new
     * limit needs one change here.
     */
    public static IngestLimits limits(long maxFileBytes, int maxTextChars, int maxEntries, long maxExpandedBytes,
                                      double maxRatio, int maxDepth) {
        return new IngestLimits(maxFileBytes, maxTextChars, maxEntries, maxExpandedBytes, maxRatio, maxDepth);
    }

    /** The same text as bytes in {@code charset}. */
    public static byte[] bytes(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    // ---- Word -----------------------------------------------------------------------------------

    /** A DOCX with one paragraph per line of {@code text} and, if given, a table of rows. */
    public static byte[] docx(String text, String[]... tableRows) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n")) {
                doc.createParagraph().createRun().setText(line);
            }
            if (tableRows.length > 0) {
                XWPFTable table = doc.createTable(tableRows.length, tableRows[0].length);
                for (int r = 0; r < tableRows.length; r++) {
                    for (int c = 0; c < tableRows[r].length; c++) {
                        table.getRow(r).getCell(c).setText(tableRows[r][c]);
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    // ---- PDF ------------------------------------------------------------------------------------

    /**
     * A PDF whose text layer holds {@code lines}, Chinese included. The standard 14 fonts have no
     * Chinese glyphs and PDFBox cannot embed the CFF-based Noto CJK collection, so the text is shown
     * in Adobe's predefined CJK font STSong-Light with the UniGB-UTF16-H CMap — not embedded, the
     * way older Chinese PDF producers write — and every reader maps it back to Unicode through the
     * predefined CMaps.
     */
    public static byte[] chinesePdf(String... lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);

            COSDictionary font = DocumentFormats.stSongLight();

            PDResources resources = new PDResources();
            COSDictionary fonts = new COSDictionary();
            fonts.setItem(COSName.getPDFName("F1"), font);
            resources.getCOSObject().setItem(COSName.FONT, fonts);
            page.setResources(resources);

            StringBuilder content = new StringBuilder("BT\n/F1 12 Tf\n14 TL\n50 780 Td\n");
            for (String line : lines) {
                content.append('<').append(DocumentFormats.utf16Hex(line)).append("> Tj T*\n");
            }
            content.append("ET\n");
            PDStream stream = new PDStream(doc);
            try (OutputStream s = stream.createOutputStream()) {
                s.write(content.toString().getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(stream);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A one-page PDF with only a filled rectangle: nothing to read without OCR. */
    public static byte[] imageOnlyPdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.addRect(100, 400, 300, 200);
                s.fill();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A Chinese text PDF that needs {@code userPassword} to open. */
    public static byte[] encryptedPdf(String userPassword) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(chinesePdf("第一条 保密条款", "本合同内容保密。"));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword,
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    // ---- archives and mail ----------------------------------------------------------------------

    /** A ZIP of the given entries, in order; a name ending in '/' is a directory entry. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    public static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            map.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return map;
    }

    /**
     * An RFC 822 mail, multipart/mixed: a UTF-8 text/plain body and one base64 attachment whose
     * Chinese file name is given the RFC 2231 way; the subject is RFC 2047 encoded.
     */
    public static byte[] mail(String subject, String body, String attachmentName, String attachmentType, byte[] attachment) {
        String boundary = "----=_Part_20240315_qinglan";
        StringBuilder m = new StringBuilder();
        m.append("From: =?UTF-8?B?").append(DocumentFormats.b64("张明")).append("?= <zhangming@qinglan.example>\r\n");
        m.append("To: =?UTF-8?B?").append(DocumentFormats.b64("李华")).append("?= <lihua@beichen.example>\r\n");
        m.append("Subject: =?UTF-8?B?").append(DocumentFormats.b64(subject)).append("?=\r\n");
        m.append("Date: Fri, 15 Mar 2024 10:20:00 +0800\r\n");
        m.append("Message-ID: <20240315102000.1@qinglan.example>\r\n");
        m.append("MIME-Version: 1.0\r\n");
        m.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n");
        m.append("\r\n");
        m.append("This is a multi-part message in MIME format.\r\n");
        m.append("--").append(boundary).append("\r\n");
        m.append("Content-Type: text/plain; charset=UTF-8\r\n");
        m.append("Content-Transfer-Encoding: base64\r\n\r\n");
        m.append(DocumentFormats.wrap(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)))).append("\r\n");
        m.append("--").append(boundary).append("\r\n");
        m.append("Content-Type: ").append(attachmentType).append("\r\n");
        m.append("Content-Disposition: attachment;\r\n filename*=UTF-8''").append(DocumentFormats.rfc2231(attachmentName)).append("\r\n");
        m.append("Content-Transfer-Encoding: base64\r\n\r\n");
        m.append(DocumentFormats.wrap(Base64.getEncoder().encodeToString(attachment))).append("\r\n");
        m.append("--").append(boundary).append("--\r\n");
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

}
