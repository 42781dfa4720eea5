package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ij.util.ThreadUtil;
import necroptosis.slide.Level;
import necroptosis.slide.PixelSize;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/** Limits refused before reading, and what a run leaves behind: threads, ImageJ's pool, cancellation. */
class RunResourcesTest {
    private static final String SLIDE = "test-images/synthetic-4096-1core.tif";

    /** A slide that claims one enormous level and fails the test if anything reads it. */
    private static SlideSource huge(long side) {
        return new SlideSource() {
            @Override public String path() { return "huge.tif"; }
            @Override public String readerName() { return "fake"; }
            @Override public List<Level> levels() { return Arrays.asList(new Level(side, side, 1)); }
            @Override public PixelSize pixelSize() { return PixelSize.fromMetadata(0.25, "test"); }
            @Override public int[] readRegion(int level, int x, int y, int w, int h) {
                throw new AssertionError("read before the size was checked");
            }
            @Override public void close() {}
        };
    }

    @Test
    void slideBeyondIntCoordinatesIsRefusedBeforeAnyReadWithOneLine() {
        SlideException e = assertThrows(SlideException.class,
                () -> new SlideAnalysis(AnalysisSettings.builder().build(), null).run(huge(1L << 33)));
        assertTrue(e.getMessage().startsWith("huge.tif: too large to analyse"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void slideWhoseBlockGridCannotFitTheHeapIsRefusedBeforeAnyRead() {
        // 2^19 px of 0.25 um: 2^18 analysis pixels of 0.5 um per side, 8192 x 8192 blocks of 16 um.
        long side = 1L << 19;
        long blocks = (side / 2 / 32) * (side / 2 / 32);
        assertTrue(blocks * 88 > Runtime.getRuntime().maxMemory() / 2, "test assumes a heap below " + blocks * 176 + " bytes");
        SlideException e = assertThrows(SlideException.class,
                () -> new SlideAnalysis(AnalysisSettings.builder().build(), null).run(huge(side)));
        assertTrue(e.getMessage().startsWith("huge.tif: too large for this Java heap"), e.getMessage());
        assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon()).collect(Collectors.toSet());
    }

    private static List<Thread> tileWorkers() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.isAlive() && t.getName().equals("necroptosis-tile")) out.add(t);
        return out;
    }

    @Test
    void runLeavesNoThreadAndDoesNotUseImageJsThreadPool() throws IOException {
        Set<Thread> before = nonDaemonThreads();
        long imageJTasks = ThreadUtil.threadPoolExecutor.getTaskCount();
        int savedThreads = ij.Prefs.getThreads();
        try (SlideSource s = SlideSources.open(Paths.get(SLIDE))) {
            SlideResult r = new SlideAnalysis(AnalysisSettings.builder().threads(2).cellMode(true).build(), null).run(s);
            assertFalse(r.tiles.isEmpty());
        }
        // ImageJ's pool threads are never daemons and never end; the filters must run in the tile threads.
        assertEquals(imageJTasks, ThreadUtil.threadPoolExecutor.getTaskCount(), "tasks given to ImageJ's thread pool");
        Set<Thread> after = nonDaemonThreads();
        after.removeAll(before);
        assertTrue(after.isEmpty(), "non-daemon threads left: " + after);
        assertTrue(tileWorkers().isEmpty(), "tile workers left: " + tileWorkers());
        assertEquals(savedThreads, ij.Prefs.getThreads(), "ImageJ's thread setting restored");
    }

    @Test
    void decodeOnlyBaselineReadsTheSameTilesAndAnalysesNone() throws IOException {
        AtomicInteger read = new AtomicInteger();
        ProgressListener counting = new ProgressListener() {
            @Override
            public void tiles(int done, int total) {
                read.incrementAndGet();
            }
        };
        try (SlideSource s = SlideSources.open(Paths.get(SLIDE))) {
            DecodeOnlyRun baseline = DecodeOnlyRun.run(AnalysisSettings.builder().threads(2).build(), counting, s);
            SlideResult full = new SlideAnalysis(AnalysisSettings.builder().threads(2).build(), null).run(s);
            assertTrue(baseline.result.tiles.isEmpty(), "decode-only analysed " + baseline.result.tiles.size() + " tiles");
            assertEquals(full.tilesTotal - full.tilesSkipped, read.get(), "tiles reported by the baseline");
            assertEquals(read.get(), baseline.tiles, "tiles read by the baseline");
        }
    }

    @Test
    void cancelledRunStopsAnalysingAndEndsItsWorkers() throws IOException {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger doneWhenCancelled = new AtomicInteger(-1);
        ProgressListener cancelAfterTwoTiles = new ProgressListener() {
            @Override
            public void tiles(int d, int total) {
                done.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                if (done.get() < 2) return false;
                doneWhenCancelled.compareAndSet(-1, done.get());
                return true;
            }
        };
        SlideAnalysis analysis = new SlideAnalysis(AnalysisSettings.builder().threads(2).build(), cancelAfterTwoTiles);
        try (SlideSource s = SlideSources.open(Paths.get(SLIDE))) {
            assertThrows(CancellationException.class, () -> analysis.run(s));
        }
        // The workers (and the tile arrays they hold per thread) are gone when run() returns.
        assertTrue(tileWorkers().isEmpty(), "tile workers still alive after cancellation: " + tileWorkers());
        // At most the tile already in progress on each of the two threads finishes after cancellation.
        assertTrue(doneWhenCancelled.get() >= 2 && done.get() <= doneWhenCancelled.get() + 2,
                "tiles finished: " + done.get() + ", when cancelled: " + doneWhenCancelled.get());
    }
}
