package necroptosis.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import necroptosis.slide.SlideSource;

/** Lossless layouts the real test files do not cover, written by {@link TestTiffWriter}, must round-trip exactly. */
class SyntheticTiffTest {
    @TempDir
    Path dir;

    static final int W = 301;
    static final int H = 203;

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("stripped uncompressed", false, ByteOrder.LITTLE_ENDIAN, img().strips(16)),
                Arguments.of("single strip", false, ByteOrder.LITTLE_ENDIAN, img()),
                Arguments.of("tiled uncompressed, partial edge tiles", false, ByteOrder.LITTLE_ENDIAN, img().tiled(64, 48)),
                Arguments.of("LZW", false, ByteOrder.LITTLE_ENDIAN, img().tiled(128, 128).compression(5)),
                Arguments.of("LZW + horizontal predictor", false, ByteOrder.LITTLE_ENDIAN, img().tiled(128, 64).compression(5).predictor(2)),
                Arguments.of("LZW stripped + predictor", false, ByteOrder.LITTLE_ENDIAN, img().strips(37).compression(5).predictor(2)),
                Arguments.of("Deflate 8 + predictor", false, ByteOrder.LITTLE_ENDIAN, img().strips(20).compression(8).predictor(2)),
                Arguments.of("Deflate 32946", false, ByteOrder.LITTLE_ENDIAN, img().tiled(64, 64).compression(32946)),
                Arguments.of("PackBits", false, ByteOrder.LITTLE_ENDIAN, img().tiled(96, 32).compression(32773)),
                Arguments.of("BigTIFF", true, ByteOrder.LITTLE_ENDIAN, img().tiled(64, 64).compression(8)),
                Arguments.of("big-endian", false, ByteOrder.BIG_ENDIAN, img().tiled(64, 64).compression(5)),
                Arguments.of("big-endian BigTIFF stripped", true, ByteOrder.BIG_ENDIAN, img().strips(10)),
                Arguments.of("RGBA, alpha ignored", false, ByteOrder.LITTLE_ENDIAN, img().samples(4).tiled(64, 64).compression(5).predictor(2)),
                Arguments.of("planar configuration 2", false, ByteOrder.LITTLE_ENDIAN, img().planar().tiled(64, 64).compression(8)),
                Arguments.of("greyscale", false, ByteOrder.LITTLE_ENDIAN, img().samples(1).tiled(64, 64).compression(5).predictor(2)));
    }

    private static TestTiffWriter.Image img() {
        return new TestTiffWriter.Image(W, H, TestTiffWriter.picture(W, H, 42));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void losslessLayoutsRoundTripExactly(String name, boolean big, ByteOrder order, TestTiffWriter.Image image) throws IOException {
        Path f = dir.resolve("t.tif");
        Files.write(f, new TestTiffWriter(big, order).build(image));
        int[] expected = expected(image);
        try (SlideSource s = TiffSlideSource.open(f)) {
            assertEquals(1, s.levels().size());
            assertEquals(W, s.levels().get(0).width());
            assertEquals(H, s.levels().get(0).height());
            assertArrayEquals(expected, s.readRegion(0, 0, 0, W, H), name + ": whole image");
            Random r = new Random(1);
            for (int i = 0; i < 20; i++) {
                int w = 1 + r.nextInt(W - 1);
                int h = 1 + r.nextInt(H - 1);
                int x = r.nextInt(W - w + 1);
                int y = r.nextInt(H - h + 1);
                int[] got = s.readRegion(0, x, y, w, h);
                for (int row = 0; row < h; row++) {
                    for (int col = 0; col < w; col++) {
                        if (got[row * w + col] != expected[(y + row) * W + x + col]) {
                            throw new AssertionError(name + ": region " + x + "," + y + " " + w + "x" + h + " differs at " + col + "," + row);
                        }
                    }
                }
            }
        }
    }

    /** What the reader must return: RGB as written, grey from the red channel replicated. */
    private static int[] expected(TestTiffWriter.Image image) {
        int[] e = image.argb.clone();
        if (image.samples == 1) {
            for (int i = 0; i < e.length; i++) {
                int g = (e[i] >> 16) & 0xFF;
                e[i] = 0xFF000000 | (g << 16) | (g << 8) | g;
            }
        }
        return e;
    }

    @Test
    void lzwDecoderHandlesLongInputsThatResetTheTable() throws Exception {
        // 300 KB of noisy data forces several ClearCodes and all code widths 9-12.
        byte[] raw = new byte[300_000];
        Random r = new Random(7);
        for (int i = 0; i < raw.length; i++) raw[i] = (byte) (r.nextInt(3) == 0 ? r.nextInt(256) : i / 97);
        assertArrayEquals(raw, Decompressors.lzw(TestTiffWriter.lzw(raw), raw.length));
    }

    @ParameterizedTest(name = "compression {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {33003, 33005})
    void aperioJpeg2000TilesDecodeToRgb(int compression) throws IOException {
        Path f = dir.resolve("j2k.tif");
        int w = 150;
        int h = 100;
        TestTiffWriter.Image image = new TestTiffWriter.Image(w, h, TestTiffWriter.picture(w, h, 8)).tiled(64, 64).compression(compression);
        Files.write(f, TestTiffWriter.write(image));
        try (SlideSource s = TiffSlideSource.open(f)) {
            int[] got = s.readRegion(0, 0, 0, w, h);
            int maxDiff = 0;
            for (int i = 0; i < got.length; i++) {
                for (int sh = 0; sh <= 16; sh += 8) maxDiff = Math.max(maxDiff, Math.abs(((got[i] >> sh) & 0xFF) - ((image.argb[i] >> sh) & 0xFF)));
            }
            // Lossless codestreams: 33005 is exact; 33003 only loses the 8-bit YCbCr rounding (at most ~2 levels).
            assertTrue(maxDiff <= (compression == 33005 ? 0 : 3), "max difference " + maxDiff);
        }
    }

    @Test
    void jpegTilesDecodeCloseToTheSource() throws IOException {
        Path f = dir.resolve("j.tif");
        TestTiffWriter.Image image = new TestTiffWriter.Image(W, H, TestTiffWriter.smoothPicture(W, H)).tiled(64, 64).compression(7);
        Files.write(f, TestTiffWriter.write(image));
        try (SlideSource s = TiffSlideSource.open(f)) {
            int[] got = s.readRegion(0, 0, 0, W, H);
            double mad = 0;
            for (int i = 0; i < got.length; i++) {
                for (int sh = 0; sh <= 16; sh += 8) mad += Math.abs(((got[i] >> sh) & 0xFF) - ((image.argb[i] >> sh) & 0xFF));
            }
            mad /= 3.0 * got.length;
            // Quality 0.98 on a smooth picture: about one grey level; a colour-space or placement error gives tens.
            assertTrue(mad < 2, "JPEG MAD " + mad);
        }
    }
}
