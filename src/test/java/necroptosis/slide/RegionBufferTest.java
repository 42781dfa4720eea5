package necroptosis.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.TestImages;

/** {@link SlideSource#readRegion(int, int, int, int, int, int[])}: the ImageJ reader, the decorator and the default method. */
class RegionBufferTest {
    @TempDir
    Path dir;

    private static void sameAsAllocating(SlideSource s, int x, int y, int w, int h) throws IOException {
        int[] expected = s.readRegion(0, x, y, w, h);
        int[] buf = new int[w * h + 3];
        Arrays.fill(buf, 7);
        s.readRegion(0, x, y, w, h, buf);
        assertArrayEquals(expected, Arrays.copyOf(buf, w * h), s.readerName() + " region " + x + "," + y + " " + w + "x" + h);
        for (int i = w * h; i < buf.length; i++) assertEquals(7, buf[i], "written past the region");
    }

    @Test
    void imageJSourceAndPixelSizeDecoratorReadIntoABuffer() throws Exception {
        Path png = TestImages.writePng(dir.resolve("a.png"), 37, 21, 3);
        try (SlideSource s = SlideSources.open(png); SlideSource calibrated = SlideSources.open(png, OpenOptions.DEFAULT.withPixelSize(0.5))) {
            for (SlideSource src : new SlideSource[] {s, calibrated}) {
                sameAsAllocating(src, 0, 0, 37, 21);
                sameAsAllocating(src, 5, 3, 10, 7);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> src.readRegion(0, 0, 0, 4, 4, new int[15]));
                assertTrue(e.getMessage().startsWith(png.toString() + ": ") && e.getMessage().contains("15"), e.getMessage());
                assertThrows(IllegalArgumentException.class, () -> src.readRegion(0, 30, 0, 8, 4, new int[32]), "outside the level");
            }
        }
    }

    /** A reader that only implements the allocating read (e.g. a third-party one) gets a correct copying default. */
    @Test
    void theDefaultMethodCopiesTheAllocatingRead() throws Exception {
        SlideSource s = new SlideSource() {
            @Override public String path() { return "fake.svs"; }
            @Override public String readerName() { return "fake"; }
            @Override public List<Level> levels() { return Collections.singletonList(new Level(50, 40, 1)); }
            @Override public PixelSize pixelSize() { return PixelSize.override(1); }
            @Override public int[] readRegion(int level, int x, int y, int w, int h) {
                int[] px = new int[w * h];
                for (int j = 0; j < h; j++) for (int i = 0; i < w; i++) px[j * w + i] = 0xFF000000 | ((x + i) << 8) | (y + j);
                return px;
            }
            @Override public void close() {}
        };
        sameAsAllocating(s, 3, 4, 20, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.readRegion(0, 0, 0, 5, 5, new int[24]));
        assertTrue(e.getMessage().startsWith("fake.svs: ") && e.getMessage().contains("24") && e.getMessage().contains("25"), e.getMessage());
    }
}
