package necroptosis.summary;

/**
 * One band of signed distance from the core boundary, [fromUm, toUm) (inside the core negative): its
 * tissue area, MLKL-positive fraction and H-score, and its immune cells and their density.
 */
public final class DistanceBand {
    public final double fromUm;
    public final double toUm;
    public final double tissueMm2;
    public final double dabPositiveFraction;
    public final double hScore;
    public final long immuneCells;
    public final double immuneDensityPerMm2;

    public DistanceBand(double fromUm, double toUm, double tissueMm2, double dabPositiveFraction, double hScore, long immuneCells,
            double immuneDensityPerMm2) {
        this.fromUm = fromUm;
        this.toUm = toUm;
        this.tissueMm2 = tissueMm2;
        this.dabPositiveFraction = dabPositiveFraction;
        this.hScore = hScore;
        this.immuneCells = immuneCells;
        this.immuneDensityPerMm2 = immuneDensityPerMm2;
    }

    /** The band's centre, where a plot puts its point. */
    public double centreUm() { return (fromUm + toUm) / 2; }

    /** The values in distance_profile.csv's column order (boxed, so the CSV writer can tell counts from measures). */
    public Object[] columns() {
        return new Object[] {fromUm, toUm, tissueMm2, dabPositiveFraction, hScore, immuneCells, immuneDensityPerMm2};
    }
}
