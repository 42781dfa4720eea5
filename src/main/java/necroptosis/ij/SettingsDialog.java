package necroptosis.ij;

import java.awt.Font;
import java.awt.TextField;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ij.gui.GenericDialog;
import necroptosis.pipeline.Setting;
import necroptosis.pipeline.SettingValues;

/**
 * Builds a command's GenericDialog from its settings ({@link Parameters}) and reads it back into
 * {@link SettingValues}, in the same order; each group's heading comes before its first field. Because the fields are GenericDialog fields whose labels start with the macro keys, the
 * macro recorder writes a {@code run(...)} line that {@link Parameters#fromMacro} reads back. The values
 * last accepted are remembered for the session (a macro never sees them: it gets the table's defaults).
 */
final class SettingsDialog {
    /** Last accepted values per command title, for the next dialog of the session. */
    private static final Map<String, Map<String, String>> LAST = new HashMap<>();

    private SettingsDialog() {}

    /** A pixel size is a length per pixel: "µm/px" beside the field, not "µm". */
    static String unit(Setting q) {
        return q.key.endsWith("pixel_size") && "µm".equals(q.unit) ? "µm/px" : q.unit;
    }

    /** Shows the dialog; null when the user cancels. */
    static SettingValues show(String title, List<Setting> params, String help) {
        GenericDialog gd = new GenericDialog(title);
        Map<String, String> last = LAST.get(title);
        Set<Setting.Group> shown = EnumSet.noneOf(Setting.Group.class);
        for (Setting q : params) {
            if (shown.add(q.group) && q.group.heading != null) gd.addMessage(q.group.heading, HEADING_FONT);
            String value = last != null && last.containsKey(q.key) ? last.get(q.key) : q.defaultValue;
            if (q.sameRow) gd.addToSameRow();
            switch (q.type) {
                case NUMBER:
                case INTEGER:
                    gd.addNumericField(q.label, Double.parseDouble(value), decimals(value), 6, unit(q));
                    break;
                case CHOICE:
                    gd.addChoice(q.label, q.choices.toArray(new String[0]), value);
                    break;
                case FLAG:
                    gd.addCheckbox(q.label, Boolean.parseBoolean(value));
                    break;
                case TEXT:
                    gd.addStringField(q.label, value, 18);
                    break;
                case FILE:
                    gd.addFileField(q.label, value, 40);
                    break;
                case FOLDER:
                    gd.addDirectoryField(q.label, value, 40);
                    break;
                default:
                    throw new IllegalStateException(q.type.toString());
            }
        }
        if (help != null) gd.addHelp(help);
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        SettingValues v = new SettingValues(params);
        int numberIndex = 0;
        for (Setting q : params) {
            switch (q.type) {
                case NUMBER:
                case INTEGER:
                    double d = gd.getNextNumber();
                    // Keep what was typed when it is not a number, so the error quotes it.
                    TextField typed = (TextField) gd.getNumericFields().get(numberIndex++);
                    v.set(q.key, Double.isNaN(d) ? typed.getText() : Parameters.format(d));
                    break;
                case CHOICE:
                    v.set(q.key, gd.getNextChoice());
                    break;
                case FLAG:
                    v.set(q.key, Boolean.toString(gd.getNextBoolean()));
                    break;
                default:
                    v.set(q.key, gd.getNextString());
                    break;
            }
        }
        LAST.put(title, new HashMap<>(v.asMap()));
        return v;
    }

    private static final Font HEADING_FONT = new Font("SansSerif", Font.BOLD, 13);

    private static int decimals(String value) {
        int dot = value.indexOf('.');
        return dot < 0 ? 0 : Math.min(6, value.length() - dot - 1);
    }
}
