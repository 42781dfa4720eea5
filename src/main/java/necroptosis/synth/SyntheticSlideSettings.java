package necroptosis.synth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that shapes a synthetic slide. Immutable; the one source of defaults for the CLI, tests and
 * the truth file, so a truth file says exactly what made its slide. Sizes are in µm and densities per mm²
 * so that slides of different pixel sizes look the same physically.
 */
public final class SyntheticSlideSettings {
    public static final int DEFAULT_WIDTH = 8192;
    public static final int DEFAULT_HEIGHT = 8192;
    public static final int MAX_SIDE = 100000;
    public static final double DEFAULT_PIXEL_SIZE_UM = 0.5;
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_CORES = 2;
    public static final double DEFAULT_CORE_RADIUS_UM = 250;
    public static final double DEFAULT_RIM_WIDTH_UM = 100;
    public static final double DEFAULT_MLKL_RIM = 0.45;
    public static final double DEFAULT_MLKL_VIABLE = 0.05;
    public static final double DEFAULT_MLKL_CORE = 0.30;
    public static final double DEFAULT_LYMPH_RIM = 1500;
    public static final double DEFAULT_LYMPH_VIABLE = 300;
    public static final double DEFAULT_LYMPH_STROMA = 1200;
    public static final double DEFAULT_LYMPH_CORE = 150;
    public static final int DEFAULT_TILE = 256;
    public static final int DEFAULT_QUALITY = 90;
    /** DAB optical-density thresholds (weak, moderate, strong) that the truth fractions are given for. */
    public static final double[] DAB_THRESHOLDS = {0.15, 0.35, 0.60};

    private final int width;
    private final int height;
    private final double pixelSizeUm;
    private final long seed;
    private final int cores;
    private final double coreRadiusUm;
    private final double rimWidthUm;
    private final double mlklRim;
    private final double mlklViable;
    private final double mlklCore;
    private final double lymphRim;
    private final double lymphViable;
    private final double lymphStroma;
    private final double lymphCore;
    private final int tile;
    private final int quality;
    private final SlideStyle style;

    private SyntheticSlideSettings(Builder b) {
        width = b.width;
        height = b.height;
        pixelSizeUm = b.pixelSizeUm;
        seed = b.seed;
        cores = b.cores;
        coreRadiusUm = b.coreRadiusUm;
        rimWidthUm = b.rimWidthUm;
        mlklRim = b.mlklRim;
        mlklViable = b.mlklViable;
        mlklCore = b.mlklCore;
        lymphRim = b.lymphRim;
        lymphViable = b.lymphViable;
        lymphStroma = b.lymphStroma;
        lymphCore = b.lymphCore;
        tile = b.tile;
        quality = b.quality;
        style = b.style;
    }

    public static Builder builder() { return new Builder(); }

    /** The default slide. */
    public static SyntheticSlideSettings defaults() { return builder().build(); }

    public int width() { return width; }
    public int height() { return height; }
    public double pixelSizeUm() { return pixelSizeUm; }
    public long seed() { return seed; }
    public int cores() { return cores; }
    public double coreRadiusUm() { return coreRadiusUm; }
    public double rimWidthUm() { return rimWidthUm; }
    public double mlklRim() { return mlklRim; }
    public double mlklViable() { return mlklViable; }
    public double mlklCore() { return mlklCore; }
    public double lymphRim() { return lymphRim; }
    public double lymphViable() { return lymphViable; }
    public double lymphStroma() { return lymphStroma; }
    public double lymphCore() { return lymphCore; }
    public int tile() { return tile; }
    public int quality() { return quality; }
    /** The look: classic (one fixed look) or varied (drawn from the seed). */
    public SlideStyle style() { return style; }

    /** A copy to change a few settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.width = width; b.height = height; b.pixelSizeUm = pixelSizeUm; b.seed = seed; b.cores = cores;
        b.coreRadiusUm = coreRadiusUm; b.rimWidthUm = rimWidthUm; b.mlklRim = mlklRim; b.mlklViable = mlklViable;
        b.mlklCore = mlklCore; b.lymphRim = lymphRim; b.lymphViable = lymphViable; b.lymphStroma = lymphStroma;
        b.lymphCore = lymphCore; b.tile = tile; b.quality = quality; b.style = style;
        return b;
    }

    /** Settings with stable snake_case keys, as written to the truth file. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("width", width);
        m.put("height", height);
        m.put("pixel_size_um", pixelSizeUm);
        m.put("seed", seed);
        m.put("cores", cores);
        m.put("core_radius_um", coreRadiusUm);
        m.put("rim_width_um", rimWidthUm);
        m.put("mlkl_rim", mlklRim);
        m.put("mlkl_viable", mlklViable);
        m.put("mlkl_core", mlklCore);
        m.put("lymph_rim_per_mm2", lymphRim);
        m.put("lymph_viable_per_mm2", lymphViable);
        m.put("lymph_stroma_per_mm2", lymphStroma);
        m.put("lymph_core_per_mm2", lymphCore);
        m.put("tile", tile);
        m.put("quality", quality);
        // absent means classic, so truth files of classic slides stay as they were
        if (style != SlideStyle.CLASSIC) m.put("style", style.key());
        return m;
    }

    /** Mutable builder; {@link #build()} validates and names the first bad setting. */
    public static final class Builder {
        private int width = DEFAULT_WIDTH;
        private int height = DEFAULT_HEIGHT;
        private double pixelSizeUm = DEFAULT_PIXEL_SIZE_UM;
        private long seed = DEFAULT_SEED;
        private int cores = DEFAULT_CORES;
        private double coreRadiusUm = DEFAULT_CORE_RADIUS_UM;
        private double rimWidthUm = DEFAULT_RIM_WIDTH_UM;
        private double mlklRim = DEFAULT_MLKL_RIM;
        private double mlklViable = DEFAULT_MLKL_VIABLE;
        private double mlklCore = DEFAULT_MLKL_CORE;
        private double lymphRim = DEFAULT_LYMPH_RIM;
        private double lymphViable = DEFAULT_LYMPH_VIABLE;
        private double lymphStroma = DEFAULT_LYMPH_STROMA;
        private double lymphCore = DEFAULT_LYMPH_CORE;
        private int tile = DEFAULT_TILE;
        private int quality = DEFAULT_QUALITY;
        private SlideStyle style = SlideStyle.CLASSIC;

        private Builder() { }

        public Builder width(int v) { width = v; return this; }
        public Builder height(int v) { height = v; return this; }
        public Builder size(int w, int h) { width = w; height = h; return this; }
        public Builder pixelSizeUm(double v) { pixelSizeUm = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder cores(int v) { cores = v; return this; }
        public Builder coreRadiusUm(double v) { coreRadiusUm = v; return this; }
        public Builder rimWidthUm(double v) { rimWidthUm = v; return this; }
        public Builder mlklRim(double v) { mlklRim = v; return this; }
        public Builder mlklViable(double v) { mlklViable = v; return this; }
        public Builder mlklCore(double v) { mlklCore = v; return this; }
        public Builder lymphRim(double v) { lymphRim = v; return this; }
        public Builder lymphViable(double v) { lymphViable = v; return this; }
        public Builder lymphStroma(double v) { lymphStroma = v; return this; }
        public Builder lymphCore(double v) { lymphCore = v; return this; }
        public Builder tile(int v) { tile = v; return this; }
        public Builder quality(int v) { quality = v; return this; }
        public Builder style(SlideStyle v) { style = v; return this; }

        /** @throws IllegalArgumentException naming the bad setting and its allowed range */
        public SyntheticSlideSettings build() {
            intRange("width", width, 64, MAX_SIDE);
            intRange("height", height, 64, MAX_SIDE);
            range("pixel-size", pixelSizeUm, 0.1, 10);
            intRange("cores", cores, 0, 100);
            range("core-radius-um", coreRadiusUm, 20, 20000);
            range("rim-width-um", rimWidthUm, 0, 5000);
            range("mlkl-rim", mlklRim, 0, 1);
            range("mlkl-viable", mlklViable, 0, 1);
            range("mlkl-core", mlklCore, 0, 1);
            range("lymph-rim", lymphRim, 0, 20000);
            range("lymph-viable", lymphViable, 0, 20000);
            range("lymph-stroma", lymphStroma, 0, 20000);
            range("lymph-core", lymphCore, 0, 20000);
            if (tile < 16 || tile > 2048 || tile % 16 != 0) {
                throw new IllegalArgumentException("tile must be a multiple of 16 between 16 and 2048, got " + tile);
            }
            intRange("quality", quality, 1, 100);
            if (style == null) throw new IllegalArgumentException("style must be classic or varied, got null");
            return new SyntheticSlideSettings(this);
        }

        private static void intRange(String name, int v, int lo, int hi) {
            if (v < lo || v > hi) {
                throw new IllegalArgumentException(name + " must be between " + lo + " and " + hi + ", got " + v);
            }
        }

        private static void range(String name, double v, double lo, double hi) {
            if (!(v >= lo && v <= hi)) {
                throw new IllegalArgumentException(name + " must be between " + lo + " and " + hi + ", got " + v);
            }
        }
    }
}
