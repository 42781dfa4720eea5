package necroptosis.segmentation;

/**
 * The first step's result, what the later steps read: one image's optical density as measured
 * ({@code od}), without its local background ({@code flat}, top-hat) and that smoothed ({@code smooth},
 * Gaussian), each {@code width * height}, row-major, at {@code pixelUm} µm per pixel.
 */
final class OdImages {
    final int width, height;
    final double pixelUm;
    final float[] od, flat, smooth;
    /** The haematoxylin alone: {@code od} itself unless a nuclear marker's DAB was added to it. */
    final float[] hematoxylin;

    OdImages(int width, int height, double pixelUm, float[] od, float[] hematoxylin, float[] flat, float[] smooth) {
        this.width = width;
        this.height = height;
        this.pixelUm = pixelUm;
        this.od = od;
        this.hematoxylin = hematoxylin;
        this.flat = flat;
        this.smooth = smooth;
    }

    /** Whether a nuclear marker's DAB was added to the haematoxylin in {@code od}. */
    boolean holdsMarker() {
        return od != hematoxylin;
    }

    /** Area of one pixel in µm². */
    double pixelArea() {
        return pixelUm * pixelUm;
    }
}
