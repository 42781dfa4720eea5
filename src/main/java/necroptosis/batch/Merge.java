package necroptosis.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

import necroptosis.report.ResultWriter;

/**
 * Joins the output folders of a batch's shards into one batch_summary.csv (and batch.json) with the same
 * bytes as an unsharded run of the same slides would write. Refuses folders of different batches (another
 * list, other settings, another version), and names the slides that no shard has a row for (a shard that
 * did not run or was interrupted), each with a {@code missing} row. The slides' own folders stay where the shards wrote them unless asked to
 * move them into the merged folder.
 */
public final class Merge {
    private Merge() {}

    /** The reason in a missing slide's row. */
    public static final String MISSING_REASON = "no shard output for this slide (its shard not run, interrupted, or not given)";

    /** What a merge found. */
    public static final class Result {
        /** The merged rows in list order (batch_summary.csv also has a {@code missing} row per missing slide). */
        public final List<BatchRow> rows;
        /** 1-based indexes of slides without a row in any shard. */
        public final List<Integer> missing;
        /** Their paths as listed, in the same order. */
        public final List<String> missingSlides;
        public final int total;
        public final Path summaryCsv;
        /** Whether the slides' folders were moved (asked for, and no slide missing). */
        public final boolean foldersMoved;

        Result(List<BatchRow> rows, List<Integer> missing, List<String> missingSlides, int total, Path summaryCsv, boolean foldersMoved) {
            this.rows = Collections.unmodifiableList(rows);
            this.missing = Collections.unmodifiableList(missing);
            this.missingSlides = Collections.unmodifiableList(missingSlides);
            this.total = total;
            this.summaryCsv = summaryCsv;
            this.foldersMoved = foldersMoved;
        }

        public int failed() {
            int n = 0;
            for (BatchRow r : rows) if (!r.isOk()) n++;
            return n;
        }

        /** Every slide of the batch has a row and every row is ok. */
        public boolean allOk() {
            return missing.isEmpty() && failed() == 0;
        }
    }

    /**
     * @param moveFolders also move each slide's output folder from its shard folder into {@code outDir}, so
     *     that the merged folder looks like an unsharded run's (a rename: shards and merge on one file system).
     *     Not done while slides are missing: the shard that should have them is re-run in its own folder, and
     *     would score the moved slides again, leaving two folders per slide.
     * @throws IOException one line naming the folder and the problem: not a batch folder, a different batch, or
     *     two shards disagreeing on a slide; the output folder is checked before anything is written
     */
    public static Result merge(List<Path> shardDirs, Path outDir, boolean moveFolders) throws IOException {
        if (shardDirs.isEmpty()) throw new IllegalArgumentException("give at least one shard output folder");
        Path outAbs = outDir.toAbsolutePath().normalize();
        List<BatchManifest> manifests = new ArrayList<>();
        for (Path d : shardDirs) {
            if (d.toAbsolutePath().normalize().equals(outAbs)) {
                throw new IllegalArgumentException(d + ": the merged output folder must not be one of the shard folders");
            }
            manifests.add(BatchManifest.read(d));
        }
        BatchManifest first = manifests.get(0);
        for (int i = 1; i < manifests.size(); i++) {
            String diff = first.differenceFrom(manifests.get(i));
            if (diff != null) {
                throw new IOException(shardDirs.get(i) + ": not a shard of the same batch as " + shardDirs.get(0) + ": " + diff);
            }
        }
        TreeMap<Integer, BatchRow> byIndex = new TreeMap<>();
        TreeMap<Integer, Path> from = new TreeMap<>();
        for (Path d : shardDirs) {
            Path csv = d.resolve(BatchSummaryCsv.FILE_NAME);
            if (!Files.isRegularFile(csv)) throw new IOException(d + ": no " + BatchSummaryCsv.FILE_NAME + " (the shard has not started?)");
            for (BatchRow r : BatchSummaryCsv.read(csv)) {
                if (r.isMissing()) continue; // a merged folder given as a shard: its missing rows are no result
                if (r.index < 1 || r.index > first.size() || !first.slide(r.index).equals(r.slide)) {
                    throw new IOException(csv + ": row #" + r.index + " (" + r.slide + ") is not in the batch's list");
                }
                BatchRow had = byIndex.get(r.index);
                if (had == null) {
                    byIndex.put(r.index, r);
                    from.put(r.index, d);
                } else if (!sameRow(had, r)) {
                    // The same slide scored twice (shards overlapping, or a re-run): an ok row beats a failure.
                    if (!had.isOk() && r.isOk()) {
                        byIndex.put(r.index, r);
                        from.put(r.index, d);
                    } else if (had.isOk() && r.isOk()) {
                        throw new IOException("slide #" + r.index + " (" + r.slide + ") has different results in "
                                + from.get(r.index) + " and " + d);
                    }
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        List<String> missingSlides = new ArrayList<>();
        for (int i = 1; i <= first.size(); i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
                missingSlides.add(first.slide(i));
            }
        }
        BatchRunner.checkWritable(outDir);
        try (OutputLock lock = OutputLock.acquire(outDir)) {
            ResultWriter.removeUnfinished(outDir);
            BatchManifest there = BatchRunner.existing(outDir);
            if (there != null) BatchRunner.refuseOtherSettings(outDir, first, there);
            return write(first, byIndex, from, missing, missingSlides, outDir, moveFolders);
        }
    }

    private static Result write(BatchManifest first, TreeMap<Integer, BatchRow> byIndex, TreeMap<Integer, Path> from,
            List<Integer> missing, List<String> missingSlides, Path outDir, boolean moveFolders) throws IOException {
        boolean move = moveFolders && missing.isEmpty();
        if (move) {
            for (BatchRow r : byIndex.values()) {
                Path src = from.get(r.index).resolve(r.output), dst = outDir.resolve(r.output);
                if (Files.isDirectory(src) && !Files.exists(dst)) Files.move(src, dst);
            }
        }
        List<BatchRow> rows = new ArrayList<>(byIndex.values());
        // Every slide of the batch has a row, so the table read on its own shows what is not there.
        List<BatchRow> all = new ArrayList<>(rows);
        for (int i : missing) all.add(BatchRow.missing(i, first.slide(i), first.output(i), MISSING_REASON));
        Path csv = outDir.resolve(BatchSummaryCsv.FILE_NAME);
        BatchSummaryCsv.write(csv, all);
        first.withShard(Shard.ALL).write(outDir);
        return new Result(rows, missing, missingSlides, first.size(), csv, move);
    }

    private static boolean sameRow(BatchRow a, BatchRow b) {
        return a.status.equals(b.status) && a.reason.equals(b.reason) && a.output.equals(b.output) && a.values().equals(b.values());
    }
}
