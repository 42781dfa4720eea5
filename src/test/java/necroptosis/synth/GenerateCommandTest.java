package necroptosis.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.cli.Main;

/** The {@code generate} command: files beside --out, exit codes, no half-written files on failure. */
class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesSlideAndTruthBesideIt() throws Exception {
        Path out = dir.resolve("s.tif");
        int rc = Main.run("generate", "--out", out.toString(), "--width", "700", "--height", "600", "--pixel-size", "1",
                "--cores", "1", "--core-radius-um", "60", "--rim-width-um", "40", "--seed", "4", "--threads", "2",
                "--quiet");
        assertEquals(0, rc);
        assertTrue(Files.size(out) > 10000);
        Path truth = dir.resolve("s.truth.json");
        assertTrue(Files.exists(truth));
        String json = new String(Files.readAllBytes(truth), "UTF-8");
        assertTrue(json.contains("\"seed\": 4"), "truth records the seed");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "only the slide and its truth remain");
        }
    }

    @Test
    void badValueExitsWithTwoAndNamesTheOption() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, "UTF-8"));
        int rc;
        try {
            rc = Main.run("generate", "--out", dir.resolve("bad.tif").toString(), "--mlkl-rim", "1.5");
        } finally {
            System.setErr(saved);
        }
        assertEquals(Main.EXIT_BAD_INPUT, rc);
        assertTrue(err.toString("UTF-8").contains("mlkl-rim"), err.toString("UTF-8"));
        assertFalse(Files.exists(dir.resolve("bad.tif")));
    }

    @Test
    void coresThatDoNotFitLeaveNoFiles() throws Exception {
        PrintStream saved = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, "UTF-8"));
        int rc;
        try {
            rc = Main.run("generate", "--out", dir.resolve("c.tif").toString(), "--width", "500", "--height", "500",
                    "--cores", "9", "--quiet");
        } finally {
            System.setErr(saved);
        }
        assertEquals(Main.EXIT_BAD_INPUT, rc);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
