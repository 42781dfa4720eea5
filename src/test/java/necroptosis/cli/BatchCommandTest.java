package necroptosis.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code batch} and {@code merge} as a user or a pipeline runs them: exit codes, console lines, JSON lines. */
class BatchCommandTest {
    @TempDir
    static Path shared;
    static Path good;

    @TempDir
    Path dir;

    @BeforeAll
    static void slide() throws Exception {
        good = shared.resolve("good.tif");
        MainTest.Captured c = MainTest.run("generate", "--out", good.toString(), "--width", "512", "--height", "512",
                "--pixel-size", "0.5", "--cores", "0", "--seed", "7", "--quiet");
        assertEquals(0, c.code, c.err);
    }

    private Path list(String name, String... lines) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, Arrays.asList(lines), StandardCharsets.UTF_8);
        return f;
    }

    private static List<JsonObject> events(String stdout) {
        List<JsonObject> out = new ArrayList<>();
        for (String line : stdout.split("\n")) if (!line.trim().isEmpty()) out.add(JsonParser.parseString(line).getAsJsonObject());
        return out;
    }

    @Test
    void someFailedExitsWithThreeAndReportsEachFailureInOneLine() throws Exception {
        Path l = list("l.txt", good.toString(), "missing.svs");
        Path out = dir.resolve("out");
        MainTest.Captured c = MainTest.run("batch", l.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(BatchCommand.EXIT_SOME_FAILED, c.code, c.err);
        assertTrue(c.err.contains("[1/2] " + good), c.err);
        assertTrue(c.err.contains("error: " + dir.resolve("missing.svs") + ": no such file"), c.err);
        assertTrue(c.err.trim().endsWith("-> " + out.resolve("batch_summary.csv")), c.err);
        assertTrue(c.err.contains("2 slides: 1 ok, 1 failed"), c.err);
        assertEquals("", c.out, "stdout is for --json only");

        // JSON lines for pipelines; the good slide is complete now and is reused.
        MainTest.Captured j = MainTest.run("batch", l.toString(), "--out", out.toString(), "--json");
        assertEquals(3, j.code, j.err);
        List<JsonObject> ev = events(j.out);
        assertEquals(Arrays.asList("slide_started", "slide_finished", "slide_started", "slide_finished", "batch_finished"),
                Arrays.asList(ev.stream().map(e -> e.get("event").getAsString()).toArray()));
        assertTrue(ev.get(1).get("reused").getAsBoolean());
        assertEquals("ok", ev.get(1).get("status").getAsString());
        assertTrue(ev.get(1).get("necrosis_fraction").isJsonPrimitive());
        assertEquals("failed", ev.get(3).get("status").getAsString());
        assertTrue(ev.get(3).get("reason").getAsString().contains("no such file"));
        assertEquals(3, ev.get(4).get("exit_code").getAsInt());
        assertEquals(1, ev.get(4).get("failed").getAsInt());

        MainTest.Captured q = MainTest.run("batch", l.toString(), "--out", out.toString(), "--quiet");
        assertEquals(3, q.code);
        String[] lines = q.err.trim().split("\n");
        assertEquals(2, lines.length, "only the error and the final line: " + q.err);
        assertTrue(lines[0].startsWith("error: "), q.err);
        assertTrue(lines[1].startsWith("batch: "), q.err);

        MainTest.Captured ok = MainTest.run("batch", good.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, ok.code, ok.err);
    }

    @Test
    void unwritableOutputOrNoSlidesExitWithTwoBeforeAnyWork() throws Exception {
        Path file = dir.resolve("file");
        Files.write(file, new byte[] {1});
        MainTest.Captured c = MainTest.run("batch", good.toString(), "--out", file.resolve("out").toString(), "--json");
        assertEquals(Main.EXIT_BAD_INPUT, c.code);
        assertEquals("", c.out, "no slide was started");
        assertEquals(1, c.err.trim().split("\n").length, c.err);
        assertTrue(c.err.startsWith("error: " + file.resolve("out") + ": the output folder cannot be written"), c.err);

        Path empty = Files.createDirectories(dir.resolve("empty"));
        MainTest.Captured e = MainTest.run("batch", empty.toString(), "--out", dir.resolve("o").toString());
        assertEquals(Main.EXIT_BAD_INPUT, e.code);
        assertTrue(e.err.contains("no slides found"), e.err);

        MainTest.Captured s = MainTest.run("batch", good.toString(), "--out", dir.resolve("o").toString(), "--shard", "3/2");
        assertEquals(Main.EXIT_BAD_INPUT, s.code);
        assertTrue(s.err.contains("3/2"), s.err);
    }

    @Test
    void mergedShardsEqualTheUnshardedRunAndOtherBatchesAreRefused() throws Exception {
        // Only failing slides: the batch machinery runs without any analysis time.
        Path l = list("l.txt", "a.svs", "b.svs", "c.svs", "sub/a.svs", "d.svs");
        Path all = dir.resolve("all"), s1 = dir.resolve("shard-1"), s2 = dir.resolve("shard-2"), merged = dir.resolve("merged");
        assertEquals(3, MainTest.run("batch", l.toString(), "--out", all.toString(), "--quiet").code);
        assertEquals(3, MainTest.run("batch", l.toString(), "--out", s1.toString(), "--shard", "1/2", "--quiet").code);
        MainTest.Captured m1 = MainTest.run("merge", s1.toString(), "--out", merged.toString());
        assertEquals(3, m1.code);
        assertTrue(m1.err.contains("2 of 5 slides have no row in any shard"), m1.err);
        assertTrue(m1.err.contains("#2 " + dir.resolve("b.svs")), m1.err);

        assertEquals(3, MainTest.run("batch", l.toString(), "--out", s2.toString(), "--shard", "2/2", "--quiet").code);
        MainTest.Captured m = MainTest.run("merge", s1.toString(), s2.toString(), "--out", merged.toString(), "--json");
        assertEquals(3, m.code, m.err);
        assertEquals(5, events(m.out).get(0).get("rows").getAsInt());
        assertArrayEquals(Files.readAllBytes(all.resolve("batch_summary.csv")), Files.readAllBytes(merged.resolve("batch_summary.csv")));

        Path other = dir.resolve("other");
        MainTest.run("batch", l.toString(), "--out", other.toString(), "--shard", "2/2", "--quiet", "--weak", "0.2");
        MainTest.Captured bad = MainTest.run("merge", s1.toString(), other.toString(), "--out", dir.resolve("m2").toString());
        assertEquals(Main.EXIT_BAD_INPUT, bad.code);
        assertTrue(bad.err.startsWith("error: " + other + ": not a shard of the same batch"), bad.err);
        assertTrue(bad.err.contains("dab_weak_od"), bad.err);
        assertFalse(Files.exists(dir.resolve("m2/batch_summary.csv")));
    }

    @Test
    void helpDocumentsTheExitCodes() {
        MainTest.Captured c = MainTest.run("batch", "--help");
        assertEquals(0, c.code);
        assertTrue(c.out.contains("3") && c.out.contains("some slides failed"), c.out);
        assertTrue(c.out.contains("--rim-width"), "the analysis options of score: " + c.out);
        assertTrue(MainTest.run("merge", "--help").out.contains("Exit codes"));
    }

    @Test
    void scoreHasTheSameJsonEvents() throws Exception {
        MainTest.Captured c = MainTest.run("score", good.toString(), "--out", dir.toString(), "--json", "--threads", "2");
        assertEquals(0, c.code, c.err);
        List<JsonObject> ev = events(c.out);
        assertEquals("slide_started", ev.get(0).get("event").getAsString());
        assertEquals("slide_finished", ev.get(1).get("event").getAsString());
        assertEquals("good", ev.get(1).get("output").getAsString());
        assertEquals("", c.err.trim());
    }
}
