package necroptosis.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.TestImages;
import necroptosis.cli.Main;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.slide.OpenOptions;

/**
 * A batch over a list that mixes good slides, a missing file, a text file renamed .tif, an image without a
 * pixel size and two slides with the same name: the failures are rows, the others complete; shards merge
 * into the unsharded bytes; a resumed batch scores only what is missing and ends with the same file.
 */
class BatchRunnerTest {
    @TempDir
    static Path shared;
    static Path list;

    @TempDir
    Path dir;

    static final AnalysisSettings SETTINGS = AnalysisSettings.builder().threads(2).build();

    /** Counts the slides actually analysed (not reused) and remembers every row as it is reported. */
    static final class Recorder implements BatchListener {
        final List<BatchRow> rows = Collections.synchronizedList(new ArrayList<>());
        int started;
        int analysed;

        @Override
        public void slideStarted(int position, int count, Path slide) { started++; }

        @Override
        public void status(String message) { if ("overview".equals(message)) analysed++; }

        @Override
        public void slideFinished(BatchRow row) { rows.add(row); }
    }

    @BeforeAll
    static void slides() throws Exception {
        Path good = shared.resolve("slides/S1.tif");
        Files.createDirectories(good.getParent());
        PrintStream saved = System.err, savedOut = System.out;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true));
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
        int rc;
        try {
            // A tiny slide (one tile): quick to score; the batch, not the analysis, is under test here.
            rc = Main.run("generate", "--out", good.toString(), "--width", "512", "--height", "512", "--pixel-size", "0.5",
                    "--cores", "0", "--seed", "5", "--quiet");
        } finally {
            System.setErr(saved);
            System.setOut(savedOut);
        }
        assertEquals(0, rc);
        Files.createDirectories(shared.resolve("slides/b"));
        Files.copy(good, shared.resolve("slides/b/S1.tif"), StandardCopyOption.REPLACE_EXISTING);
        Files.write(shared.resolve("slides/notes.tif"), "these are my notes, not a slide\n".getBytes(StandardCharsets.UTF_8));
        TestImages.writePng(shared.resolve("slides/nocal.png"), 64, 64, 1);
        list = shared.resolve("slides/list.txt");
        Files.write(list, Arrays.asList("# mixed list", "S1.tif", "missing.svs", "notes.tif", "", "b/S1.tif", "nocal.png"),
                StandardCharsets.UTF_8);
    }

    private static BatchReport run(Path out, Shard shard, BatchListener l) throws IOException {
        return new BatchRunner(SETTINGS, OpenOptions.DEFAULT, l).run(BatchInputs.list(list), shard, out);
    }

    @Test
    void failuresAreRowsAndTheOthersComplete() throws Exception {
        Path out = dir.resolve("out");
        Recorder rec = new Recorder();
        BatchReport r = run(out, Shard.ALL, rec);
        assertEquals(5, r.count);
        assertEquals(2, r.ok());
        assertEquals(3, r.failed());
        assertFalse(r.allOk());
        List<BatchRow> rows = BatchSummaryCsv.read(out.resolve(BatchSummaryCsv.FILE_NAME));
        assertEquals(5, rows.size());
        String[] status = {"ok", "failed", "failed", "ok", "failed"};
        for (int i = 0; i < 5; i++) {
            BatchRow row = rows.get(i);
            assertEquals(i + 1, row.index);
            assertEquals(status[i], row.status, row.toString());
            if (row.isOk()) {
                assertTrue(Files.isRegularFile(out.resolve(row.output).resolve("summary.json")), row.toString());
                assertEquals("", row.reason);
                assertEquals(0, (int) row.number("necrotic_core_count"), row.toString());
                assertTrue(row.number("tissue_area_mm2") > 0.01, row.toString());
            } else {
                assertTrue(row.reason.startsWith(row.slide + ": "), "the reason names the file: " + row.reason);
                assertFalse(row.reason.contains("\n"));
                assertEquals("", row.get("necrosis_fraction"));
            }
        }
        assertTrue(rows.get(1).reason.contains("no such file"), rows.get(1).reason);
        assertTrue(rows.get(2).reason.contains("text"), rows.get(2).reason);
        assertTrue(rows.get(4).reason.contains("pixel size"), rows.get(4).reason);
        assertEquals("S1", rows.get(0).output);
        assertEquals("S1-2", rows.get(3).output, "same name, own folder");
        assertEquals(rows.get(0).values(), rows.get(3).values(), "the same pixels give the same numbers");
        assertEquals(2, rec.analysed);
        assertEquals(5, rec.rows.size());
    }

    @Test
    void shardsMergeIntoTheUnshardedBytesAndAResumeScoresOnlyWhatIsMissing() throws Exception {
        Path all = dir.resolve("all");
        run(all, Shard.ALL, null);
        byte[] csv = Files.readAllBytes(all.resolve(BatchSummaryCsv.FILE_NAME));
        byte[] manifest = Files.readAllBytes(all.resolve(BatchManifest.FILE_NAME));

        Path s1 = dir.resolve("shard-1"), s2 = dir.resolve("shard-2");
        BatchReport r1 = run(s1, Shard.parse("1/2"), null), r2 = run(s2, Shard.parse("2/2"), null);
        assertEquals(3, r1.count);
        assertEquals(2, r2.count);
        assertTrue(Files.isDirectory(s2.resolve("S1-2")), "shard 2 has b/S1.tif under the unsharded run's folder name");
        Path merged = dir.resolve("merged");
        Merge.Result m = Merge.merge(Arrays.asList(s2, s1), merged, false);
        assertTrue(m.missing.isEmpty());
        assertArrayEquals(csv, Files.readAllBytes(merged.resolve(BatchSummaryCsv.FILE_NAME)), "merged == unsharded");
        assertArrayEquals(manifest, Files.readAllBytes(merged.resolve(BatchManifest.FILE_NAME)));
        Path partial = dir.resolve("partial");
        Merge.Result p = Merge.merge(Arrays.asList(s1), partial, true);
        assertFalse(p.missing.isEmpty() || p.foldersMoved, "no folder moves while shard 2's slides are missing");
        List<BatchRow> partialRows = BatchSummaryCsv.read(partial.resolve(BatchSummaryCsv.FILE_NAME));
        assertEquals(5, partialRows.size(), "every slide of the batch has a row");
        for (BatchRow row : partialRows) {
            boolean inShard1 = row.index % 2 == 1;
            assertEquals(!inShard1, row.isMissing(), row.toString());
            if (!inShard1) assertEquals(Merge.MISSING_REASON, row.reason);
        }
        assertEquals("S1-2", partialRows.get(3).output, "a missing row names the folder its shard would write");
        Merge.Result again2 = Merge.merge(Arrays.asList(partial, s2), dir.resolve("from-partial"), false);
        assertTrue(again2.missing.isEmpty(), "a merged folder's missing rows are no result");
        assertArrayEquals(csv, Files.readAllBytes(dir.resolve("from-partial").resolve(BatchSummaryCsv.FILE_NAME)));
        try (Stream<Path> files = Files.list(partial)) {
            assertFalse(files.anyMatch(Files::isDirectory), "a re-run shard 2 must find its slides where it left them");
        }
        Path moved = dir.resolve("moved");
        assertTrue(Merge.merge(Arrays.asList(s1, s2), moved, true).foldersMoved);
        assertTrue(Files.isRegularFile(moved.resolve("S1/summary.json")) && Files.isRegularFile(moved.resolve("S1-2/summary.json")));
        assertFalse(Files.exists(s2.resolve("S1-2")), "moved, not copied");
        assertArrayEquals(csv, Files.readAllBytes(moved.resolve(BatchSummaryCsv.FILE_NAME)));

        // Interrupt: one slide's outputs incomplete. The re-run scores only that one.
        Files.delete(all.resolve("S1-2/summary.json"));
        Path s1Summary = all.resolve("S1/summary.json");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(s1Summary);
        Recorder rec = new Recorder();
        BatchReport again = run(all, Shard.ALL, rec);
        assertEquals(1, rec.analysed, "only the slide without summary.json is scored again");
        assertEquals(1, again.reused());
        assertEquals(before, Files.getLastModifiedTime(s1Summary), "the complete slide is not rewritten");
        assertArrayEquals(csv, Files.readAllBytes(all.resolve(BatchSummaryCsv.FILE_NAME)), "resumed == uninterrupted");

        // Other settings into the same folder: refused, naming the setting; once batch.json is gone, nothing is reused.
        IOException mixed = assertThrows(IOException.class, () -> new BatchRunner(AnalysisSettings.builder().threads(1)
                .rimWidthUm(60).build(), OpenOptions.DEFAULT, null).run(Arrays.asList(list.resolveSibling("S1.tif")), all));
        assertTrue(mixed.getMessage().startsWith(all + ": holds a batch scored with other settings (rim_width_um = "), mixed.getMessage());
        assertTrue(mixed.getMessage().contains(" there, 60.0 now)"), mixed.getMessage());
        assertFalse(mixed.getMessage().contains("\n"));
        assertArrayEquals(csv, Files.readAllBytes(all.resolve(BatchSummaryCsv.FILE_NAME)), "the refused run wrote nothing");
        Files.delete(all.resolve(BatchManifest.FILE_NAME));
        Recorder other = new Recorder();
        new BatchRunner(AnalysisSettings.builder().threads(1).rimWidthUm(60).build(), OpenOptions.DEFAULT, other)
                .run(Arrays.asList(list.resolveSibling("S1.tif")), all);
        assertEquals(1, other.analysed, "a different rim width is not the same result");
        Recorder threads = new Recorder();
        new BatchRunner(AnalysisSettings.builder().threads(2).rimWidthUm(60).build(), OpenOptions.DEFAULT, threads)
                .run(Arrays.asList(list.resolveSibling("S1.tif")), all);
        assertEquals(0, threads.analysed, "the thread count does not change results, so it is no reason to re-score");
    }

    @Test
    void mergeRefusesAnotherBatchAndNamesMissingSlides() throws Exception {
        List<Path> failing = Arrays.asList(dir.resolve("x/a.svs"), dir.resolve("x/b.svs"), dir.resolve("x/c.svs"));
        Path s1 = dir.resolve("s1"), s2 = dir.resolve("s2"), other = dir.resolve("other");
        new BatchRunner(SETTINGS, OpenOptions.DEFAULT, null).run(failing, Shard.parse("1/2"), s1);
        new BatchRunner(SETTINGS, OpenOptions.DEFAULT, null).run(failing, Shard.parse("2/2"), s2);
        new BatchRunner(AnalysisSettings.builder().threads(2).rimWidthUm(50).build(), OpenOptions.DEFAULT, null)
                .run(failing, Shard.parse("2/2"), other);
        IOException e = assertThrows(IOException.class, () -> Merge.merge(Arrays.asList(s1, other), dir.resolve("m"), false));
        assertTrue(e.getMessage().contains("rim_width_um"), e.getMessage());
        Path fewer = dir.resolve("fewer");
        new BatchRunner(SETTINGS, OpenOptions.DEFAULT, null).run(failing.subList(0, 2), Shard.parse("2/2"), fewer);
        e = assertThrows(IOException.class, () -> Merge.merge(Arrays.asList(s1, fewer), dir.resolve("m"), false));
        assertTrue(e.getMessage().contains("2 slides, not 3"), e.getMessage());

        IOException same = assertThrows(IOException.class,
                () -> new BatchRunner(SETTINGS, OpenOptions.DEFAULT, null).run(failing, Shard.parse("2/2"), s1));
        assertTrue(same.getMessage().startsWith(s1 + ": holds shard 1/2 of this batch"), same.getMessage());

        Merge.Result r = Merge.merge(Arrays.asList(s1), dir.resolve("m"), false);
        assertEquals(Arrays.asList(2), r.missing);
        assertEquals(Arrays.asList(failing.get(1).toString()), r.missingSlides);
        assertFalse(r.allOk());
        assertEquals(2, r.rows.size());
        List<BatchRow> rows = BatchSummaryCsv.read(dir.resolve("m").resolve(BatchSummaryCsv.FILE_NAME));
        assertEquals(Arrays.asList("failed", "missing", "failed"), Arrays.asList(rows.get(0).status, rows.get(1).status, rows.get(2).status));
        assertEquals(failing.get(1).toString(), rows.get(1).slide);

        // A merge into a folder of another batch's settings would mix them: refused.
        IOException into = assertThrows(IOException.class, () -> Merge.merge(Arrays.asList(s1), other, false));
        assertTrue(into.getMessage().contains("rim_width_um = 50.0 there"), into.getMessage());
    }

    @Test
    void aSecondRunIntoAFolderInUseIsRefusedAndTheLockGoesWithTheRun() throws Exception {
        Path out = dir.resolve("busy");
        List<Path> one = Arrays.asList(dir.resolve("gone.svs"));
        Files.createDirectories(out);
        Recorder rec = new Recorder();
        try (OutputLock held = OutputLock.acquire(out)) {
            String holder = new String(Files.readAllBytes(out.resolve(OutputLock.FILE_NAME)), StandardCharsets.UTF_8).trim();
            assertTrue(holder.matches("pid \\d+ since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), holder);
            IOException e = assertThrows(IOException.class, () -> new BatchRunner(SETTINGS, OpenOptions.DEFAULT, rec).run(one, out));
            assertEquals(out + ": another run is writing here (" + holder + "); wait for it or choose another --out", e.getMessage());
            assertEquals(0, rec.started);
            assertFalse(Files.exists(out.resolve(BatchManifest.FILE_NAME)), "the refused run wrote nothing");
            new BatchRunner(SETTINGS, OpenOptions.DEFAULT, null).run(one, dir.resolve("s"));
            e = assertThrows(IOException.class, () -> Merge.merge(Arrays.asList(dir.resolve("s")), out, false));
            assertTrue(e.getMessage().startsWith(out + ": another run is writing here"), e.getMessage());
        }
        // A lock file left by a killed run holds no lock (the system drops it with the process).
        Files.write(out.resolve(OutputLock.FILE_NAME), "pid 1 since 2020-01-01T00:00:00Z\n".getBytes(StandardCharsets.UTF_8));
        new BatchRunner(SETTINGS, OpenOptions.DEFAULT, rec).run(one, out);
        assertEquals(1, rec.started);
        assertFalse(Files.exists(out.resolve(OutputLock.FILE_NAME)), "the folder holds only results once the run is over");
    }

    @Test
    void aBatchOrMergeRemovesTheUnfinishedFoldersOfKilledRuns() throws Exception {
        List<Path> one = Arrays.asList(dir.resolve("gone.svs"));
        Path out = dir.resolve("stale"), merged = dir.resolve("merged");
        for (Path d : new Path[] {out, merged}) {
            Files.createDirectories(d.resolve(".gone.partial-123")); // as a kill -9 while writing leaves it
            Files.write(d.resolve(".gone.partial-123").resolve("tiles.csv"), new byte[] {1});
        }
        new BatchRunner(SETTINGS, OpenOptions.DEFAULT, null).run(one, out);
        assertFalse(Files.exists(out.resolve(".gone.partial-123")));
        Merge.merge(Arrays.asList(out), merged, false);
        assertFalse(Files.exists(merged.resolve(".gone.partial-123")));
    }

    @Test
    void outOfMemoryInOneSlideDoesNotStopTheOthers() throws Exception {
        Path out = dir.resolve("oom");
        List<Path> two = Arrays.asList(list.resolveSibling("S1.tif"), list.resolveSibling("b/S1.tif"));
        BatchListener l = new BatchListener() {
            int overviews;

            @Override
            public void status(String message) {
                if ("overview".equals(message) && overviews++ == 0) throw new OutOfMemoryError("Java heap space");
            }
        };
        BatchReport r = new BatchRunner(SETTINGS, OpenOptions.DEFAULT, l).run(two, out);
        assertEquals(BatchRow.FAILED, r.rows.get(0).status);
        assertTrue(r.rows.get(0).reason.contains("out of memory"), r.rows.get(0).reason);
        assertEquals(BatchRow.OK, r.rows.get(1).status);
    }

    @Test
    void cancelStopsBetweenSlidesWithAValidSummary() throws Exception {
        Path out = dir.resolve("cancel");
        List<Path> two = Arrays.asList(dir.resolve("gone1.svs"), dir.resolve("gone2.svs"));
        BatchListener l = new BatchListener() {
            boolean one;

            @Override
            public void slideFinished(BatchRow row) { one = true; }

            @Override
            public boolean isCancelled() { return one; }
        };
        BatchReport r = new BatchRunner(SETTINGS, OpenOptions.DEFAULT, l).run(two, out);
        assertTrue(r.cancelled);
        assertFalse(r.allOk());
        assertEquals(1, BatchSummaryCsv.read(out.resolve(BatchSummaryCsv.FILE_NAME)).size());
    }

    @Test
    void unwritableOutputIsReportedBeforeAnySlideIsOpened() throws Exception {
        Path file = dir.resolve("a-file");
        Files.write(file, new byte[] {1});
        Recorder rec = new Recorder();
        for (Path out : new Path[] {file, file.resolve("sub")}) {
            IOException e = assertThrows(IOException.class,
                    () -> new BatchRunner(SETTINGS, OpenOptions.DEFAULT, rec).run(Arrays.asList(list.resolveSibling("S1.tif")), out));
            assertTrue(e.getMessage().startsWith(out + ": the output folder cannot be written"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        assertEquals(0, rec.started);
    }

    @Test
    void readOnlyOutputFolderIsReportedBeforeAnySlideIsOpened() throws Exception {
        Path ro = dir.resolve("ro");
        Files.createDirectories(ro);
        assertTrue(ro.toFile().setWritable(false, false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(ro) && canWrite(ro),
                    "running as a user who may write into read-only folders (root); skipped");
            Recorder rec = new Recorder();
            IOException e = assertThrows(IOException.class,
                    () -> new BatchRunner(SETTINGS, OpenOptions.DEFAULT, rec).run(Arrays.asList(list.resolveSibling("S1.tif")), ro));
            assertTrue(e.getMessage().contains("cannot be written"), e.getMessage());
            assertEquals(0, rec.started);
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    private static boolean canWrite(Path d) {
        try {
            Files.delete(Files.createTempFile(d, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
