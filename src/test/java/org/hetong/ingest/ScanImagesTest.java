package org.hetong.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page images prepared for Tesseract: grey, red seals faded out, blank pages recognised as such. */
class ScanImagesTest {
    @TempDir
    Path dir;

    @Test
    void sealRedTurnsLightWhilePrintUnderTheSealStaysDark() {
        assertEquals(255, ScanImages.greyOf(0xFFCD202A), "seal red on paper");
        assertTrue(ScanImages.greyOf(0xFFF0B4B4) > 240, "the seal's pink edge");
        assertTrue(ScanImages.greyOf(0xFF1E0505) < 60, "black print under the seal");
        assertEquals(128, ScanImages.greyOf(0xFF808080), "grey stays grey");
        assertEquals(255, ScanImages.greyOf(0x00000000), "transparent is paper");
    }

    @Test
    void aColourPageBecomesGreyAndAGreyPageIsLeftAsItIs() {
        BufferedImage colour = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        colour.setRGB(0, 0, 0xCD202A);
        colour.setRGB(1, 0, 0x000000);
        BufferedImage grey = ScanImages.forRecognition(colour);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, grey.getType());
        assertEquals(255, grey.getRaster().getSample(0, 0, 0));
        assertEquals(0, grey.getRaster().getSample(1, 0, 0));
        BufferedImage already = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        assertTrue(already == ScanImages.forRecognition(already));
    }

    @Test
    void aPageWithDustIsBlankButAPageWithOneShortLineIsNot() {
        BufferedImage page = page();
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            page.getRaster().setSample(random.nextInt(page.getWidth()), random.nextInt(page.getHeight()), 0, 60);
        }
        assertTrue(ScanImages.isBlank(page));
        Graphics2D g = page.createGraphics();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 40));
        g.drawString("No. 12 Annex: none", 200, 400);
        g.dispose();
        assertFalse(ScanImages.isBlank(page));
    }

    @Test
    void aPageIsWrittenAsBinaryPgm() throws Exception {
        BufferedImage page = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        page.getRaster().setSample(2, 1, 0, 200);
        Path file = ScanImages.write(page, dir);
        byte[] bytes = Files.readAllBytes(file);
        String header = "P5\n3 2\n255\n";
        assertEquals(header, new String(bytes, 0, header.length(), StandardCharsets.US_ASCII));
        assertEquals(header.length() + 6, bytes.length);
        assertEquals(200, bytes[bytes.length - 1] & 0xFF);
    }

    private static BufferedImage page() {
        BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY); // A4 at 150 DPI
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(245, 245, 245));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.dispose();
        return page;
    }
}
