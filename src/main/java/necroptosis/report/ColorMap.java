package necroptosis.report;

/**
 * Perceptually uniform colour maps for the heatmaps, interpolated linearly (in sRGB) between ten control
 * points. The control points are viridisLite's {@code viridis(10)} and {@code inferno(10)} (R package
 * viridisLite; the maps are matplotlib's by Stéfan van der Walt and Nathaniel Smith, 2015, CC0): uniform
 * in lightness, readable in greyscale and by the colour-blind, unlike a rainbow.
 */
public final class ColorMap {
    public static final ColorMap VIRIDIS = new ColorMap("viridis", 0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E,
            0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725);
    public static final ColorMap INFERNO = new ColorMap("inferno", 0x000004, 0x1B0C42, 0x4B0C6B, 0x781C6D, 0xA52C60,
            0xCF4446, 0xED6925, 0xFB9A06, 0xF7D03C, 0xFCFFA4);

    public final String name;
    private final int[] points;

    private ColorMap(String name, int... points) {
        this.name = name;
        this.points = points;
    }

    /** The colour (0xRRGGBB) at {@code t} in [0, 1]; values outside are clamped, NaN gives the lowest colour. */
    public int rgb(double t) {
        if (!(t > 0)) t = 0;
        if (t > 1) t = 1;
        double pos = t * (points.length - 1);
        int i = Math.min(points.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        int a = points[i], b = points[i + 1];
        int r = mix((a >> 16) & 0xFF, (b >> 16) & 0xFF, f);
        int g = mix((a >> 8) & 0xFF, (b >> 8) & 0xFF, f);
        int bl = mix(a & 0xFF, b & 0xFF, f);
        return r << 16 | g << 8 | bl;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
