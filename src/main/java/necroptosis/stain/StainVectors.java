package necroptosis.stain;

import java.util.Arrays;
import java.util.Locale;

/**
 * Three stain optical-density vectors (unit length, RGB order) plus the background intensity I0 per
 * channel: everything colour deconvolution needs, as an immutable value that a result can record.
 * Changing anything returns a copy, so a {@link ColorDeconvolution} built from one never changes under
 * a running analysis.
 * <p>
 * Rows of the stain matrix M are the stain vectors, so a pixel's OD row vector is
 * {@code od = c · M} (Ruifrok &amp; Johnston 2001) and the concentrations are {@code c = od · M⁻¹}.
 * When only two stains are given the third is the <em>residual</em>: the normalised cross product of the
 * first two, as QuPath's {@code ColorDeconvolutionStains} and scikit-image's {@code rgb2hdx} matrix do.
 * (G. Landini's ImageJ Colour Deconvolution plugin instead fills a missing third vector per channel with
 * {@code sqrt(1 - a² - b²)}; the cross product is used here because it is exactly orthogonal to both
 * stains, so anything in their plane has zero residual and the residual measures only what the two stains
 * cannot explain.)
 */
public final class StainVectors {

    /** Haematoxylin in H-DAB: Ruifrok &amp; Johnston 2001, as in ImageJ's "H DAB" and scikit-image's hdx matrix. */
    public static final double[] HAEMATOXYLIN_HDAB = {0.650, 0.704, 0.286};
    /** DAB: Ruifrok &amp; Johnston 2001, as in ImageJ's "H DAB" and scikit-image's hdx matrix. */
    public static final double[] DAB = {0.268, 0.570, 0.776};
    /**
     * Haematoxylin in H&amp;E: G. Landini's measured vector, the "H&amp;E" preset of ImageJ/Fiji's Colour
     * Deconvolution plugin ("GL Haem matrix", 0.644211, 0.716556, 0.266844).
     */
    public static final double[] HAEMATOXYLIN_HE = {0.644211, 0.716556, 0.266844};
    /** Eosin in H&amp;E: the same plugin's "GL Eos matrix" (0.092789, 0.954111, 0.283111). */
    public static final double[] EOSIN = {0.092789, 0.954111, 0.283111};

    /** Smallest accepted angle between two stain vectors; closer ones make the inverse meaningless. */
    public static final double MIN_ANGLE_DEGREES = 2.0;

    /** Default H-DAB vectors, background 255 per channel. */
    public static final StainVectors H_DAB = of("H-DAB", "Haematoxylin", HAEMATOXYLIN_HDAB, "DAB", DAB);
    /** Default H&amp;E vectors, background 255 per channel. */
    public static final StainVectors H_E = of("H&E", "Haematoxylin", HAEMATOXYLIN_HE, "Eosin", EOSIN);

    private final String name;
    private final String[] stainNames;
    private final double[][] vectors; // [stain][channel], unit length
    private final boolean residual;
    private final double[] background;
    private final double[][] inverse; // [channel][stain]

    private StainVectors(String name, String[] stainNames, double[][] vectors, boolean residual,
                         double[] background) {
        this.name = name;
        this.stainNames = stainNames;
        this.vectors = vectors;
        this.residual = residual;
        this.background = background;
        this.inverse = invert(vectors, stainNames);
    }

    /** Two stains; the third is the residual (normalised cross product). Background 255. */
    public static StainVectors of(String name, String stain1, double[] v1, String stain2, double[] v2) {
        double[] n1 = normalised(stain1, 1, v1);
        double[] n2 = normalised(stain2, 2, v2);
        checkNotCollinear(stain1, n1, stain2, n2);
        double[] n3 = normalised("Residual", 3, cross(n1, n2));
        return new StainVectors(checkName(name), new String[] {stain1, stain2, "Residual"},
                new double[][] {n1, n2, n3}, true, new double[] {255, 255, 255});
    }

    /** Three explicit stains. Background 255. */
    public static StainVectors of(String name, String stain1, double[] v1, String stain2, double[] v2,
                                  String stain3, double[] v3) {
        double[] n1 = normalised(stain1, 1, v1);
        double[] n2 = normalised(stain2, 2, v2);
        double[] n3 = normalised(stain3, 3, v3);
        checkNotCollinear(stain1, n1, stain2, n2);
        checkNotCollinear(stain1, n1, stain3, n3);
        checkNotCollinear(stain2, n2, stain3, n3);
        // Pairwise non-collinear vectors can still lie in one plane; then M has no inverse.
        double[] c = cross(n1, n2);
        double out = Math.abs(c[0] * n3[0] + c[1] * n3[1] + c[2] * n3[2]);
        if (out < Math.sin(Math.toRadians(MIN_ANGLE_DEGREES))) {
            throw new IllegalArgumentException("stain 3 (" + stain3 + ") " + format(v3)
                    + " lies in the plane of stains 1 and 2; give a vector out of that plane or omit it");
        }
        return new StainVectors(checkName(name), new String[] {stain1, stain2, stain3},
                new double[][] {n1, n2, n3}, false, new double[] {255, 255, 255});
    }

    /**
     * A preset by name, ignoring case and punctuation: "H-DAB" (also "HDAB", "H DAB") or "H&amp;E" ("HE").
     */
    public static StainVectors preset(String presetName) {
        String key = presetName == null ? "" : presetName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (key.equals("hdab")) return H_DAB;
        if (key.equals("he")) return H_E;
        throw new IllegalArgumentException("unknown stain preset '" + presetName + "' (known: H-DAB, H&E)");
    }

    /** A copy with the background (glass) intensity I0 per channel, on the 8-bit scale (1 &lt; I0 &lt;= 255). */
    public StainVectors withBackground(double r, double g, double b) {
        double[] bg = {r, g, b};
        String[] channel = {"red", "green", "blue"};
        for (int c = 0; c < 3; c++) {
            // I0 <= 1 would make every OD zero (I is clamped to [1, I0]); > 255 cannot occur in 8-bit data.
            if (!(bg[c] > 1 && bg[c] <= 255)) {
                throw new IllegalArgumentException("background " + channel[c] + " intensity must be in (1, 255]: " + bg[c]);
            }
        }
        return new StainVectors(name, stainNames, vectors, residual, bg);
    }

    /**
     * A copy with new first and second stain vectors (same stain names and background); the third is
     * recomputed when it was the residual, since the old residual is orthogonal to the old stains.
     */
    public StainVectors withStains(String newName, double[] v1, double[] v2) {
        StainVectors s = residual
                ? of(newName, stainNames[0], v1, stainNames[1], v2)
                : of(newName, stainNames[0], v1, stainNames[1], v2, stainNames[2], vectors[2]);
        return s.withBackground(background[0], background[1], background[2]);
    }

    /** A copy with another name. */
    public StainVectors withName(String newName) {
        return new StainVectors(checkName(newName), stainNames, vectors, residual, background);
    }

    public String name() { return name; }

    /** Name of stain 1, 2 or 3. */
    public String stainName(int stain) { return stainNames[index(stain)]; }

    /** Unit OD vector (r, g, b) of stain 1, 2 or 3; a copy. */
    public double[] stain(int stain) { return vectors[index(stain)].clone(); }

    /** True when stain 3 was computed as the residual rather than given. */
    public boolean hasResidual() { return residual; }

    /** Background intensity I0 (r, g, b); a copy. */
    public double[] background() { return background.clone(); }

    /**
     * M⁻¹ as {@code [channel][stain]}: concentration of stain j = Σ_k od[k] · inverse[k][j]. A copy.
     */
    public double[][] inverse() {
        return new double[][] {inverse[0].clone(), inverse[1].clone(), inverse[2].clone()};
    }

    /** Angle in degrees between two (not necessarily unit) vectors, ignoring their lengths. */
    public static double angleDegrees(double[] a, double[] b) {
        double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        double na = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        double nb = Math.sqrt(b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
        double cos = Math.max(-1, Math.min(1, dot / (na * nb)));
        return Math.toDegrees(Math.acos(cos));
    }

    private static int index(int stain) {
        if (stain < 1 || stain > 3) throw new IllegalArgumentException("stains are numbered 1-3: " + stain);
        return stain - 1;
    }

    private static String checkName(String name) {
        if (name == null || name.trim().isEmpty()) throw new IllegalArgumentException("stain vectors need a name");
        return name;
    }

    private static double[] normalised(String stainName, int number, double[] v) {
        String label = "stain " + number + " (" + stainName + ")";
        if (stainName == null || stainName.trim().isEmpty()) {
            throw new IllegalArgumentException("stain " + number + " needs a name");
        }
        if (v == null || v.length != 3) {
            throw new IllegalArgumentException(label + " needs 3 values (r g b), got "
                    + (v == null ? "none" : v.length));
        }
        for (double x : v) {
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw new IllegalArgumentException(label + " " + format(v) + " is not finite");
            }
        }
        double len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (len < 1e-9) throw new IllegalArgumentException(label + " " + format(v) + " is zero");
        return new double[] {v[0] / len, v[1] / len, v[2] / len};
    }

    private static void checkNotCollinear(String nameA, double[] a, String nameB, double[] b) {
        double angle = angleDegrees(a, b);
        if (angle < MIN_ANGLE_DEGREES || angle > 180 - MIN_ANGLE_DEGREES) {
            throw new IllegalArgumentException("stain vectors " + nameA + " " + format(a) + " and " + nameB + " "
                    + format(b) + " are collinear (" + String.format(Locale.ROOT, "%.2f", angle)
                    + " degrees apart); they cannot be separated");
        }
    }

    static double[] cross(double[] u, double[] v) {
        return new double[] {
                u[1] * v[2] - u[2] * v[1],
                u[2] * v[0] - u[0] * v[2],
                u[0] * v[1] - u[1] * v[0]};
    }

    /** Inverse of the row-vector matrix, by the adjugate; validation above guarantees it exists. */
    private static double[][] invert(double[][] m, String[] names) {
        double a = m[0][0], b = m[0][1], c = m[0][2];
        double d = m[1][0], e = m[1][1], f = m[1][2];
        double g = m[2][0], h = m[2][1], i = m[2][2];
        double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
        if (Math.abs(det) < 1e-9) {
            throw new IllegalArgumentException("stain matrix " + Arrays.toString(names) + " is singular");
        }
        double s = 1 / det;
        return new double[][] {
                {(e * i - f * h) * s, (c * h - b * i) * s, (b * f - c * e) * s},
                {(f * g - d * i) * s, (a * i - c * g) * s, (c * d - a * f) * s},
                {(d * h - e * g) * s, (b * g - a * h) * s, (a * e - b * d) * s}};
    }

    private static String format(double[] v) {
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < v.length; k++) {
            if (k > 0) sb.append(", ");
            sb.append(String.format(Locale.ROOT, "%.4g", v[k]));
        }
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof StainVectors)) return false;
        StainVectors s = (StainVectors) o;
        return name.equals(s.name) && residual == s.residual && Arrays.equals(stainNames, s.stainNames)
                && Arrays.deepEquals(vectors, s.vectors) && Arrays.equals(background, s.background);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.deepHashCode(vectors)) + Arrays.hashCode(background);
    }

    @Override
    public String toString() {
        return name + ": " + stainNames[0] + " " + format(vectors[0]) + ", " + stainNames[1] + " " + format(vectors[1])
                + ", " + stainNames[2] + " " + format(vectors[2]) + ", background " + format(background);
    }
}
