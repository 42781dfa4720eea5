package necroptosis.synth;

import java.util.Arrays;

/**
 * A closed polygon in level-0 pixel coordinates with the two scan-line queries the renderer needs:
 * even-odd inside test and "within distance r of the outline". Row queries and point queries share the
 * same arithmetic, so a pixel's zone is the same whether a tile computes it for a whole row or a
 * lymphocyte asks for one point.
 */
final class SynthPolygon {
    final double[] xs;
    final double[] ys;
    final double minX, minY, maxX, maxY;

    SynthPolygon(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
        double a = Double.MAX_VALUE, b = Double.MAX_VALUE, c = -Double.MAX_VALUE, d = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            a = Math.min(a, xs[i]);
            b = Math.min(b, ys[i]);
            c = Math.max(c, xs[i]);
            d = Math.max(d, ys[i]);
        }
        minX = a; minY = b; maxX = c; maxY = d;
    }

    /** A star-shaped blob: radius r(θ) = r0 (1 + Σ a_k cos(kθ + φ_k)), n vertices. */
    static SynthPolygon blob(double cx, double cy, double r0, double[] amps, double[] phases, int n) {
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double r = 1;
            for (int k = 0; k < amps.length; k++) {
                r += amps[k] * Math.cos((k + 2) * t + phases[k]);
            }
            xs[i] = cx + r0 * r * Math.cos(t);
            ys[i] = cy + r0 * r * Math.sin(t);
        }
        return new SynthPolygon(xs, ys);
    }

    /** An axis-aligned rectangle. */
    static SynthPolygon rectangle(double x0, double y0, double x1, double y1) {
        return new SynthPolygon(new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1});
    }

    int size() { return xs.length; }

    /** Shoelace area in pixels². */
    double area() {
        double s = 0;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            s += xs[j] * ys[i] - xs[i] * ys[j];
        }
        return Math.abs(s) / 2;
    }

    /** Sorted x positions where the outline crosses the horizontal line y. */
    double[] crossings(double y) {
        double[] out = new double[8];
        int n = 0;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y)) {
                if (n == out.length) out = Arrays.copyOf(out, n * 2);
                out[n++] = crossX(i, j, y);
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    private double crossX(int i, int j, double y) {
        return xs[i] + (y - ys[i]) * (xs[j] - xs[i]) / (ys[j] - ys[i]);
    }

    /** Even-odd test; agrees exactly with a walk over {@link #crossings(double)}. */
    boolean contains(double x, double y) {
        if (y < minY || y > maxY) return false;
        boolean in = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < crossX(i, j, y)) in = !in;
        }
        return in;
    }

    /**
     * Merged intervals [lo0, hi0, lo1, hi1, ...] of x on the line y that lie within distance r of the
     * outline (union of one capsule per edge), or an empty array.
     */
    double[] nearIntervals(double y, double r) {
        if (y < minY - r || y > maxY + r) return new double[0];
        double[] iv = new double[2 * xs.length];
        int n = 0;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            double[] c = capsule(xs[j], ys[j], xs[i], ys[i], y, r);
            if (c != null) {
                iv[n++] = c[0];
                iv[n++] = c[1];
            }
        }
        return merge(iv, n);
    }

    /** Within distance r of the outline; agrees exactly with {@link #nearIntervals(double, double)}. */
    boolean near(double x, double y, double r) {
        if (y < minY - r || y > maxY + r) return false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            double[] c = capsule(xs[j], ys[j], xs[i], ys[i], y, r);
            if (c != null && c[0] <= x && x <= c[1]) return true;
        }
        return false;
    }

    /** x interval of the line y within r of segment AB (a convex set, so one interval), or null. */
    static double[] capsule(double ax, double ay, double bx, double by, double y, double r) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        double r2 = r * r;
        double da = y - ay;
        if (da * da <= r2) {
            double h = Math.sqrt(r2 - da * da);
            lo = Math.min(lo, ax - h);
            hi = Math.max(hi, ax + h);
        }
        double db = y - by;
        if (db * db <= r2) {
            double h = Math.sqrt(r2 - db * db);
            lo = Math.min(lo, bx - h);
            hi = Math.max(hi, bx + h);
        }
        double dx = bx - ax, dy = by - ay;
        double len = Math.sqrt(dx * dx + dy * dy);
        if (len > 0) {
            // Points (x, y) whose projection falls on the segment and whose perpendicular distance <= r.
            double sLo, sHi;
            if (dy == 0) {
                if (Math.abs(da) > r) return lo <= hi ? new double[] {lo, hi} : null;
                sLo = Double.NEGATIVE_INFINITY;
                sHi = Double.POSITIVE_INFINITY;
            } else {
                double p = da * dx;
                double e1 = ax + (p - r * len) / dy;
                double e2 = ax + (p + r * len) / dy;
                sLo = Math.min(e1, e2);
                sHi = Math.max(e1, e2);
            }
            double tLo, tHi;
            if (dx == 0) {
                double t = da * dy / (len * len);
                if (t < 0 || t > 1) { tLo = 1; tHi = 0; } else { tLo = Double.NEGATIVE_INFINITY; tHi = Double.POSITIVE_INFINITY; }
            } else {
                // t(x) = ((x - ax) dx + da dy) / len²  in [0, 1]
                double x0 = ax - da * dy / dx;
                double x1 = ax + (len * len - da * dy) / dx;
                tLo = Math.min(x0, x1);
                tHi = Math.max(x0, x1);
            }
            double a = Math.max(sLo, tLo), b = Math.min(sHi, tHi);
            if (a <= b) {
                lo = Math.min(lo, a);
                hi = Math.max(hi, b);
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    static double[] merge(double[] iv, int n) {
        int m = n / 2;
        if (m == 0) return new double[0];
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) order[i] = i;
        final double[] src = iv;
        Arrays.sort(order, (p, q) -> Double.compare(src[2 * p], src[2 * q]));
        double[] out = new double[n];
        int k = 0;
        double lo = iv[2 * order[0]], hi = iv[2 * order[0] + 1];
        for (int i = 1; i < m; i++) {
            double a = iv[2 * order[i]], b = iv[2 * order[i] + 1];
            if (a <= hi) {
                hi = Math.max(hi, b);
            } else {
                out[k++] = lo;
                out[k++] = hi;
                lo = a;
                hi = b;
            }
        }
        out[k++] = lo;
        out[k++] = hi;
        return Arrays.copyOf(out, k);
    }
}
