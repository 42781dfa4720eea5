package necroptosis.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.cli.MainTest.Captured;

/** Faults a careful user runs into (too little memory, a bad output path): one line naming the file, no trace. */
class CommandFailuresTest {
    @TempDir
    Path dir;

    private Path slide(String name) {
        Path out = dir.resolve(name);
        Captured c = MainTest.run("generate", "--out", out.toString(), "--width", "2048", "--height", "2048",
                "--cores", "1", "--core-radius-um", "150", "--threads", "1", "--quiet");
        assertEquals(0, c.code, c.err);
        return out;
    }

    @Test
    void scoreWithTooSmallAHeapSaysGiveJavaMoreMemory() throws Exception {
        Path slide = slide("s.tif");
        Path err = dir.resolve("stderr.txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx24m", "-cp", System.getProperty("java.class.path"),
                "necroptosis.cli.Main", "score", slide.toString(), "--out", dir.resolve("out").toString(), "--threads", "1")
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "score did not finish within 120 s");
        String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_BAD_INPUT, p.exitValue(), stderr);
        assertEquals(1, stderr.trim().split("\n").length, stderr);
        assertTrue(stderr.startsWith("error: " + slide + ": not enough memory"), stderr);
        assertTrue(stderr.trim().endsWith("; give Java more memory (-Xmx) or use fewer threads"), stderr);
    }

    @Test
    void aBadOutputFolderIsRefusedBeforeTheSlideIsRead() throws Exception {
        // The slide does not exist: a message about --out shows that the folder was checked first.
        String missing = dir.resolve("missing.tif").toString();
        Path file = Files.write(dir.resolve("a-file"), new byte[] {1});
        for (String cmd : new String[] {"score", "batch"}) {
            Captured c = MainTest.run(cmd, missing, "--out", file.toString());
            assertEquals(Main.EXIT_BAD_INPUT, c.code, c.err);
            assertEquals("error: " + file + ": the output folder cannot be written (is a file, not a folder)", c.err.trim());
            c = MainTest.run(cmd, missing, "--out", file.resolve("sub").toString());
            assertEquals(Main.EXIT_BAD_INPUT, c.code, c.err);
            assertTrue(c.err.startsWith("error: " + file.resolve("sub") + ": the output folder cannot be written ("), c.err);
            c = MainTest.run(cmd, missing, "--out", "");
            assertEquals(Main.EXIT_BAD_INPUT, c.code, c.err);
            assertEquals("error: --out is empty; give an output folder (. for the current one)", c.err.trim());
            if (Files.isDirectory(Paths.get("/proc/self"))) {
                c = MainTest.run(cmd, missing, "--out", "/proc/necroptosis-test");
                assertEquals("error: /proc/necroptosis-test: the output folder cannot be written (it cannot be created there)", c.err.trim());
            }
        }
        // A missing parent is created, as for batch, and the slide's own error follows.
        Captured c = MainTest.run("score", missing, "--out", dir.resolve("new/parent").toString());
        assertEquals("error: " + missing + ": no such file", c.err.trim());
    }

    @Test
    void regionRefusesABadOutputInOneLineAndWritesJpegForJpg() throws Exception {
        Path png = necroptosis.TestImages.writePng(dir.resolve("s.png"), 40, 30, 9);
        String[] region = {"region", png.toString(), "--x", "0", "--y", "0", "--width", "10", "--height", "5", "--out"};
        Path missing = dir.resolve("missing-folder/r.png");
        Captured c = MainTest.run(concat(region, missing.toString()));
        assertEquals(Main.EXIT_BAD_INPUT, c.code);
        assertEquals("error: " + missing + ": no such folder " + missing.getParent().toAbsolutePath(), c.err.trim());
        Path folder = Files.createDirectory(dir.resolve("folder"));
        c = MainTest.run(concat(region, folder.toString()));
        assertEquals("error: " + folder + ": is a folder; give a file name such as " + folder.resolve("region.png"), c.err.trim());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.count(), "nothing left behind");
        }
        c = MainTest.run(concat(region, dir.resolve("r.gif").toString()));
        assertEquals("error: " + dir.resolve("r.gif") + ": give a .png, .jpg or .jpeg file name", c.err.trim());
        for (String name : new String[] {"r.jpg", "r.JPEG", "r.png"}) {
            c = MainTest.run(concat(region, dir.resolve(name).toString()));
            assertEquals(0, c.code, c.err);
            byte[] b = Files.readAllBytes(dir.resolve(name));
            boolean jpeg = (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
            assertEquals(!name.endsWith(".png"), jpeg, name);
            assertEquals(10, javax.imageio.ImageIO.read(dir.resolve(name).toFile()).getWidth());
            assertFalse(Files.exists(dir.resolve(name + ".part")));
        }
    }

    private static String[] concat(String[] a, String last) {
        String[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = last;
        return out;
    }

    @Test
    void scoreOfTwoSlidesWithOneSafeNameKeepsBoth() throws Exception {
        Captured g = MainTest.run("generate", "--out", dir.resolve("a b.tif").toString(), "--width", "1024", "--height", "1024",
                "--cores", "0", "--threads", "1", "--quiet");
        assertEquals(0, g.code, g.err);
        Path first = dir.resolve("a b.tif"), second = Files.copy(first, dir.resolve("a+b.tif"));
        Path out = dir.resolve("out");
        Captured c = MainTest.run("score", first.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, c.code, c.err);
        assertFalse(c.err.contains("note:"), c.err);
        c = MainTest.run("score", second.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, c.code, c.err);
        assertEquals("note: " + out.resolve("a_b") + " holds the result of another slide (" + first + "); writing " + second
                + "'s to " + out.resolve("a_b-2"), c.err.split("\n")[0]);
        assertEquals(first.toString(), necroptosis.batch.OutputNames.slideIn(out.resolve("a_b")));
        assertEquals(second.toString(), necroptosis.batch.OutputNames.slideIn(out.resolve("a_b-2")));
        // Scoring a slide again replaces its own result, wherever it is.
        c = MainTest.run("score", second.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, c.code, c.err);
        assertTrue(c.err.contains("a_b-2"), c.err);
        assertFalse(Files.exists(out.resolve("a_b-3")));
        c = MainTest.run("score", first.toString(), "--out", out.toString(), "--threads", "1");
        assertFalse(c.err.contains("note:"), c.err);
        assertFalse(Files.exists(out.resolve("a_b-3")));
    }

    @Test
    void aBatchEndedBySigtermSaysHowToResume() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"), "no SIGTERM on Windows");
        Path in = Files.createDirectory(dir.resolve("in"));
        Path a = slide("in/a.tif");
        Files.copy(a, in.resolve("b.tif"));
        Path err = dir.resolve("stderr.txt");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "necroptosis.cli.Main", "batch", in.toString(), "--out", dir.resolve("out").toString(), "--threads", "1")
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(err.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!new String(Files.readAllBytes(err), StandardCharsets.UTF_8).contains("[1/2]") && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "batch did not end after SIGTERM");
        String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8);
        assertEquals(143, p.exitValue(), stderr);
        assertTrue(stderr.trim().endsWith(BatchCommand.INTERRUPTED), stderr);
    }
}
