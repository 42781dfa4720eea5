package necroptosis.ij;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.regions.UserRegions;
import necroptosis.scoring.CellCompartment;
import necroptosis.scoring.DabThresholds;
import necroptosis.segmentation.NecrosisSettings;
import necroptosis.segmentation.NucleusSettings;
import necroptosis.slide.OpenOptions;
import necroptosis.stain.StainVectors;

/**
 * The one table of the Fiji commands' settings: macro key, dialog label, units, default and accepted
 * values. The dialog is built from it and the macro parser reads the same keys, so the line the macro
 * recorder writes replays the same analysis; both end in {@link AnalysisSettings.Builder}, whose defaults
 * (and the command line's) are the constants used here.
 * <p>
 * A label's first word, lower-cased, is its macro key (ImageJ's rule; an underscore shows as a space), so
 * "Rim_width" is recorded as {@code rim_width=100}. Keys follow the command-line option names with '-'
 * turned into '_' ({@code --rim-width} is {@code rim_width}).
 */
final class Parameters {
    private Parameters() {}

    /** What kind of field a setting is, in the dialog and in a macro line. */
    enum Type {
        /** A number; in a macro {@code key=0.15}. */
        NUMBER,
        /** One of a few words; in a macro {@code key=word} or {@code key=[two words]}. */
        CHOICE,
        /** A checkbox; in a macro the bare key when set, absent when not (as ImageJ records it). */
        FLAG,
        TEXT,
        FILE,
        FOLDER
    }

    /** One setting. */
    static final class Param {
        final String key;
        final Type type;
        final String label;
        final String units;
        final String defaultValue;
        final List<String> choices;
        /** Shown beside the previous field rather than on a row of its own (keeps the dialog short). */
        final boolean sameRow;
        /** Heading of the group this setting opens, or null. */
        final String heading;

        private Param(String heading, String key, Type type, String label, String units, String defaultValue, List<String> choices, boolean sameRow) {
            this.heading = heading;
            this.key = key;
            this.type = type;
            this.label = label;
            this.units = units;
            this.defaultValue = defaultValue;
            this.choices = choices;
            this.sameRow = sameRow;
        }

        /** Where the accepted values are listed in an error message. */
        String accepted() {
            switch (type) {
                case CHOICE: return "accepted values are " + String.join(", ", choices);
                case NUMBER: return "a number" + (units.isEmpty() ? "" : " in " + units) + ", e.g. " + key + "=" + defaultValue;
                case FLAG: return "a flag: write '" + key + "' to set it, leave it out otherwise";
                default: return "text; put paths with spaces in [brackets]";
            }
        }
    }

    private static Param p(String heading, String key, Type type, String label, String units, Object def, boolean sameRow, String... choices) {
        return new Param(heading, key, type, label, units, format(def), Collections.unmodifiableList(Arrays.asList(choices)), sameRow);
    }

    private static final String[] READERS = names(OpenOptions.Reader.values());
    private static final String[] IMMUNE = names(AnalysisSettings.ImmuneMode.values());
    private static final String[] COMPARTMENTS = names(CellCompartment.values());
    private static final String[] REGION_MODES = names(UserRegions.Mode.values());

    /**
     * Every analysis setting, in dialog order, grouped under headings. Shared by Score Slide and Batch Score
     * Folder; the input and output fields of each command are added around it.
     */
    static final List<Param> ANALYSIS = Collections.unmodifiableList(Arrays.asList(
            p(null, "reader", Type.CHOICE, "Reader", "", "auto", false, READERS),
            p(null, "pixel_size", Type.NUMBER, "Pixel_size (0 = from file)", "µm", 0, false),
            p(null, "analysis_pixel", Type.NUMBER, "Analysis_pixel size", "µm/px", AnalysisSettings.DEFAULT_ANALYSIS_PIXEL_UM, true),
            p(null, "threads", Type.NUMBER, "Threads (0 = all)", "", 0, true),

            p("Stains", "stains", Type.CHOICE, "Stains", "", AnalysisSettings.DEFAULT_STAINS, false, StainVectors.H_DAB.name(), StainVectors.H_E.name()),
            p(null, "estimate_stains", Type.FLAG, "Estimate_stains per slide (Macenko)", "", false, true),
            p(null, "stain_vectors", Type.TEXT, "Stain_vectors R,G,B;R,G,B (empty = preset)", "", "", false),
            p(null, "background", Type.TEXT, "Background I0 R,G,B (empty = measured)", "", "", false),

            p("MLKL scoring (DAB optical density thresholds)", "weak", Type.NUMBER, "Weak (1+) from", "OD", DabThresholds.DEFAULT_WEAK, false),
            p(null, "moderate", Type.NUMBER, "Moderate (2+) from", "OD", DabThresholds.DEFAULT_MODERATE, true),
            p(null, "strong", Type.NUMBER, "Strong (3+) from", "OD", DabThresholds.DEFAULT_STRONG, true),

            // Immune cells share the Cells group: a group for one choice would cost the dialog a row on small screens.
            p("Cells & immune cells", "immune", Type.CHOICE, "Immune cells", "", "morphological", false, IMMUNE),
            p(null, "cells", Type.FLAG, "Cells: also score each cell (slower)", "", false, true),
            p(null, "compartment", Type.CHOICE, "Compartment", "", AnalysisSettings.DEFAULT_COMPARTMENT.key(), true, COMPARTMENTS),
            p(null, "cell_expansion", Type.NUMBER, "Cell_expansion", "µm", AnalysisSettings.DEFAULT_CELL_EXPANSION_UM, false),
            p(null, "nucleus_threshold", Type.NUMBER, "Nucleus_threshold", "OD", NucleusSettings.DEFAULT_THRESHOLD_OD, true),
            p(null, "nucleus_sigma", Type.NUMBER, "Nucleus_sigma (smoothing)", "µm", NucleusSettings.DEFAULT_SIGMA_UM, true),

            p("Necrosis & zones", "min_core_area", Type.NUMBER, "Min_core_area", "mm²", NecrosisSettings.DEFAULT_MIN_CORE_AREA_MM2, false),
            p(null, "rim_width", Type.NUMBER, "Rim_width", "µm", AnalysisSettings.DEFAULT_RIM_WIDTH_UM, true),
            p(null, "regions", Type.FILE, "Regions file (optional: GeoJSON, .roi, RoiSet.zip)", "", "", false),
            p(null, "regions_mode", Type.CHOICE, "Regions_mode", "", "override", false, REGION_MODES),
            p(null, "regions_scale", Type.NUMBER, "Regions_scale (ImageJ ROIs)", "level-0 px per ROI px", 1, true)));

    /** Choice values for Score Slide's "source" key. */
    static final String SOURCE_FILE = "slide file";
    static final String SOURCE_IMAGE = "current image";

    /** Score Slide: which slide, then the analysis settings, then where to. */
    static List<Param> scoreSlide(boolean imageOpen) {
        List<Param> l = new ArrayList<>();
        l.add(p("Input", "slide", Type.FILE, "Slide file", "", "", false));
        // With an image open: "Source" and "Reader" share a row; without, the reader has the row alone.
        if (imageOpen) l.add(p(null, "source", Type.CHOICE, "Source", "", SOURCE_FILE, false, SOURCE_FILE, SOURCE_IMAGE));
        l.add(sameRow(ANALYSIS.get(0), imageOpen));
        l.addAll(ANALYSIS.subList(1, ANALYSIS.size()));
        l.add(p("Output", "output", Type.FOLDER, "Output folder", "", "", false));
        l.add(p(null, "tile_table", Type.FLAG, "Tile_table: show per-tile results", "", false, false));
        return l;
    }

    /** Every key Score Slide knows, whether or not an image is open (macros run either way). */
    static List<Param> scoreSlideAll() {
        return scoreSlide(true);
    }

    /** Batch Score Folder: a folder or list of slides, the same analysis settings, the output folder. */
    static List<Param> batch() {
        List<Param> l = new ArrayList<>();
        l.add(p("Input", "input", Type.FOLDER, "Input folder (or a text file listing slides)", "", "", false));
        l.add(p(null, "recursive", Type.FLAG, "Recursive: include subfolders", "", false, false));
        l.add(sameRow(ANALYSIS.get(0), true));
        l.add(p(null, "shard", Type.TEXT, "Shard k/n (cluster job k of n; empty = all)", "", "", false));
        l.addAll(ANALYSIS.subList(1, ANALYSIS.size()));
        l.add(p("Output", "output", Type.FOLDER, "Output folder", "", "", false));
        return l;
    }

    /**
     * Show Results Overlay: a result folder and an open image. In the dialog the image is a choice of the open
     * images' titles; in a macro any title (empty: the current image).
     */
    static List<Param> showOverlay(String[] imageTitles) {
        List<Param> l = new ArrayList<>();
        l.add(p(null, "result", Type.FOLDER, "Result folder (holding summary.json)", "", "", false));
        if (imageTitles == null) l.add(p(null, "image", Type.TEXT, "Image", "", "", false));
        else l.add(p(null, "image", Type.CHOICE, "Image", "", imageTitles.length > 0 ? imageTitles[0] : "", false, imageTitles));
        l.add(p(null, "heatmap", Type.CHOICE, "Heatmap", "", "mlkl", false, "mlkl", "immune", "none"));
        return l;
    }

    private static Param sameRow(Param q, boolean sameRow) {
        return new Param(q.heading, q.key, q.type, q.label, q.units, q.defaultValue, q.choices, sameRow);
    }

    /** The values of every setting of a command, as text, whichever way they were given. */
    static final class Values {
        private final Map<String, Param> params = new LinkedHashMap<>();
        private final Map<String, String> values = new LinkedHashMap<>();

        Values(List<Param> list) {
            for (Param q : list) {
                params.put(q.key, q);
                values.put(q.key, q.defaultValue);
            }
        }

        Values set(String key, String value) {
            Param q = param(key);
            values.put(q.key, value == null ? "" : value.trim());
            return this;
        }

        /** Whether this command's table has the setting (Score Slide has "source" only with an image open). */
        boolean has(String key) {
            return params.containsKey(key);
        }

        String text(String key) {
            param(key);
            return values.get(key);
        }

        double number(String key) {
            Param q = param(key);
            String s = values.get(key);
            try {
                double v = Double.parseDouble(s);
                if (Double.isNaN(v) || Double.isInfinite(v)) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw new OptionException(key + "=" + show(s) + ": not a number; expected " + q.accepted());
            }
        }

        int integer(String key) {
            double v = number(key);
            if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) throw new OptionException(key + "=" + show(values.get(key)) + ": expected a whole number");
            return (int) v;
        }

        boolean flag(String key) {
            param(key);
            return Boolean.parseBoolean(values.get(key));
        }

        /** The value, checked against the accepted ones (case does not matter); returns the canonical spelling. */
        String choice(String key) {
            Param q = param(key);
            String s = values.get(key);
            for (String c : q.choices) if (c.equalsIgnoreCase(s)) return c;
            throw new OptionException(key + "=" + show(s) + ": " + q.accepted());
        }

        Param param(String key) {
            Param q = params.get(key);
            if (q == null) throw new IllegalStateException("no setting " + key);
            return q;
        }

        Map<String, String> asMap() {
            return Collections.unmodifiableMap(values);
        }
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
    static Values fromMacro(String options, List<Param> params) {
        Values v = new Values(params);
        // ImageJ records a checkbox only when it is set: absent means off, whatever the dialog default.
        for (Param q : params) if (q.type == Type.FLAG) v.values.put(q.key, "false");
        Map<String, String> given = tokens(options);
        for (Map.Entry<String, String> e : given.entrySet()) {
            Param q = v.params.get(e.getKey());
            if (q == null) {
                throw new OptionException("unknown option '" + e.getKey() + "'; known options are " + String.join(", ", v.params.keySet()));
            }
            String value = e.getValue();
            if (q.type == Type.FLAG) {
                if (value == null || value.equalsIgnoreCase("true")) value = "true";
                else if (value.equalsIgnoreCase("false")) value = "false";
                else throw new OptionException(q.key + "=" + show(value) + ": " + q.accepted());
            } else if (value == null) {
                throw new OptionException("option '" + q.key + "' needs a value: " + q.accepted());
            }
            v.values.put(q.key, value.trim());
        }
        for (Param q : params) if (q.type == Type.CHOICE) v.choice(q.key); // every bad choice is reported, even unused ones
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
                    if (depth > 0) throw new OptionException(key + "=[" + s.substring(start) + ": missing ']'");
                    value = s.substring(start, i - 1);
                } else if (i < n && s.charAt(i) == '\'') {
                    int start = ++i;
                    while (i < n && s.charAt(i) != '\'') i++;
                    if (i >= n) throw new OptionException(key + "='" + s.substring(start) + ": missing closing quote");
                    value = s.substring(start, i++);
                } else {
                    int start = i;
                    while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
                    value = s.substring(start, i);
                }
            }
            if (out.containsKey(key)) throw new OptionException("option '" + key + "' given twice");
            out.put(key, value);
        }
        return out;
    }

    /** The analysis settings, through the same builder (and so the same validation) as the command line. */
    static AnalysisSettings settings(Values v, UserRegions selection) {
        AnalysisSettings.Builder b = AnalysisSettings.builder()
                .analysisPixelUm(v.number("analysis_pixel"))
                .estimateStains(v.flag("estimate_stains"))
                .thresholds(DabThresholds.of(v.number("weak"), v.number("moderate"), v.number("strong")))
                .cellMode(v.flag("cells"))
                .compartment(CellCompartment.parse(v.choice("compartment")))
                .cellExpansionUm(v.number("cell_expansion"))
                .nuclei(NucleusSettings.DEFAULT.withThreshold(v.number("nucleus_threshold")).withSigma(v.number("nucleus_sigma")))
                .minCoreAreaMm2(v.number("min_core_area"))
                .rimWidthUm(v.number("rim_width"))
                .immuneMode(AnalysisSettings.ImmuneMode.parse(v.choice("immune")));
        StainVectors stains = StainVectors.preset(v.choice("stains"));
        String custom = v.text("stain_vectors");
        if (!custom.isEmpty()) {
            String[] parts = custom.split(";");
            if (parts.length != 2) throw new OptionException("stain_vectors=" + show(custom) + ": needs two vectors R,G,B;R,G,B (haematoxylin;DAB)");
            try {
                stains = stains.withStains("custom", numbers("stain_vectors", parts[0], 3), numbers("stain_vectors", parts[1], 3));
            } catch (OptionException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new OptionException("stain_vectors=" + show(custom) + ": " + e.getMessage());
            }
        }
        b.stains(stains);
        String background = v.text("background");
        if (!background.isEmpty()) b.background(numbers("background", background, 3));
        int threads = v.integer("threads");
        if (threads != 0) b.threads(threads);
        UserRegions regions = regionsFile(v);
        if (regions != null && selection != null) {
            throw new OptionException("regions=" + show(v.text("regions")) + ": cannot be combined with the selection on the image; remove one of them");
        }
        b.userRegions(selection != null ? selection : regions);
        return b.build();
    }

    /** Reader and pixel-size override for opening a slide file. */
    static OpenOptions openOptions(Values v) {
        double px = v.number("pixel_size");
        if (px < 0) throw new OptionException("pixel_size=" + show(v.text("pixel_size")) + ": must be 0 (from the file) or a positive number of µm");
        return OpenOptions.DEFAULT.withReader(OpenOptions.Reader.parse(v.choice("reader"))).withPixelSize(px > 0 ? px : null);
    }

    private static UserRegions regionsFile(Values v) {
        String file = v.text("regions");
        UserRegions.Mode mode = UserRegions.Mode.parse(v.choice("regions_mode"));
        double scale = v.number("regions_scale");
        if (file.isEmpty()) return null;
        java.nio.file.Path path = java.nio.file.Paths.get(file);
        String lower = file.toLowerCase(Locale.ROOT);
        boolean roi = lower.endsWith(".roi") || lower.endsWith(".zip");
        if (!roi && scale != 1) throw new OptionException("regions_scale=" + v.text("regions_scale") + ": applies to ImageJ ROIs only; GeoJSON is in level-0 pixels");
        try {
            return necroptosis.regions.RegionFiles.read(path, mode, scale);
        } catch (java.io.IOException e) {
            // The reader's message already names the file and the reason.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** {@code n} comma-separated numbers; the message names the key. */
    static double[] numbers(String key, String text, int n) {
        String[] parts = text.split(",");
        if (parts.length != n) throw new OptionException(key + "=" + show(text) + ": needs " + n + " comma-separated numbers R,G,B");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new OptionException(key + "=" + show(text) + ": '" + parts[i].trim() + "' is not a number");
            }
        }
        return out;
    }

    /** A value as it would be written in a macro line. */
    static String show(String value) {
        return value == null ? "" : value.indexOf(' ') >= 0 || value.isEmpty() ? "[" + value + "]" : value;
    }

    /** Numbers without a needless ".0" (as ImageJ records them), everything else as text. */
    static String format(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static String[] names(Enum<?>[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) s[i] = values[i].name().toLowerCase(Locale.ROOT);
        return s;
    }
}
