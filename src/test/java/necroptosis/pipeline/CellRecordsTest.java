package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.report.CellFiles;
import necroptosis.report.ResultWriter;
import necroptosis.scoring.DabThresholds;
import necroptosis.scoring.PixelScore;
import necroptosis.segmentation.Nucleus;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * The cell records' bookkeeping on two hand-made tiles: a border duplicate that {@link BorderDuplicates}
 * removes is listed once (by the lower tile), an immune cell the core check removes is pyknotic, the tiles
 * come in their order whatever order they finished in, and each nucleus keeps its measurements. A slide of
 * glass only gives the files all the same, empty.
 */
class CellRecordsTest {
    /** Two tiles of 64 analysis pixels side by side, 16-pixel blocks, 0.5 µm pixels (a duplicate is within 5 px). */
    static final int TILE = 64, BLOCK = 16;

    static TileResult tile(int index, double[] immune, int[] neighbours) {
        return new TileResult(index, index * TILE, 0, TILE, TILE, new PixelScore(), 0, immune.length / 2, immune, neighbours,
                new boolean[immune.length / 2]);
    }

    @Test
    void duplicatesOnceCoreRemovalsPyknoticInTileOrder() throws IOException {
        try (CellRecords records = CellRecords.create()) {
            // Tile 1 finishes first: it saw the immune cell on the border (65, 21) that tile 0 saw at (63, 20).
            CellRecords.TileCells one = new CellRecords.TileCells();
            one.add(65, 21, 20, Nucleus.Kind.LYMPHOCYTE, true, 0.1);
            one.add(100, 50, 12, Nucleus.Kind.TUMOUR, false, 0.4);
            one.add(110, 10, 22, Nucleus.Kind.LYMPHOCYTE, true, 0.7);
            records.append(1, one);
            CellRecords.TileCells zero = new CellRecords.TileCells();
            zero.add(63, 20, 21, Nucleus.Kind.LYMPHOCYTE, true, 0.2);
            zero.add(30, 30, 50, Nucleus.Kind.TUMOUR, true, 0.0);
            zero.add(10, 10, 15, Nucleus.Kind.LYMPHOCYTE, false, 0.36);
            zero.add(40, 40, 5, Nucleus.Kind.DEBRIS, false, 0.05);
            records.append(0, zero);

            List<TileResult> reported = Arrays.asList(tile(0, new double[] {63, 20, 10, 10}, new int[] {0, 2}),
                    tile(1, new double[] {65, 21, 110, 10}, new int[] {1, 0}));
            BlockGrid grid = new BlockGrid(2 * TILE / BLOCK, TILE / BLOCK, BLOCK, 8, false);
            for (TileResult t : reported) {
                for (int i = 0; i < t.immunePositions.length; i += 2) grid.addLymphocyte(grid.blockAt(t.immunePositions[i], t.immunePositions[i + 1]));
            }
            grid.finishTiles();
            List<TileResult> once = BorderDuplicates.remove(reported, grid, 0.5);
            assertEquals(1, once.get(1).immuneCells, "the border duplicate is the higher tile's");
            records.duplicatesRemoved(once);
            // The core check takes off (10, 10), which is no whole lymphocyte.
            List<TileResult> counted = Arrays.asList(once.get(0).withoutImmuneCells(i -> i == 1), once.get(1));

            List<String> rows = new ArrayList<>();
            records.forEach(counted, 2, DabThresholds.DEFAULT,
                    (x, y, immune, neighbours) -> immune && neighbours == 0 ? Zone.RIM : immune ? Zone.NECROSIS : Zone.VIABLE,
                    c -> rows.add(String.format(java.util.Locale.ROOT, "%d %.0f,%.0f %.0f %s %s %.2f %d", c.tile, c.x, c.y, c.areaUm2, c.zone.key,
                            c.cellClass.key, c.dabOd, c.grade)));
            assertEquals(Arrays.asList(
                    "0 126,40 21 rim immune 0.20 1",
                    "0 60,60 50 viable tumour 0.00 0",
                    "0 20,20 15 necrosis pyknotic 0.36 2",
                    "0 80,80 5 viable debris 0.05 0",
                    "1 200,100 12 viable other 0.40 2",
                    "1 220,20 22 rim immune 0.70 3"), rows);
        }
    }

    @Test
    void recordsThatDoNotHoldATilesImmuneCellsAreRefused() throws IOException {
        try (CellRecords records = CellRecords.create()) {
            CellRecords.TileCells zero = new CellRecords.TileCells();
            zero.add(10, 10, 20, Nucleus.Kind.TUMOUR, true, 0);
            records.append(0, zero);
            List<TileResult> tiles = Arrays.asList(tile(0, new double[] {10, 10}, new int[1]));
            records.duplicatesRemoved(tiles);
            assertThrows(IllegalStateException.class,
                    () -> records.forEach(tiles, 1, DabThresholds.DEFAULT, (x, y, immune, n) -> Zone.VIABLE, c -> {}));
        }
    }

    @Test
    void glassOnlyGivesTheHeaderAndAnEmptyCollection(@TempDir Path dir) throws Exception {
        Path png = EdgeSlides.glass(dir.resolve("glass.png"), 512, 512, 2, 1);
        Path out;
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT.withPixelSize(0.5))) {
            SlideResult r = new SlideAnalysis(AnalysisSettings.builder().threads(2).exportCells(true).build(), ProgressListener.NONE).run(s);
            out = ResultWriter.write(r, dir.resolve("out"));
        }
        assertEquals(Collections.singletonList(String.join(",", CellFiles.COLUMNS)),
                Files.readAllLines(out.resolve(CellFiles.CSV), StandardCharsets.UTF_8));
        JsonObject fc = JsonParser.parseString(new String(Files.readAllBytes(out.resolve(CellFiles.GEOJSON)), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertEquals("FeatureCollection", fc.get("type").getAsString());
        assertEquals(0, fc.getAsJsonArray("features").size());
    }
}
