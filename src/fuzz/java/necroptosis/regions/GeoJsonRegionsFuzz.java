package necroptosis.regions;

import java.nio.file.Files;
import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import necroptosis.slide.SlideException;
import necroptosis.slide.tiff.FuzzChecks;

/**
 * The GeoJSON region reader, through {@link RegionFiles} as every front end reads it: any bytes either give
 * regions or fail with a one-line {@link SlideException} naming the file. Seeds (src/fuzz/resources) are small
 * QuPath-style exports: features, a feature collection, polygons with holes, multipolygons, a bare geometry.
 */
class GeoJsonRegionsFuzz {
    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws Exception {
        Path f = FuzzChecks.scratchFile(".geojson");
        Files.write(f, data);
        try {
            use(RegionFiles.read(f, UserRegions.Mode.OVERRIDE, 1), f);
        } catch (SlideException e) {
            FuzzChecks.cleanFailure(e, f);
        }
    }

    /**
     * What an analysis does with regions read from a file, in both modes: the check that they can serve,
     * the fit to a slide and the masks on a block grid (64 level-0 pixels a block). A refusal names the file.
     */
    static void use(UserRegions read, Path f) {
        for (UserRegions.Mode mode : UserRegions.Mode.values()) {
            UserRegions r = read.withMode(mode);
            try {
                r.check();
            } catch (IllegalArgumentException e) {
                FuzzChecks.cleanFailure(e, f.toString());
                continue;
            }
            UserRegions.Fit fit = r.fitTo(4000, 3000);
            if (fit.outside) continue;
            fit.regions.coreMask(63, 47, 64);
            fit.regions.analysedMask(63, 47, 64);
        }
    }

    /** Entry point for Jazzer's command-line driver (src/fuzz/run.sh), which can stop a hanging input. */
    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        new GeoJsonRegionsFuzz().read(data);
    }
}
