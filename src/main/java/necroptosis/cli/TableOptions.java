package necroptosis.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import necroptosis.pipeline.Setting;
import necroptosis.pipeline.SettingException;
import necroptosis.pipeline.SettingValues;
import necroptosis.pipeline.SettingsTable;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A mixin whose options are rows of {@link SettingsTable}: {@code --} and the key with '-' (plus the
 * row's aliases), its help with unit, accepted values and default. Values are kept as typed and read
 * through {@link SettingValues}, so a bad value gets the same reason as in a Fiji macro, named by the
 * option the user typed. Each subclass says which rows it holds; its class carries
 * {@code @Command(modelTransformer = TableOptions.AddOptions.class)}, which adds them to the command.
 */
abstract class TableOptions {
    private final Map<String, String> given = new LinkedHashMap<>();
    private CommandSpec command;

    /** Whether this mixin holds the row. */
    abstract boolean holds(Setting s);

    /** Adds the options of every TableOptions mixin of a command (nested ones too). */
    static final class AddOptions implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            addAll(spec, spec);
            return spec;
        }

        private static void addAll(CommandSpec command, CommandSpec spec) {
            for (CommandSpec mixin : spec.mixins().values()) {
                if (mixin.userObject() instanceof TableOptions) ((TableOptions) mixin.userObject()).addTo(command);
                addAll(command, mixin);
            }
        }
    }

    private void addTo(CommandSpec spec) {
        if (command != null) return;
        command = spec;
        for (Setting s : SettingsTable.options()) if (holds(s)) spec.addOption(option(s));
    }

    private OptionSpec option(Setting s) {
        boolean flag = s.type == Setting.Type.FLAG;
        ISetter setter = new ISetter() {
            @Override
            public <T> T set(T value) {
                if (value == null) given.remove(s.key);
                else given.put(s.key, value.toString());
                return null;
            }
        };
        IGetter getter = new IGetter() {
            @SuppressWarnings("unchecked")
            @Override
            public <T> T get() {
                String v = given.get(s.key);
                return (T) (flag ? (Object) Boolean.valueOf(v) : v);
            }
        };
        OptionSpec.Builder o = OptionSpec.builder(s.optionNames()).description(description(s)).setter(setter).getter(getter);
        if (flag) o.arity("0").type(boolean.class);
        else o.arity("1").type(String.class).paramLabel(paramLabel(s));
        return o.build();
    }

    /** The help line: the row's help, its unit (or its choices, when the label does not list them), and its default. */
    static String description(Setting s) {
        StringBuilder d = new StringBuilder(s.help);
        if (s.type == Setting.Type.CHOICE && s.format != null) d.append(" (").append(String.join(", ", s.choices)).append(")");
        else if (!s.unit.isEmpty()) d.append(" (").append(s.unit).append(")");
        if (s.type != Setting.Type.FLAG && !s.defaultValue.isEmpty()) d.append("; default ").append(s.defaultValue);
        // picocli reads ${...} as a variable and % as a format character.
        return d.toString().replace("${", "$${").replace("%", "%%");
    }

    private static String paramLabel(Setting s) {
        if (s.format != null) return s.format;
        if (s.type == Setting.Type.CHOICE) return String.join("|", s.choices);
        String u = s.unit.replace("µ", "u").replace("²", "2").replace("/px", "");
        return u.isEmpty() ? "X" : u.toUpperCase(Locale.ROOT);
    }

    /** Every row's value: the defaults, then what was typed in these mixins. */
    static SettingValues values(TableOptions... mixins) {
        SettingValues v = new SettingValues(SettingsTable.options());
        for (TableOptions m : mixins) for (Map.Entry<String, String> e : m.given.entrySet()) v.set(e.getKey(), e.getValue());
        return v;
    }

    /** Runs {@code read}; a bad value is reported by the option name the user typed. */
    <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (SettingException e) {
            throw new IllegalArgumentException(e.asOption(typedName(SettingsTable.get(e.key))), e);
        }
    }

    /** The name of the option as typed (a row may have aliases); the first name when not found. */
    private String typedName(Setting s) {
        String[] names = s.optionNames();
        ParseResult parsed = command == null || command.commandLine() == null ? null : command.commandLine().getParseResult();
        if (parsed != null) {
            for (String arg : parsed.originalArgs()) {
                for (String n : names) if (arg.equals(n) || arg.startsWith(n + "=")) return n;
            }
        }
        return names[0];
    }
}
