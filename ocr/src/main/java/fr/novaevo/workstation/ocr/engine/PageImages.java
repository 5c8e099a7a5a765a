package fr.novaevo.workstation.ocr.engine;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Small pixel operations that prepare a page image for OCR. */
public final class PageImages {

    private PageImages() {
    }

    /** An 8-bit grey copy (or the image itself when it already is one). */
    public static BufferedImage toGray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return gray;
    }

    /** The page turned half a turn (a sheet scanned upside down). */
    public static BufferedImage rotate180(BufferedImage gray) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] src = pixels(gray);
        byte[] dst = pixels(out);
        int n = w * h;
        for (int i = 0; i < n; i++) {
            dst[n - 1 - i] = src[i];
        }
        return out;
    }

    /**
     * Turns the image by {@code degrees} counter-clockwise around its centre, keeping its size; corners
     * uncovered by the turn are filled with the page's background tone so they do not look like ink.
     */
    public static BufferedImage rotate(BufferedImage gray, double degrees) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            int paper = backgroundLevel(gray);
            g.setColor(new Color(paper, paper, paper));
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            // Java2D's y axis points down, so a negative angle turns counter-clockwise on screen.
            g.drawImage(gray, AffineTransform.getRotateInstance(Math.toRadians(-degrees), w / 2.0, h / 2.0), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Straightens text lines whose slant changes down the page (a photo taken at an angle): each row is
     * shifted vertically in proportion to its distance from the centre, by the slant interpolated between the
     * given strip angles.
     *
     * @param stripDegrees residual slant of equal horizontal strips, top to bottom, positive = counter-clockwise
     */
    public static BufferedImage straightenRows(BufferedImage gray, double[] stripDegrees) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        int strips = stripDegrees.length;
        byte[] src = pixels(gray);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = pixels(out);
        int paper = backgroundLevel(gray);
        double cx = w / 2.0;
        for (int y = 0; y < h; y++) {
            // Strip centres sit at (i + 0.5) * h / strips; interpolate the slant between them.
            double pos = (double) y * strips / h - 0.5;
            int i = (int) Math.floor(pos);
            double f = pos - i;
            double a0 = stripDegrees[Math.max(0, Math.min(strips - 1, i))];
            double a1 = stripDegrees[Math.max(0, Math.min(strips - 1, i + 1))];
            double t = Math.tan(Math.toRadians(a0 + (a1 - a0) * f));
            for (int x = 0; x < w; x++) {
                // Content turned counter-clockwise rises to the right: look lower on the left, higher on the right.
                double sy = y - (x - cx) * t;
                int y0 = (int) Math.floor(sy);
                double fy = sy - y0;
                int v0 = y0 >= 0 && y0 < h ? src[y0 * w + x] & 0xFF : paper;
                int v1 = y0 + 1 >= 0 && y0 + 1 < h ? src[(y0 + 1) * w + x] & 0xFF : paper;
                dst[y * w + x] = (byte) (int) Math.round(v0 + (v1 - v0) * fy);
            }
        }
        return out;
    }

    /**
     * Stretches the levels of a faint scan: ink (the page's 1st percentile) becomes black, and every tone beyond
     * {@code cut} of the way from ink to paper (its most common bright tone) becomes white, which also pales
     * grey bands and stamps. A page without that much contrast is returned as it is. One ink level for the whole
     * page: meant for scans, not for unevenly lit photos.
     */
    public static BufferedImage stretchLevels(BufferedImage gray, double cut) {
        byte[] px = pixels(gray);
        int[] histogram = new int[256];
        for (byte b : px) {
            histogram[b & 0xFF]++;
        }
        int paper = backgroundLevel(gray);
        int ink = 0;
        long seen = 0;
        for (int level = 0; level < 256; level++) {
            seen += histogram[level];
            if (seen >= px.length / 100) {
                ink = level;
                break;
            }
        }
        if (paper - ink < 60) {
            return gray;
        }
        double limit = ink + cut * (paper - ink);
        byte[] table = new byte[256];
        for (int v = 0; v < 256; v++) {
            double t = (v - ink) / (limit - ink);
            table[v] = (byte) (int) Math.round(255 * Math.max(0, Math.min(1, t)));
        }
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = pixels(out);
        for (int i = 0; i < px.length; i++) {
            dst[i] = table[px[i] & 0xFF];
        }
        return out;
    }

    /** The most common grey level among the brighter half: the paper. */
    static int backgroundLevel(BufferedImage gray) {
        int[] histogram = new int[256];
        byte[] px = pixels(gray);
        int step = Math.max(1, px.length / 200_000);
        for (int i = 0; i < px.length; i += step) {
            histogram[px[i] & 0xFF]++;
        }
        int best = 255;
        for (int level = 128; level < 256; level++) {
            if (histogram[level] > histogram[best]) {
                best = level;
            }
        }
        return best;
    }

    static byte[] pixels(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }
}
