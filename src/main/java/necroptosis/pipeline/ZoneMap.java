package necroptosis.pipeline;

import necroptosis.segmentation.ImageJFilters;

/**
 * Zone and signed distance to the nearest core boundary for every block. A block's centre lies half a
 * block from the edge of its own block, so distances between block centres are shifted by half a block
 * to measure to the core boundary (negative inside a core, positive outside).
 */
public final class ZoneMap {
    public final byte[] zones;
    public final float[] signedDistanceUm;

    private ZoneMap(byte[] zones, float[] signedDistanceUm) {
        this.zones = zones;
        this.signedDistanceUm = signedDistanceUm;
    }

    public static ZoneMap of(BlockGrid grid, int[] coreLabels, double rimWidthUm) {
        int n = grid.size();
        byte[] core = new byte[n], notCore = new byte[n];
        for (int i = 0; i < n; i++) {
            if (coreLabels[i] > 0) core[i] = 1;
            else notCore[i] = 1;
        }
        float[] toCore = ImageJFilters.distanceTo(core, grid.width, grid.height);
        float[] toOutside = ImageJFilters.distanceTo(notCore, grid.width, grid.height);
        byte[] zones = new byte[n];
        float[] signed = new float[n];
        double half = 0.5;
        for (int i = 0; i < n; i++) {
            signed[i] = core[i] != 0
                    ? (float) (-(toOutside[i] - half) * grid.blockUm)
                    : (float) ((toCore[i] - half) * grid.blockUm);
            Zone z;
            if (grid.tissue(i) == 0) z = core[i] != 0 ? Zone.NECROSIS : Zone.BACKGROUND;
            else if (core[i] != 0) z = Zone.NECROSIS;
            else if (signed[i] <= rimWidthUm) z = Zone.RIM;
            else z = Zone.VIABLE;
            zones[i] = (byte) z.ordinal();
        }
        return new ZoneMap(zones, signed);
    }

    public Zone zone(int block) {
        return Zone.values()[zones[block]];
    }
}
