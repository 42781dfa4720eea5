package necroptosis.synth;

import java.util.Arrays;

/** Pixels and ground-truth counts of one rendered level-0 tile of a synthetic slide (not an analysed tile); reused between tiles. */
final class RenderedTile {
    int x0, y0;
    byte[] bgr = new byte[0];
    final long[] zonePixels = new long[TruthZone.VALUES.length];
    /** [zone * thresholds + t]: pixels with true DAB OD >= threshold t. */
    final long[] dabPixels = new long[TruthZone.VALUES.length * SyntheticSlideSettings.DAB_THRESHOLDS.length];
    long[] corePixels = new long[0];
    /** Lymphocytes whose centre pixel lies in this tile: x, y, zone ordinal triples. */
    double[] lymph = new double[48];
    int lymphCount;
    byte[] jpeg;

    void reset(int x0, int y0, int size, int cores) {
        this.x0 = x0;
        this.y0 = y0;
        if (bgr.length != 3 * size * size) bgr = new byte[3 * size * size];
        Arrays.fill(zonePixels, 0);
        Arrays.fill(dabPixels, 0);
        if (corePixels.length != cores) corePixels = new long[cores];
        Arrays.fill(corePixels, 0);
        lymphCount = 0;
        jpeg = null;
    }

    void addLymphocyte(double x, double y, TruthZone z) {
        if (3 * lymphCount + 3 > lymph.length) lymph = Arrays.copyOf(lymph, lymph.length * 2);
        lymph[3 * lymphCount] = x;
        lymph[3 * lymphCount + 1] = y;
        lymph[3 * lymphCount + 2] = z.ordinal();
        lymphCount++;
    }
}
