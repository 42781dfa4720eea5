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
}
