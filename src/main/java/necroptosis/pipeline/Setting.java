package necroptosis.pipeline;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * One row of {@link SettingsTable}: a setting's key, type, unit, default, accepted values and help, which
 * every front end presents in its own way (a picocli option {@code --rim-width}, a dialog field, a macro key
 * {@code rim_width=}), how its value goes into {@link AnalysisSettings.Builder}, and under which key
 * provenance records it. Rows that only record (fixed parameters such as {@code block_um}) have no type.
 * Immutable; made with {@link #option} or {@link #recorded} and the {@code with} methods.
 */
public final class Setting {
    /** What kind of value a setting takes. */
    public enum Type {
        NUMBER, INTEGER,
        /** One of {@link #choices}, matched without regard to case. */
        CHOICE,
        /** On or off; absent means off. */
        FLAG,
        TEXT, FILE, FOLDER
    }

    /** Where a setting sits in the Fiji dialog: groups in this order, each under its heading (null: none). */
    public enum Group {
        INPUT("Input"), READING(null), STAINS("Stains"), SCORING("Marker scoring (DAB optical density thresholds)"),
        CELLS("Cells & immune cells"), NECROSIS("Necrosis & zones"), OUTPUT("Output"), OTHER(null);

        public final String heading;

        Group(String heading) {
            this.heading = heading;
        }
    }

    /** Puts a setting's value (read from the values, with any it depends on) into the builder. */
    public interface Apply {
        void apply(AnalysisSettings.Builder b, SettingValues v);
    }

    /** The macro key (snake_case); the command-line option is {@code --} and the key with '-' for '_'. */
    public final String key;
    /** Null for a row that only records. */
    public final Type type;
    /** As shown beside the dialog field ("µm", "OD"); empty when none. */
    public final String unit;
    /** The default as text, as it would be typed; empty for "none". */
    public final String defaultValue;
    public final List<String> choices;
    /** The dialog label; its first word, lower-cased, is the key (ImageJ's rule for macro keys). */
    public final String label;
    /** One line for the command-line help and the README. */
    public final String help;
    /** How the value is written on the command line, e.g. "R,G,B"; null: from the unit or type. */
    public final String format;
    /** Other command-line names that also work, e.g. "--immune-mode". */
    public final List<String> aliases;
    public final Group group;
    /** Shown beside the previous field rather than on a row of its own (keeps the dialog short). */
    public final boolean sameRow;
    final Apply apply;
    /** The provenance key in summary.json, or null when the setting is not recorded under its own key. */
    public final String recordKey;
    final Function<AnalysisSettings, Object> record;

    private Setting(String key, Type type, String unit, String defaultValue, List<String> choices, String label, String help,
            String format, List<String> aliases, Group group, boolean sameRow, Apply apply, String recordKey,
            Function<AnalysisSettings, Object> record) {
        this.key = key;
        this.type = type;
        this.unit = unit;
        this.defaultValue = defaultValue;
        this.choices = choices;
        this.label = label;
        this.help = help;
        this.format = format;
        this.aliases = aliases;
        this.group = group;
        this.sameRow = sameRow;
        this.apply = apply;
        this.recordKey = recordKey;
        this.record = record;
    }

    /** A setting the user gives; the label defaults to the key with a capital. */
    public static Setting option(String key, Type type, Object defaultValue, String help) {
        String label = Character.toUpperCase(key.charAt(0)) + key.substring(1);
        return new Setting(key, type, "", SettingValues.format(defaultValue), Collections.<String>emptyList(), label, help, null,
                Collections.<String>emptyList(), Group.OTHER, false, null, null, null);
    }

    /** A parameter recorded in provenance but not given by the user. */
    static Setting recorded(String recordKey, Function<AnalysisSettings, Object> record) {
        return new Setting(recordKey, null, "", "", Collections.<String>emptyList(), recordKey, "", null,
                Collections.<String>emptyList(), Group.OTHER, false, null, recordKey, record);
    }

    public Setting withUnit(String u) {
        return new Setting(key, type, u, defaultValue, choices, label, help, format, aliases, group, sameRow, apply, recordKey, record);
    }

    public Setting withChoices(String... c) {
        return new Setting(key, type, unit, defaultValue, Collections.unmodifiableList(Arrays.asList(c.clone())), label, help, format,
                aliases, group, sameRow, apply, recordKey, record);
    }

    public Setting withLabel(String l) {
        return new Setting(key, type, unit, defaultValue, choices, l, help, format, aliases, group, sameRow, apply, recordKey, record);
    }

    public Setting withFormat(String f) {
        return new Setting(key, type, unit, defaultValue, choices, label, help, f, aliases, group, sameRow, apply, recordKey, record);
    }

    public Setting withAliases(String... a) {
        return new Setting(key, type, unit, defaultValue, choices, label, help, format, Collections.unmodifiableList(Arrays.asList(a.clone())),
                group, sameRow, apply, recordKey, record);
    }

    public Setting in(Group g) {
        return new Setting(key, type, unit, defaultValue, choices, label, help, format, aliases, g, sameRow, apply, recordKey, record);
    }

    public Setting withSameRow(boolean s) {
        return new Setting(key, type, unit, defaultValue, choices, label, help, format, aliases, group, s, apply, recordKey, record);
    }

    Setting applies(Apply a) {
        return new Setting(key, type, unit, defaultValue, choices, label, help, format, aliases, group, sameRow, a, recordKey, record);
    }

    Setting records(String k, Function<AnalysisSettings, Object> r) {
        return new Setting(key, type, unit, defaultValue, choices, label, help, format, aliases, group, sameRow, apply, k, r);
    }

    /** Whether the user gives this setting (it has a command-line option, a dialog field and a macro key). */
    public boolean isOption() {
        return type != null;
    }

    /** The command-line names: {@code --} and the key with '-' for '_', then the aliases. */
    public String[] optionNames() {
        String[] names = new String[1 + aliases.size()];
        names[0] = "--" + key.replace('_', '-');
        for (int i = 0; i < aliases.size(); i++) names[i + 1] = aliases.get(i);
        return names;
    }

    /** What the setting accepts, for error messages and help: the choices, or the type and unit. */
    public String accepted() {
        switch (type) {
            case CHOICE: return "accepted values are " + String.join(", ", choices);
            case NUMBER: return "a number" + (unit.isEmpty() ? "" : " in " + unit);
            case INTEGER: return "a whole number";
            case FLAG: return "on or off";
            default: return "text";
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
