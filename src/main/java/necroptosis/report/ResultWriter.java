package necroptosis.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.GsonBuilder;

import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;

/**
 * Writes a slide's outputs into {@code <out>/<slide name>/}, each file under a temporary name renamed when
 * complete, so a reader (or a resumed batch) never sees half a file. summary.json is written last: its
 * presence marks the slide's outputs as complete.
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

    public static Path write(SlideResult r, Path outDir) throws IOException {
        return write(r, outDir, safeName(r.slidePath));
    }

    /**
     * Writes into {@code <outDir>/<folderName>/}; a batch names the folders itself so that two slides with
     * the same safe name do not share one. The name must be one plain path element.
     */
    public static Path write(SlideResult r, Path outDir, String folderName) throws IOException {
        if (!folderName.matches("[A-Za-z0-9._-]+") || folderName.matches("\\.+")) {
            throw new IllegalArgumentException("output folder name must be a plain name of letters, digits, '.', '_' and '-'; got '" + folderName + "'");
        }
        Path dir = outDir.resolve(folderName);
        Files.createDirectories(dir);
        // summary.json marks a complete set: remove the old one first, so a failed re-run never leaves it
        // beside new tables.
        Files.deleteIfExists(dir.resolve("summary.json"));
        List<TileTable.Row> rows = TileTable.rows(r);
        writeAtomically(dir.resolve("tiles.csv"), w -> writeTiles(rows, w));
        writeAtomically(dir.resolve("distance_profile.csv"), w -> writeProfile(r, w));
        Map<String, Object> summary = Summary.of(r, rows);
        writeAtomically(dir.resolve("summary.json"),
                w -> new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(summary, w));
        return dir;
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

    private static void writeProfile(SlideResult r, Writer w) throws IOException {
        w.write(String.join(",", DistanceProfile.COLUMNS));
        w.write('\n');
        for (Map<String, Object> band : DistanceProfile.bands(r)) csvRow(w, band.values().toArray());
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
