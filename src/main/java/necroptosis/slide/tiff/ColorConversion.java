package necroptosis.slide.tiff;

/** Full-range YCbCr (JFIF / ITU-R BT.601) to packed RGB, with a small fixed-point table per channel. */
final class ColorConversion {
    private ColorConversion() {}

    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i - 128;
            CR_R[i] = (int) Math.round(1.402 * c);
            CB_B[i] = (int) Math.round(1.772 * c);
            CR_G[i] = (int) Math.round(-0.714136 * c * 65536);
            CB_G[i] = (int) Math.round(-0.344136 * c * 65536);
        }
    }

    static int ycbcrToRgb(int y, int cb, int cr) {
        int r = clamp(y + CR_R[cr]);
        int g = clamp(y + ((CB_G[cb] + CR_G[cr] + 32768) >> 16));
        int b = clamp(y + CB_B[cb]);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : (v > 255 ? 255 : v);
    }
}
