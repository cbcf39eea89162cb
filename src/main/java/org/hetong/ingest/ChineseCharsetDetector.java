package org.hetong.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

/**
 * Decides the character set of plain text the way Chinese archives need: UTF-8, GB18030 (and
 * its subsets GBK and GB2312), Big5, UTF-16 with or without byte-order mark.
 *
 * <p>General-purpose detectors guess from byte statistics and are often wrong on short Chinese
 * texts, where GBK and Big5 byte ranges overlap. Here each candidate must first decode the sample
 * without error; the survivors are then scored by how common their Han characters are: the share
 * of characters that fall in GB2312's level-1 set (the 3,755 most used simplified characters,
 * lead bytes 0xB0–0xD7, GB 2312-1980 §5) for GB18030, or in Big5's frequently-used block
 * (0xA440–0xC67E, 5,401 characters) for Big5. Real text scores far above the 20–30 % that the
 * wrong decoding of the same bytes reaches.
 *
 * <p>Registered with Tika as its {@link EncodingDetector}, so TXT files and text parts of mails go
 * through it too.
 */
public final class ChineseCharsetDetector implements EncodingDetector {
    private static final long serialVersionUID = 1L;
    static final int SAMPLE_BYTES = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset BIG5_DECODE = Charset.forName("Big5-HKSCS");
    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Override
    public Charset detect(InputStream input, Metadata metadata) throws IOException {
        if (input == null) {
            return null;
        }
        input.mark(SAMPLE_BYTES);
        try {
            byte[] sample = input.readNBytes(SAMPLE_BYTES);
            return detect(sample, sample.length < SAMPLE_BYTES);
        } finally {
            input.reset();
        }
    }

    /** Detects the charset of a sample; {@code complete} says whether it is the whole text. */
    public Charset detect(byte[] sample, boolean complete) {
        Charset bom = byBom(sample);
        if (bom != null) {
            return bom;
        }
        Charset utf16 = utf16WithoutBom(sample);
        if (utf16 != null) {
            return utf16;
        }
        if (decodes(sample, StandardCharsets.UTF_8, complete) || mostlyUtf8(sample, complete)) {
            return StandardCharsets.UTF_8;
        }
        double gb = decodes(sample, GB18030, complete) ? commonness(sample, GB18030, complete) : -1;
        double big5 = decodes(sample, BIG5_DECODE, complete) ? commonness(sample, BIG5_DECODE, complete) : -1;
        Charset hanOnly = utf16HanOnly(sample, complete);
        if (hanOnly != null && hanCommonness(new String(sample, hanOnly)) > Math.max(gb, big5)) {
            return hanOnly;
        }
        if (gb < 0.5 && big5 < 0.5) {
            // Neither reads as Chinese: most likely a western single-byte text.
            return gb < 0 && big5 < 0 ? WINDOWS_1252 : (big5 > gb ? BIG5 : GB18030);
        }
        return big5 > gb ? BIG5 : GB18030;
    }

    /**
     * Whether bytes that general detectors took for binary are Chinese text: free of control bytes
     * (in their encoding) and decoding to mostly common Han characters in GB18030, Big5 or UTF-16.
     */
    public static boolean readsAsChineseText(byte[] sample, boolean complete) {
        if (sample.length == 0) {
            return false;
        }
        Charset utf16 = byBom(sample) != null ? byBom(sample) : utf16WithoutBom(sample);
        if (utf16 != null && utf16 != StandardCharsets.UTF_8) {
            return true;
        }
        if (utf16HanOnly(sample, complete) != null) {
            return true;
        }
        for (byte b : sample) {
            int v = b & 0xff;
            if (v < 0x20 && v != '\n' && v != '\r' && v != '\t' && v != 0x0C && v != 0x1A) {
                return false;
            }
        }
        if (mostlyUtf8(sample, complete)) {
            return true;
        }
        double gb = decodes(sample, GB18030, complete) ? commonness(sample, GB18030, complete) : -1;
        double big5 = decodes(sample, BIG5_DECODE, complete) ? commonness(sample, BIG5_DECODE, complete) : -1;
        return Math.max(gb, big5) >= 0.6;
    }

    /**
     * UTF-8 with a few damaged bytes (a bad copy, a cut in the middle of a character): at least 16
     * well-formed multi-byte sequences and at most one malformed one per hundred. Text in GB18030 or
     * Big5 breaks UTF-8's rules at nearly every other character, so it never passes.
     */
    static boolean mostlyUtf8(byte[] b, boolean complete) {
        int valid = 0;
        int invalid = 0;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (length == 0) {
                invalid++;
                i++;
                continue;
            }
            if (i + length > b.length) {
                invalid += complete ? 1 : 0; // a sample may end inside a character
                break;
            }
            boolean wellFormed = true;
            for (int k = 1; k < length; k++) {
                wellFormed &= (b[i + k] & 0xC0) == 0x80;
            }
            if (wellFormed) {
                valid++;
                i += length;
            } else {
                invalid++;
                i++;
            }
        }
        return valid >= 16 && invalid * 100 <= valid;
    }

    static Charset byBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /**
     * UTF-16 without a byte-order mark: in such text, one byte of each pair is the high byte of a
     * code unit, which for Chinese and ASCII is nearly always 0x00 (ASCII), 0x30 (CJK punctuation),
     * 0x4E–0x9F (CJK ideographs) or 0xFF (full-width forms).
     */
    static Charset utf16WithoutBom(byte[] b) {
        int pairs = Math.min(b.length, 8192) / 2;
        if (pairs < 2) {
            return null;
        }
        int evenHigh = 0;
        int oddHigh = 0;
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < pairs; i++) {
            int even = b[2 * i] & 0xff;
            int odd = b[2 * i + 1] & 0xff;
            if (looksLikeHighByte(even)) {
                evenHigh++;
            }
            if (looksLikeHighByte(odd)) {
                oddHigh++;
            }
            if (even == 0) {
                evenZero++;
            }
            if (odd == 0) {
                oddZero++;
            }
        }
        // At least some zero high bytes (newlines, spaces, digits) and almost all plausible.
        if (oddHigh >= pairs * 0.9 && oddZero > 0 && evenZero < pairs * 0.1) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenHigh >= pairs * 0.9 && evenZero > 0 && oddZero < pairs * 0.1) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /**
     * UTF-16 without a byte-order mark and without a single ASCII character — one line of Han
     * characters, which {@link #utf16WithoutBom} cannot tell from lower-case ASCII because no high
     * byte is zero: every code unit must have a plausible high byte, and the text must read as
     * common Chinese (simplified or traditional).
     */
    static Charset utf16HanOnly(byte[] b, boolean complete) {
        int length = Math.min(b.length, 8192) & ~1;
        if (length < 8 || (complete && b.length % 2 != 0)) {
            return null;
        }
        boolean le = true;
        boolean be = true;
        for (int i = 0; i < length; i += 2) {
            le &= looksLikeHighByte(b[i + 1] & 0xff) && b[i + 1] != 0;
            be &= looksLikeHighByte(b[i] & 0xff) && b[i] != 0;
        }
        Charset charset = le ? StandardCharsets.UTF_16LE : be ? StandardCharsets.UTF_16BE : null;
        if (charset == null || !decodes(java.util.Arrays.copyOf(b, length), charset, false)) {
            return null;
        }
        return hanCommonness(new String(b, 0, length, charset)) >= 0.6 ? charset : null;
    }

    /** The larger of the simplified and the traditional common-character shares of a text. */
    private static double hanCommonness(String text) {
        return Math.max(commonness(text, false), commonness(text, true));
    }

    private static boolean looksLikeHighByte(int value) {
        return value == 0x00 || value == 0x20 || value == 0x30 || value == 0xFF || (value >= 0x4E && value <= 0x9F);
    }

    static boolean decodes(byte[] sample, Charset charset, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 16);
        var result = decoder.decode(in, out, complete);
        if (result.isError()) {
            return false;
        }
        // A sample cut in the middle of a multi-byte character leaves at most 3 undecoded bytes.
        return complete ? !decoder.flush(out).isError() && !in.hasRemaining() : in.remaining() <= 3;
    }

    /** The share of Han characters, decoded with {@code charset}, that are in the common set. */
    static double commonness(byte[] sample, Charset charset, boolean complete) {
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(sample)).toString();
        } catch (CharacterCodingException e) {
            return 0;
        }
        return commonness(text, charset.name().startsWith("Big5"));
    }

    private static double commonness(String text, boolean big5) {
        CharsetEncoder encoder = (big5 ? BIG5 : GB2312).newEncoder();
        int han = 0;
        int common = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
                continue;
            }
            han++;
            byte[] encoded = encode(encoder, c);
            if (encoded == null || encoded.length != 2) {
                continue;
            }
            int code = ((encoded[0] & 0xff) << 8) | (encoded[1] & 0xff);
            if (big5 ? code >= 0xA440 && code <= 0xC67E : (encoded[0] & 0xff) >= 0xB0 && (encoded[0] & 0xff) <= 0xD7) {
                common++;
            }
        }
        if (han == 0) {
            // No Han characters at all: the bytes decode to symbols or Hangul, which is not Chinese text.
            return 0;
        }
        return (double) common / han;
    }

    private static byte[] encode(CharsetEncoder encoder, char c) {
        if (!encoder.canEncode(c)) {
            return null;
        }
        try {
            var buffer = encoder.encode(CharBuffer.wrap(new char[] {c}));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
