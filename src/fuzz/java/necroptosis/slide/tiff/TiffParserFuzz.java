package necroptosis.slide.tiff;

import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import necroptosis.slide.Level;
import necroptosis.slide.SlideException;

/**
 * The TIFF/BigTIFF parser and every tile decoder behind it: any bytes either open and read or fail with a
 * one-line {@link SlideException} naming the file. Seeds (src/fuzz/resources, made by {@link FuzzSeeds}) are
 * small classic and BigTIFF files of each compression, strips, tiles, planes and SubIFD pyramids.
 */
class TiffParserFuzz {
    /** Side of the regions read from each level's two opposite corners: enough for several tiles, bounded time. */
    private static final int REGION = 96;

    @FuzzTest(maxDuration = "10m")
    void openAndRead(byte[] data) throws Exception {
        Path f = FuzzChecks.scratchFile();
        Files.write(f, data);
        try (TiffSlideSource s = TiffSlideSource.open(f, 1 << 20)) {
            for (int l = 0; l < s.levels().size(); l++) {
                Level lv = s.levels().get(l);
                int w = (int) Math.min(lv.width(), REGION);
                int h = (int) Math.min(lv.height(), REGION);
                s.readRegion(l, 0, 0, w, h);
                s.readRegion(l, (int) (lv.width() - w), (int) (lv.height() - h), w, h);
            }
        } catch (SlideException e) {
            FuzzChecks.cleanFailure(e, f);
        }
    }

    /** Entry point for Jazzer's command-line driver (src/fuzz/run.sh), which can stop a hanging input. */
    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        new TiffParserFuzz().openAndRead(data);
    }
}
