package necroptosis.pipeline;

import java.util.Arrays;
import java.util.Locale;

/**
 * Whether the slide is in focus, judged from the haematoxylin of the nucleus-threshold sample windows. A
 * nucleus' edge is a step in haematoxylin OD from the cytoplasm around it; blur spreads the step over a
 * width proportional to the blur (a Gaussian of sigma s gives a largest slope of step / (s sqrt(2 pi)), so
 * a width of 2.5 s). The width is measured, in µm, as the contrast of the window's nuclei (98th minus
 * 50th percentile of the OD) over its steepest slopes (98th percentile of the OD gradient per µm); it
 * depends on neither the stain's darkness nor the pixel size. The check is advisory: a note, no number
 * changes.
 */
public final class FocusCheck {
    /**
     * Edge width, in µm and in pixels, above which the slide is called out of focus. Measured on real fields in
     * ../shared at 0.5 µm/px: 0.8-1.4 µm (crchisto, NuCLS, SBU, CMU-1, DeepLIIF, OS-1, OS-2-vsi), 2.2 µm on
     * the softer OS-2-ndpi scan; the same fields blurred by a Gaussian of sigma 1.5 µm 2.0-4.7 µm, of sigma
     * 2.5 µm 2.5-8.8 µm. At 1 µm/px (osteosarcoma tiles) the edge is pixel-bound: 1.5-2.2 µm sharp.
     */
    public static final double MAX_EDGE_WIDTH_UM = 2.6;
    public static final double MAX_EDGE_WIDTH_PX = 2.6;
    /** Windows with less OD contrast than this hold no nuclei to judge by (glass, pale matrix). */
    static final double MIN_CONTRAST_OD = 0.05;

    private FocusCheck() {}

    /** The edge width of one window in µm, or NaN when it has too little contrast to tell. */
    public static double edgeWidthUm(float[] hem, int width, int height, double pixelUm) {
        if (width < 3 || height < 3) return Double.NaN;
        float[] od = Arrays.copyOf(hem, hem.length);
        Arrays.sort(od);
        double contrast = od[(int) (0.98 * (od.length - 1))] - od[(od.length - 1) / 2];
        if (!(contrast >= MIN_CONTRAST_OD)) return Double.NaN;
        float[] slope = new float[(width - 2) * (height - 2)];
        int k = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                double gx = (hem[i + 1] - hem[i - 1]) / 2.0, gy = (hem[i + width] - hem[i - width]) / 2.0;
                slope[k++] = (float) (Math.sqrt(gx * gx + gy * gy) / pixelUm);
            }
        }
        Arrays.sort(slope);
        double steep = slope[(int) (0.98 * (slope.length - 1))];
        return steep > 0 ? contrast / steep : Double.NaN;
    }

    /** The median over windows of their edge widths (NaN ones left out); NaN when none could be measured. */
    public static double medianWidth(double[] widths) {
        return Median.ofSorted(Arrays.stream(widths).filter(d -> !Double.isNaN(d)).sorted().toArray());
    }

    /** A note when the edge width, measured at {@code pixelUm}, says the slide is out of focus, else null. */
    public static String note(double edgeWidthUm, double pixelUm) {
        double limit = Math.max(MAX_EDGE_WIDTH_UM, MAX_EDGE_WIDTH_PX * pixelUm);
        if (!(edgeWidthUm > limit)) return null;
        return String.format(Locale.ROOT, "the slide looks out of focus: nucleus edges spread over %.1f um (in-focus scans: under %.1f um); "
                + "nuclei, immune cells and necrotic cores are unreliable", edgeWidthUm, limit);
    }
}
