package org.hetong.ingest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Makes the scanned fixtures in {@code src/test/resources/fixtures/scans/} from our own contract
 * text ({@code contract.txt} there): the text is laid out on A4 pages with a CJK serif font, a red
 * company stamp is put over the signature block and the last lines of text, and each page is
 * "scanned" — paper tone, speckles, a slight skew — at 200 or 300 DPI. The pages are then wrapped as
 * an image-only PDF, a multi-page TIFF, a colour PNG and a PDF whose first page has a text layer
 * (made by LibreOffice) and whose second page is a scan. It also writes the ground truth of each page.
 *
 * <p>Not a test: run {@code src/test/resources/fixtures/scans/make-scans.sh}. Dev-time needs:
 * fonts-noto-cjk and LibreOffice (for the text-layer page of the mixed PDF).
 */
public final class ScanFixtureMaker {
    private static final String FONT = "Noto Serif CJK SC";
    private static final float BODY_PT = 12f;
    private static final double LINE_SPACING = 1.75;
    private static final Color STAMP_RED = new Color(205, 32, 42);

    private ScanFixtureMaker() {}

    /** One page of laid-out text: its lines with their positions (in points), and the source text on it. */
    record Line(String text, double xPt, double yPt, float sizePt, boolean bold) {}

    record Page(List<Line> lines, String truth) {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/fixtures/scans");
        List<String> paragraphs = Files.readAllLines(dir.resolve("contract.txt"), StandardCharsets.UTF_8);
        List<Page> pages = layout(paragraphs);
        if (pages.size() != 2) {
            throw new IllegalStateException("the contract should lay out on 2 pages, not " + pages.size());
        }
        Files.writeString(dir.resolve("contract-page1.txt"), pages.get(0).truth(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("contract-page2.txt"), pages.get(1).truth(), StandardCharsets.UTF_8);

        // 1. Image-only PDF at 300 DPI, greyscale JPEG pages; page 2 skewed by 1.5° with the stamp.
        List<BufferedImage> at300 = List.of(scan(pages.get(0), 300, -0.4, false, 1), scan(pages.get(1), 300, 1.5, true, 2));
        imagePdf(dir.resolve("contract-scan-300dpi.pdf"), gray(at300), 300, 0.70f);

        // 2. Multi-page TIFF at 200 DPI, greyscale, Deflate; skewed the other way.
        List<BufferedImage> at200 = List.of(scan(pages.get(0), 200, 1.0, false, 3), scan(pages.get(1), 200, -1.2, true, 4));
        tiff(dir.resolve("contract-scan-200dpi.tiff"), gray(at200));

        // 3. Page 2 alone as a colour PNG: a red stamp over black text, as a colour scanner delivers it.
        png(dir.resolve("contract-page2-color.png"), palette(scan(pages.get(1), 250, 0.8, true, 5)));

        // 4. A PDF whose first page has a text layer and whose second page is a scan.
        mixedPdf(dir.resolve("contract-mixed.pdf"), pages.get(0), gray(List.of(at300.get(1))).get(0), 300);

        // 5. A picture without any text: an image that must fail with "no text".
        png(dir.resolve("no-text.png"), gray(List.of(picture())).get(0));
        System.out.println("fixtures written to " + dir.toAbsolutePath());
    }

    // ---- layout ---------------------------------------------------------------------------------

    static List<Page> layout(List<String> paragraphs) {
        double pageW = 595.3;
        double pageH = 841.9;
        double left = 25 * 72 / 25.4;
        double right = pageW - 25 * 72 / 25.4;
        double top = 28 * 72 / 25.4;
        double bottom = pageH - 25 * 72 / 25.4;
        BufferedImage scratch = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = scratch.createGraphics();
        List<Page> pages = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        StringBuilder truth = new StringBuilder();
        double y = top;
        boolean first = true;
        for (String paragraph : paragraphs) {
            if (paragraph.isBlank()) {
                y += BODY_PT * 0.6;
                truth.append('\n');
                continue;
            }
            boolean title = first;
            first = false;
            boolean heading = paragraph.matches("第[一二三四五六七八九十]+条 .*");
            float size = title ? 18f : BODY_PT;
            Font font = new Font(FONT, title || heading ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
            FontMetrics fm = g.getFontMetrics(font);
            boolean prose = !title && !heading && paragraph.length() > 34;
            double indent = prose ? 2 * fm.charWidth('中') : 0;
            List<String> wrapped = wrap(paragraph, fm, right - left, indent);
            for (int i = 0; i < wrapped.size(); i++) {
                double lineHeight = size * LINE_SPACING;
                if (y + lineHeight > bottom) {
                    pages.add(new Page(lines, truth.toString().strip() + "\n"));
                    lines = new ArrayList<>();
                    truth.setLength(0);
                    y = top;
                }
                y += lineHeight;
                String text = wrapped.get(i);
                double x = title ? (pageW - fm.stringWidth(text)) / 2 : left + (i == 0 ? indent : 0);
                lines.add(new Line(text, x, y, size, title || heading));
                truth.append(text);
            }
            truth.append('\n');
        }
        pages.add(new Page(lines, truth.toString().strip() + "\n"));
        g.dispose();
        return pages;
    }

    /** Breaks a paragraph into lines by width; closing punctuation never starts a line. */
    private static List<String> wrap(String paragraph, FontMetrics fm, double width, double indent) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double available = width - indent;
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            String candidate = line.toString() + c;
            if (fm.stringWidth(candidate) > available && line.length() > 0 && "，。、；：）》”！？".indexOf(c) < 0) {
                out.add(line.toString());
                line.setLength(0);
                available = width;
            }
            line.append(c);
        }
        out.add(line.toString());
        return out;
    }

    // ---- scanning --------------------------------------------------------------------------------

    /** The page printed and scanned: paper tone, the stamp, a skew and some speckles. */
    static BufferedImage scan(Page page, int dpi, double skewDegrees, boolean stamp, long seed) {
        double scale = dpi / 72.0;
        int w = (int) Math.round(595.3 * scale);
        int h = (int) Math.round(841.9 * scale);
        BufferedImage printed = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = printed.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(25, 25, 25));
        for (Line line : page.lines()) {
            g.setFont(new Font(FONT, line.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) (line.sizePt() * scale)));
            g.drawString(line.text(), (float) (line.xPt() * scale), (float) (line.yPt() * scale));
        }
        g.dispose();
        if (stamp) {
            // Over 甲方's signature line and the line above it, as a company seal usually lands.
            Line signature = page.lines().stream().filter(l -> l.text().startsWith("甲方（盖章）")).findFirst().orElseThrow();
            BufferedImage seal = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D sg = seal.createGraphics();
            sg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            sg.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            stamp(sg, (signature.xPt() + 150) * scale, (signature.yPt() - 14) * scale, 21 * 72 / 25.4 * scale);
            sg.dispose();
            multiply(printed, seal);
        }

        BufferedImage scanned = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D s = scanned.createGraphics();
        s.setColor(Color.WHITE);
        s.fillRect(0, 0, w, h);
        s.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        s.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        s.transform(AffineTransform.getRotateInstance(Math.toRadians(skewDegrees), w / 2.0, h / 2.0));
        s.drawImage(printed, 0, 0, null);
        s.dispose();
        // The paper's tone: white becomes a warm light grey, ink stays ink.
        int[] tone = {246, 245, 240};
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            scanned.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                row[x] = (p >> 16 & 0xFF) * tone[0] / 255 << 16 | (p >> 8 & 0xFF) * tone[1] / 255 << 8 | (p & 0xFF) * tone[2] / 255;
            }
            scanned.setRGB(0, y, w, 1, row, 0, w);
        }
        Random random = new Random(seed);
        int speckles = (int) (w * (long) h / 40_000);
        for (int i = 0; i < speckles; i++) {
            int x = random.nextInt(w - 2);
            int y = random.nextInt(h - 2);
            int v = 60 + random.nextInt(120);
            int rgb = v << 16 | v << 8 | v;
            scanned.setRGB(x, y, rgb);
            if (random.nextBoolean()) {
                scanned.setRGB(x + 1, y, rgb);
            }
        }
        return scanned;
    }

    /** Lays translucent seal ink over the print: toner under the seal stays dark, paper turns red. */
    private static void multiply(BufferedImage print, BufferedImage ink) {
        for (int y = 0; y < print.getHeight(); y++) {
            for (int x = 0; x < print.getWidth(); x++) {
                int a = ink.getRGB(x, y);
                int alpha = a >>> 24;
                if (alpha == 0) {
                    continue;
                }
                int p = print.getRGB(x, y);
                int out = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int base = p >> shift & 0xFF;
                    int colour = a >> shift & 0xFF;
                    int factor = 255 - alpha * (255 - colour) / 255;
                    out |= (base * factor / 255) << shift;
                }
                print.setRGB(x, y, out);
            }
        }
    }

    /** A round company seal: ring, name along the upper arc, star, and 合同专用章 below. */
    private static void stamp(Graphics2D g, double cx, double cy, double r) {
        Graphics2D s = (Graphics2D) g.create();
        s.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 0.9f));
        s.setColor(STAMP_RED);
        s.setStroke(new BasicStroke((float) (r * 0.06)));
        s.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        String name = "澄川数码科技有限公司";
        Font font = new Font(FONT, Font.BOLD, 1).deriveFont((float) (r * 0.27));
        s.setFont(font);
        double sweep = Math.toRadians(220);
        for (int i = 0; i < name.length(); i++) {
            double angle = -Math.PI / 2 - sweep / 2 + sweep * (i + 0.5) / name.length();
            Graphics2D c = (Graphics2D) s.create();
            c.translate(cx + Math.cos(angle) * r * 0.72, cy + Math.sin(angle) * r * 0.72);
            c.rotate(angle + Math.PI / 2);
            String ch = name.substring(i, i + 1);
            c.drawString(ch, -c.getFontMetrics().stringWidth(ch) / 2f, c.getFontMetrics().getAscent() / 2f);
            c.dispose();
        }
        Path2D star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double rr = i % 2 == 0 ? r * 0.26 : r * 0.1;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) {
                star.moveTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
            } else {
                star.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
            }
        }
        star.closePath();
        s.fill(star);
        s.setFont(font.deriveFont((float) (r * 0.2)));
        String label = "合同专用章";
        s.drawString(label, (float) (cx - s.getFontMetrics().stringWidth(label) / 2.0), (float) (cy + r * 0.55));
        s.dispose();
    }

    /** A drawing with shapes and shading but no writing. */
    private static BufferedImage picture() {
        int w = 1200;
        int h = 900;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(200, 220, 240), 0, h, new Color(90, 110, 130)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(60, 120, 60));
        g.fillOval(150, 450, 500, 300);
        g.setColor(new Color(230, 200, 80));
        g.fillOval(850, 100, 160, 160);
        g.setColor(new Color(120, 80, 50));
        g.fillPolygon(new int[] {600, 900, 1150}, new int[] {800, 380, 800}, 3);
        g.dispose();
        return img;
    }

    // ---- writing -----------------------------------------------------------------------------------

    static List<BufferedImage> gray(List<BufferedImage> images) {
        List<BufferedImage> out = new ArrayList<>();
        for (BufferedImage img : images) {
            BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D graphics = g.createGraphics();
            graphics.drawImage(img, 0, 0, null);
            graphics.dispose();
            out.add(g);
        }
        return out;
    }

    /** Reduces a colour scan to 64 greys and 64 reds (paper to seal red, seal red to black), so that the PNG stays small. */
    static BufferedImage palette(BufferedImage img) {
        int size = 128;
        byte[] r = new byte[size];
        byte[] gr = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < 64; i++) {
            int v = i * 255 / 63;
            r[i] = (byte) v;
            gr[i] = (byte) v;
            b[i] = (byte) v;
        }
        int[] paper = {246, 245, 240};
        int[] red = {STAMP_RED.getRed(), STAMP_RED.getGreen(), STAMP_RED.getBlue()};
        for (int i = 0; i < 32; i++) {
            double t = (i + 1) / 32.0;
            r[64 + i] = (byte) (int) Math.round(paper[0] + (red[0] - paper[0]) * t);
            gr[64 + i] = (byte) (int) Math.round(paper[1] + (red[1] - paper[1]) * t);
            b[64 + i] = (byte) (int) Math.round(paper[2] + (red[2] - paper[2]) * t);
            r[96 + i] = (byte) (int) Math.round(red[0] * (1 - t) + 20 * t);
            gr[96 + i] = (byte) (int) Math.round(red[1] * (1 - t) + 6 * t);
            b[96 + i] = (byte) (int) Math.round(red[2] * (1 - t) + 6 * t);
        }
        IndexColorModel model = new IndexColorModel(8, size, r, gr, b);
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, model);
        int[] row = new int[img.getWidth()];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, img.getWidth(), 1, row, 0, img.getWidth());
            for (int x = 0; x < row.length; x++) {
                out.getRaster().setSample(x, y, 0, nearest(row[x], r, gr, b, size));
            }
        }
        return out;
    }

    private static int nearest(int rgb, byte[] r, byte[] g, byte[] b, int n) {
        int rr = rgb >> 16 & 0xFF;
        int gg = rgb >> 8 & 0xFF;
        int bb = rgb & 0xFF;
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            int dr = rr - (r[i] & 0xFF);
            int dg = gg - (g[i] & 0xFF);
            int db = bb - (b[i] & 0xFF);
            int d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    static void imagePdf(Path out, List<BufferedImage> pages, int dpi, float quality) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage img : pages) {
                addImagePage(doc, img, dpi, quality);
            }
            doc.getDocumentInformation().setProducer("hetong ScanFixtureMaker");
            doc.save(out.toFile());
        }
    }

    private static void addImagePage(PDDocument doc, BufferedImage img, int dpi, float quality) throws IOException {
        PDPage page = new PDPage(new PDRectangle(img.getWidth() * 72f / dpi, img.getHeight() * 72f / dpi));
        doc.addPage(page);
        PDImageXObject image = JPEGFactory.createFromImage(doc, img, quality, dpi);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
        }
    }

    static void tiff(Path out, List<BufferedImage> pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
        Files.deleteIfExists(out);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Deflate");
            param.setCompressionQuality(1f);
            writer.prepareWriteSequence(null);
            for (BufferedImage img : pages) {
                writer.writeToSequence(new IIOImage(img, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    static void png(Path out, BufferedImage img) throws IOException {
        ImageWriter writer = ImageIO.getImageWriters(ImageTypeSpecifier.createFromRenderedImage(img), "png").next();
        Files.deleteIfExists(out);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0f); // smallest file
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Page 1 typeset by LibreOffice (a real text layer), page 2 the scan. */
    static void mixedPdf(Path out, Page first, BufferedImage second, int dpi) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("scan-fixtures");
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"utf-8\"><style>@page { size: 210mm 297mm; margin: 25mm }"
                + " p { font-family: '" + FONT + "'; font-size: 12pt; margin: 0 0 4pt 0 }</style></head><body>");
        for (Line line : first.lines()) {
            html.append("<p>").append(line.text().replace("&", "&amp;").replace("<", "&lt;")).append("</p>");
        }
        html.append("</body></html>");
        Path source = work.resolve("page1.html");
        Files.writeString(source, html, StandardCharsets.UTF_8);
        Process office = new ProcessBuilder("libreoffice", "--headless", "--convert-to", "pdf:writer_pdf_Export", "--outdir",
                work.toString(), source.toString()).inheritIO().start();
        if (!office.waitFor(3, TimeUnit.MINUTES) || office.exitValue() != 0) {
            throw new IOException("libreoffice could not convert " + source);
        }
        try (PDDocument text = Loader.loadPDF(work.resolve("page1.pdf").toFile())) {
            if (text.getNumberOfPages() != 1) {
                throw new IllegalStateException("the text-layer page came out as " + text.getNumberOfPages() + " pages");
            }
            addImagePage(text, second, dpi, 0.70f);
            text.getDocumentInformation().setProducer("hetong ScanFixtureMaker");
            text.save(out.toFile());
        }
    }
}
