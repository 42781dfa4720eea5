package necroptosis.ij;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import necroptosis.pipeline.Setting;
import necroptosis.report.ColorMap;
import necroptosis.report.Outline;
import necroptosis.summary.SlideSummary;
import necroptosis.summary.SummaryJsonTest;

/** What the Fiji result windows show, checked on the objects they are built from. */
class ResultsDisplayTest {
    @Test
    void theSummaryRowCarriesTheNotesAndLeavesAnAbsentZoneNaN() {
        SlideSummary s = SummaryJsonTest.sample(false, null);
        ResultsTable rt = new ResultsTable();
        ResultsDisplay.addRow(rt, s, "slide", Paths.get("/out/slide"));
        assertEquals("no immune cells found; two lines", rt.getStringValue("Notes", 0));
        assertTrue(Double.isNaN(rt.getValue("Ki67+ % rim", 0)), "the sample has no rim");
        assertTrue(Double.isNaN(rt.getValue("Immune /mm2 rim", 0)));
        assertFalse(Double.isNaN(rt.getValue("Ki67+ % necrosis", 0)));
        assertEquals(0, rt.getValue("Rim mm2", 0), 0, "an area of 0 is a measurement");
    }

    @Test
    void theRoiManagerGetsOneRoiPerOutlineNamedWithTheSlideInLevel0Pixels() {
        double[] a = {0, 0, 10, 0, 10, 10, 0, 10}, b = {10, 10, 20, 10, 20, 20, 10, 20};
        List<Outline> outlines = Arrays.asList(new Outline("core 1", Outline.NECROSIS, Arrays.asList(a)),
                new Outline("core 1", Outline.NECROSIS, Arrays.asList(b)), new Outline("tissue 1", Outline.TISSUE, Arrays.asList(a)));
        List<Roi> rois = ResultsDisplay.namedRois(outlines, "case 7");
        assertEquals(2, rois.size());
        assertEquals("case 7: core 1", rois.get(0).getName());
        assertEquals(new Rectangle(0, 0, 20, 20), rois.get(0).getBounds(), "the two pieces of core 1 in one composite, unscaled");
        assertEquals("case 7: tissue 1", rois.get(1).getName());
    }

    @Test
    void theHeatmapIsOneHalfTransparentPictureClippedToTissueWithoutSeams() {
        List<double[]> tiles = Arrays.asList(new double[] {0, 0, 10.4, 20, 1}, new double[] {10.4, 0, 9.6, 20, 2});
        java.awt.geom.Rectangle2D tissue = new java.awt.geom.Rectangle2D.Double(0, 0, 20, 10);
        List<Roi> layer = ResultsDisplay.heatLayer(20, 20, tiles, 2, ColorMap.VIRIDIS, tissue, "MLKL heatmap");
        assertEquals(1, layer.size());
        ImageRoi heat = (ImageRoi) layer.get(0);
        assertEquals(0.5, heat.getOpacity(), 1e-9);
        ImageProcessor ip = heat.getProcessor();
        for (int x = 0; x < 20; x++) {
            assertNotEquals(0, ip.get(x, 5) & 0xFFFFFF, "tissue pixel " + x + " coloured: tiles meet without a gap");
            assertEquals(0, ip.get(x, 15) & 0xFFFFFF, "glass pixel " + x + " left clear");
        }
        assertEquals(ColorMap.VIRIDIS.rgb(0.5) & 0xFFFFFF, ip.get(9, 5) & 0xFFFFFF);
        assertEquals(ColorMap.VIRIDIS.rgb(1) & 0xFFFFFF, ip.get(10, 5) & 0xFFFFFF);
    }

    @Test
    void theDistancePlotsHaveAGapWhereABandHasNoTissue() {
        List<Plot> plots = ResultsDisplay.profilePlots(SummaryJsonTest.sample(false, null), "slide");
        assertEquals(2, plots.size(), "MLKL and immune density on their own axes");
        float[] y = plots.get(1).getYValues();
        assertFalse(Float.isNaN(y[0]));
        assertTrue(Float.isNaN(y[1]), "the second band has no tissue");
    }

    @Test
    void showResultsOverlayOffersTheFrontImageFirst() {
        ImagePlus front = new ImagePlus("b", new ColorProcessor(1, 1));
        assertArrayEquals(new String[] {"b", "a", "c"}, ShowOverlayCommand.frontFirst(new String[] {"a", "b", "c"}, front));
    }

    @Test
    void aPixelSizeFieldSaysMicronsPerPixel() {
        assertEquals("µm/px", SettingsDialog.unit(Setting.option("pixel_size", Setting.Type.NUMBER, 0, "").withUnit("µm")));
        assertEquals("µm", SettingsDialog.unit(Setting.option("rim_width", Setting.Type.NUMBER, 0, "").withUnit("µm")));
    }
}
