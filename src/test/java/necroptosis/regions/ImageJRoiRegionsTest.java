package necroptosis.regions;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ij.gui.Line;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.io.RoiEncoder;
import necroptosis.slide.SlideException;

/** ROIs saved by ImageJ itself (RoiEncoder), read back in level-0 pixels. */
class ImageJRoiRegionsTest {
    @TempDir
    Path dir;

    @Test
    void readsARoiSetWithScaleNamesAndAHole() throws IOException {
        PolygonRoi triangle = new PolygonRoi(new float[] {10, 50, 10}, new float[] {10, 10, 40}, Roi.POLYGON);
        triangle.setName("Necrosis");
        // A 100 x 100 square with a 20 x 20 hole, as the ROI Manager's XOR makes it: a composite ROI.
        ShapeRoi ring = new ShapeRoi(new Roi(100, 100, 100, 100)).not(new ShapeRoi(new Roi(140, 140, 20, 20)));
        ring.setName("0001-0100-0100");
        Line line = new Line(0, 0, 30, 30);
        Path zip = dir.resolve("RoiSet.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            int i = 0;
            for (Roi r : new Roi[] {triangle, ring, line}) {
                z.putNextEntry(new ZipEntry("r" + (i++) + ".roi"));
                z.write(RoiEncoder.saveAsByteArray(r));
                z.closeEntry();
            }
        }
        UserRegions u = ImageJRoiRegions.read(zip, 4);
        List<UserRegions.Polygon> p = u.polygons();
        assertEquals(2, p.size(), "the line is skipped");
        assertEquals("Necrosis", p.get(0).classification);
        assertEquals(0.5 * 40 * 30 * 16, p.get(0).area(), 1e-6, "scaled by 4 in each direction");
        assertNull(p.get(1).classification, "a ROI Manager number is not a class");
        assertEquals(2, p.get(1).rings().size());
        assertEquals((100 * 100 - 20 * 20) * 16, p.get(1).area(), 1e-6);
        assertTrue(p.get(1).path().contains(4 * 110, 4 * 110));
        assertFalse(p.get(1).path().contains(4 * 150, 4 * 150), "inside the hole");
        assertFalse(p.get(1).path().contains(4 * 90, 4 * 150));
    }

    @Test
    void readsASingleRoiFile() throws IOException {
        Roi r = new Roi(5, 6, 7, 8);
        r.setName("Exclude");
        Path f = dir.resolve("one.roi");
        assertTrue(RoiEncoder.save(r, f.toString()));
        UserRegions u = ImageJRoiRegions.read(f, 1);
        assertEquals(1, u.polygons().size());
        assertEquals(UserRegions.Kind.EXCLUDE, u.polygons().get(0).kind());
        assertEquals(56, u.polygons().get(0).area(), 1e-9);
    }

    @Test
    void badFilesNameTheFile() throws IOException {
        Path junk = dir.resolve("junk.roi");
        Files.write(junk, new byte[200]);
        SlideException e = assertThrows(SlideException.class, () -> ImageJRoiRegions.read(junk, 1));
        assertTrue(e.getMessage().startsWith(junk + ": ") && e.getMessage().contains("not an ImageJ ROI"), e.getMessage());

        Path notZip = dir.resolve("bad.zip");
        Files.write(notZip, "hello".getBytes("UTF-8"));
        e = assertThrows(SlideException.class, () -> ImageJRoiRegions.read(notZip, 1));
        assertTrue(e.getMessage().startsWith(notZip + ": "), e.getMessage());

        Path onlyLine = dir.resolve("line.roi");
        assertTrue(RoiEncoder.save(new Line(0, 0, 3, 3), onlyLine.toString()));
        e = assertThrows(SlideException.class, () -> ImageJRoiRegions.read(onlyLine, 1));
        assertTrue(e.getMessage().contains("no area ROIs"), e.getMessage());

        assertThrows(SlideException.class, () -> ImageJRoiRegions.read(dir.resolve("missing.roi"), 1));
        assertThrows(SlideException.class, () -> ImageJRoiRegions.read(onlyLine, 0));
        try (OutputStream o = Files.newOutputStream(dir.resolve("empty.zip")); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.closeEntry();
        }
        e = assertThrows(SlideException.class, () -> ImageJRoiRegions.read(dir.resolve("empty.zip"), 1));
        assertTrue(e.getMessage().contains("no .roi files"), e.getMessage());
    }

    @Test
    @Timeout(30)
    void aRoiWhoseNameLengthIsDamagedIsRefusedNotAnOutOfMemoryError() throws IOException {
        // Found by fuzzing (ImageJRoiFuzz): RoiDecoder's bounds check of the name overflows and it allocates
        // a char array of the length in the file.
        Roi r = new Roi(5, 6, 7, 8);
        r.setName("Necrosis");
        byte[] b = RoiEncoder.saveAsByteArray(r);
        ByteBuffer bb = ByteBuffer.wrap(b);
        int header2 = bb.getInt(60);
        for (int length : new int[] {0x7FFFFFFF, 0x40000000, -5}) {
            bb.putInt(header2 + 20, length);
            Path f = Files.write(dir.resolve("damaged.roi"), b);
            SlideException e = assertThrows(SlideException.class, () -> ImageJRoiRegions.read(f, 1));
            assertEquals(f + ": damaged.roi: damaged ROI (its name lies past the end of its " + b.length + " bytes)", e.getMessage());
        }
    }

    @Test
    void aRoiWithACoordinateThatIsNotFiniteNamesTheFile() throws IOException {
        // Found by fuzzing (ImageJRoiFuzz): the regions' own check of the coordinates escaped as an IllegalArgumentException.
        Roi r = new PolygonRoi(new float[] {0.5f, 40.5f, 20.25f}, new float[] {0.5f, 2.5f, 30.75f}, 3, Roi.POLYGON);
        byte[] b = RoiEncoder.saveAsByteArray(r);
        // Sub-pixel coordinates follow the header (64 bytes) and the integer ones (3 x and 3 y shorts).
        ByteBuffer.wrap(b).putFloat(64 + 12, Float.NaN);
        Path f = Files.write(dir.resolve("nan.roi"), b);
        SlideException e = assertThrows(SlideException.class, () -> ImageJRoiRegions.read(f, 1));
        assertEquals(f + ": nan.roi: polygon coordinate is not a finite number", e.getMessage());
    }

    @Test
    void aZipWhoseEndRecordPointsPastTheFileIsADamagedZip() throws IOException {
        // Found by fuzzing (ImageJRoiFuzz, the file kept in test resources): ZipFile threw an EOFException,
        // which left the reader as a bare IOException without the file's name.
        Path f = dir.resolve("RoiSet.zip");
        try (java.io.InputStream in = getClass().getResourceAsStream("roiset-end-past-the-file.zip")) {
            Files.copy(in, f);
        }
        SlideException e = assertThrows(SlideException.class, () -> ImageJRoiRegions.read(f, 1));
        assertTrue(e.getMessage().startsWith(f + ": not a ROI set zip: damaged or not a zip file (file ends early"), e.getMessage());
    }

    @Test
    void aDamagedZipIsCalledDamagedNotEmpty() throws IOException {
        Path roi = dir.resolve("a.roi");
        assertTrue(RoiEncoder.save(new ij.gui.Roi(1, 2, 30, 40), roi.toString()));
        byte[] one = Files.readAllBytes(roi);
        Path good = dir.resolve("RoiSet.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(good))) {
            for (int i = 0; i < 20; i++) {
                z.putNextEntry(new ZipEntry(i + ".roi"));
                z.write(one);
                z.closeEntry();
            }
        }
        byte[] zip = Files.readAllBytes(good);
        assertEquals(20, ImageJRoiRegions.read(good, 1).polygons().size());

        Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(zip, zip.length / 2));
        SlideException e = assertThrows(SlideException.class, () -> ImageJRoiRegions.read(truncated, 1));
        assertTrue(e.getMessage().startsWith(truncated + ": not a ROI set zip: damaged or not a zip file ("), e.getMessage());

        Path text = Files.write(dir.resolve("text.zip"), "hello".getBytes("UTF-8"));
        e = assertThrows(SlideException.class, () -> ImageJRoiRegions.read(text, 1));
        assertTrue(e.getMessage().startsWith(text + ": not a ROI set zip: damaged or not a zip file ("), e.getMessage());

        // Deflated data overwritten in the middle, the directory intact.
        byte[] corrupt = zip.clone();
        for (int i = 60; i < 400; i++) corrupt[i] = (byte) (i * 37);
        Path bad = Files.write(dir.resolve("corrupt.zip"), corrupt);
        e = assertThrows(SlideException.class, () -> ImageJRoiRegions.read(bad, 1));
        assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("no .roi files"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
