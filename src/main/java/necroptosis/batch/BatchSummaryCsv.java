package necroptosis.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import necroptosis.pipeline.Zone;
import necroptosis.summary.PerZone;
import necroptosis.summary.SlideSummary;

/**
 * batch_summary.csv: a header and one row per slide in the order of the batch's full list (RFC 4180 quoting,
 * UTF-8, '\n' line ends). Numbers are spelt as in summary.json, so a row built from a fresh result and one
 * re-read after a resume are the same text. Written under a temporary name and renamed, so a reader
 * (or a killed batch) never leaves half a file.
 */
public final class BatchSummaryCsv {
    private BatchSummaryCsv() {}

    public static final String FILE_NAME = "batch_summary.csv";

    /** Columns that say which slide and how it went. */
    public static final List<String> ID_COLUMNS = Collections.unmodifiableList(Arrays.asList(
            "index", "slide", "output", "status", "reason"));

    /** Result columns and how each is read from a slide's summary. */
    private static final Map<String, Function<SlideSummary, String>> SOURCES = sources();

    /** Columns copied from summary.json, empty for failed slides. */
    public static final List<String> RESULT_COLUMNS = Collections.unmodifiableList(new ArrayList<>(SOURCES.keySet()));

    /** Every column, in file order. */
    public static final List<String> COLUMNS = all();

    private static Map<String, Function<SlideSummary, String>> sources() {
        Map<String, Function<SlideSummary, String>> m = new LinkedHashMap<>();
        m.put("summary_status", s -> text(s.status));
        m.put("notes", s -> {
            StringBuilder b = new StringBuilder();
            for (String n : s.notes) {
                if (b.length() > 0) b.append("; ");
                b.append(text(n));
            }
            return b.toString();
        });
        m.put("reader", s -> text(s.provenance.reader));
        m.put("pixel_size_um", s -> text(s.pixelSizeUm));
        perZone(m, "%s_area_mm2", s -> s.areasMm2, a -> a);
        m.put("necrosis_fraction", s -> text(s.necrosisFraction));
        m.put("necrotic_core_count", s -> Integer.toString(s.necroticCoreCount));
        m.put("necrotic_cores_uncertain", s -> Integer.toString(s.uncertainCoreCount));
        m.put("necroptotic_fraction", s -> text(s.necroptoticFraction));
        m.put("necroptotic_tumor_burden", s -> text(s.necroptoticTumorBurden));
        perZone(m, "mlkl_positive_fraction_%s", s -> s.mlkl, z -> z.positiveFraction);
        perZone(m, "mlkl_hscore_%s", s -> s.mlkl, z -> z.hScore);
        perZone(m, "immune_density_per_mm2_%s", s -> s.immune, z -> z.densityPerMm2);
        m.put("mlkl_immune_spearman", s -> s.mlklImmuneSpearman == null ? "" : text(s.mlklImmuneSpearman));
        return m;
    }

    /** One column per zone (tissue first), named by {@code format} with the zone's key. */
    private static <T> void perZone(Map<String, Function<SlideSummary, String>> m, String format, Function<SlideSummary, PerZone<T>> zones,
            Function<T, Double> value) {
        m.put(String.format(Locale.ROOT, format, "tissue"), s -> text(value.apply(zones.apply(s).tissue)));
        for (Zone z : Zone.TISSUE_ZONES) m.put(String.format(Locale.ROOT, format, z.key), s -> text(value.apply(zones.apply(s).get(z))));
    }

    private static List<String> all() {
        List<String> c = new ArrayList<>(ID_COLUMNS);
        c.addAll(RESULT_COLUMNS);
        return Collections.unmodifiableList(c);
    }

    /** The result columns of a slide. */
    static Map<String, String> values(SlideSummary summary) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, Function<SlideSummary, String>> e : SOURCES.entrySet()) m.put(e.getKey(), e.getValue().apply(summary));
        return m;
    }

    /** A number as summary.json spells it, so a row from a fresh result and one re-read after a resume agree. */
    private static String text(double v) {
        return Double.toString(v);
    }

    private static String text(String s) {
        return s == null ? "" : oneLine(s);
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").trim();
    }

    /** Writes the rows, sorted by index, to {@code file} atomically. */
    public static void write(Path file, List<BatchRow> rows) throws IOException {
        List<BatchRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> Integer.compare(a.index, b.index));
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            line(w, COLUMNS);
            for (BatchRow r : sorted) {
                List<String> cells = new ArrayList<>(COLUMNS.size());
                cells.add(Integer.toString(r.index));
                cells.add(r.slide);
                cells.add(r.output);
                cells.add(r.status);
                cells.add(r.reason);
                cells.addAll(r.values().values());
                line(w, cells);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            w.write(quote(cells.get(i)));
        }
        w.write('\n');
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws IOException naming the file when it is not a batch summary of this version's columns
     */
    public static List<BatchRow> read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<List<String>> records = parse(text, file);
        if (records.isEmpty() || !records.get(0).equals(COLUMNS)) {
            throw new IOException(file + ": not a batch summary of this version (its header differs from: "
                    + String.join(",", ID_COLUMNS) + ",...)");
        }
        List<BatchRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> r = records.get(i);
            if (r.size() != COLUMNS.size()) {
                throw new IOException(file + ": line " + (i + 1) + " has " + r.size() + " fields, expected " + COLUMNS.size());
            }
            int index;
            try {
                index = Integer.parseInt(r.get(0));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line " + (i + 1) + ": index '" + r.get(0) + "' is not a number");
            }
            String status = r.get(3);
            if (!BatchRow.OK.equals(status) && !BatchRow.FAILED.equals(status) && !BatchRow.MISSING.equals(status)) {
                throw new IOException(file + ": line " + (i + 1) + ": status '" + status + "' is not ok, failed or missing");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = ID_COLUMNS.size(); c < COLUMNS.size(); c++) values.put(COLUMNS.get(c), r.get(c));
            rows.add(new BatchRow(index, r.get(1), r.get(2), status, r.get(4), values, false, 0));
        }
        return rows;
    }

    /** RFC 4180 records; a quoted field may hold commas, quotes and line breaks. */
    private static List<List<String>> parse(String text, Path file) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (quoted) throw new IOException(file + ": ends inside a quoted field (truncated?)");
        if (any) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
