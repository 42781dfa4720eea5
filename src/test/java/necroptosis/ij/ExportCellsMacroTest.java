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
import necroptosis.report.CellFiles;

/** The {@code export_cells} checkbox from a macro line, as the recorder writes it: the slide's folder gets both cells files. */
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
    }
}
