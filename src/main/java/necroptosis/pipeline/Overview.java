package necroptosis.pipeline;

import java.io.IOException;

import necroptosis.slide.SlideSource;

/** The slide at ~8 µm/px: for background, stain estimation, tissue and the QC images. */
public final class Overview {
    public final ScaledLevel scale;
    public final int width;
    public final int height;
    public final int[] rgb;

    private Overview(ScaledLevel scale, int[] rgb) {
        this.scale = scale;
        this.width = (int) scale.width;
        this.height = (int) scale.height;
        this.rgb = rgb;
    }

    /** Largest overview held in memory (a 100k px slide at 8 µm/px of 0.25 µm scans is ~3k px square). */
    static final long MAX_PIXELS = 64L << 20;

    public static Overview read(SlideSource slide, double targetUm) throws IOException {
        ScaledLevel s = new ScaledLevel(slide, targetUm);
        if (s.width * s.height > MAX_PIXELS) {
            // Coarser than asked rather than too large: keeps memory bounded for enormous scans.
            double scale = Math.sqrt(s.width * s.height / (double) MAX_PIXELS);
            s = new ScaledLevel(slide, targetUm * scale * 1.05);
        }
        return new Overview(s, s.read(0, 0, (int) s.width, (int) s.height));
    }
}
