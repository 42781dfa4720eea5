package necroptosis.summary;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** summary.json reads back to the summary that was written, and is what Gson's pretty printer would write. */
public class SummaryJsonTest {
    @TempDir
    Path dir;

    /** A summary with every kind of value: cells, an undefined correlation, a multi-line note, negative zero. */
    public static SlideSummary sample(boolean cells, Double rho) {
        JsonObject params = new JsonObject();
        params.addProperty("stains", "H-DAB");
        params.addProperty("dab_weak_od", 0.15);
        params.addProperty("tile_blocks", 32);
        params.addProperty("cell_mode", cells);
        params.add("regions_file", null);
        StainProvenance stains = new StainProvenance("H-DAB", "preset H-DAB", Arrays.asList(
                new StainProvenance.Vector("haematoxylin", new double[] {0.6500286018877385, 0.7040309780445659, 0.28601258483060493}),
                new StainProvenance.Vector("dab", new double[] {0.2681475217165787, 0.5703137588748127, 0.7764271524330785}),
                new StainProvenance.Vector("residual", new double[] {0.6362142329617175, -0.7100267962603203, 0.3018168291683533})),
                new double[] {246, 244, 249}, "median of 108369 brightest pixels");
        Provenance p = new Provenance("necroptosis-scorer", "0.1.0", "tiff", 0.5, "svs MPP", 10000, 9000, 0, 1.0, 0.5, 4.0, 16.0, 0.045,
                "glass peak at OD sum 0.0138 (9% of the overview): OD sum >= 0.045", stains,
                params, 0.16470588235294117, 0.3812, 0.5625, 0.8515625, 0.5625, 0.5, 0.3812, 6854.01025390625, 100, 68, 32, 9.972);
        MlklPixelScore m = new MlklPixelScore(0.04744068130369111, 0.027727052716701808, 0.014692821790367508, 0.005020806796621795,
                7.2175116687302205, 0.03742533002003126);
        MlklPixelScore zero = new MlklPixelScore(0, 0, 0, 0, 0, 0);
        CellStatistics c = new CellStatistics(89205, 11.707863908973712, 14.020514545148815);
        return new SlideSummary("/slides/caf\u00e9 <1>.svs", "Ki67", SlideSummary.OK, Arrays.asList("no immune cells found", "two\nlines"), 0.5,
                new PerZone<>(12.573775999999999, 0.39039999999999997, -0.0, 11.788368), 0.03104874780654594, 2, 1,
                new PerZone<>(m, m, zero, m), 0.23342199213657105, 0.01458046492954861,
                new PerZone<>(new ImmuneStatistics(5385, 428.2723026082221), new ImmuneStatistics(0, 0), new ImmuneStatistics(552, 1397.44),
                        new ImmuneStatistics(4784, 405.8237747583041)),
                cells ? new CellSummary("cytoplasm", new PerZone<>(c, c, new CellStatistics(0, 0, 0), c)) : null, rho,
                Arrays.asList(new DistanceBand(-50, 0, 0.15692799999999998, 0.17298856800570964, 27.478525183523654, 15, 95.5852365415987),
                        new DistanceBand(0, 50, 0, 0, 0, 0, 0)),
                p);
    }

    static String json(SlideSummary s) throws IOException {
        StringWriter w = new StringWriter();
        SummaryJson.write(s, w);
        return w.toString();
    }

    @Test
    void readingBackGivesTheSameFile() throws IOException {
        for (SlideSummary s : new SlideSummary[] {sample(true, -0.0891277834434863), sample(false, null)}) {
            String text = json(s);
            Path f = dir.resolve(SummaryJson.FILE_NAME);
            Files.write(f, text.getBytes(StandardCharsets.UTF_8));
            SlideSummary back = SummaryJson.read(f);
            assertEquals(text, json(back));
            assertEquals(s.mlklImmuneSpearman, back.mlklImmuneSpearman);
            assertEquals(s.notes, back.notes);
            assertEquals(-0.0, back.areasMm2.rim);
            assertEquals(s.cells == null, back.cells == null);
            assertArrayEquals(s.provenance.stains.backgroundI0(), back.provenance.stains.backgroundI0());
        }
    }

    /** A summary written before the split, cap and necrosis bar of the lymphocyte-sized nuclei were recorded reads them as "not recorded". */
    @Test
    void anOlderFileWithoutTheSplitReadsAsNaN() throws IOException {
        String text = json(sample(false, null));
        String older = text.replaceAll("\\n\\s*\"(lymph_sized_split_od|lymph_sized_dark_p90_od|necrosis_lymph_min_od)\": [^,\\n]*,", "");
        assertNotEquals(text, older);
        Path f = dir.resolve(SummaryJson.FILE_NAME);
        Files.write(f, older.getBytes(StandardCharsets.UTF_8));
        SlideSummary back = SummaryJson.read(f);
        assertTrue(Double.isNaN(back.provenance.lymphSizedSplitOd));
        assertTrue(Double.isNaN(back.provenance.lymphSizedDarkP90Od));
        assertTrue(Double.isNaN(back.provenance.necrosisLymphMinOd));
        assertEquals(sample(false, null).provenance.immuneMinOd, back.provenance.immuneMinOd);
    }

    @Test
    void theFileIsGsonsPrettyPrintOfItsOwnTree() throws IOException {
        // Key order, number spelling, nulls and escaping as Gson's pretty printer writes a JSON tree: any
        // JSON tool that rewrites the file leaves it unchanged.
        String text = json(sample(true, null));
        String gson = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create()
                .toJson(JsonParser.parseString(text));
        assertEquals(gson, text);
        assertTrue(text.contains("\"mlkl_immune_spearman\": null"), text);
        assertTrue(text.contains("\"notes\": [\n    \"no immune cells found\",\n    \"two\\nlines\"\n  ]"), text);
        assertTrue(text.contains("\"slide\": \"/slides/caf\u00e9 <1>.svs\""), text);
    }

    @Test
    void keysKeepTheirOrder() throws IOException {
        JsonObject o = JsonParser.parseString(json(sample(true, 0.5))).getAsJsonObject();
        assertEquals(Arrays.asList("slide", "marker", "status", "notes", "pixel_size_um", "areas_mm2", "necrosis_fraction", "necrotic_core_count",
                "necrotic_cores_uncertain",
                "mlkl", "necroptotic_fraction", "necroptotic_tumor_burden", "immune", "cells", "mlkl_immune_spearman", "distance_profile",
                "provenance"), Arrays.asList(o.keySet().toArray()));
        assertEquals(Arrays.asList("count", "mlkl_positive_percent", "hscore", "compartment", "necrosis", "rim", "viable"),
                Arrays.asList(o.getAsJsonObject("cells").keySet().toArray()));
        assertFalse(JsonParser.parseString(json(sample(false, 0.5))).getAsJsonObject().has("cells"), "no cells key without cell mode");
    }

    @Test
    void aDamagedFileIsRefusedNamingItAndTheKey() throws IOException {
        JsonObject o = JsonParser.parseString(json(sample(false, null))).getAsJsonObject();
        o.getAsJsonObject("immune").getAsJsonObject("rim").remove("cells");
        Path f = dir.resolve(SummaryJson.FILE_NAME);
        Files.write(f, o.toString().getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> SummaryJson.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("'cells'"), e.getMessage());
        Files.write(f, "{\"slide\": ".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(IOException.class, () -> SummaryJson.read(f)).getMessage().startsWith(f.toString()));
        Files.write(f, Collections.singletonList("[]"), StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> SummaryJson.read(f));
    }
}
