package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The one table of settings: well formed, in the README, and recording provenance as summary.json always had it. */
class SettingsTableTest {

    /** The README's table of settings, as the table makes it. */
    static String markdown() {
        StringBuilder md = new StringBuilder("| Macro key | Command line | Default | Meaning |\n|---|---|---|---|\n");
        for (Setting s : SettingsTable.options()) {
            List<String> names = new ArrayList<>();
            for (String n : s.optionNames()) names.add("`" + n + "`");
            String def = s.type == Setting.Type.FLAG ? "off" : s.defaultValue.isEmpty() ? "" : "`" + s.defaultValue + "`";
            if (!s.unit.isEmpty()) def += " " + s.unit;
            String meaning = s.help;
            if (s.type == Setting.Type.CHOICE) meaning += ": `" + String.join("`, `", s.choices) + "`";
            md.append("| `").append(s.key).append("` | ").append(String.join(", ", names)).append(" | ").append(def)
                    .append(" | ").append(meaning).append(" |\n");
        }
        return md.toString();
    }

    @Test
    void theReadmeTableIsTheTable() throws IOException {
        String readme = new String(Files.readAllBytes(Paths.get("README.md")), StandardCharsets.UTF_8);
        String table = markdown();
        assertTrue(readme.contains(table), "README.md's table of settings differs from SettingsTable; it should read:\n" + table);
    }

    @Test
    void keysAndOptionNamesAreUniqueAndFollowTheRule() {
        Set<String> keys = new HashSet<>(), names = new HashSet<>();
        for (Setting s : SettingsTable.options()) {
            assertTrue(s.key.matches("[a-z][a-z0-9_]*"), s.key);
            assertTrue(keys.add(s.key), "duplicate key " + s.key);
            assertEquals("--" + s.key.replace('_', '-'), s.optionNames()[0]);
            for (String n : s.optionNames()) assertTrue(names.add(n), "duplicate option " + n);
            assertFalse(s.help.isEmpty(), s.key + " has no help");
            // ImageJ's rule: the macro key is the label's first word, lower-cased.
            assertEquals(s.key, s.label.split("[ :]")[0].toLowerCase(Locale.ROOT), s.label);
            if (s.type == Setting.Type.CHOICE) assertTrue(s.choices.contains(s.defaultValue), s.key);
        }
    }

    @Test
    void everyDefaultIsAcceptedAndGivesTheBuildersDefaults() {
        SettingValues v = new SettingValues(SettingsTable.options()).check();
        AnalysisSettings fromTable = SettingsTable.settings(v, null);
        assertEquals(AnalysisSettings.defaults().toMap(), fromTable.toMap());
        assertNull(SettingsTable.openOptions(v).pixelSizeOverrideUm());
    }

    /** summary.json's parameters, key for key in this order (new settings go at the end): earlier results read the same. */
    @Test
    void provenanceKeepsItsKeysAndOrder() {
        List<String> expected = Arrays.asList("stains", "estimate_stains", "dab_weak_od", "dab_moderate_od", "dab_strong_od",
                "tissue_min_od_sum", "rim_width_um", "analysis_pixel_um", "overview_pixel_um", "block_um", "tile_blocks",
                "nucleus_sigma_um", "nucleus_threshold_od", "nucleus_min_area_um2", "lymphocyte_min_area_um2", "lymphocyte_max_area_um2",
                "lymphocyte_min_circularity", "lymphocyte_min_od", "min_core_area_mm2", "necrosis_smoothing_um",
                "necrosis_density_fraction", "necrosis_debris_fraction", "necrosis_max_background_contact", "immune_mode", "threads",
                "profile_band_um", "profile_range_um", "cell_mode", "cell_compartment", "cell_expansion_um", "background",
                "regions_mode", "regions_polygons", "marker");
        assertEquals(expected, new ArrayList<>(AnalysisSettings.defaults().toMap().keySet()));
        assertEquals(Double.class, AnalysisSettings.defaults().toMap().get("rim_width_um").getClass());
        assertEquals(Integer.class, AnalysisSettings.defaults().toMap().get("tile_blocks").getClass());
        assertEquals("estimated", AnalysisSettings.defaults().toMap().get("background"));
    }

    @Test
    void theRgbParserNamesTheSettingAndTheBadPart() {
        SettingValues v = new SettingValues(SettingsTable.options());
        SettingException e = assertThrows(SettingException.class, () -> v.set("background", "240,x,240").numbers("background", 3));
        assertEquals("background=240,x,240: 'x' is not a number", e.getMessage());
        e = assertThrows(SettingException.class, () -> SettingsTable.stainVectors(v.set("stain_vectors", "0.6,0.7,0.3")));
        assertEquals("stain_vectors=0.6,0.7,0.3: needs two vectors R,G,B;R,G,B (haematoxylin;DAB)", e.getMessage());
        assertEquals("--stain-vectors 0.6,0.7,0.3: needs two vectors R,G,B;R,G,B (haematoxylin;DAB)", e.asOption("--stain-vectors"));
    }
}
