package necroptosis.ij;

import static org.junit.jupiter.api.Assertions.*;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import necroptosis.slide.SlideException;
import necroptosis.summary.SummaryJson;
import necroptosis.summary.SummaryJsonTest;

/** Show Results Overlay scales a result to the open image by the slide size that summary.json records. */
class ShowOverlayTest {
    @TempDir
    Path dir;

    private void writeSummary() throws Exception {
        // 10000 x 9000 level-0 pixels
        try (Writer w = Files.newBufferedWriter(dir.resolve(SummaryJson.FILE_NAME), StandardCharsets.UTF_8)) {
            SummaryJson.write(SummaryJsonTest.sample(false, null), w);
        }
    }

    @Test
    void aLevelOfTheSlideIsScaledByItsWidth() throws Exception {
        writeSummary();
        ImagePlus level = new ImagePlus("level 2", new ColorProcessor(2500, 2250));
        assertEquals(0.25, ShowOverlayCommand.scale(SummaryJson.read(dir.resolve(SummaryJson.FILE_NAME)), level, "x"), 1e-12);
        assertNotNull(ShowOverlayCommand.overlay(dir, level, "none"));
    }

    @Test
    void anImageOfAnotherShapeOrADamagedSummaryIsRefused() throws Exception {
        writeSummary();
        SlideException e = assertThrows(SlideException.class,
                () -> ShowOverlayCommand.overlay(dir, new ImagePlus("crop", new ColorProcessor(1000, 1000)), "none"));
        assertTrue(e.getMessage().contains("is not a level of it"), e.getMessage());
        Files.write(dir.resolve(SummaryJson.FILE_NAME), "{\"slide\": \"a.svs\"}".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(SlideException.class, () -> ShowOverlayCommand.overlay(dir, new ImagePlus("x", new ColorProcessor(10, 9)), "none"));
        assertTrue(e.getMessage().contains("not a summary.json"), e.getMessage());
    }

    @Test
    void tilesJoinIntoTheHeatmapCellsOfTheResultWhenThoseAreWholeTiles() {
        // 3 x 2 tiles of 512 µm (1024 level-0 px at 0.5 µm/px), the last column half wide; {x, y, w, h, value, tissue}.
        java.util.List<double[]> tiles = new java.util.ArrayList<>();
        for (int j = 0; j < 2; j++) for (int i = 0; i < 3; i++) {
            tiles.add(new double[] {i * 1024, j * 1024, i == 2 ? 512 : 1024, 1024, 10 * (i + 3 * j), j == 1 ? 0.5 : 1});
        }
        double[] twoTiles = {1024, 32, 0.5};
        java.util.List<double[]> cells = ShowOverlayCommand.toCells(tiles, twoTiles, "tiles.csv");
        assertEquals(2, cells.size());
        assertArrayEquals(new double[] {0, 0, 2048, 2048}, java.util.Arrays.copyOf(cells.get(0), 4));
        assertArrayEquals(new double[] {2048, 0, 512, 2048}, java.util.Arrays.copyOf(cells.get(1), 4));
        // Weighted by tissue area: the first row's tiles have twice the tissue of the second's.
        assertEquals((0 * 2 + 10 * 2 + 30 + 40) / 6.0, cells.get(0)[4], 1e-9);
        assertEquals((20 * 2 + 50) / 3.0, cells.get(1)[4], 1e-9);
        assertSame(tiles, ShowOverlayCommand.toCells(tiles, null, "tiles.csv"), "the default heatmap is the tiles");
        assertSame(tiles, ShowOverlayCommand.toCells(tiles, new double[] {256, 32, 0.5}, "tiles.csv"), "cells smaller than a tile cannot be made");
    }

    @Test
    void aCellsRowCutShortIsNamedNotThrown() throws Exception {
        Path cells = dir.resolve("cells.csv");
        Files.write(cells, ("x_px,y_px,x_um,y_um,area_um2,zone,class,dab_od,dab_grade,tile\n"
                + "10.0,20.0,5.0,10.0,30.00,viable,immune,0.0100,0,0\n12.0,22.0\n").getBytes(StandardCharsets.UTF_8));
        SlideException e = assertThrows(SlideException.class, () -> ShowOverlayCommand.nucleusPoints(cells, 1));
        assertTrue(e.getMessage().contains("line 3 is not a nucleus row"), e.getMessage());
        Files.write(cells, ("x_px,y_px,x_um,y_um,area_um2,zone,class,dab_od,dab_grade,tile\n"
                + "10.0,20.0,5.0,10.0,30.00,viable,immune,0.0100,0,0\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("immune (1)", ShowOverlayCommand.nucleusPoints(cells, 1).get(0).getName());
    }
}
