package necroptosis.summary;

/**
 * The MLKL (DAB) pixel score of one zone: fractions of its tissue pixels that are positive and in each
 * intensity bin, the H-score and the mean DAB optical density. Empty zones score 0, never NaN.
 */
public final class MlklPixelScore {
    public final double positiveFraction;
    public final double weak;
    public final double moderate;
    public final double strong;
    public final double hScore;
    public final double meanDabOd;

    public MlklPixelScore(double positiveFraction, double weak, double moderate, double strong, double hScore, double meanDabOd) {
        this.positiveFraction = positiveFraction;
        this.weak = weak;
        this.moderate = moderate;
        this.strong = strong;
        this.hScore = hScore;
        this.meanDabOd = meanDabOd;
    }
}
