package necroptosis.segmentation;

/**
 * One detected nucleus in tile pixel coordinates, with the measurements the classifiers use.
 * Immutable; names follow QuPath's "Nucleus: Hematoxylin OD mean" style in the CSV.
 */
public final class Nucleus {
    /** What a nucleus looks like to the classifier. */
    public enum Kind { TUMOUR, LYMPHOCYTE, DEBRIS }

    public final double x;
    public final double y;
    public final double areaUm2;
    public final double circularity;
    public final double meanHematoxylinOd;
    public final Kind kind;

    public Nucleus(double x, double y, double areaUm2, double circularity, double meanHematoxylinOd, Kind kind) {
        this.x = x;
        this.y = y;
        this.areaUm2 = areaUm2;
        this.circularity = circularity;
        this.meanHematoxylinOd = meanHematoxylinOd;
        this.kind = kind;
    }
}
