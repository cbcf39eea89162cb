package org.hetong.ingest;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares a scanned page for Tesseract: one grey channel, with red company seals faded out.
 *
 * <p>A red seal (公章、合同专用章) usually sits on the signature block and on the last lines of
 * text. In plain greyscale its ring and lettering become dark marks across the words. Here a red
 * pixel turns light in proportion to how red it is, while dark ink under the seal stays dark: the
 * same idea as a scanner's "red drop-out", so the text under the seal survives. Greyscale scans
 * cannot be helped this way and pass through unchanged.
 *
 * <p>The page is written as a binary PGM: no compression to spend time on, and Tesseract (through
 * Leptonica) reads it directly.
 */
final class ScanImages {
    /** How much redder than green and blue a pixel must be to count as seal ink. */
    private static final int RED_MARGIN = 40;

    /** Grey levels by which a pixel must differ from the background to count as a mark. */
    private static final int BLANK_CONTRAST = 64;
    /** A page with fewer marked pixels than 1/2000 of its area (and than {@link #BLANK_MIN_PIXELS}) is blank. */
    private static final int BLANK_FRACTION = 2000;
    private static final int BLANK_MIN_PIXELS = 50;

    private ScanImages() {}

    /** The page in grey, seals faded; the image itself is left as it was. */
    static BufferedImage forRecognition(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[w];
        byte[] out = new byte[w];
        var raster = grey.getRaster();
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                out[x] = (byte) greyOf(row[x]);
            }
            raster.setDataElements(0, y, w, 1, out);
        }
        return grey;
    }

    /** Luminance, except that reddish pixels are lightened by how much redder they are than the rest. */
    static int greyOf(int argb) {
        int alpha = argb >>> 24;
        int r = argb >> 16 & 0xFF;
        int g = argb >> 8 & 0xFF;
        int b = argb & 0xFF;
        if (alpha < 255) { // transparent areas are paper
            r = 255 - (255 - r) * alpha / 255;
            g = 255 - (255 - g) * alpha / 255;
            b = 255 - (255 - b) * alpha / 255;
        }
        int other = Math.max(g, b);
        if (r - other > RED_MARGIN) {
            return Math.min(255, r + (r - other));
        }
        return (r * 299 + g * 587 + b * 114) / 1000;
    }

    /** Writes a grey image as binary PGM (P5). */
    static void writePgm(BufferedImage grey, Path file) throws IOException {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("a PGM page must be TYPE_BYTE_GRAY, not type " + grey.getType());
        }
        int w = grey.getWidth();
        int h = grey.getHeight();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + w + " " + h + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            byte[] row = new byte[w];
            var raster = grey.getRaster();
            for (int y = 0; y < h; y++) {
                raster.getDataElements(0, y, w, 1, row);
                out.write(row);
            }
        }
    }

    /** A greyscale page ({@link #forRecognition}) written to a new file in {@code dir}; returns the file. */
    static Path write(BufferedImage grey, Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "page-", ".pgm");
        try {
            writePgm(grey, file);
            return file;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Whether a greyscale page is blank: hardly a pixel (dust and scanner noise aside) stands out
     * from its background. Blank pages — the empty backs of a duplex scan — are not worth a
     * Tesseract run. Deliberately strict: a page with a single short line of text is not blank.
     */
    static boolean isBlank(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        int[] histogram = new int[256];
        byte[] row = new byte[w];
        var raster = grey.getRaster();
        for (int y = 0; y < h; y++) {
            raster.getDataElements(0, y, w, 1, row);
            for (int x = 0; x < w; x++) {
                histogram[row[x] & 0xFF]++;
            }
        }
        int background = 0;
        for (int v = 1; v < 256; v++) {
            if (histogram[v] > histogram[background]) {
                background = v;
            }
        }
        long standingOut = 0;
        for (int v = 0; v < 256; v++) {
            if (Math.abs(v - background) > BLANK_CONTRAST) {
                standingOut += histogram[v];
            }
        }
        return standingOut < Math.max(BLANK_MIN_PIXELS, (long) w * h / BLANK_FRACTION);
    }
}
