package org.hetong.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * Writes generated text in the formats users bring: TXT in UTF-8 or GBK (with CRLF, as Windows
 * editors save it), DOCX, PDF with a text layer, EML with an attachment, ZIP.
 *
 * <p>PDF text is set in Adobe's predefined CJK font STSong-Light with the UniGB-UTF16-H CMap, not
 * embedded — what older Chinese PDF producers write, and what every reader maps back to Unicode.
 * PDFBox cannot embed the system's CFF-based Noto CJK collection, so embedding is not an option
 * here ({@code ingest/Fixtures} does the same). Pages carry a "第 N 页 共 M 页" footer, as real ones do.
 */
public final class DocumentFormats {
    /** A file format of the corpus, with its file-name extension. */
    public enum Format {
        TXT("txt"), TXT_GBK("txt"), DOCX("docx"), PDF("pdf"), EML("eml"), ZIP("zip");

        public final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public static Format parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "txt", "utf8", "txt-utf8" -> TXT;
                case "gbk", "txt-gbk" -> TXT_GBK;
                case "docx" -> DOCX;
                case "pdf" -> PDF;
                case "eml", "mail" -> EML;
                case "zip" -> ZIP;
                default -> throw new IllegalArgumentException("unknown format '" + name + "': use txt, gbk, docx, pdf, eml or zip");
            };
        }
    }

    private static final int CHARS_PER_LINE = 38;
    private static final int LINES_PER_PAGE = 48;

    private DocumentFormats() {}

    public static byte[] render(ContractFamilies.Doc doc, Format format) {
        try {
            return switch (format) {
                case TXT -> doc.text().getBytes(StandardCharsets.UTF_8);
                case TXT_GBK -> gbk(doc.text());
                case DOCX -> docx(doc.title(), doc.text());
                case PDF -> pdf(doc.title(), doc.text());
                case EML -> throw new IllegalArgumentException("a mail is rendered with mail(), with its attachment");
                case ZIP -> throw new IllegalArgumentException("a family is zipped with zip()");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GBK with CRLF; ¥ (not in GBK) written as the full-width ￥ GBK has. */
    public static byte[] gbk(String text) {
        return text.replace('¥', '￥').replace("\n", "\r\n").getBytes(Charset.forName("GBK"));
    }

    public static byte[] docx(String title, String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(title);
            // Not the clock: the same text gives the same bytes.
            doc.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(1_704_067_200_000L)));
            boolean first = true;
            for (String line : text.split("\n", -1)) {
                XWPFParagraph p = doc.createParagraph();
                XWPFRun run = p.createRun();
                run.setText(line);
                run.setFontFamily("宋体");
                if (first) {
                    p.setAlignment(ParagraphAlignment.CENTER);
                    run.setBold(true);
                    run.setFontSize(16);
                    first = false;
                } else if (line.startsWith("第") && (line.contains("条") || line.contains("章")) && line.length() < 30) {
                    run.setBold(true);
                }
            }
            doc.write(out);
            return withFixedTimes(out.toByteArray());
        }
    }

    /** The same ZIP (a DOCX) with every entry's time stamp fixed: POI writes the clock's. */
    private static byte[] withFixedTimes(byte[] zipBytes) throws IOException {
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                contents.add(in.readAllBytes());
            }
        }
        return zip(names, contents);
    }

    public static byte[] pdf(String title, String text) throws IOException {
        try {
            return pdfWithId(title, text);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is always there", e);
        }
    }

    private static byte[] pdfWithId(String title, String text) throws IOException, java.security.NoSuchAlgorithmException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.isEmpty()) {
                lines.add("");
                continue;
            }
            for (int i = 0; i < paragraph.length(); i += CHARS_PER_LINE) {
                lines.add(paragraph.substring(i, Math.min(paragraph.length(), i + CHARS_PER_LINE)));
            }
        }
        int pages = Math.max(1, (lines.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setProducer("hetong corpus generator");
            doc.setDocumentInformation(info);
            // A fixed file identifier (PDFBox would make one from the clock), so the same text gives the same bytes.
            byte[] id = java.util.Arrays.copyOf(java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)), 16);
            COSArray ids = new COSArray();
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            COSDictionary font = stSongLight();
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDResources resources = new PDResources();
                COSDictionary fonts = new COSDictionary();
                fonts.setItem(COSName.getPDFName("F1"), font);
                resources.getCOSObject().setItem(COSName.FONT, fonts);
                page.setResources(resources);
                StringBuilder content = new StringBuilder("BT\n/F1 12 Tf\n15 TL\n50 790 Td\n");
                for (String line : lines.subList(p * LINES_PER_PAGE, Math.min(lines.size(), (p + 1) * LINES_PER_PAGE))) {
                    content.append('<').append(utf16Hex(line)).append("> Tj T*\n");
                }
                content.append("ET\nBT\n/F1 9 Tf\n260 30 Td\n<").append(utf16Hex("第 " + (p + 1) + " 页 共 " + pages + " 页"))
                        .append("> Tj\nET\n");
                PDStream stream = new PDStream(doc);
                try (OutputStream s = stream.createOutputStream()) {
                    s.write(content.toString().getBytes(StandardCharsets.US_ASCII));
                }
                page.setContents(stream);
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A Type0 font dictionary of Adobe's STSong-Light (GB1), which PDF readers supply: Chinese text without embedding a font. */
    public static COSDictionary stSongLight() {
        COSDictionary descendant = new COSDictionary();
        descendant.setItem(COSName.TYPE, COSName.FONT);
        descendant.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        descendant.setName(COSName.BASE_FONT, "STSong-Light");
        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "GB1");
        systemInfo.setInt(COSName.SUPPLEMENT, 4);
        descendant.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setName(COSName.FONT_NAME, "STSong-Light");
        descriptor.setInt(COSName.FLAGS, 6);
        COSArray bbox = new COSArray();
        for (int v : new int[] {-25, -254, 1000, 880}) {
            bbox.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);
        descendant.setItem(COSName.FONT_DESC, descriptor);
        descendant.setInt(COSName.DW, 1000);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setName(COSName.BASE_FONT, "STSong-Light-UniGB-UTF16-H");
        font.setName(COSName.ENCODING, "UniGB-UTF16-H");
        COSArray descendants = new COSArray();
        descendants.add(descendant);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        return font;
    }

    /** Text as the hex string a content stream shows with {@link #stSongLight()} (UTF-16BE). */
    public static String utf16Hex(String s) {
        StringBuilder hex = new StringBuilder(s.length() * 4);
        for (byte b : s.getBytes(StandardCharsets.UTF_16BE)) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * An RFC 822 mail, multipart/mixed: the body as UTF-8 text/plain, the attachment as base64 with
     * an RFC 2231 file name; the subject and display names RFC 2047 encoded.
     */
    public static byte[] mail(ContractFamilies.Doc mail, String attachmentName, byte[] attachment) {
        ContractFamilies.Doc.Mail m = mail.mail();
        String boundary = "----=_Part_" + Integer.toHexString(m.messageId().hashCode());
        StringBuilder s = new StringBuilder();
        s.append("From: =?UTF-8?B?").append(b64(m.fromName())).append("?= <").append(m.fromAddress()).append(">\r\n");
        s.append("To: =?UTF-8?B?").append(b64(m.toName())).append("?= <").append(m.toAddress()).append(">\r\n");
        s.append("Subject: =?UTF-8?B?").append(b64(mail.title())).append("?=\r\n");
        s.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(m.date().atTime(10, 20).atOffset(ZoneOffset.ofHours(8))))
                .append("\r\n");
        s.append("Message-ID: ").append(m.messageId()).append("\r\n");
        if (m.inReplyTo() != null) {
            s.append("In-Reply-To: ").append(m.inReplyTo()).append("\r\n");
        }
        s.append("MIME-Version: 1.0\r\n");
        s.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        s.append("This is a multi-part message in MIME format.\r\n");
        s.append("--").append(boundary).append("\r\n");
        s.append("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        s.append(wrap(Base64.getEncoder().encodeToString(mail.text().getBytes(StandardCharsets.UTF_8)))).append("\r\n");
        s.append("--").append(boundary).append("\r\n");
        s.append("Content-Type: ").append(mediaType(attachmentName)).append("\r\n");
        s.append("Content-Disposition: attachment;\r\n filename*=UTF-8''").append(rfc2231(attachmentName)).append("\r\n");
        s.append("Content-Transfer-Encoding: base64\r\n\r\n");
        s.append(wrap(Base64.getEncoder().encodeToString(attachment))).append("\r\n");
        s.append("--").append(boundary).append("--\r\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A ZIP of named entries, in order, with a fixed time stamp so the bytes are reproducible. */
    public static byte[] zip(List<String> names, List<byte[]> contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (int i = 0; i < names.size(); i++) {
                ZipEntry e = new ZipEntry(names.get(i));
                e.setTime(1_700_000_000_000L);
                zip.putNextEntry(e);
                zip.write(contents.get(i));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String mediaType(String name) {
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        return "text/plain; charset=UTF-8";
    }

    /** UTF-8 text as base64, for a MIME part. */
    public static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Base64 cut into MIME lines of 76 characters. */
    public static String wrap(String base64) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < base64.length(); i += 76) {
            b.append(base64, i, Math.min(base64.length(), i + 76)).append("\r\n");
        }
        return b.toString().stripTrailing();
    }

    /** A file name percent-encoded as RFC 2231 asks of a {@code filename*} parameter. */
    public static String rfc2231(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int v = x & 0xff;
            if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9') || v == '.' || v == '-' || v == '_') {
                b.append((char) v);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", v));
            }
        }
        return b.toString();
    }
}
