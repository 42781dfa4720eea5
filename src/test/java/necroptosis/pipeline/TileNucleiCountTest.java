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
            r = new SlideAnalysis(AnalysisSettings.builder().threads(2).exportCells(true).build(), ProgressListener.NONE).run(s);
        }
        long[] byClass = new long[CellRecords.CellClass.values().length];
        try {
            r.cellRecords.forEach(r, c -> byClass[c.cellClass.ordinal()]++);
        } finally {
            r.cellRecords.close();
        }
        long debris = byClass[CellRecords.CellClass.DEBRIS.ordinal()];
        // Pyknotic cells (immune calls taken off inside a core) leave the tile's count with the immune cells.
        long intact = byClass[CellRecords.CellClass.IMMUNE.ordinal()] + byClass[CellRecords.CellClass.TUMOUR.ordinal()];
        long tileNuclei = r.tiles.stream().mapToLong(t -> t.nuclei).sum();
        assertEquals(1, r.tiles.size(), "one tile: no immune cell reported twice");
        assertTrue(debris > 20, "the slide's core should hold debris, found " + debris);
        assertEquals(intact, tileNuclei, "tile nuclei vs immune cells and intact nuclei of cells (debris " + debris + ", pyknotic "
                + byClass[CellRecords.CellClass.PYKNOTIC.ordinal()] + ")");
    }
}
