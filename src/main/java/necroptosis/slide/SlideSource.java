package necroptosis.slide;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;

/**
 * One whole-slide image, read by region so that no level ever has to fit in memory.
 * <p>
 * Regions are addressed by pyramid level plus coordinates in that level's pixels, so no two readers
 * can round a fractional downsample differently. Implementations must allow concurrent
 * {@link #readRegion} calls from many threads: the analysis reads tiles in parallel.
 */
public interface SlideSource extends Closeable {

    /** The file this slide was opened from, as the user gave it (used in every message). */
    String path();

    /** Short name of the reader, e.g. {@code "tiff"}, {@code "bioformats"}, {@code "imagej"}. */
    String readerName();

    /** Pyramid levels, full resolution first, downsample increasing. Never empty. */
    List<Level> levels();

    /** Level-0 pixel size, or {@link PixelSize#unknown(String)}. */
    PixelSize pixelSize();

    /**
     * Reads a region of one level as packed 0xRRGGBB ints (alpha bits are 0xFF), row by row.
     * The region must lie inside the level; see {@link Regions#check}.
     */
    int[] readRegion(int level, int x, int y, int width, int height) throws IOException;

    /**
     * Reads the same pixels as {@link #readRegion(int, int, int, int, int)} into the first
     * {@code width * height} elements of {@code dest}, so that a caller reading many regions can reuse
     * one array per thread: a fresh array per analysis tile is several MB of short-lived garbage, and
     * that allocation rate, not the data kept, is what made the Java heap grow over a whole-slide run.
     * Readers that can decode straight into {@code dest} override this; the default copies.
     *
     * @throws IllegalArgumentException when {@code dest} is shorter than {@code width * height}
     */
    default void readRegion(int level, int x, int y, int width, int height, int[] dest) throws IOException {
        Regions.check(this, level, x, y, width, height);
        Regions.checkDestination(this, dest, width, height);
        int[] px = readRegion(level, x, y, width, height);
        System.arraycopy(px, 0, dest, 0, width * height);
    }

    /**
     * Lets go of decoded pixels kept for reads to come (a reader's tile cache). The slide analysis calls it
     * when its tiles are done: the cache, tens of MB held in the collector's old generation, is then only
     * in the way of the run's last phase. Later reads still work, at the cost of decoding again.
     */
    default void releaseCaches() {}

    /** Preferred read size for this level (the file's tile size where it has one). */
    default int tileWidth(int level) { return 512; }

    default int tileHeight(int level) { return 512; }

    /**
     * The level as a lazily loaded ImgLib2 image: cells are read from the file only when a pixel in
     * them is accessed, so a script can view or process a gigapixel level without loading it.
     */
    default RandomAccessibleInterval<ARGBType> level(int level) {
        return LazyLevelImg.of(this, level);
    }
}
