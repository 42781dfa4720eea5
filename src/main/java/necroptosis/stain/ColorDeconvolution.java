package necroptosis.stain;

/**
 * Colour deconvolution of 8-bit RGB pixels (Ruifrok &amp; Johnston 2001): per channel optical density
 * {@code OD = -log10(I / I0)}, then stain concentrations {@code c = OD · M⁻¹} with the stain matrix of a
 * {@link StainVectors}.
 * <p>
 * Intensities are clamped to {@code [1, I0]} before the logarithm. The lower clamp because an 8-bit 0
 * means "at most half a grey level", whose OD is unbounded; 1 is the darkest value the data can resolve,
 * capping OD at log10(I0) ≈ 2.4 rather than infinity. The upper clamp because a pixel brighter than the
 * background (glass noise, or an I0 estimated a little low) would get a negative OD, i.e. a negative
 * amount of stain, which is physically meaningless and would pull means below zero; it is glass, OD 0
 * (QuPath's {@code ColorDeconvolutionHelper.makeOD} does the same with {@code max(0, …)}). Concentrations
 * themselves are not clamped: small negative values are the noise of a pixel that lacks that stain, and
 * keeping them leaves per-region means unbiased.
 * <p>
 * Because the input is 8-bit, the OD of each channel is taken from a 256-entry table built once per
 * background, and all tile methods write into caller-supplied buffers, so the per-pixel path allocates
 * nothing and computes no logarithm. Instances are immutable and safe to share between threads.
 */
public final class ColorDeconvolution {

    private final StainVectors stains;
    private final float[] lutR = new float[256];
    private final float[] lutG = new float[256];
    private final float[] lutB = new float[256];
    // M⁻¹ as [channel][stain], flattened into fields.
    private final double m00, m01, m02, m10, m11, m12, m20, m21, m22;
    // Contribution of each channel value to each stain, OD(v) · M⁻¹[channel][stain], in double: the tile
    // loops then need three loads and two additions per stain, and give bit-identical results to
    // (double) OD · M⁻¹ summed in channel order. 9 x 256 doubles (18 KB) stay in the L1 cache.
    private final double[][] contributions = new double[9][256]; // [3 * (stain - 1) + channel][value]
    private final double i0r, i0g, i0b;

    public ColorDeconvolution(StainVectors stains) {
        if (stains == null) throw new IllegalArgumentException("stain vectors are required");
        this.stains = stains;
        double[] bg = stains.background();
        i0r = bg[0];
        i0g = bg[1];
        i0b = bg[2];
        for (int v = 0; v < 256; v++) {
            lutR[v] = (float) opticalDensity(v, i0r);
            lutG[v] = (float) opticalDensity(v, i0g);
            lutB[v] = (float) opticalDensity(v, i0b);
        }
        double[][] inv = stains.inverse();
        m00 = inv[0][0]; m01 = inv[0][1]; m02 = inv[0][2];
        m10 = inv[1][0]; m11 = inv[1][1]; m12 = inv[1][2];
        m20 = inv[2][0]; m21 = inv[2][1]; m22 = inv[2][2];
        float[][] luts = {lutR, lutG, lutB};
        for (int stain = 0; stain < 3; stain++) {
            for (int ch = 0; ch < 3; ch++) {
                double[] t = contributions[3 * stain + ch];
                for (int v = 0; v < 256; v++) t[v] = (double) luts[ch][v] * inv[ch][stain];
            }
        }
    }

    /**
     * The table of channel {@code channel} (0-2) values' contributions to stain {@code stain} (1-3):
     * {@code OD_channel(v) · M⁻¹[channel][stain]}; a stain's concentration is the sum over the three
     * channels, in channel order. A copy, for kernels elsewhere that fuse deconvolution with other work.
     */
    public double[] contributionTable(int stain, int channel) {
        if (stain < 1 || stain > 3) throw new IllegalArgumentException("stains are numbered 1-3: " + stain);
        if (channel < 0 || channel > 2) throw new IllegalArgumentException("channel must be 0-2: " + channel);
        return contributions[3 * (stain - 1) + channel].clone();
    }

    public StainVectors stains() { return stains; }

    /** OD of one channel: {@code -log10(I / I0)} with I clamped to {@code [1, I0]} (see the class comment). */
    public static double opticalDensity(double intensity, double i0) {
        double i = Math.min(Math.max(intensity, 1.0), i0);
        return -Math.log10(i / i0);
    }

    /** The OD lookup table of channel 0 (red), 1 (green) or 2 (blue); a copy. */
    public float[] odLut(int channel) {
        switch (channel) {
            case 0: return lutR.clone();
            case 1: return lutG.clone();
            case 2: return lutB.clone();
            default: throw new IllegalArgumentException("channel must be 0-2: " + channel);
        }
    }

    /** OD (r, g, b) of one packed 0xRRGGBB pixel from the tables, into {@code out[0..2]}. */
    public void opticalDensities(int rgb, double[] out) {
        out[0] = lutR[(rgb >> 16) & 0xff];
        out[1] = lutG[(rgb >> 8) & 0xff];
        out[2] = lutB[rgb & 0xff];
    }

    /** Stain concentrations (stain 1, 2, 3) of an OD vector, into {@code out[0..2]}; no clamping. */
    public void concentrations(double odR, double odG, double odB, double[] out) {
        out[0] = odR * m00 + odG * m10 + odB * m20;
        out[1] = odR * m01 + odG * m11 + odB * m21;
        out[2] = odR * m02 + odG * m12 + odB * m22;
    }

    /**
     * Deconvolves a tile of packed 0xAARRGGBB pixels through the OD lookup tables. For H-DAB the outputs
     * are haematoxylin, DAB and residual. Any output may be null when not needed; the others must hold at
     * least {@code rgb.length} values.
     */
    public void deconvolve(int[] rgb, float[] stain1, float[] stain2, float[] stain3) {
        deconvolve(rgb, 0, rgb.length, stain1, stain2, stain3, null, null);
    }

    /**
     * As {@link #deconvolve(int[], float[], float[], float[])} for {@code rgb[offset .. offset+length)},
     * written to the same indices of the outputs, and in the same pass, when {@code tissueTest} and
     * {@code tissue} are given, {@code tissue[i] = 1} for tissue pixels and 0 for glass.
     */
    public void deconvolve(int[] rgb, int offset, int length, float[] stain1, float[] stain2, float[] stain3,
                           TissueTest tissueTest, byte[] tissue) {
        int end = checkRange(rgb, offset, length, stain1, stain2, stain3, tissue);
        if ((tissueTest == null) != (tissue == null)) {
            throw new IllegalArgumentException("give both a tissue test and a tissue mask buffer, or neither");
        }
        final float[] lr = lutR, lg = lutG, lb = lutB;
        final double[] r1 = contributions[0], g1 = contributions[1], b1 = contributions[2];
        final double[] r2 = contributions[3], g2 = contributions[4], b2 = contributions[5];
        final double[] r3 = contributions[6], g3 = contributions[7], b3 = contributions[8];
        final double minOdSum = tissueTest == null ? 0 : tissueTest.minOdSum();
        for (int i = offset; i < end; i++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            // The null tests are loop-invariant; the JIT hoists them out of the loop.
            if (stain1 != null) stain1[i] = (float) (r1[r] + g1[g] + b1[b]);
            if (stain2 != null) stain2[i] = (float) (r2[r] + g2[g] + b2[b]);
            if (stain3 != null) stain3[i] = (float) (r3[r] + g3[g] + b3[b]);
            // Same arithmetic as TissueTest.isTissue: table ODs summed in double.
            if (tissue != null) tissue[i] = (byte) ((double) lr[r] + lg[g] + lb[b] >= minOdSum ? 1 : 0);
        }
    }

    /**
     * Reference path without lookup tables: one logarithm per channel and pixel, in double precision.
     * Slower; kept to check the table path and for callers with non-8-bit intensities
     * (see {@link #opticalDensity(double, double)}).
     */
    public void deconvolveWithoutLut(int[] rgb, float[] stain1, float[] stain2, float[] stain3) {
        int end = checkRange(rgb, 0, rgb.length, stain1, stain2, stain3, null);
        double[] c = new double[3];
        for (int i = 0; i < end; i++) {
            int p = rgb[i];
            concentrations(opticalDensity((p >> 16) & 0xff, i0r), opticalDensity((p >> 8) & 0xff, i0g),
                    opticalDensity(p & 0xff, i0b), c);
            if (stain1 != null) stain1[i] = (float) c[0];
            if (stain2 != null) stain2[i] = (float) c[1];
            if (stain3 != null) stain3[i] = (float) c[2];
        }
    }

    /** Tissue mask only: {@code tissue[i] = 1} where {@code tissueTest} calls the pixel tissue. */
    public void tissueMask(int[] rgb, TissueTest tissueTest, byte[] tissue) {
        deconvolve(rgb, 0, rgb.length, null, null, null, tissueTest, tissue);
    }

    private static int checkRange(int[] rgb, int offset, int length, float[] s1, float[] s2, float[] s3, byte[] t) {
        if (offset < 0 || length < 0 || offset > rgb.length - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + rgb.length + " pixels");
        }
        int end = offset + length;
        checkBuffer("stain 1", s1, end);
        checkBuffer("stain 2", s2, end);
        checkBuffer("stain 3", s3, end);
        if (t != null && t.length < end) {
            throw new IllegalArgumentException("tissue buffer holds " + t.length + " values, needs " + end);
        }
        return end;
    }

    private static void checkBuffer(String what, float[] buffer, int end) {
        if (buffer != null && buffer.length < end) {
            throw new IllegalArgumentException(what + " buffer holds " + buffer.length + " values, needs " + end);
        }
    }

    @Override
    public String toString() {
        return "ColorDeconvolution[" + stains + "]";
    }
}
