package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import necroptosis.cli.Main;
import necroptosis.scoring.CellCompartment;
import necroptosis.scoring.DabThresholds;
import necroptosis.stain.StainVectors;

/**
 * Issue 3: settings out of range are rejected with a message naming the setting, both where the value
 * objects are built (what the Fiji dialog and macros use) and on the command line (exit 2, one
 * "error:" line, no output written).
 */
class SettingsValidationTest {
    @TempDir
    static Path dir;
    static Path png;

    @BeforeAll
    static void slide() throws Exception {
        // Valid and calibrated by --pixel-size, so a setting that slipped through would run and exit 0.
        png = EdgeSlides.glass(dir.resolve("s.png"), 64, 64, 0, 1);
    }

    private static final double W = DabThresholds.DEFAULT_WEAK, M = DabThresholds.DEFAULT_MODERATE, S = DabThresholds.DEFAULT_STRONG;

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("weak < 0", () -> DabThresholds.of(-0.01, M, S), "weak"),
                bad("weak = moderate", () -> DabThresholds.of(M, M, S), "weak", "moderate"),
                bad("weak > moderate", () -> DabThresholds.of(0.5, M, S), "weak", "moderate"),
                bad("moderate = strong", () -> DabThresholds.of(W, S, S), "moderate", "strong"),
                bad("moderate > strong", () -> DabThresholds.of(W, 0.7, S), "moderate", "strong"),
                bad("weak NaN", () -> DabThresholds.of(Double.NaN, M, S), "weak"),
                bad("moderate NaN", () -> DabThresholds.of(W, Double.NaN, S), "moderate"),
                bad("strong NaN", () -> DabThresholds.of(W, M, Double.NaN), "strong"),
                bad("strong infinite", () -> DabThresholds.of(W, M, Double.POSITIVE_INFINITY), "strong"),
                bad("rim width 0", () -> AnalysisSettings.builder().rimWidthUm(0).build(), "rim width"),
                bad("rim width < 0", () -> AnalysisSettings.builder().rimWidthUm(-50).build(), "rim width"),
                bad("rim width NaN", () -> AnalysisSettings.builder().rimWidthUm(Double.NaN).build(), "rim width"),
                bad("rim width below the block size", () -> AnalysisSettings.builder().rimWidthUm(5).build(), "rim width", "block size"),
                bad("rim width below a 32 um block", () -> AnalysisSettings.builder().blockUm(32).rimWidthUm(20).build(), "rim width", "32"),
                bad("block of more than 160 analysis pixels (16-bit block counts)",
                        () -> AnalysisSettings.builder().analysisPixelUm(0.1).blockUm(20).rimWidthUm(100).build(), "block size", "160"),
                bad("min core area 0", () -> AnalysisSettings.builder().minCoreAreaMm2(0).build(), "core area"),
                bad("min core area < 0", () -> AnalysisSettings.builder().minCoreAreaMm2(-1).build(), "core area"),
                bad("min core area infinite", () -> AnalysisSettings.builder().minCoreAreaMm2(Double.POSITIVE_INFINITY).build(), "core area"),
                bad("min core area NaN", () -> AnalysisSettings.builder().minCoreAreaMm2(Double.NaN).build(), "core area"),
                bad("threads 0", () -> AnalysisSettings.builder().threads(0).build(), "threads"),
                bad("threads < 0", () -> AnalysisSettings.builder().threads(-2).build(), "threads"),
                bad("analysis pixel size 0", () -> AnalysisSettings.builder().analysisPixelUm(0).build(), "analysis pixel size"),
                bad("analysis pixel size NaN", () -> AnalysisSettings.builder().analysisPixelUm(Double.NaN).build(), "analysis pixel size"),
                bad("cell expansion < 0", () -> AnalysisSettings.builder().cellExpansionUm(-1).build(), "cell expansion"),
                bad("stain preset", () -> StainVectors.preset("H-PAS"), "stain preset", "H-PAS"),
                bad("immune mode", () -> AnalysisSettings.ImmuneMode.parse("cd8"), "immune mode", "cd8"),
                bad("compartment", () -> CellCompartment.parse("nucleolus"), "compartment", "nucleolus"));
    }

    private static Arguments bad(String what, Executable e, String... named) {
        return Arguments.of(what, e, named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void valueObjectsRejectWithAMessageNamingTheSetting(String what, Executable build, String[] named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build, what);
        assertNames(e.getMessage(), named);
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                opt(new String[] {"--weak", "-0.1"}, "weak"),
                opt(new String[] {"--weak", "0.35", "--moderate", "0.35"}, "weak", "moderate"),
                opt(new String[] {"--weak", "0.5"}, "weak", "moderate"),
                opt(new String[] {"--moderate", "0.6"}, "moderate", "strong"),
                opt(new String[] {"--moderate", "0.9"}, "moderate", "strong"),
                opt(new String[] {"--weak", "NaN"}, "weak"),
                opt(new String[] {"--strong", "NaN"}, "strong"),
                opt(new String[] {"--rim-width", "0"}, "rim width"),
                opt(new String[] {"--rim-width", "-100"}, "rim width"),
                opt(new String[] {"--min-core-area", "0"}, "core area"),
                opt(new String[] {"--min-core-area", "Infinity"}, "--min-core-area"),
                opt(new String[] {"--rim-width", "NaN"}, "--rim-width"),
                opt(new String[] {"--rim-width", "5"}, "rim width", "block size"),
                opt(new String[] {"--cells", "--cell-expansion", "NaN"}, "--cell-expansion"),
                opt(new String[] {"--analysis-pixel-size", "-0.5"}, "analysis pixel size"),
                opt(new String[] {"--threads", "-1"}, "threads"),
                opt(new String[] {"--threads", "300"}, "threads"),
                opt(new String[] {"--analysis-pixel-size", "0"}, "analysis pixel size"),
                opt(new String[] {"--cells", "--cell-expansion", "-2"}, "cell expansion"),
                opt(new String[] {"--stains", "H-PAS"}, "--stains", "H-PAS"),
                opt(new String[] {"--immune-mode", "cd8"}, "--immune-mode", "cd8"),
                opt(new String[] {"--cells", "--compartment", "nucleolus"}, "compartment", "nucleolus"),
                opt(new String[] {"--stain-vectors", "0.65,0.70,0.29"}, "--stain-vectors"),
                opt(new String[] {"--stain-vectors", "0.65,0.70;0.27,0.57,0.78"}, "--stain-vectors"),
                opt(new String[] {"--stain-vectors", "0.65,x,0.29;0.27,0.57,0.78"}, "--stain-vectors"),
                opt(new String[] {"--stain-vectors", "0,0,0;0.27,0.57,0.78"}, "--stain-vectors"),
                opt(new String[] {"--stain-vectors", "0.27,0.57,0.78;0.27,0.57,0.78"}, "--stain-vectors"),
                // 0 is "from the file", as in a macro; this PNG has none, which is the error.
                opt(new String[] {"--pixel-size", "0"}, "pixel size"),
                opt(new String[] {"--pixel-size", "-0.5"}, "--pixel-size"),
                // Values picocli cannot convert, and a repeated option, are reported the same way.
                opt(new String[] {"--weak", "abc"}, "--weak", "abc"),
                opt(new String[] {"--threads", "two"}, "--threads"),
                opt(new String[] {"--rim-width", "100", "--rim-width", "50"}, "--rim-width"));
    }

    private static Arguments opt(String[] args, String... named) {
        return Arguments.of(String.join(" ", args), args, named);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    void scoreRejectsTheOptionWithOneErrorLineAndExit2(String what, String[] options, String[] named) {
        Path out = dir.resolve("out-" + Integer.toHexString(what.hashCode()));
        List<String> args = new ArrayList<>(Arrays.asList("score", png.toString(), "--out", out.toString()));
        List<String> given = Arrays.asList(options);
        // Valid defaults for the two options the command needs here, unless the case is about them.
        if (!given.contains("--threads")) args.addAll(Arrays.asList("--threads", "1"));
        if (!given.contains("--pixel-size")) args.addAll(Arrays.asList("--pixel-size", "0.5"));
        args.addAll(given);
        EdgeSlides.Cli c = EdgeSlides.run(args.toArray(new String[0]));
        assertEquals(Main.EXIT_BAD_INPUT, c.code, what + ": " + c.err);
        String[] lines = c.errLines();
        assertEquals(1, lines.length, what + ": " + c.err);
        assertTrue(lines[0].startsWith("error: "), lines[0]);
        assertNames(lines[0], named);
        assertFalse(Files.exists(out.resolve("s").resolve("summary.json")), what + " wrote a summary");
    }

    @Test
    void theSameCommandWithGoodValuesRuns() {
        // Guards the test above: the base command line itself is valid, so exit 2 comes from the bad value.
        Path out = dir.resolve("out-good");
        EdgeSlides.Cli c = EdgeSlides.run("score", png.toString(), "--out", out.toString(), "--threads", "1", "--pixel-size", "0.5",
                "--weak", "0.1", "--moderate", "0.3", "--strong", "0.5", "--rim-width", "50", "--stain-vectors", "0.65,0.70,0.29;0.27,0.57,0.78");
        assertEquals(0, c.code, c.err);
        assertTrue(Files.exists(out.resolve("s").resolve("summary.json")));
    }

    @Test
    void theRejectedValueIsQuotedAsTyped() {
        // "threads must be 1-256, got 300", not "got 300.0": the user typed an integer.
        String m = assertThrows(IllegalArgumentException.class, () -> AnalysisSettings.builder().threads(300).build()).getMessage();
        assertTrue(m.endsWith("got 300"), m);
        m = assertThrows(IllegalArgumentException.class, () -> AnalysisSettings.builder().rimWidthUm(-12.5).build()).getMessage();
        assertTrue(m.endsWith("got -12.5"), m);
    }

    private static void assertNames(String message, String[] named) {
        assertNotNull(message);
        assertFalse(message.contains("\n"), "one line: " + message);
        for (String n : named) {
            assertTrue(message.toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT)), "message should name '" + n + "': " + message);
        }
    }
}
