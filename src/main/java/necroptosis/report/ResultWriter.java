package necroptosis.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;
import necroptosis.regions.RoiSetWriter;
import necroptosis.summary.DistanceBand;
import necroptosis.summary.SlideSummary;
import necroptosis.summary.SummaryJson;

/**
 * Writes a slide's outputs into {@code <out>/<slide name>/}. Every file goes first into a fresh hidden
 * sibling folder ({@code <out>/.<slide name>.partial-<random>}) that replaces the slide's folder only when
 * complete, so a reader (or a resumed batch) sees either the earlier complete result or the new one, never
 * a mix, and a full disk or a failed drawing leaves the earlier result as it was. A run killed while writing
 * leaves that hidden folder behind; {@link #removeUnfinished} removes it when a later run starts.
 */
public final class ResultWriter {
    private ResultWriter() {}

    /** The slide's file name without its extension, made safe: it cannot escape the output folder. */
    public static String safeName(String slidePath) {
        Path file = java.nio.file.Paths.get(slidePath).getFileName();
        String name = file == null ? "" : file.toString();
        // Drop the extension (and OME-TIFF's ".ome") so results/CASE-12/ sits beside CASE-12.svs.
        name = name.replaceFirst("(?i)(\\.ome)?\\.(tiff?|btf|svs|ndpi|ndpis|mrxs|czi|vsi|scn|bif|qptiff|png|jpe?g|gif|bmp)$", "");
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (s.isEmpty() || s.matches("\\.+")) s = "slide" + s.replace('.', '_');
        return s;
    }

    /** The files written before summary.json, in order. */
    private static final String[] FILES = {"tiles.csv", "distance_profile.csv", "overview.png", "mlkl_heatmap.png",
        "immune_heatmap.png", "distance_profile.png", "necrosis.geojson", "rois.zip"};

    /** Every file of a complete slide output, summary.json last. */
    public static List<String> outputFiles() {
        List<String> files = new ArrayList<>(Arrays.asList(FILES));
        files.add("summary.json");
        return files;
    }

    /** Whether a slide's output folder holds every output file (summary.json is written last, so check it too). */
    public static boolean isComplete(Path slideDir) {
        for (String f : outputFiles()) if (!Files.isRegularFile(slideDir.resolve(f))) return false;
        return true;
    }

    public static Path write(SlideResult r, Path outDir) throws IOException {
        return write(r, outDir, safeName(r.slidePath));
    }

    /** As {@link #writeAll}, for a caller that needs only the folder. */
    public static Path write(SlideResult r, Path outDir, String folderName) throws IOException {
        return writeAll(r, outDir, folderName).dir;
    }

    /** Where a slide's outputs went, and the summary written there, for a caller that reports it. */
    public static final class Written {
        public final Path dir;
        public final SlideSummary summary;

        Written(Path dir, SlideSummary summary) {
            this.dir = dir;
            this.summary = summary;
        }
    }

    /**
     * Writes into {@code <outDir>/<folderName>/}; a batch names the folders itself so that two slides with
     * the same safe name do not share one. The name must be one plain path element. The result's cell
     * records ({@code --export-cells}), written to cells.csv and cells.geojson, are deleted afterwards.
     */
    public static Written writeAll(SlideResult r, Path outDir, String folderName) throws IOException {
        try {
            return writeAllOnce(r, outDir, folderName);
        } finally {
            if (r.cellRecords != null) r.cellRecords.close();
        }
    }

    private static Written writeAllOnce(SlideResult r, Path outDir, String folderName) throws IOException {
        if (!folderName.matches("[A-Za-z0-9._-]+") || folderName.matches("\\.+")) {
            throw new IllegalArgumentException("output folder name must be a plain name of letters, digits, '.', '_' and '-'; got '" + folderName + "'");
        }
        Path dir = outDir.resolve(folderName);
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IOException(dir + ": exists and is not a folder");
        Files.createDirectories(outDir);
        List<TileTable.Row> rows = TileTable.rows(r);
        SlideSummary summary = Summary.of(r, rows);
        // The pictures and shapes a person looks at; all drawn from the same outlines.
        List<Outline> outlines = Outlines.all(r);
        try (PartialFolders.Claim claim = PartialFolders.create(outDir, folderName)) {
            writeInto(claim, r, rows, summary, outlines, dir);
        }
        return new Written(dir, summary);
    }

    /** Writes every file into the claimed folder, then swaps it in for {@code dir}; on failure deletes it. */
    private static void writeInto(PartialFolders.Claim claim, SlideResult r, List<TileTable.Row> rows, SlideSummary summary,
            List<Outline> outlines, Path dir) throws IOException {
        Path tmp = claim.folder;
        boolean swapped = false;
        try {
            // The files are independent, and drawing and compressing the PNGs is serial work after the
            // parallel tiles: write them on the run's threads.
            List<FileTask> tasks = new ArrayList<>();
            if (r.cellRecords != null) { // the longest on a whole slide: started first
                tasks.add(named(dir, tmp, CellFiles.CSV, f -> writeAtomically(f, w -> CellFiles.writeCsv(r, w))));
                tasks.add(named(dir, tmp, CellFiles.GEOJSON, f -> writeAtomically(f, w -> CellFiles.writeGeoJson(r, w))));
            }
            tasks.add(named(dir, tmp, "tiles.csv", f -> writeAtomically(f, w -> writeTiles(rows, w))));
            tasks.add(named(dir, tmp, "distance_profile.csv", f -> writeAtomically(f, w -> writeProfile(summary.distanceProfile, w))));
            tasks.add(named(dir, tmp, "overview.png", f -> writePng(f, () -> OverviewImage.render(r, outlines))));
            tasks.add(named(dir, tmp, "mlkl_heatmap.png", f -> writePng(f, () -> Heatmap.render(r, outlines, Heatmap.Kind.MLKL))));
            tasks.add(named(dir, tmp, "immune_heatmap.png", f -> writePng(f, () -> Heatmap.render(r, outlines, Heatmap.Kind.IMMUNE))));
            tasks.add(named(dir, tmp, "distance_profile.png", f -> writePng(f, () -> DistancePlot.render(r, summary.distanceProfile))));
            tasks.add(named(dir, tmp, "necrosis.geojson", f -> writeAtomically(f, w -> NecrosisGeoJson.write(r, outlines, w))));
            tasks.add(named(dir, tmp, "rois.zip", f -> writeBinaryAtomically(f, o -> RoiSetWriter.write(roiEntries(outlines), o))));
            runAll(tasks, r.settings.threads);
            named(dir, tmp, SummaryJson.FILE_NAME, f -> writeAtomically(f, w -> SummaryJson.write(summary, w))).run();
            swapIn(tmp, dir, claim.id());
            swapped = true;
        } finally {
            if (!swapped) PartialFolders.deleteTree(tmp);
        }
    }

    /**
     * Removes from an output folder the hidden partial and set-aside folders of runs that ended while writing
     * (killed, crashed); those of runs still writing, in this process or another, on this host or another, are
     * kept. Runs call it when they start writing into a folder.
     *
     * @return the names removed
     */
    public static List<String> removeUnfinished(Path outDir) {
        return PartialFolders.removeStale(outDir);
    }

    /** The infix of the hidden folder a slide's outputs are written into before they replace its folder. */
    public static final String PARTIAL = PartialFolders.PARTIAL;

    /** Whether a folder is one that {@link #writeAll} writes into (or set aside) and not a slide's result. */
    public static boolean isTemporary(Path dir) {
        Path name = dir.getFileName();
        if (name == null) return false;
        String n = name.toString();
        return n.startsWith(".") && (n.contains(PARTIAL) || n.contains(REPLACED));
    }

    private static final String REPLACED = PartialFolders.REPLACED;

    /** Tests make one file's writing fail here, as a full disk would. */
    interface Fault {
        void check(String fileName) throws IOException;
    }

    static volatile Fault fault = f -> {};

    interface Target {
        void write(Path file) throws IOException;
    }

    /**
     * Writes one file into the temporary folder; an I/O error (a full disk says only "No space left on
     * device", ImageIO only "I/O error writing PNG file!") is reported with the file's final path.
     */
    private static FileTask named(Path dir, Path tmp, String fileName, Target target) {
        return () -> {
            try {
                fault.check(fileName);
                target.write(tmp.resolve(fileName));
            } catch (DrawingFailed e) {
                throw new IOException(dir.resolve(fileName) + ": " + e.getMessage(), e.getCause());
            } catch (IOException e) {
                throw new IOException(dir.resolve(fileName) + ": cannot write it (" + reason(e) + "); the earlier result, if any, is kept", e);
            }
        };
    }

    private static String reason(IOException e) {
        String m = e instanceof java.nio.file.FileSystemException ? ((java.nio.file.FileSystemException) e).getReason() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) m = "the folder disappeared";
        else if (e instanceof java.nio.file.AccessDeniedException) m = "permission denied";
        return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
    }

    /**
     * Replaces {@code dir} by the complete {@code tmp}: the old folder is renamed aside, the new one renamed
     * in, then the old one deleted. If the new one cannot be renamed in, the old one is put back.
     */
    private static void swapIn(Path tmp, Path dir, String id) throws IOException {
        if (!Files.exists(dir)) {
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new IOException(dir + ": cannot rename the finished result into place (" + reason(e) + ")", e);
            }
            return;
        }
        Path old = dir.resolveSibling("." + dir.getFileName() + REPLACED + id);
        try {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException(dir + ": cannot set the earlier result aside to replace it (" + reason(e) + "); it is kept", e);
        }
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException restore) {
                e.addSuppressed(restore);
                throw new IOException(dir + ": cannot rename the new result into place (" + reason(e) + ") nor put the earlier one back; it is in " + old, e);
            }
            throw new IOException(dir + ": cannot rename the new result into place (" + reason(e) + "); the earlier result is kept", e);
        }
        PartialFolders.deleteTree(old);
    }

    /** The outlines as ImageJ ROIs, named and coloured as in the overview. */
    public static List<RoiSetWriter.Entry> roiEntries(List<Outline> outlines) {
        List<RoiSetWriter.Entry> entries = new ArrayList<>(outlines.size());
        for (Outline o : outlines) entries.add(new RoiSetWriter.Entry(o.name, o.classification, Outlines.rgb(o.classification), o.rings));
        return entries;
    }

    interface FileTask {
        void run() throws IOException;
    }

    /**
     * Runs the tasks on up to {@code threads} threads and waits for all of them (so that none is still
     * writing when an error is reported); then rethrows the first failure in task order.
     */
    static void runAll(List<FileTask> tasks, int threads) throws IOException {
        int n = Math.max(1, Math.min(threads, tasks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n, job -> {
            Thread t = new Thread(job, "necroptosis-output");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (FileTask task : tasks) futures.add(pool.submit(() -> {
                task.run();
                return null;
            }));
            Throwable first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    if (first == null) first = new java.io.InterruptedIOException("interrupted while writing the outputs");
                }
            }
            if (first instanceof IOException) throw (IOException) first;
            if (first instanceof RuntimeException) throw (RuntimeException) first;
            if (first instanceof Error) throw (Error) first;
        } finally {
            pool.shutdownNow();
        }
    }

    interface Content {
        void write(Writer w) throws IOException;
    }

    static void writeAtomically(Path file, Content content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            content.write(w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Draws and writes one PNG. Text drawing needs fonts, which a stripped-down server JVM may lack (the
     * JDK then fails deep in its font code): reported as an IOException naming the file and the fix.
     */
    private static void writePng(Path file, Supplier<java.awt.image.BufferedImage> draw) throws IOException {
        java.awt.image.BufferedImage img;
        try {
            img = draw.get();
        } catch (RuntimeException | InternalError | UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new DrawingFailed("cannot draw the image (" + e + "); if this JVM has no fonts (a minimal server), "
                    + "install some, e.g. the fontconfig and fonts-dejavu-core packages", e);
        }
        writeBinaryAtomically(file, o -> Drawing.writePng(img, o));
    }

    /** A picture that could not be drawn: its message already says why. */
    private static final class DrawingFailed extends IOException {
        DrawingFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    interface BinaryContent {
        void write(OutputStream out) throws IOException;
    }

    /** As {@link #writeAtomically}, for binary files (PNG, zip). */
    static void writeBinaryAtomically(Path file, BinaryContent content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
            content.write(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeTiles(List<TileTable.Row> rows, Writer w) throws IOException {
        w.write(String.join(",", TileTable.COLUMNS));
        w.write('\n');
        for (TileTable.Row row : rows) {
            Object[] v = {row.tile.index, row.x, row.y, row.width, row.height, row.tissueFraction,
                row.zoneFraction[Zone.NECROSIS.ordinal()], row.zoneFraction[Zone.RIM.ordinal()], row.zoneFraction[Zone.VIABLE.ordinal()],
                row.tile.score.positiveFraction(), row.tile.score.weakFraction(), row.tile.score.moderateFraction(),
                row.tile.score.strongFraction(), row.tile.score.hScore(), row.tile.score.meanDabOd(), row.tile.nuclei,
                row.tile.immuneCells, row.immuneDensity, row.qcFlags};
            csvRow(w, v);
        }
    }

    private static void writeProfile(List<DistanceBand> bands, Writer w) throws IOException {
        w.write(String.join(",", DistanceProfile.COLUMNS));
        w.write('\n');
        for (DistanceBand band : bands) csvRow(w, band.columns());
    }

    private static void csvRow(Writer w, Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) w.write(',');
            Object v = values[i];
            w.write(v instanceof Double ? String.format(Locale.ROOT, "%.6g", (Double) v) : String.valueOf(v));
        }
        w.write('\n');
    }
}
