package necroptosis.pipeline;

import java.io.IOException;
import java.util.Locale;

import necroptosis.slide.Level;
import necroptosis.slide.Regions;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;

/**
 * A slide seen at a chosen pixel size: the pyramid level with the largest downsample that is still at
 * least as fine as the target, box-averaged by a further integer factor when the level is finer. Regions
 * are given in this scale's pixels; level-0 coordinates are {@code x * level0PerPixel}.
 */
public final class ScaledLevel {
    /** Largest level region read in one call while box-averaging (its buffer stays under ~16 MB). */
    private static final long MAX_READ_PIXELS = 4L << 20;

    public final SlideSource slide;
    public final int level;
    public final int factor;
    public final long width;
    public final long height;
    /** Pixel size of this scale in µm. */
    public final double pixelUm;
    /** Level-0 pixels per pixel of this scale. */
    public final double level0PerPixel;

    /** @throws SlideException when the whole slide is smaller than one pixel of the target size */
    public ScaledLevel(SlideSource slide, double targetUm) throws SlideException {
        this.slide = slide;
        double um0 = slide.pixelSize().micrometers();
        int best = 0;
        for (int l = 0; l < slide.levels().size(); l++) {
            if (um0 * slide.levels().get(l).downsample() <= targetUm * 1.02) best = l;
        }
        Level lv = slide.levels().get(best);
        double levelUm = um0 * lv.downsample();
        this.level = best;
        this.factor = (int) Math.max(1, Math.round(targetUm / levelUm));
        this.width = lv.width() / factor;
        this.height = lv.height() / factor;
        this.pixelUm = levelUm * factor;
        this.level0PerPixel = lv.downsample() * factor;
        if (width < 1 || height < 1) {
            // A property of this file (or of its pixel size), so a SlideException like every other bad slide.
            throw new SlideException(slide.path(), String.format(Locale.ROOT,
                    "slide smaller than one pixel at %s um/px (%d x %d px of %s um); check the pixel size",
                    targetUm, slide.levels().get(0).width(), slide.levels().get(0).height(), um0));
        }
    }

    /** Reads a region of this scale as 0xFFRRGGBB, averaging factor x factor blocks of the level. */
    public int[] read(int x, int y, int w, int h) throws IOException {
        if (factor == 1) return slide.readRegion(level, x, y, w, h);
        int[] out = new int[w * h];
        read(x, y, w, h, out);
        return out;
    }

    /**
     * Reads the same pixels as {@link #read(int, int, int, int)} into the first {@code w * h} elements of
     * {@code out} (an array the caller reuses, e.g. one per worker thread).
     */
    public void read(int x, int y, int w, int h, int[] out) throws IOException {
        read(x, y, w, h, out, null);
    }

    /**
     * As {@link #read(int, int, int, int, int[])}, reading the level through {@code levelBuffer[0]} when it is
     * large enough (and leaving there the buffer used): a worker thread reading tiles of a level scanned finer
     * than the analysis (a 0.25 µm scan analysed at 0.5 µm) otherwise makes ~20 MB of garbage per tile.
     */
    public void read(int x, int y, int w, int h, int[] out, int[][] levelBuffer) throws IOException {
        if (factor == 1) {
            slide.readRegion(level, x, y, w, h, out);
            return;
        }
        Regions.checkDestination(slide, out, w, h);
        int rowsPerRead = (int) Math.max(1, Math.min(h, MAX_READ_PIXELS / ((long) w * factor * factor)));
        int lw = w * factor;
        // One level buffer for all the strips: a new one per strip made a large overview's read a burst of
        // humongous garbage, to which the G1 collector answered by growing the heap for the whole run.
        int need = rowsPerRead * factor * lw;
        int[] src = levelBuffer != null && levelBuffer[0] != null && levelBuffer[0].length >= need ? levelBuffer[0] : new int[need];
        if (levelBuffer != null) levelBuffer[0] = src;
        for (int y0 = 0; y0 < h; y0 += rowsPerRead) {
            int rows = Math.min(rowsPerRead, h - y0);
            slide.readRegion(level, x * factor, (y + y0) * factor, lw, rows * factor, src);
            int n = factor * factor;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < w; c++) {
                    int sr = 0, sg = 0, sb = 0;
                    for (int j = 0; j < factor; j++) {
                        int base = (r * factor + j) * lw + c * factor;
                        for (int i = 0; i < factor; i++) {
                            int p = src[base + i];
                            sr += (p >> 16) & 0xFF;
                            sg += (p >> 8) & 0xFF;
                            sb += p & 0xFF;
                        }
                    }
                    out[(y0 + r) * w + c] = 0xFF000000 | ((sr + n / 2) / n) << 16 | ((sg + n / 2) / n) << 8 | ((sb + n / 2) / n);
                }
            }
        }
    }
}
