package org.hetong.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Decides a file's media type from its bytes only: Tika's detectors with the file name withheld,
 * so a PDF called {@code .docx} is a PDF and random bytes called {@code .docx} are unrecognised.
 *
 * <p>Tika recognises plain text only when it is UTF-8 or mostly ASCII; Chinese text in GB18030,
 * GBK, Big5 or UTF-16 without a byte-order mark would be {@code application/octet-stream}. Such
 * bytes are text/plain here when {@link ChineseCharsetDetector} finds they read as Chinese.
 */
final class ContentDetector implements Detector {
    private static final long serialVersionUID = 1L;
    private final Detector tika;

    ContentDetector(Detector tika) {
        this.tika = tika;
    }

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        MediaType type = tika.detect(input, new Metadata());
        if (input == null || !MediaType.OCTET_STREAM.equals(type)) {
            return type;
        }
        input.mark(ChineseCharsetDetector.SAMPLE_BYTES);
        try {
            byte[] sample = input.readNBytes(ChineseCharsetDetector.SAMPLE_BYTES);
            return ChineseCharsetDetector.readsAsChineseText(sample, sample.length < ChineseCharsetDetector.SAMPLE_BYTES)
                    ? MediaType.TEXT_PLAIN : type;
        } finally {
            input.reset();
        }
    }
}
