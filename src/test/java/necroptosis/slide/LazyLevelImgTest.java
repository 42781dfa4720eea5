package necroptosis.slide;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;

/** The ImgLib2 view of a level reads only the cells that are touched. */
class LazyLevelImgTest {

    /** A 100k x 80k slide whose pixel value encodes its position, counting reads. */
    static final class Counting implements SlideSource {
        final AtomicInteger reads = new AtomicInteger();
        final List<Level> levels = Collections.singletonList(new Level(100_000, 80_000, 1));

        @Override public String path() { return "counting"; }
        @Override public String readerName() { return "test"; }
        @Override public List<Level> levels() { return levels; }
        @Override public PixelSize pixelSize() { return PixelSize.unknown("test"); }
        @Override public int tileWidth(int level) { return 256; }
        @Override public int tileHeight(int level) { return 256; }
        @Override public void close() {}

        @Override
        public int[] readRegion(int level, int x, int y, int w, int h) throws IOException {
            Regions.check(this, level, x, y, w, h);
            reads.incrementAndGet();
            int[] px = new int[w * h];
            for (int j = 0; j < h; j++) for (int i = 0; i < w; i++) px[j * w + i] = value(x + i, y + j);
            return px;
        }

        static int value(long x, long y) {
            return 0xFF000000 | (int) ((x * 31 + y * 17) & 0xFFFFFF);
        }
    }

    @Test
    void gigapixelLevelIsViewedWithoutLoadingIt() {
        Counting slide = new Counting();
        RandomAccessibleInterval<ARGBType> img = slide.level(0);
        assertEquals(100_000, img.dimension(0));
        assertEquals(80_000, img.dimension(1));
        assertEquals(0, slide.reads.get(), "nothing is read until a pixel is accessed");

        RandomAccess<ARGBType> ra = img.randomAccess();
        long[][] points = {{0, 0}, {255, 255}, {256, 0}, {99_999, 79_999}, {51_234, 40_001}};
        for (long[] p : points) {
            ra.setPosition(p);
            assertEquals(Counting.value(p[0], p[1]), ra.get().get(), "pixel at " + p[0] + "," + p[1]);
        }
        assertEquals(4, slide.reads.get(), "one read per distinct 256x256 cell touched");
        ra.setPosition(new long[] {10, 10});
        ra.get();
        assertEquals(4, slide.reads.get(), "a cached cell is not read again");
    }
}
