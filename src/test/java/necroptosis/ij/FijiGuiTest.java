package necroptosis.ij;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;

/**
 * The plugin as a user installs it: the real ImageJ (net.imagej:ij) with the plugin jar in its plugins/
 * folder and the libraries ImageJ lacks in plugins/jars/, started with a display (Xvfb) the way Fiji runs,
 * but driven by {@code ImageJ -batch} macros. Checks the menu entries, that a macro scores a slide and
 * writes its outputs, puts the result back on an image, runs a batch, and that a bad option is one line on
 * stderr rather than a dialog nobody can close. Skipped without Xvfb, except on CI (CI=true), where
 * skipping would hide the test.
 */
class FijiGuiTest {
    private static final Path SLIDE = Paths.get("test-images/synthetic-2048-0.25um.tif").toAbsolutePath();

    @TempDir
    static Path dir;

    private static Process xvfb;
    private static String display;
    private static Path imagej;

    @BeforeAll
    static void startXvfbAndInstallThePlugin() throws Exception {
        String xvfbPath = onPath("Xvfb");
        if (xvfbPath == null) {
            assertNotEquals("true", String.valueOf(System.getenv("CI")).toLowerCase(), "Xvfb is not installed, and CI=true: install xvfb (see .ci/run)");
            Assumptions.abort("Xvfb not installed: the Fiji GUI test is skipped (apt-get install xvfb to run it)");
        }
        // -displayfd: Xvfb picks a free display and prints its number, so parallel runs never collide.
        xvfb = new ProcessBuilder(xvfbPath, "-displayfd", "1", "-screen", "0", "1366x768x24", "-nolisten", "tcp")
                .redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String n = r.readLine();
        assertNotNull(n, "Xvfb did not report a display");
        display = ":" + n.trim();

        imagej = dir.resolve("ImageJ");
        Path plugins = Files.createDirectories(imagej.resolve("plugins"));
        Path jars = Files.createDirectories(plugins.resolve("jars"));
        pluginJar(Paths.get("target/classes"), plugins.resolve("Necroptosis_Scorer.jar"));
        for (Path lib : runtimeLibraries()) Files.copy(lib, jars.resolve(lib.getFileName()));
    }

    @AfterAll
    static void stopXvfb() {
        if (xvfb != null) xvfb.destroy();
    }

    @Test
    void imageJListsTheCommandsScoresASlideAndShowsTheResultAgain() throws Exception {
        Path out = dir.resolve("results");
        Path batchIn = Files.createDirectories(dir.resolve("batch-in"));
        Files.copy(SLIDE, batchIn.resolve(SLIDE.getFileName()));
        Files.write(batchIn.resolve("broken.svs"), "not a slide".getBytes(StandardCharsets.US_ASCII));
        Path report = dir.resolve("report.txt");
        String macro = String.join("\n",
                "List.setCommands;",
                "s = '';",
                "cmds = newArray('Score Slide...', 'Batch Score Folder...', 'Show Results Overlay...', 'About Necroptosis Scorer');",
                "for (i = 0; i < cmds.length; i++) s = s + cmds[i] + '=' + List.get(cmds[i]) + '\\n';",
                "run('Score Slide...', 'slide=[" + q(SLIDE) + "] output=[" + q(out) + "] weak=0.15');",
                // A 4x downsampled level of the slide, as Bio-Formats would open it in Fiji.
                "newImage('level 2', 'RGB white', 512, 512, 1);",
                "run('Show Results Overlay...', 'result=[" + q(out.resolve("synthetic-2048-0.25um")) + "] image=[level 2] heatmap=mlkl');",
                "s = s + 'overlay=' + Overlay.size + '\\n';",
                "run('Batch Score Folder...', 'input=[" + q(batchIn) + "] output=[" + q(dir.resolve("batch-out")) + "]');",
                "File.saveString(s, '" + q(report) + "');",
                "");
        Run run = imageJ(macro);
        assertTrue(Files.exists(report), "the macro did not finish: " + run);
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertTrue(lines.contains("Score Slide...=necroptosis.ij.ScoreSlideCommand"), lines.toString());
        assertTrue(lines.contains("Batch Score Folder...=necroptosis.ij.BatchScoreCommand"), lines.toString());
        assertTrue(lines.contains("Show Results Overlay...=necroptosis.ij.ShowOverlayCommand"), lines.toString());
        assertTrue(lines.contains("About Necroptosis Scorer=necroptosis.ij.AboutCommand"), lines.toString());

        Path slideOut = out.resolve("synthetic-2048-0.25um");
        for (String f : new String[] {"summary.json", "tiles.csv", "distance_profile.csv", "overview.png", "necrosis.geojson", "rois.zip"}) {
            assertTrue(Files.isRegularFile(slideOut.resolve(f)), f + " not written: " + run);
        }
        String summary = new String(Files.readAllBytes(slideOut.resolve("summary.json")), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\"dab_weak_od\": 0.15"), "parameters not recorded");
        // Tiles, the tissue outline and the legend at least.
        String overlay = lines.stream().filter(l -> l.startsWith("overlay=")).findFirst().orElse("overlay=0");
        assertTrue(Integer.parseInt(overlay.substring(8)) > 3, overlay);

        List<String> batch = Files.readAllLines(dir.resolve("batch-out/batch_summary.csv"), StandardCharsets.UTF_8);
        assertEquals(3, batch.size(), "header and one row per slide: " + batch);
        assertTrue(batch.stream().anyMatch(l -> l.contains("broken.svs") && l.contains("failed")), batch.toString());
        assertTrue(batch.stream().anyMatch(l -> l.contains("synthetic-2048-0.25um") && l.contains(",ok,")), batch.toString());
    }

    @Test
    void aBadOptionIsOneLineOnStderrAndNoDialog() throws Exception {
        Path after = dir.resolve("after-bad.txt");
        Run run = imageJ("run('Score Slide...', 'slide=[" + q(SLIDE) + "] output=[" + q(dir.resolve("bad")) + "] immune=foo');\n"
                + "File.saveString('went on', '" + q(after) + "');\n");
        // A dialog would block -batch until the timeout; it must end by itself.
        assertFalse(run.timedOut, "ImageJ hung (a dialog?): " + run);
        assertTrue(run.stderr.contains("Score Slide: immune=foo: accepted values are morphological, marker"), run.toString());
        assertFalse(Files.exists(after), "the macro should stop at the failed command");
    }

    /**
     * The macro recorder's line, replayed, gives the same analysis: a dialog run with the recorder on
     * ({@link RecorderProbe}) and an {@code ImageJ -batch} run of the recorded line write the same summary.
     */
    @Test
    void theRecordedLineReplaysTheSameAnalysis() throws Exception {
        Path out = dir.resolve("recorded");
        Path recorded = dir.resolve("recorded.txt");
        Path testClasses = Paths.get("target/test-classes").toAbsolutePath();
        Path ijJar = Paths.get(IJ.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Run probe = java(120, "-Dplugins.dir=" + imagej, "-cp", ijJar + File.pathSeparator + testClasses,
                RecorderProbe.class.getName(), SLIDE.toString(), out.toString(), recorded.toString());
        assertTrue(Files.isRegularFile(recorded), "no recording: " + probe);
        String line = Files.readAllLines(recorded, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("run(\"Score Slide...\"")).findFirst().orElse(null);
        assertNotNull(line, "nothing recorded: " + new String(Files.readAllBytes(recorded), StandardCharsets.UTF_8));
        assertTrue(line.contains(" weak=0.2 "), line);
        Path summary = out.resolve("synthetic-2048-0.25um/summary.json");
        String first = withoutRunTime(new String(Files.readAllBytes(summary), StandardCharsets.UTF_8));
        Files.delete(summary);

        Run replay = imageJ(line + "\n");
        assertTrue(Files.isRegularFile(summary), "the replay wrote nothing: " + replay);
        assertEquals(first, withoutRunTime(new String(Files.readAllBytes(summary), StandardCharsets.UTF_8)));
        assertTrue(first.contains("\"dab_weak_od\": 0.2,"), "the dialog's weak=0.2 did not reach the analysis");
    }

    private static String withoutRunTime(String summaryJson) {
        return summaryJson.replaceAll("\"run_seconds\": [0-9.eE+-]+", "");
    }

    /** One {@code ImageJ -batch} run on the Xvfb display. */
    private static Run imageJ(String macro) throws Exception {
        Path file = Files.createTempFile(dir, "macro", ".ijm");
        Files.write(file, macro.getBytes(StandardCharsets.UTF_8));
        Path ijJar = Paths.get(IJ.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return java(300, "-cp", ijJar.toString(), "ij.ImageJ", "-ijpath", imagej.toString(), "-batch", file.toString());
    }

    /** A JVM on the Xvfb display, killed after {@code seconds}. */
    private static Run java(int seconds, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(Arrays.asList(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
        cmd.addAll(Arrays.asList(args));
        Path stdout = Files.createTempFile(dir, "stdout", ".txt"), stderr = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("DISPLAY", display);
        Process p = pb.start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly().waitFor();
        Run run = new Run(!done, new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8),
                new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8));
        System.out.print(run.stdout);
        System.err.print(run.stderr);
        return run;
    }

    private static final class Run {
        final boolean timedOut;
        final String stdout, stderr;

        Run(boolean timedOut, String stdout, String stderr) {
            this.timedOut = timedOut;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public String toString() {
            return (timedOut ? "timed out; " : "") + "stdout: " + stdout + "\nstderr: " + stderr;
        }
    }

    /** The plugin jar as {@code mvn package} would make it (tests run before packaging): classes + plugins.config. */
    private static void pluginJar(Path classes, Path jar) throws IOException {
        assertTrue(Files.isRegularFile(classes.resolve("plugins.config")), "plugins.config is not in target/classes");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                out.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    /** The test class path's libraries that the plugin needs and ImageJ lacks (not ImageJ, not the test tools). */
    private static List<Path> runtimeLibraries() throws IOException {
        Set<String> entries = new LinkedHashSet<>(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        for (String e : new ArrayList<>(entries)) {
            if (e.contains("surefirebooter") && e.endsWith(".jar")) {
                // Surefire's manifest-only jar: the real class path is in its manifest.
                try (JarFile j = new JarFile(e)) {
                    String cp = j.getManifest().getMainAttributes().getValue("Class-Path");
                    for (String u : cp.split(" ")) if (!u.isEmpty()) entries.add(Paths.get(java.net.URI.create(u)).toString());
                }
            }
        }
        List<Path> libs = new ArrayList<>();
        for (String e : entries) {
            Path p = Paths.get(e);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (!name.endsWith(".jar") || !Files.isRegularFile(p)) continue;
            if (name.matches("(ij|junit|opentest4j|apiguardian|surefire|common-java5|common-junit|picocli).*")) continue;
            libs.add(p);
        }
        return libs;
    }

    private static String onPath(String program) {
        for (String d : String.valueOf(System.getenv("PATH")).split(File.pathSeparator)) {
            Path p = Paths.get(d, program);
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }

    private static String q(Path p) {
        return p.toString().replace("\\", "/");
    }
}
