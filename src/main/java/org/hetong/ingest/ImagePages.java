package org.hetong.ingest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * The pages of an image file — one for PNG, JPEG, BMP and GIF, any number for TIFF — read one at a
 * time with the JDK's ImageIO. A page larger than {@link #MAX_PIXELS} is read subsampled (every
 * second or third pixel), which keeps memory bounded and is still plenty for text; absurd
 * dimensions are refused before anything is decoded.
 */
final class ImagePages implements AutoCloseable {
    /** An A4 page at 350 DPI, an A3 page at 250 DPI: plenty for text, 48 MB as an RGB image. */
    static final long MAX_PIXELS = 12_000_000L;
    /** Narrower or lower than this, an image holds no legible line of text. */
    private static final int MIN_SIDE = 16;
    /** Beyond this, an image is a decompression bomb rather than a scan. */
    private static final long ABSURD_PIXELS = 2_000_000_000L;

    private final ImageInputStream stream;
    private final ImageReader reader;

    private ImagePages(ImageInputStream stream, ImageReader reader) {
        this.stream = stream;
        this.reader = reader;
    }

    static ImagePages open(Path file) throws IOException {
        ImageInputStream stream = ImageIO.createImageInputStream(file.toFile());
        if (stream == null) {
            throw new IOException("cannot open " + file);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext()) {
            stream.close();
            throw new IOException("no image reader for this file");
        }
        ImageReader reader = readers.next();
        reader.setInput(stream, false, false);
        return new ImagePages(stream, reader);
    }

    int count() throws IOException {
        return reader.getNumImages(true);
    }

    /** Page {@code index}, subsampled when it is very large. */
    BufferedImage read(int index) throws IOException {
        int width = reader.getWidth(index);
        int height = reader.getHeight(index);
        if ((long) width * height > ABSURD_PIXELS) {
            throw new Unusable("图片尺寸过大（" + width + "×" + height + " 像素），不是可识别的扫描件");
        }
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw new Unusable("图片太小（" + width + "×" + height + " 像素），其中没有可识别的文字");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(index);
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(index, param);
    }

    private int subsampling(int index) throws IOException {
        long pixels = (long) reader.getWidth(index) * reader.getHeight(index);
        return pixels <= MAX_PIXELS ? 1 : (int) Math.ceil(Math.sqrt((double) pixels / MAX_PIXELS));
    }

    /** The page's resolution as its metadata records it (after subsampling), or null when unknown or implausible. */
    Integer dpi(int index) {
        try {
            IIOMetadata metadata = reader.getImageMetadata(index);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return null;
            }
            Node size = find(metadata.getAsTree("javax_imageio_1.0"), "HorizontalPixelSize");
            if (size == null || size.getAttributes().getNamedItem("value") == null) {
                return null;
            }
            double mmPerPixel = Double.parseDouble(size.getAttributes().getNamedItem("value").getNodeValue());
            int dpi = (int) Math.round(25.4 / mmPerPixel / subsampling(index));
            return dpi >= 70 && dpi <= 1200 ? dpi : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Node find(Node node, String name) {
        if (name.equals(node.getNodeName())) {
            return node;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            Node found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A page whose dimensions alone show it is no readable scan: nothing else should try it either. */
    static final class Unusable extends IOException {
        Unusable(String message) {
            super(message);
        }
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        stream.close();
    }
}
