package necroptosis.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/** A slide's output folder is always one plain folder directly inside the output folder, whatever the slide is called. */
class SafeNameTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"my slide.svs", "CASE 12 (HE) #3.ndpi", "..", ".", "...", "..svs", ".svs", "x/..", "../../etc/passwd",
        "../../../tmp/evil.svs", "a/b/../../c.tif", "/abs/path/x.svs", "/", "", " ", "  .  ", "C:\\slides\\..\\..\\x.svs",
        "..\\..\\x.svs", "Gewebe äöü ß.mrxs", "\u65e5\u672c\u8a9e.svs", "\u0130\u0131.tif", "e\u0301.scn", "\ud83d\udd2c.svs",
        "tab\tnew\nline.svs", "a:b*c?d\"e<f>g|h.tif", "-rf.svs", "~/x.svs", "$HOME.svs", "CON.svs", "x.ome.tiff", "x.OME.TIF"})
    void neverEscapesTheOutputFolder(String slidePath) {
        String name = ResultWriter.safeName(slidePath);
        assertFalse(name.isEmpty(), "empty folder name for '" + slidePath + "'");
        assertFalse(name.equals(".") || name.equals(".."), name);
        assertFalse(name.contains("/") || name.contains("\\") || name.contains(File.separator), name);
        assertTrue(name.matches("[A-Za-z0-9._-]+"), "portable characters only: '" + name + "'");
        Path out = dir.resolve("out");
        Path folder = out.resolve(name).normalize();
        assertTrue(folder.startsWith(out), slidePath + " -> " + folder);
        assertEquals(out, folder.getParent(), slidePath + " -> " + folder + " is not directly inside " + out);
    }

    @Test
    void keepsTheFileNameWithoutItsExtension() {
        // README: results/CASE-12/ beside CASE-12.svs, and OME-TIFF's double extension goes as a whole.
        assertEquals("CASE-12", ResultWriter.safeName("/data/slides/CASE-12.svs"));
        assertEquals("CASE-12", ResultWriter.safeName("CASE-12.ome.tif"));
        assertEquals("synthetic-2048-0.25um", ResultWriter.safeName("test-images/synthetic-2048-0.25um.tif"));
        assertEquals("my_slide", ResultWriter.safeName("my slide.svs"));
    }

    @Test
    void anEmptyOrDotOnlyNameStillGetsAFolder() {
        for (String p : new String[] {"", "/", "..", ".svs"}) {
            String name = ResultWriter.safeName(p);
            assertTrue(name.startsWith("slide"), p + " -> " + name);
        }
    }

    @Test
    void aSlideWithSpacesAndUnicodeInItsNameIsWrittenInsideTheOutputFolder() throws Exception {
        Path png = dir.resolve("Gewebe \u00e4\u00f6 \u65e5\u672c (1).png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) for (int x = 0; x < 32; x++) img.setRGB(x, y, 0xF0F0F0);
        assertTrue(ImageIO.write(img, "png", png.toFile()));
        Path out = dir.resolve("results");
        Path written;
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT.withPixelSize(0.5))) {
            written = ResultWriter.write(new SlideAnalysis(AnalysisSettings.builder().threads(1).build(), ProgressListener.NONE).run(s), out);
        }
        assertEquals(out, written.getParent());
        assertTrue(Files.isRegularFile(written.resolve("summary.json")));
        try (Stream<Path> all = Files.walk(dir)) {
            // Nothing but the input and the one result folder: no stray files beside the output folder.
            assertEquals(0, all.filter(p -> !p.startsWith(out) && !p.equals(dir) && !p.equals(png)).count());
        }
    }

    @Test
    void safeNameOfAPathAndOfItsFileNameAgree() {
        for (String p : new String[] {"/a/b/c d.svs", "rel/x.y.tif", "z.ndpi"}) {
            assertEquals(ResultWriter.safeName(Paths.get(p).getFileName().toString()), ResultWriter.safeName(p), p);
        }
    }
}
