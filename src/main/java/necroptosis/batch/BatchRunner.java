package necroptosis.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import com.google.gson.JsonObject;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.report.ResultWriter;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.summary.SlideSummary;

/**
 * Scores the slides of a batch one after the other (each slide's tiles in parallel), each into its own
 * folder of the output folder, with a row per slide in batch_summary.csv. A slide that fails
 * (unreadable, no pixel size, any exception, even running out of memory) becomes a failure row and the
 * batch goes on. batch_summary.csv is rewritten (atomically) at most once a second and at the end, so an
 * interrupted batch leaves a valid file. Slides whose outputs are already complete with the same settings are not scored again but
 * re-read, so an interrupted batch resumes where it stopped and ends with the same batch_summary.csv.
 * A run holds a lock on its output folder and refuses a folder scored with other settings, so two runs never
 * mix their rows and settings in one folder.
 *
 * <p>Used by the {@code batch} command and by Fiji's Batch Score Folder; GUI-free.
 */
public final class BatchRunner {
    private final AnalysisSettings settings;
    private final OpenOptions open;
    private final BatchListener listener;

    public BatchRunner(AnalysisSettings settings, OpenOptions open, BatchListener listener) {
        this.settings = settings;
        this.open = open == null ? OpenOptions.DEFAULT : open;
        this.listener = listener == null ? BatchListener.NONE : listener;
    }

    /** The whole list. */
    public BatchReport run(List<Path> slides, Path outDir) throws IOException {
        return run(slides, Shard.ALL, outDir);
    }

    /**
     * Scores this shard's slides of the full list {@code slides} (folder names and row indexes come from the
     * full list, so every shard agrees on them).
     *
     * @throws IOException only when the output folder cannot be written or holds another shard of the same batch
     *     (both checked before any slide is opened), or batch_summary.csv cannot be written; every per-slide
     *     problem is a row
     */
    public BatchReport run(List<Path> slides, Shard shard, Path outDir) throws IOException {
        long start = System.nanoTime();
        checkWritable(outDir);
        try (OutputLock lock = OutputLock.acquire(outDir)) {
            return runLocked(slides, shard, outDir, start);
        }
    }

    private BatchReport runLocked(List<Path> slides, Shard shard, Path outDir, long start) throws IOException {
        ResultWriter.removeUnfinished(outDir);
        List<String> names = OutputNames.assign(slides);
        BatchManifest manifest = BatchManifest.of(slides, names, settings, open, shard);
        refuseOtherBatch(outDir, manifest, shard);
        manifest.write(outDir);
        JsonObject expected = manifest.json.getAsJsonObject("settings");
        Path csv = outDir.resolve(BatchSummaryCsv.FILE_NAME);

        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < slides.size(); i++) if (shard.contains(i)) mine.add(i);
        List<BatchRow> rows = new ArrayList<>();
        BatchSummaryCsv.write(csv, rows); // an interrupted batch leaves a valid (if short) file from the start
        boolean cancelled = false;
        long lastWrite = System.nanoTime();
        try {
            for (int n = 0; n < mine.size(); n++) {
                if (listener.isCancelled()) {
                    cancelled = true;
                    break;
                }
                int i = mine.get(n);
                listener.slideStarted(n + 1, mine.size(), slides.get(i));
                BatchRow row;
                try {
                    row = scoreOne(i + 1, slides.get(i), outDir, names.get(i), expected);
                } catch (CancellationException e) {
                    cancelled = true;
                    break;
                }
                rows.add(row);
                // At most once a second: a resumed batch of thousands of complete slides would otherwise rewrite a
                // growing file thousands of times. Rows not yet on disk are cheap to redo (complete or failed).
                long now = System.nanoTime();
                if (now - lastWrite >= 1_000_000_000L) {
                    BatchSummaryCsv.write(csv, rows);
                    lastWrite = now;
                }
                listener.slideFinished(row);
            }
        } finally {
            BatchSummaryCsv.write(csv, rows); // also when a listener throws
        }
        return new BatchReport(rows, mine.size(), shard, outDir, csv, cancelled, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Two shards of one batch in one folder would overwrite each other's batch_summary.csv (a common slip in a
     * job-array script), so a folder that holds another shard of the same batch is refused; so is a folder
     * scored with other settings, whose slide folders and batch.json would otherwise be mixed with this run's
     * rows. A folder of the same settings with another slide list is taken over (slides added to a cohort).
     */
    private static void refuseOtherBatch(Path outDir, BatchManifest manifest, Shard shard) throws IOException {
        BatchManifest old = existing(outDir);
        if (old == null) return;
        refuseOtherSettings(outDir, manifest, old);
        if (manifest.differenceFrom(old) == null && !old.shard().equals(shard)) {
            throw new IOException(outDir + ": holds " + (old.shard().isAll() ? "the unsharded run" : "shard " + old.shard())
                    + " of this batch, not " + (shard.isAll() ? "the whole batch" : "shard " + shard)
                    + "; give each shard its own output folder (e.g. results/shard-" + shard.k + ")");
        }
    }

    /** The folder's batch.json, or null when there is none or it is damaged (then rewritten). */
    static BatchManifest existing(Path outDir) {
        if (!Files.isRegularFile(outDir.resolve(BatchManifest.FILE_NAME))) return null;
        try {
            return BatchManifest.read(outDir);
        } catch (IOException e) {
            return null;
        }
    }

    /** One line naming the first setting that differs between the folder's batch.json and this run. */
    static void refuseOtherSettings(Path outDir, BatchManifest mine, BatchManifest old) throws IOException {
        String k = old.differingSetting(mine);
        if (k != null) {
            throw new IOException(outDir + ": holds a batch scored with other settings (" + k + " = " + old.setting(k) + " there, "
                    + mine.setting(k) + " now); choose another --out, or delete " + BatchManifest.FILE_NAME
                    + " there to score its slides again with these settings");
        }
    }

    private BatchRow scoreOne(int index, Path slide, Path outDir, String name, JsonObject expected) {
        long t0 = System.nanoTime();
        String label = slide.toString();
        Path dir = outDir.resolve(name);
        try {
            SlideSummary done = CompleteOutputs.find(dir, slide, expected);
            if (done != null) return BatchRow.ofSummary(index, label, name, done, true, seconds(t0));
            SlideSummary summary;
            try (SlideSource s = SlideSources.open(slide, open)) {
                SlideResult r = new SlideAnalysis(settings, progress()).run(s);
                summary = ResultWriter.writeAll(r, outDir, name).summary;
            }
            // SummaryJson reads back exactly what it wrote, so this row equals a resumed run's row for the slide.
            return BatchRow.ofSummary(index, label, name, summary, false, seconds(t0));
        } catch (CancellationException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            return BatchRow.failed(index, label, name, label + ": out of memory (" + e.getMessage()
                    + "); give Java more memory (-Xmx) or use fewer threads", seconds(t0));
        } catch (SlideException e) {
            return BatchRow.failed(index, label, name, reason(label, e.getMessage()), seconds(t0));
        } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
            // One bad slide must never stop the others; the class name helps a bug report.
            return BatchRow.failed(index, label, name,
                    reason(label, SlideSources.describe(e) + " (" + e.getClass().getSimpleName() + ")"), seconds(t0));
        }
    }

    /** One line that starts with the slide's path as listed. */
    private static String reason(String label, String message) {
        String m = BatchSummaryCsv.oneLine(message);
        return m.startsWith(label + ":") ? m : label + ": " + m;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private ProgressListener progress() {
        return new ProgressListener() {
            @Override
            public void tiles(int done, int total) { listener.tiles(done, total); }

            @Override
            public void status(String message) { listener.status(message); }

            @Override
            public boolean isCancelled() { return listener.isCancelled(); }
        };
    }

    /**
     * Creates the output folder and writes (and removes) a probe file in it, so that a folder that cannot be
     * written is reported in one line before any slide is opened.
     */
    public static void checkWritable(Path outDir) throws IOException {
        try {
            if (Files.exists(outDir) && !Files.isDirectory(outDir)) throw new IOException("is a file, not a folder");
            Files.createDirectories(outDir);
            Path probe = Files.createTempFile(outDir, ".write-test-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            // createDirectories reports a folder that cannot exist there (e.g. in /proc) as "no such file".
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.NoSuchFileException ? "it cannot be created there"
                    : e instanceof java.nio.file.FileSystemException && ((java.nio.file.FileSystemException) e).getReason() != null
                            ? ((java.nio.file.FileSystemException) e).getReason()
                            : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way"
                            : String.valueOf(e.getMessage());
            throw new IOException(outDir + ": the output folder cannot be written (" + why + ")", e);
        }
    }
}
