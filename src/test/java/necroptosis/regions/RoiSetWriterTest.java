package necroptosis.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.io.RoiDecoder;
import ij.process.ByteProcessor;
import necroptosis.report.MaskTracer;
import necroptosis.report.Outline;
import necroptosis.report.Outlines;
import necroptosis.report.ResultWriter;

/** rois.zip is read by ImageJ's own decoder into the same shapes, names and colours, also far from the origin. */
class RoiSetWriterTest {
    @TempDir
    Path dir;

    /** A traced mask scaled to level 0 and moved far out (coordinates beyond 16-bit ROI headers). */
    private static Outline traced(String name, String cls, boolean[] mask, int w, int h, double scale, double offset) {
        MaskTracer.Polygon p = MaskTracer.trace(mask, w, h).get(0);
        List<double[]> rings = new ArrayList<>();
        for (int[] r : p.rings) {
            double[] d = new double[r.length];
            for (int i = 0; i < r.length; i++) d[i] = r[i] * scale + offset;
            rings.add(d);
        }
        return new Outline(name, cls, rings);
    }

    private static boolean[] mask(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) for (int x = 0; x < w; x++) m[y * w + x] = rows[y].charAt(x) == '#';
        return m;
    }

    private static Map<String, Roi> readZip(byte[] zip) throws IOException {
        Map<String, Roi> rois = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0; ) b.write(buf, 0, n);
                rois.put(e.getName(), new RoiDecoder(b.toByteArray(), e.getName()).getRoi());
            }
        }
        return rois;
    }

    /** Pixels of a w x h image inside the ROI (ImageJ's own mask), at ROI coordinates offset by (ox, oy). */
    private static int maskedPixels(Roi roi, int ox, int oy, int w, int h) {
        roi = (Roi) roi.clone();
        roi.setLocation(roi.getXBase() - ox, roi.getYBase() - oy);
        ByteProcessor ip = new ByteProcessor(w, h);
        ip.setColor(255);
        ip.fill(roi);
        int n = 0;
        for (int i = 0; i < w * h; i++) if (ip.get(i) != 0) n++;
        return n;
    }

    @Test
    void roiManagerZipDecodesToTheSamePolygonsNamesAndColours() throws IOException {
        double scale = 16, offset = 70000;
        Outline core = traced("core 1", Outline.NECROSIS, mask(
                ".##.",
                "####",
                "###.",
                ".#.."), 4, 4, scale, offset);
        Outline rim = traced("rim 1", Outline.RIM, mask(
                "######",
                "#....#",
                "#....#",
                "######"), 6, 4, scale, offset);
        Outline tissue = traced("tissue 1", Outline.TISSUE, mask("###", "###"), 3, 2, scale, offset);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        RoiSetWriter.write(ResultWriter.roiEntries(Arrays.asList(tissue, rim, core)), b);
        Map<String, Roi> rois = readZip(b.toByteArray());
        assertEquals(Arrays.asList("tissue 1.roi", "rim 1.roi", "core 1.roi"), new ArrayList<>(rois.keySet()));

        Roi c = rois.get("core 1.roi");
        assertEquals("core 1", c.getName());
        assertEquals(Roi.POLYGON, c.getType());
        assertEquals(new Color(Outlines.NECROSIS_RGB), c.getStrokeColor());
        assertEquals(null, c.getFillColor(), "outlined, not filled");
        assertEquals(Outline.NECROSIS, c.getProperty("classification"));
        Rectangle bounds = c.getBounds();
        assertEquals((int) offset, bounds.x, "level-0 position kept beyond 16-bit coordinates");
        assertEquals(10 * scale * scale, maskedPixels(c, (int) offset, (int) offset, 4 * 16, 4 * 16), 0);

        Roi r = rois.get("rim 1.roi");
        assertTrue(r instanceof ShapeRoi, "a polygon with a hole is a composite ROI");
        assertEquals(16 * scale * scale, maskedPixels(r, (int) offset, (int) offset, 6 * 16, 4 * 16), 0, "the hole stays open");
        assertEquals(Outlines.RIM_RGB, r.getStrokeColor().getRGB() & 0xFFFFFF);

        Roi t = rois.get("tissue 1.roi");
        assertEquals(new Color(Outlines.TISSUE_RGB), t.getStrokeColor());
    }

    @Test
    void piecesOfOneCoreTouchingAtACornerAreOneCompositeRoi() throws IOException {
        boolean[] m = mask("#.", ".#");
        List<Outline> parts = new ArrayList<>();
        for (MaskTracer.Polygon p : MaskTracer.trace(m, 2, 2)) {
            List<double[]> rings = new ArrayList<>();
            for (int[] r : p.rings) {
                double[] d = new double[r.length];
                for (int i = 0; i < r.length; i++) d[i] = r[i] * 10;
                rings.add(d);
            }
            parts.add(new Outline("core 3", Outline.NECROSIS, rings));
        }
        assertEquals(2, parts.size());
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        RoiSetWriter.write(ResultWriter.roiEntries(parts), b);
        Map<String, Roi> rois = readZip(b.toByteArray());
        assertEquals(Arrays.asList("core 3.roi"), new ArrayList<>(rois.keySet()));
        assertEquals(200, maskedPixels(rois.get("core 3.roi"), 0, 0, 20, 20));
    }

    @Test
    void theProjectsOwnRoiReaderGetsTheAreasBack() throws IOException {
        Outline rim = traced("rim 2", Outline.RIM, mask(
                "#####",
                "#...#",
                "#####"), 5, 3, 8, 0);
        Path zip = dir.resolve("rois.zip");
        try (java.io.OutputStream o = Files.newOutputStream(zip)) {
            RoiSetWriter.write(ResultWriter.roiEntries(Arrays.asList(rim)), o);
        }
        UserRegions back = ImageJRoiRegions.read(zip, 1.0);
        assertEquals(1, back.polygons().size());
        assertTrue(!back.polygons().get(0).path().contains(12, 12), "inside the hole");
        assertTrue(back.polygons().get(0).path().contains(4, 4));
        List<double[]> rings = back.polygons().get(0).rings();
        assertEquals(2, rings.size());
        assertEquals(rim.areaPx(), Math.abs(MaskTracer.signedArea(rings.get(0))) - Math.abs(MaskTracer.signedArea(rings.get(1))), 1e-6);
    }

    @Test
    void entriesCarryAFixedTimeSoTheSameResultGivesTheSameBytes() throws IOException {
        Outline core = traced("core 1", Outline.NECROSIS, mask("##", "##"), 2, 2, 4, 0);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        RoiSetWriter.write(ResultWriter.roiEntries(Arrays.asList(core)), a);
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(a.toByteArray()))) {
            ZipEntry e = in.getNextEntry();
            assertEquals(RoiSetWriter.FIXED_TIME, e.getTime());
        }
    }
}
