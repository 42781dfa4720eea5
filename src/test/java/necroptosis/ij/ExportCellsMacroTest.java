package necroptosis.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.ColorProcessor;
import necroptosis.report.CellFiles;

/**
 * The {@code export_cells} checkbox from a macro line, as the recorder writes it: the slide's folder gets both
 * cells files, and Show Results Overlay shows the nuclei on an image of the slide.
 */
class ExportCellsMacroTest {
    private static final Path SLIDE = Paths.get("test-images/synthetic-2048-0.25um.tif").toAbsolutePath();

    @BeforeAll
    static void registerCommands() throws IOException {
        assertTrue(HeadlessMacro.install().containsKey("Score Slide..."));
    }

    @Test
    void theCheckboxWritesTheCellFiles(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("results");
        IJ.runMacro("run(\"Score Slide...\", \"slide=[" + SLIDE.toString().replace("\\", "/") + "] output=["
                + out.toString().replace("\\", "/") + "] export_cells\");");
        Path slide = out.resolve("synthetic-2048-0.25um");
        List<String> csv = Files.readAllLines(slide.resolve(CellFiles.CSV), StandardCharsets.UTF_8);
        assertEquals(String.join(",", CellFiles.COLUMNS), csv.get(0));
        assertTrue(csv.size() > 100, csv.size() + " lines");
        assertTrue(Files.size(slide.resolve(CellFiles.GEOJSON)) > 0);
        assertTrue(new String(Files.readAllBytes(slide.resolve("summary.json")), StandardCharsets.UTF_8).contains("\"export_cells\": true"));

        // Show Results Overlay puts them on a level of the slide (here half the size), one point selection per class.
        ImagePlus half = new ImagePlus("half", new ColorProcessor(1024, 1024));
        Overlay o = ShowOverlayCommand.overlay(slide, half, "none", true);
        int points = 0;
        boolean immune = false;
        for (Roi r : o.toArray()) {
            if (!(r instanceof PointRoi)) continue;
            points += ((PointRoi) r).getNCoordinates();
            immune |= r.getName().startsWith("immune (");
            ij.process.FloatPolygon p = ((PointRoi) r).getFloatPolygon();
            for (int i = 0; i < p.npoints; i++) {
                assertTrue(p.xpoints[i] >= 0 && p.xpoints[i] <= 1024 && p.ypoints[i] >= 0 && p.ypoints[i] <= 1024, p.xpoints[i] + ", " + p.ypoints[i]);
            }
        }
        assertEquals(csv.size() - 1, points, "every nucleus a point");
        assertTrue(immune, "the immune cells are one selection");
        assertEquals(0, ShowOverlayCommand.overlay(slide, half, "none", false).toArray().length - nonPoints(o), "no points unless asked");
    }

    private static int nonPoints(Overlay o) {
        int n = 0;
        for (Roi r : o.toArray()) if (!(r instanceof PointRoi)) n++;
        return n;
    }
}
