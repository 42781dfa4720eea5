package necroptosis.ij;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import necroptosis.cli.Main;
import necroptosis.pipeline.SettingValues;

/**
 * A bad value gets one reason, whether it came from a Fiji macro or the command line; each front end only
 * names the setting its own way ({@code key=value:} or {@code --key value:}).
 */
class SameReasonTest {

    private static String macro(String key, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            SettingValues v = Parameters.fromMacro("slide=a.tif output=o " + key + "=[" + value + "]", Parameters.scoreSlideAll());
            Parameters.settings(v, null);
            Parameters.openOptions(v);
        });
        String prefix = key + "=" + Parameters.show(value) + ": ";
        return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
    }

    private static String commandLine(String key, String value) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true));
            code = Main.run("score", "missing.svs", "--out", "o", "--" + key.replace('_', '-'), value);
        } finally {
            System.setErr(oldErr);
        }
        assertEquals(Main.EXIT_BAD_INPUT, code, err.toString());
        String line = err.toString().trim();
        assertEquals(1, line.split("\n").length, line);
        String prefix = "error: --" + key.replace('_', '-') + " " + value + ": ";
        return line.startsWith(prefix) ? line.substring(prefix.length()) : line.substring("error: ".length());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "weak|abc", "threads|1.5", "immune|foo", "compartment|nucleolus", "stains|H-PAS", "regions_mode|both", "reader|magic",
        "background|240,240", "background|240,x,240", "stain_vectors|0.6,0.7,0.3", "stain_vectors|0,0,0;0.27,0.57,0.78",
        "pixel_size|-1", "rim_width|0", "cell_expansion|-2", "analysis_pixel|9", "min_core_area|0"})
    void theMacroAndTheCommandLineGiveTheSameReason(String key, String value) {
        String m = macro(key, value);
        assertEquals(m, commandLine(key, value));
        assertFalse(m.isEmpty());
    }
}
