package necroptosis.pipeline;

/**
 * A value a setting does not accept. The reason is one text for every front end; each names the setting its
 * own way ({@link #getMessage()} as a macro writes it, {@code key=value: reason}; {@link #asOption()} as on
 * the command line).
 */
public final class SettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public final String key;
    public final String value;
    public final String reason;

    public SettingException(String key, String value, String reason) {
        super(key + "=" + show(value) + ": " + reason);
        this.key = key;
        this.value = value == null ? "" : value;
        this.reason = reason;
    }

    /** As the command line names it: {@code --key value: reason} ({@code --key '': ...} for an empty value). */
    public String asOption(String optionName) {
        String v = value.isEmpty() || value.indexOf(' ') >= 0 ? "'" + value + "'" : value;
        return optionName + " " + v + ": " + reason;
    }

    /** A value as a macro line writes it: in [brackets] when empty or holding spaces. */
    public static String show(String value) {
        return value == null ? "" : value.indexOf(' ') >= 0 || value.isEmpty() ? "[" + value + "]" : value;
    }
}
