package necroptosis.accuracy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;
import necroptosis.report.ResultWriter;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.synth.SyntheticSlideGenerator;
import necroptosis.synth.SyntheticSlideSettings;

/**
 * Issue 3's accuracy targets on synthetic slides the pipeline was not tuned on (the lead tuned on seeds
 * 11-13 only). Seeds and settings are fixed so CI is reproducible, but they vary size, pixel size, core
 * count and radius, MLKL fractions and lymphocyte densities within the generator's plausible range.
 * Each slide is generated and analysed once (default settings) and shared by the per-target tests, so a
 * missed target shows up as its own failing test with the numbers in the message.
 */
class SyntheticAccuracyTest {
    static final double MIN_DICE = 0.85;
    static final double MAX_AREA_ERROR = 0.10;
    static final double MAX_MLKL_POINTS = 0.03;
    static final double MIN_F1 = 0.8;
    static final double MAX_IMMUNE_ERROR = 0.15;

    @TempDir
    static Path dir;

    /** One slide the pipeline has never seen. */
    static final class Case {
        final String name;
        final SyntheticSlideSettings settings;

        Case(String name, SyntheticSlideSettings settings) {
            this.name = name;
            this.settings = settings;
        }

        @Override
        public String toString() { return name; }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("seed 1001, 4096x3584 @0.5, 1 core r300", SyntheticSlideSettings.builder()
                        .seed(1001).size(4096, 3584).pixelSizeUm(0.5).cores(1).coreRadiusUm(300)
                        .mlklRim(0.55).mlklViable(0.08).mlklCore(0.25)
                        .lymphRim(1800).lymphViable(250).lymphStroma(1000).lymphCore(120).build()),
                new Case("seed 2002, 5000x4000 @0.5, 2 cores r220", SyntheticSlideSettings.builder()
                        .seed(2002).size(5000, 4000).pixelSizeUm(0.5).cores(2).coreRadiusUm(220)
                        .mlklRim(0.35).mlklViable(0.03).mlklCore(0.40)
                        .lymphRim(1200).lymphViable(400).lymphStroma(1500).lymphCore(200).build()),
                new Case("seed 3003, 4500x4500 @0.5, 3 cores r150", SyntheticSlideSettings.builder()
                        .seed(3003).size(4500, 4500).pixelSizeUm(0.5).cores(3).coreRadiusUm(150)
                        .mlklRim(0.60).mlklViable(0.10).mlklCore(0.20)
                        .lymphRim(2000).lymphViable(350).lymphStroma(900).lymphCore(100).build()),
                new Case("seed 4004, 4800x4800 @0.25, 1 core r180", SyntheticSlideSettings.builder()
                        .seed(4004).size(4800, 4800).pixelSizeUm(0.25).cores(1).coreRadiusUm(180)
                        .mlklRim(0.45).mlklViable(0.05).mlklCore(0.30)
                        .lymphRim(1500).lymphViable(300).lymphStroma(1200).lymphCore(150).build()));
    }

    /** A generated slide, its truth, the default analysis and the comparison; made once per case. */
    static final class Run {
        final Path image;
        final JsonObject truth;
        final SlideResult result;
        final TruthComparison cmp;

        Run(Path image, JsonObject truth, SlideResult result) {
            this.image = image;
            this.truth = truth;
            this.result = result;
            this.cmp = TruthComparison.of(result, truth);
        }
    }

    private static final Map<String, Run> RUNS = new HashMap<>();

    static synchronized Run run(Case c) throws IOException {
        Run r = RUNS.get(c.name);
        if (r == null) {
            Path image = generate(c.settings);
            JsonObject truth = TruthComparison.readTruth(SyntheticSlideGenerator.defaultTruthPath(image));
            long t0 = System.nanoTime();
            SlideResult result = analyse(image, AnalysisSettings.defaults());
            r = new Run(image, truth, result);
            RUNS.put(c.name, r);
            System.out.printf(Locale.ROOT, "[accuracy] %s (analysed in %.1f s): %s%n", c.name,
                    (System.nanoTime() - t0) / 1e9, r.cmp);
        }
        return r;
    }

    static Path generate(SyntheticSlideSettings s) throws IOException {
        Path image = dir.resolve("synthetic-" + s.seed() + ".tif");
        if (!Files.exists(image)) {
            new SyntheticSlideGenerator(s, 2, null).generate(image, SyntheticSlideGenerator.defaultTruthPath(image));
        }
        return image;
    }

    static SlideResult analyse(Path image, AnalysisSettings settings) throws IOException {
        try (SlideSource slide = SlideSources.open(image)) {
            return new SlideAnalysis(settings, ProgressListener.NONE).run(slide);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void necrosisDiceAndArea(Case c) throws IOException {
        TruthComparison cmp = run(c).cmp;
        assertAll(
                () -> assertTrue(cmp.dice >= MIN_DICE, () -> String.format(Locale.ROOT, "%s: necrosis Dice %.3f < %.2f", c, cmp.dice, MIN_DICE)),
                () -> assertTrue(Math.abs(cmp.areaError) <= MAX_AREA_ERROR,
                        () -> String.format(Locale.ROOT, "%s: necrosis area error %+.1f%% beyond ±%.0f%%", c, 100 * cmp.areaError, 100 * MAX_AREA_ERROR)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mlklPositiveFractionPerZone(Case c) throws IOException {
        TruthComparison cmp = run(c).cmp;
        List<Executable> checks = new ArrayList<>();
        for (Zone z : Zone.TISSUE_ZONES) {
            double[] v = cmp.mlkl.get(z.key);
            checks.add(() -> assertTrue(Math.abs(v[0] - v[1]) <= MAX_MLKL_POINTS, () -> String.format(Locale.ROOT,
                    "%s: %s MLKL+ %.3f vs truth %.3f (%+.1f points)", c, z.key, v[0], v[1], 100 * (v[0] - v[1]))));
        }
        assertAll(checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lymphocyteDetectionF1(Case c) throws IOException {
        TruthComparison cmp = run(c).cmp;
        assertTrue(cmp.f1 >= MIN_F1, () -> String.format(Locale.ROOT, "%s: lymphocyte F1 %.3f (P %.3f, R %.3f) < %.2f",
                c, cmp.f1, cmp.precision, cmp.recall, MIN_F1));
    }

    /** Issue 3: immune density within 15% of the truth in the peri-necrotic rim and in viable tumour (stroma included). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void immuneDensityRimAndViable(Case c) throws IOException {
        assertImmuneDensity(c, Zone.RIM, Zone.VIABLE);
    }

    /**
     * Immune density in necrosis within 15 % of the truth, or within the change that moving the true core edge
     * by 2 µm (out or in, whichever moves it more) makes, when that is larger. Necrosis holds few true cells
     * (9-56 per slide) beside a rim 10-20 times denser, so a flat 15 % would ask for the edge within about
     * 1 µm on 16 µm blocks; 2 µm is a nucleus' radius, the scale at which the edge of a core is defined.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void immuneDensityNecrosis(Case c) throws IOException {
        double[] shift = run(c).cmp.necrosisEdgeShift2um;
        double tolerance = Math.max(MAX_IMMUNE_ERROR, Math.max(Math.abs(shift[0]), Math.abs(shift[1])));
        System.out.printf(Locale.ROOT, "[accuracy] %s: necrosis immune tolerance %.0f%% (true edge 2 um out %+.0f%%, in %+.0f%%)%n",
                c, 100 * tolerance, 100 * shift[0], 100 * shift[1]);
        assertImmuneDensity(c, tolerance, Zone.NECROSIS);
    }

    /**
     * Pyknotic nuclei (4-5.5 µm, dark, round) pass the immune rule outside cores, where sectioned lymphocytes
     * are as small; inside a core only whole lymphocytes count. Without that the density in necrosis is 4-5
     * times the truth; with it within the edge's error (the 15 % target above is missed on the edge alone).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pyknoticNucleiAreNotImmuneCellsInNecrosis(Case c) throws IOException {
        assertImmuneDensity(c, 0.3, Zone.NECROSIS);
    }

    private static void assertImmuneDensity(Case c, Zone... zones) throws IOException {
        assertImmuneDensity(c, MAX_IMMUNE_ERROR, zones);
    }

    private static void assertImmuneDensity(Case c, double maxError, Zone... zones) throws IOException {
        TruthComparison cmp = run(c).cmp;
        List<Executable> checks = new ArrayList<>();
        for (Zone z : zones) {
            double[] v = cmp.immune.get(z.key);
            checks.add(() -> assertTrue(v[1] > 0 && Math.abs(v[0] - v[1]) / v[1] <= maxError, () -> String.format(Locale.ROOT,
                    "%s: %s immune density %.0f vs truth %.0f /mm2 (%+.1f%%)", c, z.key, v[0], v[1], 100 * (v[0] - v[1]) / v[1])));
        }
        assertAll(checks);
    }

    /** The number of threads must not change a single output value (only the recorded thread count and time). */
    @Test
    void threadsDoNotChangeOutputs() throws IOException {
        Case c = cases().filter(k -> k.settings.seed() == 4004).findFirst().get();
        Path image = generate(c.settings);
        AnalysisSettings base = AnalysisSettings.defaults();
        Path one = ResultWriter.write(analyse(image, base.toBuilder().threads(1).build()), dir.resolve("threads1"));
        Path two = ResultWriter.write(analyse(image, base.toBuilder().threads(2).build()), dir.resolve("threads2"));

        JsonObject s1 = withoutRunFields(readJson(one.resolve("summary.json")));
        JsonObject s2 = withoutRunFields(readJson(two.resolve("summary.json")));
        assertEquals(s1, s2, "summary.json differs between 1 and 2 threads");
        assertEquals(Files.readAllLines(one.resolve("tiles.csv")), Files.readAllLines(two.resolve("tiles.csv")),
                "tiles.csv differs between 1 and 2 threads");
        assertEquals(Files.readAllLines(one.resolve("distance_profile.csv")), Files.readAllLines(two.resolve("distance_profile.csv")),
                "distance_profile.csv differs between 1 and 2 threads");
    }

    private static JsonObject readJson(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p)) {
            return JsonParser.parseReader(r).getAsJsonObject();
        }
    }

    private static JsonObject withoutRunFields(JsonObject summary) {
        JsonObject p = summary.getAsJsonObject("provenance");
        assertTrue(p.has("run_seconds") && p.getAsJsonObject("parameters").has("threads"),
                "summary.json no longer has the fields this test removes; update the test");
        p.remove("run_seconds");
        p.getAsJsonObject("parameters").remove("threads");
        return summary;
    }

    private static SlideResult smallTiles;

    /** The slide of {@link #tileSizeCase()} analysed with 16-block tiles instead of the default 32. */
    private static synchronized SlideResult smallTiles() throws IOException {
        if (smallTiles == null) smallTiles = analyse(run(tileSizeCase()).image, AnalysisSettings.builder().tileBlocks(16).build());
        return smallTiles;
    }

    /** The 0.25 µm/px slide: cheapest to analyse twice, and read through box averaging. */
    private static Case tileSizeCase() {
        return cases().filter(k -> k.settings.seed() == 4004).findFirst().get();
    }

    /** Halving the tile size puts many more pixels near tile borders; every per-block pixel sum must stay identical. */
    @Test
    void tileSizeKeepsEveryPixelSum() throws IOException {
        SlideResult big = run(tileSizeCase()).result, small = smallTiles();
        assertEquals(32, big.settings.tileBlocks);
        assertTrue(small.tiles.size() > 2 * big.tiles.size(), "16-block tiles should be ~4x as many");
        assertEquals(big.grid.total(big.grid::tissue), small.grid.total(small.grid::tissue), "total tissue pixels depend on the tile size");
        assertArrayEquals(perBlock(big.grid, big.grid::tissue), perBlock(small.grid, small.grid::tissue), "tissue pixels per block depend on the tile size");
        assertArrayEquals(perBlock(big.grid, big.grid::weak), perBlock(small.grid, small.grid::weak), "weak DAB pixels per block depend on the tile size");
        assertArrayEquals(perBlock(big.grid, big.grid::moderate), perBlock(small.grid, small.grid::moderate), "moderate DAB pixels per block depend on the tile size");
        assertArrayEquals(perBlock(big.grid, big.grid::strong), perBlock(small.grid, small.grid::strong), "strong DAB pixels per block depend on the tile size");
    }

    /**
     * Each nucleus must be counted by exactly one tile. A nucleus counted by two tiles appears twice at (nearly)
     * the same centroid; and with a tile margin larger than any nucleus, the lymphocyte count may change with
     * the tile size only by a few cells that the watershed splits differently inside a different window.
     */
    @Test
    void tileSizeCountsEachNucleusOnce() throws IOException {
        Case c = tileSizeCase();
        SlideResult big = run(c).result, small = smallTiles();
        long lymphBig = big.grid.total(big.grid::lymphocytes), lymphSmall = small.grid.total(small.grid::lymphocytes);
        long nucleiBig = big.grid.total(big.grid::tumourNuclei), nucleiSmall = small.grid.total(small.grid::tumourNuclei);
        List<float[]> pb = positions(big), ps = positions(small);
        double dup = 2 / big.analysisScale.pixelUm;
        int pairsBig = closePairs(pb, dup), pairsSmall = closePairs(ps, dup);
        int tileSmall = small.grid.blockPx * small.settings.tileBlocks, margin = (int) Math.ceil(15 / big.analysisScale.pixelUm);
        int[] onlyBig = unmatched(pb, ps, dup, tileSmall, margin), onlySmall = unmatched(ps, pb, dup, tileSmall, margin);
        String numbers = String.format(Locale.ROOT, "%s: lymphocytes %d (32-block tiles) vs %d (16-block tiles); "
                + "lymphocyte pairs closer than 2 um: %d vs %d; found only with 32: %d (%d within 15 um of a 16-block tile border), "
                + "only with 16: %d (%d near a border); tumour nuclei %d vs %d",
                c, lymphBig, lymphSmall, pairsBig, pairsSmall, onlyBig[0], onlyBig[1], onlySmall[0], onlySmall[1], nucleiBig, nucleiSmall);
        System.out.println("[exactlyOnce] " + numbers);
        assertAll(
                () -> assertEquals(0, pairsBig, "a lymphocyte counted twice with 32-block tiles; " + numbers),
                () -> assertEquals(0, pairsSmall, "a lymphocyte counted twice with 16-block tiles; " + numbers),
                () -> assertTrue(Math.abs(lymphBig - lymphSmall) <= Math.max(2, 0.005 * lymphBig), numbers));
    }

    /** At the default tile size, no lymphocyte on any test slide is reported twice (two centroids within 2 µm). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noLymphocyteCountedTwice(Case c) throws IOException {
        SlideResult r = run(c).result;
        assertEquals(0, closePairs(positions(r), 2 / r.analysisScale.pixelUm), c + ": lymphocyte centroids closer than 2 um");
    }

    private static List<float[]> positions(SlideResult r) {
        List<float[]> out = new ArrayList<>();
        for (necroptosis.pipeline.TileResult t : r.tiles) {
            for (int i = 0; i < t.immunePositions.length; i += 2) out.add(new float[] {(float) t.immunePositions[i], (float) t.immunePositions[i + 1]});
        }
        return out;
    }

    private static int closePairs(List<float[]> points, double d) {
        List<float[]> p = new ArrayList<>(points);
        p.sort((a, b) -> Float.compare(a[0], b[0]));
        int n = 0;
        for (int i = 0; i < p.size(); i++) for (int j = i + 1; j < p.size() && p.get(j)[0] - p.get(i)[0] < d; j++) {
            if (Math.hypot(p.get(i)[0] - p.get(j)[0], p.get(i)[1] - p.get(j)[1]) < d) {
                n++;
                System.out.printf(Locale.ROOT, "[exactlyOnce] close pair (%.1f, %.1f) and (%.1f, %.1f) analysis px%n",
                        p.get(i)[0], p.get(i)[1], p.get(j)[0], p.get(j)[1]);
            }
        }
        return n;
    }

    /** {points of a with no point of b within d, how many of those lie within margin of a tile border}. */
    private static int[] unmatched(List<float[]> a, List<float[]> b, double d, int tile, int margin) {
        int n = 0, near = 0;
        for (float[] p : a) {
            boolean found = false;
            for (float[] q : b) if (Math.hypot(p[0] - q[0], p[1] - q[1]) < d) { found = true; break; }
            if (found) continue;
            n++;
            double fx = p[0] % tile, fy = p[1] % tile;
            if (Math.min(fx, tile - fx) < margin || Math.min(fy, tile - fy) < margin) near++;
        }
        return new int[] {n, near};
    }

    /** The block sums of tissue pixels equal the tissue region, recounted here from the overview mask. */
    @Test
    void blockTissueSumEqualsTissueRegion() throws IOException {
        for (Case c : (Iterable<Case>) cases()::iterator) {
            SlideResult r = run(c).result;
            double toOverview = r.analysisScale.level0PerPixel / r.overview.scale.level0PerPixel;
            int ow = r.overview.width, oh = r.overview.height;
            long expected = 0;
            int[] ox = new int[(int) r.analysisScale.width];
            for (int x = 0; x < ox.length; x++) ox[x] = (int) ((x + 0.5) * toOverview);
            for (long y = 0; y < r.analysisScale.height; y++) {
                int oy = (int) ((y + 0.5) * toOverview);
                if (oy >= oh) continue;
                for (int x : ox) if (x < ow && r.overviewTissue[oy * ow + x] != 0) expected++;
            }
            assertTrue(expected > 0, c + ": no tissue in the overview");
            assertEquals(expected, r.grid.total(r.grid::tissue), c + ": block-grid tissue pixels vs the tissue region's pixels");
            long analysed = 0;
            for (necroptosis.pipeline.TileResult t : r.tiles) analysed += (long) t.width * t.height;
            assertEquals(analysed, r.grid.total(r.grid::pixels), c + ": analysed tile areas vs block pixel sums");
        }
    }

    /** One of the grid's per-block counts, as an array to compare whole. */
    private static int[] perBlock(necroptosis.pipeline.BlockGrid g, IntUnaryOperator count) {
        return IntStream.range(0, g.size()).map(count).toArray();
    }
}
