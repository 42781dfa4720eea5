package necroptosis.slide;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.TestImages;

/** Opening files: reader choice, the user's pixel size, and one clear line for every kind of bad input. */
class SlideSourcesTest {
    @TempDir
    Path dir;

    @Test
    void plainPngOpensWithImageJAndReturnsItsPixels() throws Exception {
        Path png = TestImages.writePng(dir.resolve("a.png"), 37, 21, 1);
        BufferedImage ref = ImageIO.read(png.toFile());
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT.withReader(OpenOptions.Reader.IMAGEJ))) {
            assertEquals("imagej", s.readerName());
            assertEquals(1, s.levels().size());
            assertEquals(37, s.levels().get(0).width());
            assertFalse(s.pixelSize().isKnown());
            int[] px = s.readRegion(0, 5, 3, 10, 7);
            for (int y = 0; y < 7; y++) for (int x = 0; x < 10; x++) {
                assertEquals(ref.getRGB(5 + x, 3 + y), px[y * 10 + x], "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void autoPrefersBioFormatsForEveryImageAndOtherwiseTheBuiltInReaders() {
        for (SlideSources.Format f : new SlideSources.Format[] {
                SlideSources.Format.TIFF, SlideSources.Format.PLAIN_IMAGE, SlideSources.Format.UNKNOWN_BINARY}) {
            assertEquals(OpenOptions.Reader.BIOFORMATS, SlideSources.autoReader(f, true), f.name());
        }
        assertNull(SlideSources.autoReader(SlideSources.Format.UNKNOWN_TEXT, true));
        assertEquals(OpenOptions.Reader.TIFF, SlideSources.autoReader(SlideSources.Format.TIFF, false));
        assertEquals(OpenOptions.Reader.IMAGEJ, SlideSources.autoReader(SlideSources.Format.PLAIN_IMAGE, false));
        assertNull(SlideSources.autoReader(SlideSources.Format.UNKNOWN_BINARY, false));
        assertNull(SlideSources.autoReader(SlideSources.Format.UNKNOWN_TEXT, false));
    }

    @Test
    void pixelSizeOverrideReplacesMetadata() throws Exception {
        Path png = TestImages.writePng(dir.resolve("b.png"), 8, 8, 2);
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT.withPixelSize(0.25))) {
            assertEquals(0.25, s.pixelSize().micrometers(), 0);
            assertEquals("override", s.pixelSize().source());
        }
        assertThrows(IllegalArgumentException.class, () -> OpenOptions.DEFAULT.withPixelSize(-1.0));
    }

    @Test
    void implausiblePixelSizeIsUnknownNotUsed() {
        PixelSize p = PixelSize.fromMetadata(1000, "tiff resolution tags");
        assertFalse(p.isKnown());
        assertTrue(p.source().contains("1000"), p.source());
        assertThrows(IllegalStateException.class, p::micrometers);
        assertEquals(0.499, PixelSize.fromMetadata(0.499, "svs MPP").micrometers(), 0);
    }

    private static String failure(Path file) {
        SlideException e = assertThrows(SlideException.class, () -> SlideSources.open(file).close());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.reason();
    }

    @Test
    void missingFileIsNamed() {
        assertEquals("no such file", failure(dir.resolve("nope.svs")));
    }

    @Test
    void folderIsRefused() {
        assertTrue(failure(dir).contains("folder"));
    }

    @Test
    void emptyFileIsRefused() throws Exception {
        assertTrue(failure(Files.createFile(dir.resolve("empty.tif"))).contains("empty"));
    }

    @Test
    void aFewBytesAreTooSmallNotText() throws Exception {
        assertEquals("is only 1 byte, too small to be an image", failure(Files.write(dir.resolve("one.svs"), new byte[] {'a'})));
        assertEquals("is only 7 bytes, too small to be an image", failure(Files.write(dir.resolve("seven.tif"), "II*\0abc".getBytes())));
    }

    @Test
    void linksThatLeadNowhereSayWhy() throws Exception {
        Path a = dir.resolve("a.svs"), b = dir.resolve("b.svs");
        try {
            Files.createSymbolicLink(a, b);
            Files.createSymbolicLink(b, a);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no symbolic links here: " + e);
        }
        assertTrue(failure(a).startsWith("is a symbolic link loop ("), failure(a));
        Path dangling = Files.createSymbolicLink(dir.resolve("c.svs"), dir.resolve("gone.svs"));
        assertEquals("is a symbolic link to a missing file (" + dir.resolve("gone.svs") + ")", failure(dangling));
    }

    @Test
    void pipesAndDevicesAreNotCalledEmpty() throws Exception {
        Path zero = java.nio.file.Paths.get("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero");
        assertEquals("is a named pipe, device or socket, not a slide file", failure(zero));
        Path fifo = dir.resolve("fifo.svs");
        try {
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
            p.waitFor();
        } catch (java.io.IOException e) {
            return; // no mkfifo: the device above covers the check
        }
        if (Files.exists(fifo)) assertEquals("is a named pipe, device or socket, not a slide file", failure(fifo));
    }

    @Test
    void textFileIsRefusedAsNotAnImage() throws Exception {
        Path txt = Files.write(dir.resolve("notes.svs"), "hello, this is not a slide\n".getBytes());
        assertTrue(failure(txt).contains("not a supported image"));
    }

    @Test
    void truncatedPngIsRefused() throws Exception {
        Path png = TestImages.writePng(dir.resolve("c.png"), 300, 300, 3);
        byte[] all = Files.readAllBytes(png);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(all, all.length / 3));
        assertFalse(failure(cut).isEmpty());
    }

    @Test
    void regionOutsideTheLevelNamesTheFileAndLevel() throws Exception {
        Path png = TestImages.writePng(dir.resolve("d.png"), 16, 16, 4);
        try (SlideSource s = SlideSources.open(png)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.readRegion(0, 10, 10, 10, 10));
            assertTrue(e.getMessage().contains("outside level 0"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> s.readRegion(1, 0, 0, 1, 1));
        }
    }

    @Test
    void everyRealImageOpensWithTheBuiltInReaders() throws Exception {
        Path root = TestImages.realImages();
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            // Label maps (16-bit instance ids, class values) are annotations, not images anyone scores.
            files = all.filter(p -> p.toString().matches(".*\\.(png|tif|tiff|svs)$")
                    && !p.getParent().getFileName().toString().startsWith("labels"))
                    .sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() >= 20, "real images found: " + files.size());
        for (Path f : files) {
            OpenOptions.Reader builtIn = f.toString().endsWith(".png") ? OpenOptions.Reader.IMAGEJ : OpenOptions.Reader.TIFF;
            try (SlideSource s = SlideSources.open(f, OpenOptions.DEFAULT.withReader(builtIn))) {
                Level l0 = s.levels().get(0);
                int w = (int) Math.min(64, l0.width()), h = (int) Math.min(64, l0.height());
                int[] px = s.readRegion(0, (int) (l0.width() - w), (int) (l0.height() - h), w, h);
                assertEquals(w * h, px.length, f.toString());
                if (f.toString().endsWith(".png")) {
                    BufferedImage ref = ImageIO.read(f.toFile());
                    assertEquals(ref.getWidth(), l0.width(), f.toString());
                    assertEquals(ref.getRGB(ref.getWidth() - 1, ref.getHeight() - 1) | 0xFF000000, px[px.length - 1], f.toString());
                }
            }
        }
    }
}
