package necroptosis.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

/** Progress lines: redrawn in place on a terminal, periodic plain lines in a log, with the time left. */
class ConsoleProgressTest {
    private long now;

    private String run(boolean terminal) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ConsoleProgress p = new ConsoleProgress(ConsoleProgress.Mode.NORMAL, new PrintStream(err, true), new PrintStream(new ByteArrayOutputStream()),
                terminal, () -> now, 30);
        now = 0;
        p.slideStarted(1, 3, Paths.get("a.svs"));
        // 100 tiles, one a second, after a 10 s overview.
        now = 10_000_000_000L;
        for (int t = 1; t <= 100; t++) {
            now += 1_000_000_000L;
            p.tiles(t, 100);
        }
        return err.toString();
    }

    @Test
    void logGetsAPlainLineEveryIntervalWithTimeLeft() {
        String log = run(false);
        assertFalse(log.contains("\r"), log);
        String[] lines = log.split("\n");
        assertTrue(lines.length >= 3 && lines.length <= 6, log);
        assertEquals("[1/3] a.svs", lines[0]);
        // A line every 30 s from the slide's start: at tile 50, 49 tiles took 49 s, so 50 s left; the two slides
        // after this one at this one's projected pace (60 s so far + 50 s each).
        assertTrue(log.contains("tiles 50/100 (50%), slide ~50 s left, batch ~4m30s left"), log);
    }

    @Test
    void terminalRedrawsOneLine() {
        String t = run(true);
        assertTrue(t.contains("\r  tiles 100/100 (100%)"), t);
        assertEquals(2, t.split("\n").length, "the slide line, then one tile line redrawn in place: " + t);
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertEquals("45 s", ConsoleProgress.duration(45));
        assertEquals("12m05s", ConsoleProgress.duration(725));
        assertEquals("3h20m", ConsoleProgress.duration(12000));
    }
}
