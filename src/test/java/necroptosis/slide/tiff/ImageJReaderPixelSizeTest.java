package necroptosis.slide.tiff;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.io.FileInfo;
import necroptosis.slide.ImageJSlideSource;
import necroptosis.slide.PixelSize;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;

/**
 * ImageJ reads a pixel size only from its own calibration tags: for a TIFF whose size is in metadata ImageJ
 * ignores, the ImageJ reader says how much the file gives and where, instead of "no pixel size in the file".
 */
class ImageJReaderPixelSizeTest {
    @TempDir
    Path dir;

    static final String SVS = "Aperio Image Library v12.0.5\r\n128x96 [0,0 128x96] (64x64) JPEG/RGB Q=70|AppMag = 20|MPP = 0.4990|Filename = x";

    private Path write(String name, TestTiffWriter.Image image) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, TestTiffWriter.write(image));
        return f;
    }

    private static TestTiffWriter.Image image() {
        return new TestTiffWriter.Image(128, 96, TestTiffWriter.picture(128, 96, 5)).tiled(64, 64);
    }

    private static PixelSize openedByImageJ(Path file) throws SlideException {
        try (SlideSource s = ImageJSlideSource.open(file)) {
            assertEquals(128, s.levels().get(0).width(), "ImageJ opened the image");
            return s.pixelSize();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anSvsMppThatImageJIgnoresIsNamedWithItsValue() throws IOException {
        Path svs = write("s.svs", image().description(SVS));
        PixelSize px = openedByImageJ(svs);
        assertFalse(px.isKnown());
        assertTrue(px.isInFileUnread());
        assertEquals("the file gives 0.499 \u00b5m/px in its Aperio description (MPP), which the ImageJ reader does not read", px.source());
        try (SlideSource tiff = TiffSlideSource.open(svs)) {
            assertEquals(0.499, tiff.pixelSize().micrometers(), 1e-12, "the reader the message points to reads it");
        }
    }

    @Test
    void anOmeXmlPhysicalSizeThatImageJIgnoresIsNamed() throws IOException {
        String ome = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
                + "<Image ID=\"Image:0\"><Pixels DimensionOrder=\"XYCZT\" ID=\"Pixels:0\" PhysicalSizeX=\"325\" PhysicalSizeXUnit=\"nm\""
                + " SizeC=\"3\" SizeT=\"1\" SizeX=\"128\" SizeY=\"96\" SizeZ=\"1\" Type=\"uint8\"></Pixels></Image></OME>";
        PixelSize px = openedByImageJ(write("o.ome.tif", image().description(ome)));
        assertTrue(px.isInFileUnread());
        assertTrue(px.source().startsWith("the file gives 0.325 \u00b5m/px in its OME-XML (PhysicalSizeX)"), px.source());
    }

    @Test
    void resolutionTagsInCmOrInchAreReadByImageJInTiffsItParsesAndNamedInOthers() throws IOException {
        for (int unit : new int[] {2, 3}) {
            double perUnit = unit == 3 ? 40000 : 101600; // 0.25 µm/px either way
            TestTiffWriter.Image stripped = new TestTiffWriter.Image(128, 96, TestTiffWriter.picture(128, 96, 5)).strips(16);
            PixelSize px = openedByImageJ(write("r" + unit + ".tif", stripped.resolution(perUnit, unit)));
            assertEquals(0.25, px.micrometers(), 1e-9, "unit " + unit);
            assertEquals("imagej calibration", px.source());
            // ImageJ's TIFF decoder does not parse tiled TIFFs (ImageIO decodes their pixels).
            px = openedByImageJ(write("t" + unit + ".tif", image().resolution(perUnit, unit)));
            assertTrue(px.isInFileUnread());
            assertEquals("the file gives 0.25 \u00b5m/px in its TIFF resolution tags (XResolution in pixels per cm or inch),"
                    + " which the ImageJ reader does not read", px.source());
        }
    }

    /** From Java 9 ImageIO decodes TIFF, without ImageJ's calibration; the reader still gives ImageJ's. */
    @Test
    void aTiffSavedByImageJKeepsItsCalibration() throws IOException {
        ImagePlus imp = new ImagePlus("cal", new ij.process.ColorProcessor(128, 96));
        imp.getCalibration().pixelWidth = imp.getCalibration().pixelHeight = 0.5;
        imp.getCalibration().setUnit("micron");
        Path f = dir.resolve("cal.tif");
        assertTrue(new ij.io.FileSaver(imp).saveAsTiff(f.toString()));
        PixelSize px = openedByImageJ(f);
        assertEquals(0.5, px.micrometers(), 1e-12);
        assertEquals("imagej calibration", px.source());
    }

    @Test
    void aTiffWithoutAnyPixelSizeStillSaysSo() throws IOException {
        PixelSize px = openedByImageJ(write("n.tif", image().resolution(300, 1)));
        assertFalse(px.isKnown());
        assertFalse(px.isInFileUnread());
        assertEquals("no pixel size in the file", px.source());
    }

    @Test
    void theOpenImageWithoutCalibrationNamesWhatItsFileGives() throws IOException {
        Path svs = write("s.svs", image().description(SVS));
        // As an image opened from the file (by any opener) whose calibration was not set.
        ImagePlus imp = new ImagePlus("s.svs", ImageIO.read(svs.toFile()));
        FileInfo fi = new FileInfo();
        fi.directory = dir.toString();
        fi.fileName = "s.svs";
        imp.setFileInfo(fi);
        PixelSize px = ImageJSlideSource.of(imp, null).pixelSize();
        assertTrue(px.isInFileUnread());
        assertEquals("the image has no calibration, though its file gives 0.499 \u00b5m/px in its Aperio description (MPP)", px.source());
        assertEquals(0.3, ImageJSlideSource.of(imp, 0.3).pixelSize().micrometers(), 0, "a size given by the user is used as it is");
    }
}
