package necroptosis.slide.tiff;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import necroptosis.slide.Level;
import necroptosis.slide.PixelSize;
import necroptosis.slide.Regions;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;

/**
 * The built-in reader for tiled and stripped pyramidal TIFF and BigTIFF (Aperio SVS, OME-TIFF, generic
 * pyramids), used when Bio-Formats is not on the classpath. A region read decodes only the tiles it
 * touches, with positional reads so that any number of threads can read at once, and keeps recently
 * decoded tiles in a bounded cache.
 */
public final class TiffSlideSource implements SlideSource {
    /** Decoded tiles kept per open slide: 64 MiB is 256 tiles of 256x256. */
    static final long CACHE_BYTES = 64L << 20;

    private final String path;
    private final TiffInput in;
    private final List<TiffImage> images;
    private final List<Level> levels;
    private final PixelSize pixelSize;
    private final TileCache cache;

    private TiffSlideSource(String path, TiffInput in, List<TiffImage> images, PixelSize pixelSize, long cacheBytes) {
        this.cache = new TileCache(cacheBytes);
        this.path = path;
        this.in = in;
        this.images = images;
        this.pixelSize = pixelSize;
        List<Level> ls = new ArrayList<>();
        double w0 = images.get(0).width;
        for (TiffImage img : images) ls.add(new Level(img.width, img.height, w0 / img.width));
        this.levels = Collections.unmodifiableList(ls);
    }

    /** Opens a TIFF/BigTIFF slide; every problem with the file becomes a one-line {@link SlideException}. */
    public static TiffSlideSource open(Path file) throws SlideException {
        return open(file, CACHE_BYTES);
    }

    /** As {@link #open(Path)} with a tile cache of {@code cacheBytes} (tests use a tiny one to force evictions). */
    static TiffSlideSource open(Path file, long cacheBytes) throws SlideException {
        TiffInput in = new TiffInput(file);
        try {
            TiffFile tiff = TiffFile.parse(in);
            List<Ifd> ifds = PyramidLayout.levels(tiff.ifds());
            List<TiffImage> images = new ArrayList<>();
            for (Ifd ifd : ifds) images.add(TiffImage.of(in, ifd));
            PixelSize px = TiffPixelSize.of(tiff.ifds().get(0));
            return new TiffSlideSource(file.toString(), in, Collections.unmodifiableList(images), px, cacheBytes);
        } catch (SlideException e) {
            closeQuietly(in);
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            closeQuietly(in);
            throw new SlideException(file.toString(), "cannot parse TIFF structure: " + e, e);
        }
    }

    /**
     * The plausible pixel size this reader finds in a file's TIFF metadata and where, in words ("0.499 µm/px
     * in its Aperio description (MPP)"), from its directories alone; null when the file gives none or is not
     * a TIFF this reader parses. A reader that ignores this metadata (ImageJ's) uses it to say what it missed.
     */
    public static String pixelSizeInMetadata(Path file) {
        TiffInput in;
        try {
            in = new TiffInput(file);
        } catch (SlideException e) {
            return null;
        }
        try {
            PixelSize px = TiffPixelSize.of(TiffFile.parse(in).ifds().get(0));
            if (!px.isKnown()) return null;
            return new BigDecimal(String.format(Locale.ROOT, "%.4g", px.micrometers())).stripTrailingZeros().toPlainString()
                    + " \u00b5m/px in " + TiffPixelSize.whereInFile(px.source());
        } catch (SlideException | RuntimeException e) {
            return null;
        } finally {
            closeQuietly(in);
        }
    }

    private static void closeQuietly(TiffInput in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }

    @Override
    public String path() { return path; }

    @Override
    public String readerName() { return "tiff"; }

    @Override
    public List<Level> levels() { return levels; }

    @Override
    public PixelSize pixelSize() { return pixelSize; }

    /** The file's tile size; stripped images have no natural width, so the interface default applies. */
    @Override
    public int tileWidth(int level) { return images.get(level).tiled ? images.get(level).tileWidth : 512; }

    @Override
    public int tileHeight(int level) { return images.get(level).tiled ? images.get(level).tileHeight : 512; }

    /** Which IFD each level comes from, e.g. "IFD 0 SubIFD 1" (for messages and tests). */
    public String levelSource(int level) { return images.get(level).ifd().label(); }

    /** The compression code of a level, e.g. 7 for JPEG. */
    public int compression(int level) { return images.get(level).compression; }

    @Override
    public int[] readRegion(int level, int x, int y, int width, int height) throws IOException {
        Regions.check(this, level, x, y, width, height);
        int[] out = new int[width * height];
        copyRegion(level, x, y, width, height, out);
        return out;
    }

    @Override
    public void readRegion(int level, int x, int y, int width, int height, int[] dest) throws IOException {
        Regions.check(this, level, x, y, width, height);
        Regions.checkDestination(this, dest, width, height);
        copyRegion(level, x, y, width, height, dest);
    }

    private void copyRegion(int level, int x, int y, int width, int height, int[] out) throws SlideException {
        TiffImage img = images.get(level);
        int tw = img.tileWidth;
        int th = img.tileHeight;
        int tx0 = x / tw;
        int tx1 = (x + width - 1) / tw;
        int ty0 = y / th;
        int ty1 = (y + height - 1) / th;
        String levelName = "level " + level;
        for (int ty = ty0; ty <= ty1; ty++) {
            for (int tx = tx0; tx <= tx1; tx++) {
                TileCache.Tile t = tile(level, img, tx, ty, levelName);
                try {
                    int[] tile = t.pixels;
                    // Intersection of the tile with the region, in level coordinates.
                    int gx0 = Math.max(x, tx * tw);
                    int gx1 = Math.min(x + width, tx * tw + tw);
                    int gy0 = Math.max(y, ty * th);
                    int gy1 = Math.min(y + height, ty * th + th);
                    int len = gx1 - gx0;
                    for (int gy = gy0; gy < gy1; gy++) {
                        System.arraycopy(tile, (gy - ty * th) * tw + (gx0 - tx * tw), out, (gy - y) * width + (gx0 - x), len);
                    }
                } finally {
                    cache.release(t);
                }
            }
        }
    }

    /** Tile (tx, ty), pinned in the cache until the caller releases it. */
    private TileCache.Tile tile(int level, TiffImage img, int tx, int ty, String levelName) throws SlideException {
        long key = TileCache.key(level, ty * img.tilesAcross + tx);
        TileCache.Tile t = cache.acquire(key);
        if (t != null) return t;
        int[] pixels = cache.spare(img.tileWidth * img.tileHeight);
        img.decodeTile(tx, ty, levelName, pixels);
        return cache.insert(key, pixels);
    }

    @Override
    public void releaseCaches() {
        cache.clear();
    }

    /** Tiles in the cache (for tests). */
    int cachedTiles() {
        return cache.size();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    @Override
    public String toString() {
        return "TiffSlideSource[" + path + ", " + levels + ", " + pixelSize + "]";
    }
}
