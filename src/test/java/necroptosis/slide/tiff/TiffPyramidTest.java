package necroptosis.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.slide.PixelSize;
import necroptosis.slide.SlideSource;

/** Pyramid layouts (SubIFD, generic reduced IFDs, Aperio SVS) and pixel-size metadata, on synthetic files. */
class TiffPyramidTest {
    @TempDir
    Path dir;

    static final int W = 512;
    static final int H = 384;
    static final int[] L0 = TestTiffWriter.picture(W, H, 3);

    private static TestTiffWriter.Image level(int f) {
        return new TestTiffWriter.Image(W / f, H / f, TestTiffWriter.reduce(L0, W, H, f)).tiled(64, 64).compression(5);
    }

    private Path write(boolean big, TestTiffWriter.Image... chain) throws IOException {
        Path f = dir.resolve("p.tif");
        Files.write(f, new TestTiffWriter(big, ByteOrder.LITTLE_ENDIAN).build(chain));
        return f;
    }

    private static void assertLevel(SlideSource s, int level, int f) throws IOException {
        assertEquals(W / f, s.levels().get(level).width());
        assertEquals(H / f, s.levels().get(level).height());
        assertEquals((double) W / (W / f), s.levels().get(level).downsample(), 1e-9);
        int[] expected = TestTiffWriter.reduce(L0, W, H, f);
        assertArrayEquals(expected, s.readRegion(level, 0, 0, W / f, H / f), "pixels of level " + level);
    }

    @Test
    void subIfdPyramidGivesTheSubIfdsAsLevels() throws IOException {
        for (boolean big : new boolean[] {false, true}) {
            TestTiffWriter.Image base = level(1).sub(level(2)).sub(level(4)).sub(level(8));
            // A second plane in the main chain (as multi-channel OME-TIFF has) is not a level.
            TestTiffWriter.Image otherPlane = level(1);
            try (TiffSlideSource s = TiffSlideSource.open(write(big, base, otherPlane))) {
                assertEquals(4, s.levels().size());
                for (int l = 0; l < 4; l++) assertLevel(s, l, 1 << l);
                assertEquals("IFD 0 SubIFD 1", s.levelSource(2), "SubIFDs are numbered from 0");
            }
        }
    }

    @Test
    void genericPyramidUsesReducedResolutionIfdsAndSkipsMasksAndAssociatedImages() throws IOException {
        TestTiffWriter.Image mask = new TestTiffWriter.Image(W / 2, H / 2, TestTiffWriter.reduce(L0, W, H, 2)).subfileType(4 | 1).strips(16);
        TestTiffWriter.Image label = new TestTiffWriter.Image(100, 100, TestTiffWriter.picture(100, 100, 9)).subfileType(1).description("label");
        TestTiffWriter.Image otherShape = new TestTiffWriter.Image(W / 4, W / 4, TestTiffWriter.picture(W / 4, W / 4, 9)).subfileType(1).strips(8);
        TestTiffWriter.Image stripped4 = new TestTiffWriter.Image(W / 4, H / 4, TestTiffWriter.reduce(L0, W, H, 4)).subfileType(1).strips(7).compression(8);
        try (TiffSlideSource s = TiffSlideSource.open(write(false,
                level(1), mask, level(2).subfileType(1), label, otherShape, stripped4))) {
            assertEquals(3, s.levels().size());
            assertLevel(s, 0, 1);
            assertLevel(s, 1, 2);
            assertLevel(s, 2, 4);
            assertEquals("IFD 5", s.levelSource(2));
        }
    }

    @Test
    void omeTiffMainChainIfdsAreOtherSeriesNotLevels() throws IOException {
        // A second series at half size (e.g. an overview) must not become level 1 without SubIFDs.
        try (TiffSlideSource s = TiffSlideSource.open(write(false,
                level(1).description(ome("PhysicalSizeX=\"0.5\"")), level(2)))) {
            assertEquals(1, s.levels().size());
            assertEquals(0.5, s.pixelSize().micrometers(), 1e-12);
        }
    }

    @Test
    void svsLayoutSkipsThumbnailLabelAndMacro() throws IOException {
        String desc = "Aperio Image Library v12.0.5\r\n512x384 [0,0 512x384] (64x64) JPEG/RGB Q=70|AppMag = 20|MPP = 0.2520|Filename = x";
        TestTiffWriter.Image thumb = new TestTiffWriter.Image(128, 96, TestTiffWriter.reduce(L0, W, H, 4)).description("Aperio Image Library v12.0.5\r\n512x384 -> 128x96");
        TestTiffWriter.Image label = new TestTiffWriter.Image(60, 45, TestTiffWriter.picture(60, 45, 1)).subfileType(1).description("Aperio Image Library v12.0.5\r\nlabel 60x45");
        TestTiffWriter.Image macro = new TestTiffWriter.Image(200, 80, TestTiffWriter.picture(200, 80, 1)).subfileType(9).description("Aperio Image Library v12.0.5\r\nmacro 200x80");
        try (TiffSlideSource s = TiffSlideSource.open(write(false,
                level(1).description(desc), thumb, level(2).description(desc), level(4).description(desc), label, macro))) {
            assertEquals(3, s.levels().size());
            assertLevel(s, 1, 2);
            assertLevel(s, 2, 4);
            assertEquals(0.252, s.pixelSize().micrometers(), 1e-9);
            assertEquals("svs MPP", s.pixelSize().source());
        }
    }

    private PixelSize pixelSizeOf(TestTiffWriter.Image image) throws IOException {
        try (SlideSource s = TiffSlideSource.open(write(false, image))) {
            return s.pixelSize();
        }
    }

    private static String ome(String pixelsAttributes) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
                + "<Image ID=\"Image:0\"><Pixels DimensionOrder=\"XYCZT\" ID=\"Pixels:0\" " + pixelsAttributes
                + " SizeC=\"3\" SizeT=\"1\" SizeX=\"512\" SizeY=\"384\" SizeZ=\"1\" Type=\"uint8\"></Pixels></Image></OME>";
    }

    @Test
    void pixelSizeFromOmeXmlConvertsUnits() throws IOException {
        PixelSize um = pixelSizeOf(level(1).description(ome("PhysicalSizeX=\"0.5\" PhysicalSizeXUnit=\"\u00b5m\"")).resolution(10, 3));
        assertEquals(0.5, um.micrometers(), 1e-12);
        assertEquals("ome-xml PhysicalSizeX", um.source());
        assertEquals(0.25, pixelSizeOf(level(1).description(ome("PhysicalSizeX=\"0.25\""))).micrometers(), 1e-12, "default unit is µm");
        assertEquals(0.325, pixelSizeOf(level(1).description(ome("PhysicalSizeX=\"325\" PhysicalSizeXUnit=\"nm\""))).micrometers(), 1e-9);
        assertEquals(0.75, pixelSizeOf(level(1).description(ome("PhysicalSizeX=\"0.00075\" PhysicalSizeXUnit=\"mm\""))).micrometers(), 1e-9);
    }

    @Test
    void pixelSizeFromResolutionTagsInCmAndInch() throws IOException {
        PixelSize cm = pixelSizeOf(level(1).resolution(40000, 3));
        assertEquals(0.25, cm.micrometers(), 1e-9);
        assertEquals("tiff resolution tags", cm.source());
        assertEquals(0.5, pixelSizeOf(level(1).resolution(50800, 2)).micrometers(), 1e-9);
    }

    @Test
    void implausibleOrMissingPixelSizeIsUnknown() throws IOException {
        PixelSize placeholder = pixelSizeOf(level(1).resolution(10, 3)); // 1000 µm/px, as BRACS says
        assertFalse(placeholder.isKnown());
        assertTrue(placeholder.source().contains("tiff resolution tags"), placeholder.source());
        assertFalse(pixelSizeOf(level(1).resolution(300, 1)).isKnown(), "ResolutionUnit none has no physical size");
        assertFalse(pixelSizeOf(level(1)).isKnown());
    }
}
