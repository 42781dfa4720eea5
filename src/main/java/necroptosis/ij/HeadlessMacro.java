package necroptosis.ij;

import java.awt.GraphicsEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.IJ;
import ij.Menus;

/**
 * Runs an ImageJ macro that calls the Necroptosis commands in a plain headless JVM, without Fiji:
 * {@code java -Djava.awt.headless=true -cp 'ij.jar:plugins/*:plugins/jars/*' necroptosis.ij.HeadlessMacro batch.ijm}.
 * <p>
 * Why it is needed: ImageJ 1.54p (the newest on Maven Central) builds its AWT menu bar before the first
 * {@code run("...")} of a macro, and AWT menus cannot exist without a display, so in a headless JVM every
 * {@code run()} fails in ImageJ before reaching any plugin. Fiji's {@code --headless} patches ImageJ for
 * that; here the commands of this plugin's plugins.config are entered in ImageJ's command table instead,
 * which is all {@code run()} needs. ImageJ's own menu commands are not available this way (use Fiji
 * {@code --headless} for macros that need them); macro functions such as {@code open()}, {@code print()}
 * and {@code getDirectory()} work.
 */
public final class HeadlessMacro {
    private HeadlessMacro() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java -Djava.awt.headless=true -cp 'ij.jar:plugins/*:plugins/jars/*' necroptosis.ij.HeadlessMacro MACRO.ijm [ARGUMENT]");
            System.exit(2);
        }
        try {
            install();
        } catch (IOException | RuntimeException e) {
            System.err.println("HeadlessMacro: cannot register the Necroptosis commands: " + e.getMessage());
            System.exit(1);
        }
        String result = IJ.runMacroFile(args[0], args.length > 1 ? args[1] : null);
        // Non-zero when a command reported an error (and so stopped the macro) or ImageJ aborted it.
        System.exit(CommandSupport.ERRORS.get() > 0 || "[aborted]".equals(result) ? 1 : 0);
    }

    /**
     * Enters this plugin's commands in ImageJ's command table when running headless and no table exists yet
     * (with a display, or under Fiji's headless patches, ImageJ builds its own and nothing is done).
     * Returns the commands registered.
     */
    public static synchronized Map<String, String> install() throws IOException {
        Map<String, String> commands = pluginsConfig();
        if (!GraphicsEnvironment.isHeadless() || Menus.getCommands() != null) return commands;
        Hashtable<String, String> table = new Hashtable<>(commands);
        try {
            Field f = Menus.class.getDeclaredField("pluginsTable");
            f.setAccessible(true);
            f.set(null, table);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this ImageJ version has no command table to register in (" + e + "); use Fiji --headless", e);
        }
        return commands;
    }

    private static final Pattern ENTRY = Pattern.compile("^\\s*[^#\"]*?,\\s*\"([^\"]+)\"\\s*,\\s*([\\w.$]+(?:\\(\"[^\"]*\"\\))?)\\s*$");

    /**
     * Command name to class, from the plugins.config packaged with these classes (every plugins.config on the
     * class path is read, since other plugin jars have one too; only this plugin's entries are kept).
     */
    static Map<String, String> pluginsConfig() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        ClassLoader loader = HeadlessMacro.class.getClassLoader();
        for (java.util.Enumeration<java.net.URL> urls = loader.getResources("plugins.config"); urls.hasMoreElements(); ) {
            try (InputStream in = urls.nextElement().openStream()) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    Matcher m = ENTRY.matcher(line);
                    if (m.matches() && m.group(2).startsWith("necroptosis.")) out.put(m.group(1), m.group(2));
                }
            }
        }
        if (out.isEmpty()) throw new IOException("no plugins.config with the Necroptosis commands on the class path");
        return out;
    }
}
