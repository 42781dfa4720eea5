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
    /** Mean OD of the image the nucleus was found in: the haematoxylin, plus the DAB for a nuclear marker. */
    public final double meanHematoxylinOd;
    /**
     * Mean OD of the haematoxylin alone (the chromatin the immune-cell rule judges): the same as
     * {@link #meanHematoxylinOd} unless a nuclear marker's DAB was added for the shapes.
     */
    public final double chromatinOd;
    public final Kind kind;

    public Nucleus(double x, double y, double areaUm2, double circularity, double meanHematoxylinOd, double chromatinOd, Kind kind) {
        this.x = x;
        this.y = y;
        this.areaUm2 = areaUm2;
        this.circularity = circularity;
        this.meanHematoxylinOd = meanHematoxylinOd;
        this.chromatinOd = chromatinOd;
        this.kind = kind;
    }
}
