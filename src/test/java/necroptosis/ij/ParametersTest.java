package necroptosis.ij;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ij.Macro;
import ij.plugin.frame.Recorder;
import necroptosis.ij.Parameters.OptionException;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.Setting;
import necroptosis.pipeline.Setting.Type;
import necroptosis.pipeline.SettingException;
import necroptosis.pipeline.SettingValues;

/** The settings table behind the dialogs and the macro parser: keys, defaults, recording and errors. */
class ParametersTest {

    private static List<List<Setting>> allCommands() {
        List<List<Setting>> l = new ArrayList<>();
        l.add(Parameters.scoreSlide(true));
        l.add(Parameters.scoreSlide(false));
        l.add(Parameters.batch());
        l.add(Parameters.showOverlay(new String[] {"a"}));
        l.add(Parameters.showOverlay(null));
        return l;
    }

    @Test
    void everyLabelRecordsAsItsKeyAndKeysAreUnique() {
        for (List<Setting> params : allCommands()) {
            Set<String> keys = new HashSet<>();
            for (Setting q : params) {
                // ImageJ's rule: the macro key is the label's first word, lower-cased, without a colon.
                assertEquals(q.key, Macro.trimKey(q.label), "label '" + q.label + "'");
                assertTrue(keys.add(q.key), "duplicate key " + q.key);
                if (q.type == Type.CHOICE) assertTrue(q.choices.contains(q.defaultValue) || q.choices.isEmpty(), q.key);
            }
        }
    }

    @Test
    void theReadmeListsEveryMacroKey() throws java.io.IOException {
        String readme = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("README.md")), java.nio.charset.StandardCharsets.UTF_8);
        String fiji = readme.substring(readme.indexOf("## In Fiji"), readme.indexOf("## Command line"));
        for (List<Setting> params : allCommands()) {
            for (Setting q : params) assertTrue(fiji.contains("`" + q.key + "`"), "README's Fiji section does not list the key " + q.key);
        }
    }

    @Test
    void noOptionsGiveTheSameSettingsAsTheCommandLineDefaults() {
        SettingValues v = Parameters.fromMacro("slide=x.tif output=out", Parameters.scoreSlideAll());
        Map<String, Object> fromMacro = Parameters.settings(v, null).toMap();
        assertEquals(AnalysisSettings.defaults().toMap(), fromMacro);
        assertNull(Parameters.openOptions(v).pixelSizeOverrideUm());
    }

    /**
     * What the dialog records (through ImageJ's own Recorder, as GenericDialog calls it) is read back by the
     * macro parser into the same settings: the recorded line replays the analysis.
     */
    @Test
    void aLineRecordedByImageJReplaysTheSameSettings() {
        List<Setting> params = Parameters.scoreSlideAll();
        SettingValues dialog = new SettingValues(params)
                .set("slide", "/data/my slides/case 1.svs").set("output", "/data/results")
                .set("weak", "0.2").set("moderate", "0.4").set("strong", "0.7").set("rim_width", "150")
                .set("min_core_area", "0.02").set("immune", "marker").set("cells", "true").set("compartment", "membrane")
                .set("stains", "H&E").set("background", "240,241,242").set("threads", "2").set("pixel_size", "0.25")
                .set("nucleus_sigma", "0.75").set("estimate_stains", "false").set("tile_table", "true");
        Recorder.setCommand("Score Slide...");
        for (Setting q : params) {
            String value = dialog.text(q.key);
            if (q.type == Type.FLAG) {
                if (Boolean.parseBoolean(value)) Recorder.recordOption(q.label);
            } else {
                Recorder.recordOption(q.label, value.isEmpty() ? "[]" : value);
            }
        }
        String recorded = Recorder.getCommandOptions();
        Recorder.setCommand(null);
        assertTrue(recorded.contains("slide=[/data/my slides/case 1.svs]"), recorded);
        assertTrue(recorded.contains(" weak=0.2 "), recorded);

        SettingValues replayed = Parameters.fromMacro(recorded, params);
        assertEquals(dialog.asMap(), replayed.asMap());
        AnalysisSettings s = Parameters.settings(replayed, null);
        assertEquals(Parameters.settings(dialog, null).toMap(), s.toMap());
        assertEquals(0.2, s.thresholds.weak());
        assertEquals(AnalysisSettings.ImmuneMode.MARKER, s.immuneMode);
        assertEquals(0.25, Parameters.openOptions(replayed).pixelSizeOverrideUm());
    }

    @Test
    void aBadChoiceNamesTheOptionAndTheAcceptedValues() {
        SettingException e = assertThrows(SettingException.class,
                () -> Parameters.fromMacro("slide=a.tif immune=foo", Parameters.scoreSlideAll()));
        assertEquals("immune=foo: accepted values are morphological, marker", e.getMessage());
    }

    @Test
    void anUnknownOptionIsAnErrorNotSilentlyIgnored() {
        OptionException e = assertThrows(OptionException.class,
                () -> Parameters.fromMacro("slide=a.tif wek=0.2", Parameters.scoreSlideAll()));
        assertTrue(e.getMessage().startsWith("unknown option 'wek'; known options are "), e.getMessage());
        assertTrue(e.getMessage().contains("weak"), e.getMessage());
    }

    @Test
    void aLineBreakInAValueKeepsTheMessageOnOneLine() {
        // Found by fuzzing (MacroOptionsFuzz): values in [brackets] may hold line breaks, which the messages repeated.
        OptionException e = assertThrows(OptionException.class, () -> Parameters.fromMacro("slide=[a\nb.tif", Parameters.scoreSlideAll()));
        assertEquals("slide=[a\\nb.tif: missing ']'", e.getMessage());
        SettingValues v = Parameters.fromMacro("weak=[0.1\nx]", Parameters.scoreSlideAll());
        SettingException s = assertThrows(SettingException.class, () -> Parameters.settings(v, null));
        assertTrue(s.getMessage().startsWith("weak=0.1\\nx: not a number"), s.getMessage());
        SettingValues bg = Parameters.fromMacro("background=[240,2\n40,240]", Parameters.scoreSlideAll());
        s = assertThrows(SettingException.class, () -> Parameters.settings(bg, null));
        assertEquals("background=240,2\\n40,240: '2\\n40' is not a number", s.getMessage());
        SettingValues marker = Parameters.fromMacro("marker=[e\nx]", Parameters.scoreSlideAll());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> Parameters.settings(marker, null));
        assertTrue(m.getMessage().endsWith("got 'e\\nx'"), m.getMessage());
    }

    @Test
    void anEqualsSignWithoutANameIsAnErrorSayingSo() {
        // Found by fuzzing (MacroOptionsFuzz): the message began with the '=' and named nothing.
        OptionException e = assertThrows(OptionException.class, () -> Parameters.fromMacro("slide=a.tif =[b", Parameters.scoreSlideAll()));
        assertEquals("'=' without an option name before it: =[b", e.getMessage());
    }

    @Test
    void aBadNumberOrRangeNamesTheSetting() {
        SettingValues v = Parameters.fromMacro("weak=abc", Parameters.scoreSlideAll());
        SettingException e = assertThrows(SettingException.class, () -> Parameters.settings(v, null));
        assertTrue(e.getMessage().startsWith("weak=abc: not a number"), e.getMessage());

        SettingValues zero = Parameters.fromMacro("rim_width=0", Parameters.scoreSlideAll());
        IllegalArgumentException r = assertThrows(IllegalArgumentException.class, () -> Parameters.settings(zero, null));
        assertTrue(r.getMessage().startsWith("rim width (um) must be"), r.getMessage());

        SettingValues order = Parameters.fromMacro("weak=0.5 moderate=0.4", Parameters.scoreSlideAll());
        r = assertThrows(IllegalArgumentException.class, () -> Parameters.settings(order, null));
        assertTrue(r.getMessage().contains("weak") && r.getMessage().contains("moderate"), r.getMessage());

        SettingValues bg = Parameters.fromMacro("background=240,240", Parameters.scoreSlideAll());
        r = assertThrows(IllegalArgumentException.class, () -> Parameters.settings(bg, null));
        assertTrue(r.getMessage().startsWith("background=240,240: needs 3"), r.getMessage());
    }

    @Test
    void flagsAreOffUnlessGivenAsImageJRecordsThem() {
        SettingValues off = Parameters.fromMacro("slide=a.tif", Parameters.scoreSlideAll());
        assertFalse(off.flag("cells"));
        SettingValues on = Parameters.fromMacro("slide=a.tif cells estimate_stains=true", Parameters.scoreSlideAll());
        assertTrue(on.flag("cells"));
        assertTrue(on.flag("estimate_stains"));
        assertThrows(SettingException.class, () -> Parameters.fromMacro("cells=maybe", Parameters.scoreSlideAll()));
    }

    @Test
    void keysAreMatchedExactlyNotAsSubstrings() {
        // ImageJ's Macro.getValue would find "stains=" inside "estimate_stains=" and "pixel_size=" inside
        // "analysis_pixel_size="; the tokenizer must not.
        SettingValues v = Parameters.fromMacro("estimate_stains=true analysis_pixel=1 slide=[a b.tif] output='x y'", Parameters.scoreSlideAll());
        assertEquals("H-DAB", v.choice("stains"));
        assertEquals(0, v.number("pixel_size"));
        assertEquals(1, v.number("analysis_pixel"));
        assertEquals("a b.tif", v.text("slide"));
        assertEquals("x y", v.text("output"));
        assertThrows(OptionException.class, () -> Parameters.tokens("slide=[unclosed"));
        assertThrows(OptionException.class, () -> Parameters.tokens("weak=0.1 weak=0.2"));
    }
}
