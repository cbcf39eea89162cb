package org.hetong.ingest;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/**
 * How much of a PDF page is covered by images, and whether any of them has colour: what tells a
 * scanned page (one page-sized picture) from a typed page with a logo. Walks the page's content
 * stream without decoding any image; vector drawing is ignored.
 */
final class PdfPageImages extends PDFGraphicsStreamEngine {
    private final Rectangle2D page;
    private double covered;
    private boolean colour;

    /** @param coverage share of the page's area under images (0 to 1; overlapping images count once each, capped at 1) */
    record Coverage(double coverage, boolean colour) {}

    private PdfPageImages(PDPage page) {
        super(page);
        PDRectangle box = page.getCropBox();
        this.page = new Rectangle2D.Double(box.getLowerLeftX(), box.getLowerLeftY(), box.getWidth(), box.getHeight());
    }

    static Coverage measure(PDPage page) throws IOException {
        PdfPageImages engine = new PdfPageImages(page);
        engine.processPage(page);
        double area = engine.page.getWidth() * engine.page.getHeight();
        return new Coverage(area <= 0 ? 0 : Math.min(1, engine.covered / area), engine.colour);
    }

    @Override
    public void drawImage(PDImage image) throws IOException {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        // An image fills the unit square of its transformation: its corners are where the square's go.
        Point2D.Float[] corners = {ctm.transformPoint(0, 0), ctm.transformPoint(1, 0), ctm.transformPoint(0, 1), ctm.transformPoint(1, 1)};
        Rectangle2D bounds = new Rectangle2D.Double(corners[0].x, corners[0].y, 0, 0);
        for (Point2D.Float p : corners) {
            bounds.add(p);
        }
        Rectangle2D visible = bounds.createIntersection(page);
        if (!visible.isEmpty()) {
            covered += visible.getWidth() * visible.getHeight();
            if (!image.isStencil() && image.getColorSpace() != null && image.getColorSpace().getNumberOfComponents() > 1) {
                colour = true;
            }
        }
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
    }

    @Override
    public void lineTo(float x, float y) {
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float(0, 0);
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) {
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
