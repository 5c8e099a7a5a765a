package fr.novaevo.workstation.ocr.engine;

import java.awt.image.BufferedImage;

/**
 * Finds how far a scanned page is turned, by the projection-profile method: when the rows of ink are
 * horizontal, the per-row ink counts are the most uneven (text lines alternate with blank leading).
 */
public final class SkewEstimator {

    private static final int WORK_WIDTH = 1000;
    private final double maxDegrees;

    public SkewEstimator(double maxDegrees) {
        this.maxDegrees = maxDegrees;
    }

    /**
     * @return the skew in degrees, positive when the content is turned counter-clockwise; turning the image by
     * the opposite angle straightens it
     */
    public double estimate(BufferedImage gray) {
        Ink ink = Ink.of(gray);
        return ink.n < 100 ? 0.0 : bestAngle(ink, 0, ink.sh, 0.0, maxDegrees);
    }

    /**
     * The skew of horizontal strips of the page, top to bottom. On a photographed page (perspective) the text
     * lines are not parallel: each strip has its own angle.
     *
     * @return one angle per strip, in degrees, positive = counter-clockwise
     */
    public double[] estimateStrips(BufferedImage gray, int strips, double range) {
        Ink ink = Ink.of(gray);
        double[] angles = new double[strips];
        for (int i = 0; i < strips; i++) {
            int y0 = ink.sh * i / strips;
            int y1 = ink.sh * (i + 1) / strips;
            angles[i] = bestAngle(ink, y0, y1, 0.0, range);
        }
        return angles;
    }

    /** Dark-on-light pixels of a sub-sampled copy of the page. */
    private record Ink(int[] xs, int[] ys, int n, int sw, int sh) {

        static Ink of(BufferedImage gray) {
            int w = gray.getWidth();
            int h = gray.getHeight();
            int step = Math.max(1, w / WORK_WIDTH);
            byte[] px = PageImages.pixels(gray);
            int sw = w / step;
            int sh = h / step;
            int[] small = new int[sw * sh];
            for (int y = 0; y < sh; y++) {
                int row = y * step * w;
                for (int x = 0; x < sw; x++) {
                    small[y * sw + x] = px[row + x * step] & 0xFF;
                }
            }
            // Ink is what is clearly darker than its surroundings: one global threshold would take a dark desk
            // around a photographed page, or a shadowed corner, for ink.
            long[] integral = integral(small, sw, sh);
            int r = Math.max(4, sw / 40);
            int[] xs = new int[sw * sh / 4 + 1];
            int[] ys = new int[xs.length];
            int n = 0;
            for (int y = 0; y < sh && n < xs.length; y++) {
                for (int x = 0; x < sw && n < xs.length; x++) {
                    double mean = boxMean(integral, sw, sh, x, y, r);
                    int v = small[y * sw + x];
                    if (v < mean - Math.max(25, 0.2 * mean)) {
                        xs[n] = x;
                        ys[n] = y;
                        n++;
                    }
                }
            }
            return new Ink(xs, ys, n, sw, sh);
        }
    }

    /** The angle around {@code center} (within {@code range}) that makes the ink rows of [y0, y1) sharpest. */
    private static double bestAngle(Ink ink, int y0, int y1, double center, double range) {
        int[] xs = new int[ink.n];
        int[] ys = new int[ink.n];
        int n = 0;
        for (int i = 0; i < ink.n; i++) {
            if (ink.ys[i] >= y0 && ink.ys[i] < y1) {
                xs[n] = ink.xs[i];
                ys[n] = ink.ys[i] - y0;
                n++;
            }
        }
        if (n < 100) {
            return center;
        }
        int sh = y1 - y0;
        double best = center;
        double bestScore = score(xs, ys, n, sh, ink.sw, center);
        for (double a = center - range; a <= center + range + 1e-9; a += 0.25) {
            double s = score(xs, ys, n, sh, ink.sw, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.25; a <= coarse + 0.25 + 1e-9; a += 0.05) {
            double s = score(xs, ys, n, sh, ink.sw, a);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return best;
    }

    private static double score(int[] xs, int[] ys, int n, int sh, int sw, double degrees) {
        double t = Math.tan(Math.toRadians(degrees));
        int offset = (int) Math.ceil(Math.abs(t) * sw) + 1;
        int[] rows = new int[sh + 2 * offset + 1];
        for (int i = 0; i < n; i++) {
            // Content turned counter-clockwise by a rises to the right (smaller y): undo it.
            int r = (int) Math.round(ys[i] + xs[i] * t) + offset;
            if (r >= 0 && r < rows.length) {
                rows[r]++;
            }
        }
        double sum = 0;
        for (int i = 1; i < rows.length; i++) {
            double d = rows[i] - rows[i - 1];
            sum += d * d;
        }
        return sum;
    }

    private static long[] integral(int[] img, int w, int h) {
        long[] sum = new long[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            long row = 0;
            for (int x = 0; x < w; x++) {
                row += img[y * w + x];
                sum[(y + 1) * (w + 1) + x + 1] = sum[y * (w + 1) + x + 1] + row;
            }
        }
        return sum;
    }

    private static double boxMean(long[] sum, int w, int h, int x, int y, int r) {
        int x0 = Math.max(0, x - r);
        int y0 = Math.max(0, y - r);
        int x1 = Math.min(w, x + r + 1);
        int y1 = Math.min(h, y + r + 1);
        long total = sum[y1 * (w + 1) + x1] - sum[y0 * (w + 1) + x1] - sum[y1 * (w + 1) + x0] + sum[y0 * (w + 1) + x0];
        return (double) total / ((x1 - x0) * (y1 - y0));
    }
}
