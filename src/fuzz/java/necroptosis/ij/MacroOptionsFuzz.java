package necroptosis.ij;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import necroptosis.pipeline.Setting;
import necroptosis.pipeline.SettingValues;
import necroptosis.slide.tiff.FuzzChecks;

/**
 * The macro options parser of the Fiji commands ({@code key=value key=[a b] flag}), headless: any text either
 * gives analysis settings and open options or fails with our own one-line IllegalArgumentException naming
 * the option. Read as Score Slide and as Batch Score Folder read it. A regions file named in the options is
 * not read (the region readers have their own targets), so the target touches no files.
 */
class MacroOptionsFuzz {
    private static final List<List<Setting>> COMMANDS = new ArrayList<>();
    private static final List<String> NAMES = new ArrayList<>();

    static {
        COMMANDS.add(Parameters.scoreSlideAll());
        COMMANDS.add(Parameters.batch());
        // A setting is named by its key or, in the builder's range checks, in words ("rim width (um) must be",
        // "minimum core area (mm2) must be").
        for (List<Setting> c : COMMANDS) for (Setting s : c) {
            NAMES.add(s.key);
            NAMES.add(s.key.replace('_', ' '));
        }
        NAMES.add(" must be ");
        NAMES.add("option");
    }

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) {
        String options = new String(data, StandardCharsets.UTF_8);
        String[] keys = NAMES.toArray(new String[0]);
        for (List<Setting> params : COMMANDS) {
            try {
                SettingValues v = Parameters.fromMacro(options, params);
                if (!v.text("regions").isEmpty()) v.set("regions", "");
                Parameters.settings(v, null);
                Parameters.openOptions(v);
            } catch (IllegalArgumentException e) {
                String[] named = java.util.Arrays.copyOf(keys, keys.length + 1);
                named[keys.length] = writtenKey(e.getMessage(), options);
                FuzzChecks.cleanFailure(e, named);
            }
        }
    }

    /**
     * The key as the options wrote it when the message starts with it ({@code key=[...: missing ']'}), so an
     * unknown key is named too; else a text no message contains.
     */
    private static String writtenKey(String message, String options) {
        int eq = message == null ? -1 : message.indexOf('=');
        String key = eq > 0 ? message.substring(0, eq) : "";
        String written = necroptosis.pipeline.SettingException.printable(options.toLowerCase(java.util.Locale.ROOT));
        return !key.isEmpty() && written.contains(key + "=") ? key : "\u0000no key";
    }

    /** Entry point for Jazzer's command-line driver (src/fuzz/run.sh), which can stop a hanging input. */
    public static void fuzzerTestOneInput(byte[] data) {
        new MacroOptionsFuzz().parse(data);
    }
}
