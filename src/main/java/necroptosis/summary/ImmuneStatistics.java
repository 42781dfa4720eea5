package necroptosis.summary;

/** Immune cells counted in one zone and their density (0, not NaN, for a zone without area). */
public final class ImmuneStatistics {
    public final long cells;
    public final double densityPerMm2;

    public ImmuneStatistics(long cells, double densityPerMm2) {
        this.cells = cells;
        this.densityPerMm2 = densityPerMm2;
    }
}
