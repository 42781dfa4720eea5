package necroptosis.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;

/**
 * Randomly damaged files: opening and reading them either works or fails with a one-line
 * {@link SlideException} naming the file; never another exception, an OOM or a hang.
 */
class TiffFuzzTest {
    @TempDir
    Path dir;

    @Test
    void damagedFilesFailCleanly() throws Exception {
        int w = 90;
        int h = 70;
        int[] px = TestTiffWriter.smoothPicture(w, h);
        TestTiffWriter.Image[] originals = {
            new TestTiffWriter.Image(w, h, px).tiled(32, 32).compression(5).predictor(2)
                    .sub(new TestTiffWriter.Image(w / 2, h / 2, TestTiffWriter.reduce(px, w, h, 2)).strips(8).compression(32773)),
            new TestTiffWriter.Image(w, h, px).tiled(32, 32).compression(7),
            new TestTiffWriter.Image(w, h, px).strips(9).compression(8),
        };
        Random r = new Random(2024);
        Path f = dir.resolve("fuzz.tif");
        int ok = 0;
        int failed = 0;
        for (int o = 0; o < originals.length; o++) {
            byte[] good = new TestTiffWriter(o == 2, o == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).build(originals[o]);
            for (int iter = 0; iter < 150; iter++) {
                byte[] b = good.clone();
                int edits = 1 + r.nextInt(8);
                for (int e = 0; e < edits; e++) {
                    // Bias towards the IFDs (end of the file) where structure lives.
                    int pos = r.nextBoolean() ? r.nextInt(b.length) : b.length - 1 - r.nextInt(Math.min(b.length, 400));
                    b[pos] = r.nextInt(4) == 0 ? (byte) 0xFF : (byte) r.nextInt(256);
                }
                if (r.nextInt(10) == 0) b = Arrays.copyOf(b, r.nextInt(b.length));
                Files.write(f, b);
                if (readAll(f)) ok++; else failed++;
            }
        }
        System.out.println("fuzz: " + ok + " read, " + failed + " refused");
        assertTrue(failed > 0 && ok > 0, "the damage should break some files and spare others: " + ok + " ok, " + failed + " failed");
    }

    /** True when the whole file was read, false for a clean SlideException; anything else fails the test. */
    private static boolean readAll(Path f) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (SlideSource s = TiffSlideSource.open(f)) {
                for (int l = 0; l < s.levels().size(); l++) {
                    long lw = s.levels().get(l).width();
                    long lh = s.levels().get(l).height();
                    s.readRegion(l, 0, 0, (int) Math.min(lw, 4096), (int) Math.min(lh, 4096));
                }
                return true;
            } catch (SlideException e) {
                if (Boolean.getBoolean("fuzz.print")) System.out.println("FUZZ " + e.reason());
                assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                return false;
            } catch (IOException e) {
                throw new AssertionError("not a SlideException: " + e, e);
            }
        });
    }
}
