package necroptosis.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import necroptosis.regions.UserRegions;
import necroptosis.segmentation.Labeling;

/**
 * Traces a binary mask into polygons along pixel edges: the exact boundary of the pixels, so the shoelace
 * area of a traced polygon equals its pixel count and filling it again (pixel centres inside) gives back the
 * same pixels.
 * <p>
 * The polygons are valid in the OGC/JTS sense, which QuPath requires on import (it reduces the precision of
 * every imported geometry and fails on invalid ones): one polygon per <em>4-connected</em> piece of the
 * mask (pixels touching only at a corner have no interior in common, so they are separate polygons that
 * touch at that corner), no ring passes twice through a point, and a hole may touch its exterior or another
 * hole at a corner. At a corner where two foreground pixels meet diagonally, the outline therefore goes
 * round the corner between them when they belong to one piece (the background beyond is then a hole
 * touching the exterior there) and round each pixel separately when they do not. Exterior ring first
 * (positive shoelace area with y pointing down, i.e. clockwise on screen), then the holes (negative);
 * vertices only where the boundary turns.
 */
public final class MaskTracer {
    private MaskTracer() {}

    /** One traced piece. */
    public static final class Polygon {
        /** Index (y * width + x) of the piece's first pixel in raster order; identifies the piece. */
        public final int firstPixel;
        /** Rings as x0,y0,x1,y1,... in pixel-edge coordinates, not repeating the first point; exterior first. */
        public final List<int[]> rings;

        Polygon(int firstPixel, List<int[]> rings) {
            this.firstPixel = firstPixel;
            this.rings = rings;
        }

        /** Area in pixels: exterior minus holes. */
        public double area() {
            double a = 0;
            for (int[] r : rings) a += signedArea(r);
            return a;
        }
    }

    // Edge directions, clockwise on screen (y down): right, down, left, up.
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    /** The polygons of {@code mask} (true = foreground), in raster order of their first pixel. */
    public static List<Polygon> trace(boolean[] mask, int width, int height) {
        if (mask.length != (long) width * height) throw new IllegalArgumentException("mask size " + mask.length + " != " + width + "x" + height);
        int vw = width + 1;
        // Outgoing boundary edges per vertex, one bit per direction, foreground on the right of travel.
        byte[] out = new byte[vw * (height + 1)];
        boolean any = false;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (!mask[y * width + x]) continue;
                any = true;
                if (y == 0 || !mask[(y - 1) * width + x]) out[y * vw + x] |= 1;                    // top: right
                if (x == width - 1 || !mask[y * width + x + 1]) out[y * vw + x + 1] |= 2;          // right: down
                if (y == height - 1 || !mask[(y + 1) * width + x]) out[(y + 1) * vw + x + 1] |= 4; // bottom: left
                if (x == 0 || !mask[y * width + x - 1]) out[(y + 1) * vw + x] |= 8;                // left: up
            }
        }
        List<Polygon> result = new ArrayList<>();
        if (!any) return result;
        Labeling pieces = Labeling.of4(mask, width, height);
        int[] piece = pieces.labels;
        int count = pieces.count;
        int[] firstPixel = new int[count + 1];
        Arrays.fill(firstPixel, -1);
        for (int i = 0; i < mask.length; i++) if (piece[i] > 0 && firstPixel[piece[i]] < 0) firstPixel[piece[i]] = i;
        List<List<int[]>> ringsOf = new ArrayList<>(count + 1);
        for (int c = 0; c <= count; c++) ringsOf.add(new ArrayList<int[]>());

        byte[] left = out.clone();
        int[] buf = new int[64];
        for (int v = 0; v < left.length; v++) {
            while (left[v] != 0) {
                int startDir = Integer.numberOfTrailingZeros(left[v]);
                int vx = v % vw, vy = v / vw;
                int component = piece[pixelRightOf(vx, vy, startDir, width)];
                int n = 0;
                int x = vx, y = vy, d = startDir;
                while (true) {
                    left[y * vw + x] &= ~(1 << d);
                    x += DX[d];
                    y += DY[d];
                    int next = nextDirection(out[y * vw + x], d, x, y, piece, width);
                    if (next != d) {
                        if (n + 2 > buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
                        buf[n++] = x;
                        buf[n++] = y;
                    }
                    if (x == vx && y == vy && next == startDir) break;
                    d = next;
                }
                // The start vertex is a corner (first in raster order of its ring), so it was added last;
                // rotate it to the front for a ring that starts at its top-left corner.
                int[] ring = new int[n];
                ring[0] = buf[n - 2];
                ring[1] = buf[n - 1];
                System.arraycopy(buf, 0, ring, 2, n - 2);
                ringsOf.get(component).add(ring);
            }
        }
        for (int c = 1; c <= count; c++) {
            List<int[]> rings = ringsOf.get(c);
            // Exactly one exterior ring per piece (positive area); put it first.
            int ext = 0;
            for (int i = 0; i < rings.size(); i++) if (signedArea(rings.get(i)) > 0) ext = i;
            if (ext != 0) rings.add(0, rings.remove(ext));
            result.add(new Polygon(firstPixel[c], rings));
        }
        return result;
    }

    /**
     * The direction to leave vertex (x, y) arriving in direction {@code d}. At a saddle (two edges out, two
     * foreground pixels meeting diagonally) turn left, round the corner between the two pixels, when they
     * are one piece, else right, round the pixel we are following.
     */
    private static int nextDirection(int bits, int d, int x, int y, int[] piece, int width) {
        int leftTurn = (d + 3) & 3, rightTurn = (d + 1) & 3;
        boolean saddle = Integer.bitCount(bits) == 2;
        if (!saddle) {
            if ((bits & (1 << leftTurn)) != 0) return leftTurn;
            if ((bits & (1 << d)) != 0) return d;
            return rightTurn;
        }
        // Outgoing left+right: top-left and bottom-right pixels are foreground; up+down: top-right and bottom-left.
        boolean same = (bits & 1) != 0
                ? piece[(y - 1) * width + x - 1] == piece[y * width + x]
                : piece[(y - 1) * width + x] == piece[y * width + x - 1];
        return same ? leftTurn : rightTurn;
    }

    /** The foreground pixel on the right of the edge leaving vertex (vx, vy) in direction d. */
    private static int pixelRightOf(int vx, int vy, int d, int width) {
        switch (d) {
            case 0: return vy * width + vx;
            case 1: return vy * width + vx - 1;
            case 2: return (vy - 1) * width + vx - 1;
            default: return (vy - 1) * width + vx;
        }
    }

    /** Shoelace area of a ring given as x,y pairs; positive when clockwise on screen (y down). */
    public static double signedArea(int[] ring) {
        long s = 0;
        int n = ring.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            s += (long) ring[2 * i] * ring[2 * j + 1] - (long) ring[2 * j] * ring[2 * i + 1];
        }
        return s / 2.0;
    }

    /** Shoelace area of a ring given as x,y pairs; positive when clockwise on screen (y down). */
    public static double signedArea(double[] ring) {
        return UserRegions.Polygon.signedArea(ring);
    }
}
