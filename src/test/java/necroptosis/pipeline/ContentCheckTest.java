package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.pipeline.ContentCheck.Verdict;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * Images that are not stained sections (all black, noise, greyscale, smaller than one block) are told apart
 * from stained tissue, so the summary can say so instead of reporting their scores as a result.
 */
class ContentCheckTest {
    @TempDir
    Path dir;

    private static SlideResult analyse(Path image) throws Exception {
        try (SlideSource s = SlideSources.open(image, OpenOptions.DEFAULT.withPixelSize(0.5))) {
            return new SlideAnalysis(AnalysisSettings.builder().threads(1).build(), ProgressListener.NONE).run(s);
        }
    }

    private static void assertVerdict(Verdict expected, String noteMentions, SlideResult r) {
        assertEquals(expected, r.content.verdict, String.valueOf(r.content.note));
        assertEquals(expected.status, r.content.status());
        assertTrue(r.content.note.contains(noteMentions), r.content.note);
        assertTrue(!r.content.note.contains("\n"), r.content.note);
    }

    @Test
    void stainedTissueIsAStainedSection() throws Exception {
        SlideResult r = analyse(EdgeSlides.paleTissue(dir.resolve("pale.png"), 512, 512, 64, 0.12, 12, 0.3, 40, 4));
        assertEquals(Verdict.STAINED_SECTION, r.content.verdict, r.content.note);
        assertNull(r.content.note);
        assertNull(r.content.status());
    }

    @Test
    void glassOnlyIsLeftToTheNoTissueStatus() throws Exception {
        SlideResult r = analyse(EdgeSlides.glass(dir.resolve("glass.png"), 256, 256, 3, 1));
        assertEquals(Verdict.STAINED_SECTION, r.content.verdict, r.content.note);
    }

    @Test
    void allBlackImageIsNotAStainedSection() throws Exception {
        int[] rgb = new int[400 * 400];
        Arrays.fill(rgb, 0xFF000000);
        assertVerdict(Verdict.NOT_A_STAINED_SECTION, "black", analyse(EdgeSlides.png(dir.resolve("black.png"), 400, 400, rgb)));
    }

    @Test
    void rgbNoiseIsNotAStainedSection() throws Exception {
        Random random = new Random(7);
        int[] rgb = new int[400 * 400];
        for (int i = 0; i < rgb.length; i++) rgb[i] = 0xFF000000 | random.nextInt(1 << 24);
        assertVerdict(Verdict.NOT_A_STAINED_SECTION, "noise", analyse(EdgeSlides.png(dir.resolve("noise.png"), 400, 400, rgb)));
    }

    @Test
    void singleChannelGreyscaleSectionIsNotAStainedSection() throws Exception {
        // Stained tissue saved as one grey channel: structure is there, the colour that separates the stains is not.
        Path colour = EdgeSlides.paleTissue(dir.resolve("colour.png"), 512, 512, 64, 0.3, 12, 0.8, 40, 4);
        BufferedImage src = ImageIO.read(colour.toFile());
        BufferedImage grey = new BufferedImage(512, 512, BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(src, 0, 0, null);
        Path file = dir.resolve("grey.png");
        ImageIO.write(grey, "png", file.toFile());
        assertVerdict(Verdict.NOT_A_STAINED_SECTION, "greyscale", analyse(file));
    }

    @Test
    void imagesSmallerThanOneBlockAreTooSmall() throws Exception {
        int[] one = {0xFF884422};
        assertVerdict(Verdict.TOO_SMALL, "1x1 pixels", analyse(EdgeSlides.png(dir.resolve("1x1.png"), 1, 1, one)));
        int[] ten = new int[100];
        Arrays.fill(ten, 0xFFB07050);
        assertVerdict(Verdict.TOO_SMALL, "smaller than one", analyse(EdgeSlides.png(dir.resolve("10x10.png"), 10, 10, ten)));
        // A strip narrower than a block is too small in that direction too.
        int[] strip = new int[2000 * 10];
        Arrays.fill(strip, 0xFFB07050);
        assertVerdict(Verdict.TOO_SMALL, "2000x10 pixels", analyse(EdgeSlides.png(dir.resolve("strip.png"), 2000, 10, strip)));
    }

    // ---- the tests alone, on pixel arrays -------------------------------------------------------------

    private static byte[] allTissue(int n) {
        byte[] t = new byte[n];
        Arrays.fill(t, (byte) 1);
        return t;
    }

    @Test
    void aFewBlackPixelsInStainedTissueAreFine() {
        // Pen marks, pigment or a black border are part of real slides; only an image that is almost all black is refused.
        int w = 100, h = 100;
        int[] rgb = stainedPixels(w, h);
        for (int i = 0; i < rgb.length * 7 / 10; i++) rgb[i] = 0xFF000000;
        assertEquals(Verdict.STAINED_SECTION, ContentCheck.ofPixels(rgb, w, h, allTissue(rgb.length)).verdict);
    }

    @Test
    void glassAroundTheTissueDoesNotCount() {
        // Black "tissue" surrounded by much white glass is still black where the tissue is.
        int w = 100, h = 100;
        int[] rgb = new int[w * h];
        byte[] tissue = new byte[w * h];
        Arrays.fill(rgb, 0xFFF0F0F0);
        for (int y = 40; y < 60; y++) {
            for (int x = 40; x < 60; x++) {
                rgb[y * w + x] = 0xFF000000;
                tissue[y * w + x] = 1;
            }
        }
        assertEquals(Verdict.NOT_A_STAINED_SECTION, ContentCheck.ofPixels(rgb, w, h, tissue).verdict);
    }

    @Test
    void neighbourCorrelationSeparatesStructureFromNoise() {
        int w = 100, h = 100;
        assertTrue(ContentCheck.neighbourCorrelation(stainedPixels(w, h), w, h, allTissue(w * h)) > 0.5);
        Random random = new Random(3);
        int[] noise = new int[w * h];
        for (int i = 0; i < noise.length; i++) noise[i] = random.nextInt(1 << 24);
        assertTrue(Math.abs(ContentCheck.neighbourCorrelation(noise, w, h, allTissue(w * h))) < 0.1);
        int[] flat = new int[w * h];
        Arrays.fill(flat, 0xFFB07050);
        assertEquals(1.0, ContentCheck.neighbourCorrelation(flat, w, h, allTissue(w * h)), "a flat colour is not noise");
    }

    /** Pink tissue with bluish blobs 10 pixels across, as haematoxylin nuclei look in eosin. */
    private static int[] stainedPixels(int w, int h) {
        int[] rgb = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean nucleus = ((x / 10) + (y / 10)) % 3 == 0;
                rgb[y * w + x] = nucleus ? 0xFF5A4C96 : 0xFFE0A0C0;
            }
        }
        return rgb;
    }
}
