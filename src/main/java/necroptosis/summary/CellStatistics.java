package necroptosis.summary;

/** Cell-level MLKL score of one zone: cells scored, the percentage positive and the cell H-score. */
public final class CellStatistics {
    public final long count;
    public final double mlklPositivePercent;
    public final double hScore;

    public CellStatistics(long count, double mlklPositivePercent, double hScore) {
        this.count = count;
        this.mlklPositivePercent = mlklPositivePercent;
        this.hScore = hScore;
    }
}
