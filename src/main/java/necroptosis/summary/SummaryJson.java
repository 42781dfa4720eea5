package necroptosis.summary;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.Zone;

/**
 * summary.json: the one writer and the one reader of {@link SlideSummary}. Keys are stable snake_case in a
 * fixed order, numbers are written as Java prints them (so reading gives back the same double), absent
 * values (a Spearman correlation that is undefined) as null, and two-space indentation.
 */
public final class SummaryJson {
    private SummaryJson() {}

    public static final String FILE_NAME = "summary.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    public static void write(SlideSummary s, Writer out) throws IOException {
        JsonWriter w = GSON.newJsonWriter(out);
        w.beginObject();
        w.name("slide").value(s.slide);
        w.name("marker").value(s.marker);
        w.name("status").value(s.status);
        w.name("notes").beginArray();
        for (String n : s.notes) w.value(n);
        w.endArray();
        w.name("pixel_size_um").value(s.pixelSizeUm);
        w.name("areas_mm2");
        perZone(w, s.areasMm2, (j, a) -> j.value(a));
        w.name("necrosis_fraction").value(s.necrosisFraction);
        w.name("necrotic_core_count").value(s.necroticCoreCount);
        w.name("necrotic_cores_uncertain").value(s.uncertainCoreCount);
        w.name("mlkl");
        perZone(w, s.mlkl, SummaryJson::mlkl);
        w.name("necroptotic_fraction").value(s.necroptoticFraction);
        w.name("necroptotic_tumor_burden").value(s.necroptoticTumorBurden);
        w.name("immune");
        perZone(w, s.immune, (j, i) -> {
            j.beginObject();
            j.name("cells").value(i.cells);
            j.name("density_per_mm2").value(i.densityPerMm2);
            j.endObject();
        });
        if (s.cells != null) {
            // The tissue-wide cell statistics are the object's own fields, the zones nested beside them.
            w.name("cells").beginObject();
            cellFields(w, s.cells.zones.tissue);
            w.name("compartment").value(s.cells.compartment);
            for (Zone z : Zone.TISSUE_ZONES) {
                w.name(z.key).beginObject();
                cellFields(w, s.cells.zones.get(z));
                w.endObject();
            }
            w.endObject();
        }
        w.name("mlkl_immune_spearman").value(s.mlklImmuneSpearman);
        w.name("distance_profile").beginArray();
        for (DistanceBand b : s.distanceProfile) {
            w.beginObject();
            w.name("from_um").value(b.fromUm);
            w.name("to_um").value(b.toUm);
            w.name("tissue_mm2").value(b.tissueMm2);
            w.name("dab_positive_fraction").value(b.dabPositiveFraction);
            w.name("hscore").value(b.hScore);
            w.name("immune_cells").value(b.immuneCells);
            w.name("immune_density_per_mm2").value(b.immuneDensityPerMm2);
            w.endObject();
        }
        w.endArray();
        w.name("provenance");
        provenance(w, s.provenance);
        w.endObject();
        w.flush();
    }

    private interface Value<T> {
        void write(JsonWriter w, T value) throws IOException;
    }

    private static <T> void perZone(JsonWriter w, PerZone<T> values, Value<T> value) throws IOException {
        w.beginObject();
        w.name("tissue");
        value.write(w, values.tissue);
        for (Zone z : Zone.TISSUE_ZONES) {
            w.name(z.key);
            value.write(w, values.get(z));
        }
        w.endObject();
    }

    private static void mlkl(JsonWriter w, MlklPixelScore m) throws IOException {
        w.beginObject();
        w.name("positive_fraction").value(m.positiveFraction);
        w.name("weak").value(m.weak);
        w.name("moderate").value(m.moderate);
        w.name("strong").value(m.strong);
        w.name("hscore").value(m.hScore);
        w.name("mean_dab_od").value(m.meanDabOd);
        w.endObject();
    }

    private static void cellFields(JsonWriter w, CellStatistics c) throws IOException {
        w.name("count").value(c.count);
        w.name("mlkl_positive_percent").value(c.mlklPositivePercent);
        w.name("hscore").value(c.hScore);
    }

    private static void provenance(JsonWriter w, Provenance p) throws IOException {
        w.beginObject();
        w.name("software").value(p.software);
        w.name("version").value(p.version);
        w.name("reader").value(p.reader);
        w.name("pixel_size_um").value(p.pixelSizeUm);
        w.name("pixel_size_source").value(p.pixelSizeSource);
        w.name("slide_width_px").value(p.slideWidthPx);
        w.name("slide_height_px").value(p.slideHeightPx);
        w.name("analysis_level").value(p.analysisLevel);
        w.name("analysis_downsample").value(p.analysisDownsample);
        w.name("analysis_pixel_um").value(p.analysisPixelUm);
        w.name("overview_pixel_um").value(p.overviewPixelUm);
        w.name("block_um").value(p.blockUm);
        w.name("tissue_min_od_sum_used").value(p.tissueMinOdSum);
        w.name("tissue_how").value(p.tissueHow);
        StainProvenance st = p.stains;
        w.name("stains").beginObject();
        w.name("name").value(st.name);
        w.name("how").value(st.how);
        for (StainProvenance.Vector v : st.vectors) {
            w.name(v.name);
            numbers(w, v.rgb());
        }
        w.name("background_i0");
        numbers(w, st.backgroundI0());
        w.name("background_how").value(st.backgroundHow);
        w.endObject();
        w.name("parameters");
        GSON.toJson(p.parameters(), w);
        w.name("nucleus_threshold_used_od").value(p.nucleusThresholdUsedOd);
        w.name("nucleus_reference_od").value(p.nucleusReferenceOd);
        w.name("lymph_sized_split_od").value(p.lymphSizedSplitOd);
        w.name("lymph_sized_dark_p90_od").value(p.lymphSizedDarkP90Od);
        w.name("immune_min_od").value(p.immuneMinOd);
        w.name("necrosis_lymph_min_od").value(p.necrosisLymphMinOd);
        w.name("debris_min_od").value(p.debrisMinOd);
        w.name("necrosis_reference_density_per_mm2").value(p.necrosisReferenceDensityPerMm2);
        w.name("tiles_total").value(p.tilesTotal);
        w.name("tiles_analysed").value(p.tilesAnalysed);
        w.name("tiles_skipped_no_tissue").value(p.tilesSkippedNoTissue);
        w.name("run_seconds").value(p.runSeconds);
        w.endObject();
    }

    private static void numbers(JsonWriter w, double[] v) throws IOException {
        if (v == null) {
            w.nullValue();
            return;
        }
        w.beginArray();
        for (double x : v) w.value(x);
        w.endArray();
    }

    /**
     * Reads a summary.json written by {@link #write}.
     *
     * @throws IOException naming the file and the key when it is not valid JSON or lacks a value
     */
    public static SlideSummary read(Path file) throws IOException {
        JsonElement e;
        try {
            e = JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (JsonParseException ex) {
            throw new IOException(file + ": not valid JSON (" + ex.getMessage() + ")");
        }
        if (!e.isJsonObject()) throw new IOException(file + ": not a JSON object");
        try {
            return read(e.getAsJsonObject());
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException | NumberFormatException ex) {
            throw new IOException(file + ": not a summary of this version (" + ex.getMessage() + ")");
        }
    }

    /** The summary held by a parsed summary.json; throws IllegalStateException naming a missing or mistyped key. */
    public static SlideSummary read(JsonObject o) {
        List<String> notes = new ArrayList<>();
        for (JsonElement n : array(o, "notes")) notes.add(n.getAsString());
        JsonObject areas = object(o, "areas_mm2");
        PerZone<Double> areasMm2 = perZone(areas, (a, k) -> number(a, k));
        PerZone<MlklPixelScore> mlkl = perZone(object(o, "mlkl"), (m, k) -> {
            JsonObject z = object(m, k);
            return new MlklPixelScore(number(z, "positive_fraction"), number(z, "weak"), number(z, "moderate"), number(z, "strong"),
                    number(z, "hscore"), number(z, "mean_dab_od"));
        });
        PerZone<ImmuneStatistics> immune = perZone(object(o, "immune"), (m, k) -> {
            JsonObject z = object(m, k);
            return new ImmuneStatistics(count(z, "cells"), number(z, "density_per_mm2"));
        });
        CellSummary cells = null;
        if (o.has("cells")) {
            JsonObject c = object(o, "cells");
            cells = new CellSummary(string(c, "compartment"),
                    perZone(c, (m, k) -> cellStatistics(k.equals("tissue") ? m : object(m, k))));
        }
        JsonElement rho = o.get("mlkl_immune_spearman");
        List<DistanceBand> bands = new ArrayList<>();
        for (JsonElement b : array(o, "distance_profile")) {
            JsonObject x = b.getAsJsonObject();
            bands.add(new DistanceBand(number(x, "from_um"), number(x, "to_um"), number(x, "tissue_mm2"), number(x, "dab_positive_fraction"),
                    number(x, "hscore"), count(x, "immune_cells"), number(x, "immune_density_per_mm2")));
        }
        // Summaries written before the marker was named are MLKL ones.
        String marker = o.has("marker") ? string(o, "marker") : AnalysisSettings.DEFAULT_MARKER;
        return new SlideSummary(string(o, "slide"), marker, string(o, "status"), notes, number(o, "pixel_size_um"), areasMm2,
                number(o, "necrosis_fraction"), (int) count(o, "necrotic_core_count"),
                o.has("necrotic_cores_uncertain") ? (int) count(o, "necrotic_cores_uncertain") : 0, mlkl, number(o, "necroptotic_fraction"),
                number(o, "necroptotic_tumor_burden"), immune, cells, rho == null || rho.isJsonNull() ? null : rho.getAsDouble(),
                bands, provenance(object(o, "provenance")));
    }

    private interface ZoneReader<T> {
        T read(JsonObject parent, String key);
    }

    private static <T> PerZone<T> perZone(JsonObject o, ZoneReader<T> r) {
        return new PerZone<>(r.read(o, "tissue"), r.read(o, Zone.NECROSIS.key), r.read(o, Zone.RIM.key), r.read(o, Zone.VIABLE.key));
    }

    private static CellStatistics cellStatistics(JsonObject c) {
        return new CellStatistics(count(c, "count"), number(c, "mlkl_positive_percent"), number(c, "hscore"));
    }

    private static Provenance provenance(JsonObject p) {
        JsonObject st = object(p, "stains");
        List<StainProvenance.Vector> vectors = new ArrayList<>();
        for (String k : st.keySet()) {
            if (k.equals("name") || k.equals("how") || k.equals("background_i0") || k.equals("background_how")) continue;
            vectors.add(new StainProvenance.Vector(k, numbers(st, k)));
        }
        StainProvenance stains = new StainProvenance(string(st, "name"), string(st, "how"), vectors, numbers(st, "background_i0"),
                string(st, "background_how"));
        return new Provenance(string(p, "software"), string(p, "version"), string(p, "reader"), number(p, "pixel_size_um"),
                string(p, "pixel_size_source"), count(p, "slide_width_px"), count(p, "slide_height_px"), (int) count(p, "analysis_level"),
                number(p, "analysis_downsample"), number(p, "analysis_pixel_um"), number(p, "overview_pixel_um"), number(p, "block_um"),
                numberOrNaN(p, "tissue_min_od_sum_used"), p.get("tissue_how") == null ? null : string(p, "tissue_how"), stains, object(p, "parameters"), number(p, "nucleus_threshold_used_od"), numberOrNaN(p, "nucleus_reference_od"),
                numberOrNaN(p, "lymph_sized_split_od"), numberOrNaN(p, "lymph_sized_dark_p90_od"),
                numberOrNaN(p, "immune_min_od"), numberOrNaN(p, "necrosis_lymph_min_od"), numberOrNaN(p, "debris_min_od"), number(p, "necrosis_reference_density_per_mm2"),
                (int) count(p, "tiles_total"), (int) count(p, "tiles_analysed"), (int) count(p, "tiles_skipped_no_tissue"),
                number(p, "run_seconds"));
    }

    private static JsonElement required(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null) throw new IllegalStateException("no '" + key + "'");
        return e;
    }

    private static <T> T typed(JsonObject o, String key, String what, Function<JsonElement, T> get) {
        JsonElement e = required(o, key);
        try {
            return get.apply(e);
        } catch (IllegalStateException | ClassCastException | UnsupportedOperationException | ArithmeticException | NumberFormatException ex) {
            throw new IllegalStateException("'" + key + "' is not " + what + ": " + e);
        }
    }

    private static JsonObject object(JsonObject o, String key) {
        return typed(o, key, "an object", JsonElement::getAsJsonObject);
    }

    private static JsonArray array(JsonObject o, String key) {
        return typed(o, key, "a list", JsonElement::getAsJsonArray);
    }

    private static double number(JsonObject o, String key) {
        return typed(o, key, "a number", e -> {
            if (!e.getAsJsonPrimitive().isNumber()) throw new IllegalStateException();
            return e.getAsDouble();
        });
    }

    /** A number; NaN when the file has no such key (a summary written before it was recorded). */
    private static double numberOrNaN(JsonObject o, String key) {
        return o.get(key) == null ? Double.NaN : number(o, key);
    }

    private static long count(JsonObject o, String key) {
        return typed(o, key, "a whole number", e -> e.getAsJsonPrimitive().getAsBigDecimal().longValueExact());
    }

    /** A text value; null when the file says null. */
    private static String string(JsonObject o, String key) {
        return typed(o, key, "a text", e -> e.isJsonNull() ? null : e.getAsJsonPrimitive().getAsString());
    }

    private static double[] numbers(JsonObject o, String key) {
        return typed(o, key, "a list of numbers", e -> {
            if (e.isJsonNull()) return null;
            JsonArray a = e.getAsJsonArray();
            double[] v = new double[a.size()];
            for (int i = 0; i < v.length; i++) v[i] = a.get(i).getAsDouble();
            return v;
        });
    }
}
