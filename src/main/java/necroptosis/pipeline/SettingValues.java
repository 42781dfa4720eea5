package necroptosis.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of a list of settings as text, as a user gave them (a dialog, a macro line, command-line
 * options), each starting at its default, read back typed. Every front end reads through here, so the same
 * bad value is refused with the same {@link SettingException}, whichever front end it came from.
 */
public final class SettingValues {
    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    public SettingValues(List<Setting> list) {
        for (Setting s : list) {
            if (!s.isOption()) continue;
            settings.put(s.key, s);
            values.put(s.key, s.defaultValue);
        }
    }

    /** Sets a value as typed (trimmed); a flag takes "true" or "false". */
    public SettingValues set(String key, String value) {
        setting(key);
        values.put(key, value == null ? "" : value.trim());
        return this;
    }

    /** Whether this list has the setting. */
    public boolean has(String key) {
        return settings.containsKey(key);
    }

    public Setting setting(String key) {
        Setting s = settings.get(key);
        if (s == null) throw new IllegalStateException("no setting " + key);
        return s;
    }

    /** The settings of this list, in order. */
    public List<Setting> settings() {
        return Collections.unmodifiableList(new ArrayList<>(settings.values()));
    }

    public String text(String key) {
        setting(key);
        return values.get(key);
    }

    public double number(String key) {
        Setting s = setting(key);
        String text = values.get(key);
        try {
            double v = Double.parseDouble(text);
            if (!Double.isNaN(v) && !Double.isInfinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SettingException(key, text, "not a number; expected " + s.accepted() + ", e.g. " + s.defaultValue);
    }

    public int integer(String key) {
        double v = number(key);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) throw new SettingException(key, values.get(key), "expected a whole number");
        return (int) v;
    }

    public boolean flag(String key) {
        setting(key);
        return Boolean.parseBoolean(values.get(key));
    }

    /**
     * The value, checked against the accepted ones, ignoring case and then also punctuation ("he" is H&E,
     * "hdab" H-DAB, as the stain presets have always been read); returns the canonical spelling.
     */
    public String choice(String key) {
        Setting s = setting(key);
        String text = values.get(key);
        for (String c : s.choices) if (c.equalsIgnoreCase(text)) return c;
        for (String c : s.choices) if (!letters(c).isEmpty() && letters(c).equals(letters(text))) return c;
        throw new SettingException(key, text, s.accepted());
    }

    private static String letters(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /**
     * Reads every value once by its type, so a bad value is reported before any work, even for a setting
     * the run would not use.
     */
    public SettingValues check() {
        for (Setting s : settings.values()) {
            switch (s.type) {
                case NUMBER: number(s.key); break;
                case INTEGER: integer(s.key); break;
                case CHOICE: choice(s.key); break;
                default: break;
            }
        }
        return this;
    }

    /** The setting's value as {@code n} comma-separated numbers (R,G,B); empty text gives null. */
    public double[] numbers(String key, int n) {
        String text = text(key);
        return text.isEmpty() ? null : numbers(key, text, text, n);
    }

    /** {@code n} comma-separated numbers in {@code part}, a piece of the setting's value {@code text}. */
    static double[] numbers(String key, String text, String part, int n) {
        String[] parts = part.split(",", -1);
        if (parts.length != n) throw new SettingException(key, text, "needs " + n + " comma-separated numbers R,G,B");
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new SettingException(key, text, "'" + parts[i].trim() + "' is not a number");
            }
        }
        return out;
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Numbers without a needless ".0" (as ImageJ records them), everything else as text. */
    public static String format(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }
}
