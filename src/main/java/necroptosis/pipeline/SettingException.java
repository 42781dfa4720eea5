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
        super(key + "=" + show(value) + ": " + printable(reason));
        this.key = key;
        this.value = value == null ? "" : value;
        // Reasons may quote a piece of the value, line breaks included.
        this.reason = printable(reason);
    }

    /** As the command line names it: {@code --key value: reason} ({@code --key '': ...} for an empty value). */
    public String asOption(String optionName) {
        String v = value.isEmpty() || value.indexOf(' ') >= 0 ? "'" + printable(value) + "'" : printable(value);
        return optionName + " " + v + ": " + reason;
    }

    /** A value as a macro line writes it: in [brackets] when empty or holding spaces. */
    public static String show(String value) {
        return value == null ? "" : value.indexOf(' ') >= 0 || value.isEmpty() ? "[" + printable(value) + "]" : printable(value);
    }

    /** Text with its control characters (a line break in a macro string) written as escapes, so a message stays one line. */
    public static String printable(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != 0x7F) {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(text.substring(0, i));
            b.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
        }
        return b == null ? text : b.toString();
    }
}
