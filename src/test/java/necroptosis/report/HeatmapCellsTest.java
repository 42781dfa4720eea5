package necroptosis.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.synth.SyntheticSlideGenerator;
import necroptosis.synth.SyntheticSlideSettings;

/**
 * Heatmap cells are summed from the block grid: by default one per analysis tile with that tile's numbers
 * (tiles.csv's), and at any other size as many as the grid holds, with the same tissue-weighted means.
 */
class HeatmapCellsTest {
    @TempDir
    static Path dir;
    static SlideResult result;

    @BeforeAll
    static void score() throws IOException {
        // 2.5 x 2 mm at 1 µm/px: 5 x 4 analysis tiles of 512 µm, the last column and row partial.
        Path slide = dir.resolve("s.tif");
        new SyntheticSlideGenerator(SyntheticSlideSettings.builder().size(2300, 1900).pixelSizeUm(1).cores(1).coreRadiusUm(200)
                .seed(3).build(), 2, null).generate(slide, dir.resolve("s.truth.json"));
        try (SlideSource s = SlideSources.open(slide)) {
            result = new SlideAnalysis(AnalysisSettings.builder().threads(2).analysisPixelUm(1).build(), ProgressListener.NONE).run(s);
        }
    }

    @Test
    void byDefaultACellIsAnAnalysisTileWithItsRowOfTilesCsv() {
        List<Heatmap.Cell> cells = Heatmap.cells(result);
        List<TileTable.Row> rows = TileTable.rows(result);
        assertEquals(rows.size(), cells.size());
        for (int i = 0; i < rows.size(); i++) {
            TileTable.Row row = rows.get(i);
            Heatmap.Cell c = cells.get(i);
            assertArrayEquals(new long[] {row.x, row.y, row.width, row.height}, new long[] {c.x, c.y, c.width, c.height}, "tile " + i);
            assertEquals(row.tile.score.hScore(), c.score.hScore(), 0, "tile " + i);
            assertEquals(row.immuneDensity, c.immuneDensity, 0, "tile " + i);
            assertEquals(row.tissueFraction, c.tissueFraction, 0, "tile " + i);
        }
        assertEquals(512, Heatmap.cellUm(result), 1e-9);
    }

    @Test
    void cellsOfAnySizeCoverTheGridAndKeepTheTissueWeightedMeans() {
        BlockGrid g = result.grid;
        double[] reference = null;
        for (int c : new int[] {1, 5, 32, 48, 200}) {
            List<Heatmap.Cell> cells = Heatmap.cells(result, c);
            Set<Long> analysed = new HashSet<>();
            for (int b = 0; b < g.size(); b++) if (g.pixels(b) > 0) analysed.add((long) (b / g.width / c) * g.width + (b % g.width) / c);
            assertEquals(analysed.size(), cells.size(), c + " blocks: one cell per square of blocks with anything analysed");
            double side = c * g.blockUm / result.pixelSizeUm;
            double tissue = 0, hScore = 0, immune = 0;
            for (Heatmap.Cell cell : cells) {
                assertTrue(cell.width <= Math.round(side) && cell.height <= Math.round(side), c + " blocks: " + cell.width);
                tissue += cell.tissueMm2;
                hScore += cell.score.hScore() * cell.tissueMm2;
                immune += cell.immuneCells;
            }
            double[] means = {tissue, hScore / tissue, immune / tissue};
            if (reference == null) reference = means;
            else assertArrayEquals(reference, means, 1e-9 * Math.max(1, reference[2]), c + " blocks");
        }
        assertTrue(reference[1] > 0 && reference[2] > 0, "the slide has stain and immune cells");
        int expected = 0;
        for (TileTable.Row row : TileTable.rows(result)) expected += row.tile.immuneCells;
        assertEquals(expected, reference[2] * reference[0], 1e-6, "every immune cell of tiles.csv is in one cell");
    }

    @Test
    void theSettingIsRoundedToWholeBlocksAndZeroIsTheTile() {
        AnalysisSettings s = AnalysisSettings.builder().heatmapCellUm(100).build();
        assertEquals(6, s.heatmapCellBlocks(16));
        assertEquals(5, s.heatmapCellBlocks(20));
        assertEquals(AnalysisSettings.DEFAULT_TILE_BLOCKS, AnalysisSettings.defaults().heatmapCellBlocks(16));
        assertEquals(100.0, s.toMap().get("heatmap_cell_um"));
        assertFalse(AnalysisSettings.defaults().toMap().containsKey("heatmap_cell_um"), "the default is not recorded: results read as before");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnalysisSettings.builder().heatmapCellUm(8).build());
        assertEquals("heatmap cell (um) must be 0 (the analysis tile) or from the block size (16) to 10000, got 8", e.getMessage());
    }

    @Test
    void theSettingChangesTheHeatmapsAndNothingElse() throws IOException {
        SlideResult fine;
        try (SlideSource s = SlideSources.open(dir.resolve("s.tif"))) {
            fine = new SlideAnalysis(result.settings.toBuilder().heatmapCellUm(128).build(), ProgressListener.NONE).run(s);
        }
        assertEquals(128, Heatmap.cellUm(fine), 1e-9);
        assertEquals(result.tiles.size(), fine.tiles.size(), "the analysis tiles are the same");
        List<Heatmap.Cell> cells = Heatmap.cells(fine), same = Heatmap.cells(result, 8);
        assertEquals(same.size(), cells.size());
        for (int i = 0; i < cells.size(); i++) assertEquals(same.get(i).score.hScore(), cells.get(i).score.hScore(), 0);
        assertTrue(Heatmap.render(fine, Outlines.all(fine), Heatmap.Kind.MLKL).getWidth()
                == Heatmap.render(result, Outlines.all(result), Heatmap.Kind.MLKL).getWidth(), "the picture keeps its size");
    }
}
