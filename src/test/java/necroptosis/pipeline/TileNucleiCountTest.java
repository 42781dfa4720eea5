package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/** tiles.csv's {@code nuclei} counts intact nuclei only: debris in a necrotic core is not a nucleus. */
class TileNucleiCountTest {
    @Test
    void tileNucleiAreIntactNucleiWithoutDebris() throws IOException {
        SlideResult r;
        try (SlideSource s = SlideSources.open(Paths.get("test-images/synthetic-2048-0.25um.tif"))) {
            r = new SlideAnalysis(AnalysisSettings.builder().threads(2).build(), ProgressListener.NONE).run(s);
        }
        long debris = r.grid.total(r.grid::debris);
        long intact = r.grid.total(r.grid::tumourNuclei) + r.grid.total(r.grid::lymphocytes);
        long tileNuclei = r.tiles.stream().mapToLong(t -> t.nuclei).sum();
        assertTrue(debris > 20, "the slide's core should hold debris, found " + debris);
        assertEquals(intact, tileNuclei, "tile nuclei vs intact nuclei of the blocks (debris " + debris + ")");
    }
}
