package org.hetong.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.tika.metadata.Metadata;
import org.junit.jupiter.api.Test;

class ChineseCharsetDetectorTest {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final String SHORT_SIMPLIFIED = "乙方应按时交付全部源代码。";
    private static final String SHORT_TRADITIONAL = "本合約之智慧財產權歸甲方所有";

    private final ChineseCharsetDetector detector = new ChineseCharsetDetector();

    private static byte[] withPrefix(byte[] prefix, byte[] body) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, out, prefix.length, body.length);
        return out;
    }

    @Test
    void utf8TextWithoutBomIsUtf8() {
        assertEquals(StandardCharsets.UTF_8, detector.detect(Fixtures.bytes(Fixtures.CONTRACT, "UTF-8"), true));
    }

    @Test
    void utf8TextWithBomIsUtf8() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertEquals(StandardCharsets.UTF_8, detector.detect(withPrefix(bom, Fixtures.bytes(Fixtures.CONTRACT, "UTF-8")), true));
    }

    @Test
    void gbkContractIsGb18030() {
        assertEquals(GB18030, detector.detect(Fixtures.bytes(Fixtures.CONTRACT, "GBK"), true));
    }

    @Test
    void gb2312ClauseIsGb18030() {
        assertEquals(GB18030, detector.detect(Fixtures.bytes("第三条 知识产权\n本合同项下开发成果的著作权归甲方所有。", "GB2312"), true));
    }

    @Test
    void big5TraditionalContractIsBig5() {
        assertEquals(BIG5, detector.detect(Fixtures.bytes(Fixtures.TRADITIONAL, "Big5"), true));
    }

    @Test
    void shortGbkLineIsGb18030NotBig5() {
        assertEquals(GB18030, detector.detect(Fixtures.bytes(SHORT_SIMPLIFIED, "GBK"), true));
    }

    @Test
    void shortBig5LineIsBig5NotGbk() {
        assertEquals(BIG5, detector.detect(Fixtures.bytes(SHORT_TRADITIONAL, "Big5"), true));
    }

    @Test
    void shortGbkLineOfCommonWordsIsGb18030() {
        assertEquals(GB18030, detector.detect(Fixtures.bytes("甲方：青岚云图科技有限公司", "GBK"), true));
    }

    @Test
    void utf16LittleEndianWithBomIsUtf16Le() {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        assertEquals(StandardCharsets.UTF_16LE,
                detector.detect(withPrefix(bom, Fixtures.bytes(Fixtures.CONTRACT, "UTF-16LE")), true));
    }

    @Test
    void utf16BigEndianWithBomIsUtf16Be() {
        byte[] bom = {(byte) 0xFE, (byte) 0xFF};
        assertEquals(StandardCharsets.UTF_16BE,
                detector.detect(withPrefix(bom, Fixtures.bytes(Fixtures.CONTRACT, "UTF-16BE")), true));
    }

    @Test
    void utf16LittleEndianWithoutBomIsUtf16Le() {
        assertEquals(StandardCharsets.UTF_16LE, detector.detect(Fixtures.bytes(Fixtures.CONTRACT, "UTF-16LE"), true));
    }

    @Test
    void utf16BigEndianWithoutBomIsUtf16Be() {
        assertEquals(StandardCharsets.UTF_16BE, detector.detect(Fixtures.bytes(Fixtures.CONTRACT, "UTF-16BE"), true));
    }

    @Test
    void shortUtf16LineWithoutBomAndWithoutAsciiIsUtf16() {
        assertEquals(StandardCharsets.UTF_16LE, detector.detect(Fixtures.bytes(SHORT_SIMPLIFIED, "UTF-16LE"), true));
        assertEquals(StandardCharsets.UTF_16BE, detector.detect(Fixtures.bytes(SHORT_SIMPLIFIED, "UTF-16BE"), true));
    }

    @Test
    void pureAsciiIsUtf8() {
        assertEquals(StandardCharsets.UTF_8,
                detector.detect("Contract No. QL-2024-0315\nsoftware licence agreement\n".getBytes(StandardCharsets.US_ASCII), true));
    }

    @Test
    void lowerCaseAsciiIsNotTakenForUtf16() {
        assertEquals(StandardCharsets.UTF_8, detector.detect("the licensee shall pay the fee".getBytes(StandardCharsets.US_ASCII), true));
    }

    @Test
    void utf8SampleCutInsideACharacterIsStillUtf8WhenIncomplete() {
        byte[] cutLead = cutInsideLastHan(Fixtures.bytes(Fixtures.CONTRACT, "UTF-8"));
        assertEquals(0x80, cutLead[cutLead.length - 1] & 0xC0, "the sample should end inside a multi-byte character");
        assertEquals(StandardCharsets.UTF_8, detector.detect(cutLead, false));
    }

    @Test
    void gbkSampleCutAfterALeadByteIsStillGb18030WhenIncomplete() {
        byte[] whole = Fixtures.bytes(Fixtures.CONTRACT.strip(), "GBK"); // ends in 日, two bytes
        byte[] cut = Arrays.copyOf(whole, whole.length - 1);
        assertTrue((cut[cut.length - 1] & 0xff) >= 0x81, "the sample should end with a lead byte");
        assertEquals(GB18030, detector.detect(cut, false));
    }

    @Test
    void big5SampleCutAfterALeadByteIsStillBig5WhenIncomplete() {
        byte[] whole = Fixtures.bytes(Fixtures.TRADITIONAL.strip(), "Big5"); // ends in 。, two bytes
        byte[] cut = Arrays.copyOf(whole, whole.length - 1);
        assertEquals(BIG5, detector.detect(cut, false));
    }

    @Test
    void detectingFromAStreamLeavesTheStreamWhereItWas() throws IOException {
        byte[] gbk = Fixtures.bytes(Fixtures.CONTRACT, "GBK");
        ByteArrayInputStream in = new ByteArrayInputStream(gbk);
        assertEquals(GB18030, detector.detect(in, new Metadata()));
        assertEquals(gbk.length, in.readAllBytes().length);
    }

    @Test
    void gbkBig5AndUtf16ReadAsChineseText() {
        assertTrue(ChineseCharsetDetector.readsAsChineseText(Fixtures.bytes(Fixtures.CONTRACT, "GBK"), true));
        assertTrue(ChineseCharsetDetector.readsAsChineseText(Fixtures.bytes(Fixtures.TRADITIONAL, "Big5"), true));
        assertTrue(ChineseCharsetDetector.readsAsChineseText(Fixtures.bytes(Fixtures.CONTRACT, "UTF-16LE"), true));
    }

    @Test
    void randomBytesAndEmptySamplesDoNotReadAsChineseText() {
        byte[] random = new byte[4096];
        new Random(20240315).nextBytes(random);
        assertFalse(ChineseCharsetDetector.readsAsChineseText(random, true));
        assertFalse(ChineseCharsetDetector.readsAsChineseText(new byte[0], true));
    }

    @Test
    void gbkTextWithControlBytesDoesNotReadAsChineseText() {
        byte[] gbk = Fixtures.bytes(Fixtures.CONTRACT, "GBK");
        gbk[10] = 0x01;
        assertFalse(ChineseCharsetDetector.readsAsChineseText(gbk, true));
    }

    /** The bytes up to and including the first byte of the last Han character's UTF-8 sequence. */
    private static byte[] cutInsideLastHan(byte[] utf8) {
        for (int i = utf8.length - 1; i >= 0; i--) {
            if ((utf8[i] & 0xF0) == 0xE0) {
                return Arrays.copyOf(utf8, i + 2);
            }
        }
        throw new IllegalArgumentException("no three-byte character");
    }
}
