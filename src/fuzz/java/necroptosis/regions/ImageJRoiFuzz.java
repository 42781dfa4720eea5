package necroptosis.regions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

import necroptosis.slide.SlideException;
import necroptosis.slide.tiff.FuzzChecks;

/**
 * The ImageJ ROI reader (ImageJ's RoiDecoder behind it), through {@link RegionFiles}: any bytes either give
 * regions or fail with a one-line {@link SlideException} naming the file.
 * <p>
 * Input layout: byte 0 chooses; bit 0 set means the rest is a ROI Manager zip (.zip), else a single .roi;
 * bit 1 set reads it at scale 4 (ROIs drawn on a downsampled level). Seeds are rectangle, oval, polygon,
 * freehand, composite (with a hole) and line ROIs as ImageJ writes them, single and zipped.
 */
class ImageJRoiFuzz {
    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws Exception {
        if (data.length < 1) return;
        boolean zip = (data[0] & 1) != 0;
        double scale = (data[0] & 2) != 0 ? 4 : 1;
        Path f = FuzzChecks.scratchFile(zip ? ".zip" : ".roi");
        Files.write(f, Arrays.copyOfRange(data, 1, data.length));
        try {
            GeoJsonRegionsFuzz.use(RegionFiles.read(f, UserRegions.Mode.OVERRIDE, scale), f);
        } catch (SlideException e) {
            FuzzChecks.cleanFailure(e, f);
        }
    }

    /** Entry point for Jazzer's command-line driver (src/fuzz/run.sh), which can stop a hanging input. */
    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        new ImageJRoiFuzz().read(data);
    }
}
