package necroptosis.ij;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.Setting;
import necroptosis.pipeline.Setting.Group;
import necroptosis.pipeline.Setting.Type;
import necroptosis.pipeline.SettingException;
import necroptosis.pipeline.SettingValues;
import necroptosis.pipeline.SettingsTable;
import necroptosis.regions.UserRegions;
import necroptosis.slide.OpenOptions;

/**
 * The Fiji commands' settings: the analysis rows of {@link SettingsTable} (macro key, dialog label, unit,
 * default and accepted values) with each command's own fields around them. The dialog is built from these
 * lists and the macro parser reads the same keys, so the line the macro recorder writes replays the same
 * analysis; values are read through {@link SettingValues}, so a bad one gets the same reason as on the
 * command line.
 * <p>
 * A label's first word, lower-cased, is its macro key (ImageJ's rule; an underscore shows as a space), so
 * "Rim_width" is recorded as {@code rim_width=100}. Keys are the command-line option names with '-' turned
 * into '_' ({@code --rim-width} is {@code rim_width}).
 */
final class Parameters {
    private Parameters() {}

    /** Choice values for Score Slide's "source" key. */
    static final String SOURCE_FILE = "slide file";
    static final String SOURCE_IMAGE = "current image";

    /** Every analysis setting, in dialog order; the input and output fields of each command go around it. */
    static final List<Setting> ANALYSIS = SettingsTable.options();

    /** Score Slide: which slide, then the analysis settings, then where to. */
    static List<Setting> scoreSlide(boolean imageOpen) {
        List<Setting> l = new ArrayList<>();
        l.add(option("slide", Type.FILE, Group.INPUT, "Slide file"));
        // With an image open: "Source" and "Reader" share a row; without, the reader has the row alone.
        if (imageOpen) l.add(Setting.option("source", Type.CHOICE, SOURCE_FILE, "").in(Group.INPUT).withLabel("Source").withChoices(SOURCE_FILE, SOURCE_IMAGE));
        l.add(ANALYSIS.get(0).withSameRow(imageOpen));
        l.addAll(ANALYSIS.subList(1, ANALYSIS.size()));
        l.add(option("output", Type.FOLDER, Group.OUTPUT, "Output folder"));
        l.add(option("tile_table", Type.FLAG, Group.OUTPUT, "Tile_table: show per-tile results"));
        return l;
    }

    /** Every key Score Slide knows, whether or not an image is open (macros run either way). */
    static List<Setting> scoreSlideAll() {
        return scoreSlide(true);
    }

    /** Batch Score Folder: a folder or list of slides, the same analysis settings, the output folder. */
    static List<Setting> batch() {
        List<Setting> l = new ArrayList<>();
        l.add(option("input", Type.FOLDER, Group.INPUT, "Input folder (or a text file listing slides)"));
        l.add(option("recursive", Type.FLAG, Group.INPUT, "Recursive: include subfolders"));
        l.add(ANALYSIS.get(0).withSameRow(true));
        l.add(option("shard", Type.TEXT, Group.INPUT, "Shard k/n (cluster job k of n; empty = all)"));
        l.addAll(ANALYSIS.subList(1, ANALYSIS.size()));
        l.add(option("output", Type.FOLDER, Group.OUTPUT, "Output folder"));
        return l;
    }

    /**
     * Show Results Overlay: a result folder and an open image. In the dialog the image is a choice of the open
     * images' titles; in a macro any title (empty: the current image).
     */
    static List<Setting> showOverlay(String[] imageTitles) {
        List<Setting> l = new ArrayList<>();
        l.add(option("result", Type.FOLDER, Group.OTHER, "Result folder (holding summary.json)"));
        if (imageTitles == null) {
            l.add(option("image", Type.TEXT, Group.OTHER, "Image"));
        } else {
            Setting image = Setting.option("image", Type.CHOICE, imageTitles.length > 0 ? imageTitles[0] : "", "").in(Group.OTHER).withLabel("Image");
            l.add(image.withChoices(imageTitles));
        }
        l.add(Setting.option("heatmap", Type.CHOICE, "mlkl", "").in(Group.OTHER).withLabel("Heatmap").withChoices("mlkl", "immune", "none"));
        l.add(option("nuclei", Type.FLAG, Group.OTHER, "Nuclei from cells.csv (a result scored with Export cells)"));
        return l;
    }

    /** A command's own field, with no default (a flag: off). */
    private static Setting option(String key, Type type, Group group, String label) {
        return Setting.option(key, type, type == Type.FLAG ? "false" : "", "").in(group).withLabel(label);
    }

    /** A bad macro option or dialog value; the message names the key and what it accepts. */
    static final class OptionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        OptionException(String message) {
            super(message);
        }
    }

    /**
     * Reads a macro options string ({@code key=value key=[a b] flag}) into the values of {@code params}.
     * Keys are matched exactly, not as ImageJ's substring search would (which finds {@code stains=} inside
     * {@code estimate_stains=}); an unknown key is an error naming the known ones, because a misspelt
     * option silently left at its default would change the analysis without a word.
     */
    static SettingValues fromMacro(String options, List<Setting> params) {
        SettingValues v = new SettingValues(params);
        // ImageJ records a checkbox only when it is set: absent means off, whatever the dialog default.
        for (Setting q : params) if (q.type == Type.FLAG) v.set(q.key, "false");
        Map<String, String> given = tokens(options);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!v.has(e.getKey())) {
                List<String> known = new ArrayList<>();
                for (Setting q : params) known.add(q.key);
                throw new OptionException("unknown option '" + SettingException.printable(e.getKey()) + "'; known options are " + String.join(", ", known));
            }
            Setting q = v.setting(e.getKey());
            String value = e.getValue();
            if (q.type == Type.FLAG) {
                if (value == null || value.equalsIgnoreCase("true")) value = "true";
                else if (value.equalsIgnoreCase("false")) value = "false";
                else throw new SettingException(q.key, value, "a flag: write '" + q.key + "' to set it, leave it out otherwise");
            } else if (value == null) {
                String brackets = q.type == Type.TEXT || q.type == Type.FILE || q.type == Type.FOLDER ? "; put paths with spaces in [brackets]" : "";
                throw new OptionException("option '" + q.key + "' needs a value: " + q.accepted() + brackets);
            }
            v.set(q.key, value);
        }
        for (Setting q : params) if (q.type == Type.CHOICE) v.choice(q.key); // every bad choice is reported, even unused ones
        return v;
    }

    /** Splits an ImageJ options string into key to value (null for a bare flag), keys lower-cased. */
    static Map<String, String> tokens(String options) {
        Map<String, String> out = new LinkedHashMap<>();
        String s = options == null ? "" : options;
        int i = 0, n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= n) break;
            int k = i;
            while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) i++;
            String key = s.substring(k, i).toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                String rest = s.substring(k, Math.min(n, k + 40));
                throw new OptionException("'=' without an option name before it: " + SettingException.printable(rest));
            }
            String value = null;
            if (i < n && s.charAt(i) == '=') {
                i++;
                if (i < n && s.charAt(i) == '[') {
                    int depth = 1, start = ++i;
                    while (i < n && depth > 0) {
                        char c = s.charAt(i);
                        if (c == '[') depth++;
                        else if (c == ']') depth--;
                        i++;
                    }
                    if (depth > 0) throw new OptionException(SettingException.printable(key + "=[" + s.substring(start)) + ": missing ']'");
                    value = s.substring(start, i - 1);
                } else if (i < n && s.charAt(i) == '\'') {
                    int start = ++i;
                    while (i < n && s.charAt(i) != '\'') i++;
                    if (i >= n) throw new OptionException(SettingException.printable(key + "='" + s.substring(start)) + ": missing closing quote");
                    value = s.substring(start, i++);
                } else {
                    int start = i;
                    while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
                    value = s.substring(start, i);
                }
            }
            if (out.containsKey(key)) throw new OptionException("option '" + SettingException.printable(key) + "' given twice");
            out.put(key, value);
        }
        return out;
    }

    /** The analysis settings, through the same table and builder (and so the same validation) as the command line. */
    static AnalysisSettings settings(SettingValues v, UserRegions selection) {
        return SettingsTable.settings(v, selection);
    }

    /** Reader and pixel-size override for opening a slide file. */
    static OpenOptions openOptions(SettingValues v) {
        return SettingsTable.openOptions(v);
    }

    /** A value as it would be written in a macro line. */
    static String show(String value) {
        return SettingException.show(value);
    }

    /** Numbers without a needless ".0" (as ImageJ records them), everything else as text. */
    static String format(Object v) {
        return SettingValues.format(v);
    }
}
