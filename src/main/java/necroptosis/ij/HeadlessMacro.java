package necroptosis.ij;

import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ij.CommandListener;
import ij.Executer;
import ij.Menus;
import ij.macro.Interpreter;

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

    /** Exit codes, as the command line's: 0 all done, 1 the macro failed, 2 usage, 3 a batch had failed slides. */
    static final int OK = 0, FAILED = 1, USAGE = 2, SLIDES_FAILED = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the macro of {@code args} and returns the exit code; messages go to stderr. */
    static int run(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java -Djava.awt.headless=true -cp 'ij.jar:plugins/*:plugins/jars/*' necroptosis.ij.HeadlessMacro MACRO.ijm [ARGUMENT]");
            return USAGE;
        }
        Path file = Paths.get(args[0]);
        String code;
        try {
            code = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            System.err.println("HeadlessMacro: " + args[0] + ": no such macro file");
            return FAILED;
        } catch (IOException e) {
            System.err.println("HeadlessMacro: " + args[0] + ": cannot read (" + e + ")");
            return FAILED;
        }
        try {
            install();
        } catch (IOException | RuntimeException e) {
            System.err.println("HeadlessMacro: cannot register the Necroptosis commands: " + e.getMessage());
            return FAILED;
        }
        int errorsBefore = CommandSupport.ERRORS.get(), failedBefore = CommandSupport.FAILED_SLIDES.get();
        Interpreter macro = new Interpreter();
        String[] unknown = {null};
        // ImageJ reports an unknown command in a dialog, which a headless JVM cannot build (a HeadlessException
        // trace instead of the message): such commands are stopped before ImageJ looks them up.
        CommandListener check = command -> {
            if (Menus.getCommands() == null || Menus.getCommands().get(command) != null) return command;
            unknown[0] = "Unrecognized command: \"" + command + "\"" + (GraphicsEnvironment.isHeadless()
                    ? " (headless, only the Necroptosis commands can run; ImageJ's own menu commands need Fiji --headless)" : "");
            macro.setIgnoreErrors(true);
            macro.abort(unknown[0]);
            return null;
        };
        Executer.addCommandListener(check);
        String macroError = null;
        try {
            macro.run(code, args.length > 1 ? args[1] : null);
        } catch (HeadlessException e) {
            // ImageJ reports a macro error (a syntax error, an unknown command) in a dialog, which a headless
            // JVM cannot build; its message is kept by the interpreter.
            macroError = macro.getErrorMessage() == null ? "macro error" : macro.getErrorMessage();
        } catch (RuntimeException e) {
            // A command that reported its error stops the macro through ImageJ's abort (message already on stderr).
            if (CommandSupport.ERRORS.get() == errorsBefore) macroError = String.valueOf(e.getMessage());
        } catch (LinkageError e) {
            macroError = missingLibrary(e);
        } finally {
            Executer.removeCommandListener(check);
        }
        if (unknown[0] != null) macroError = unknown[0];
        if (macroError != null) {
            System.err.println(file.getFileName() + ": Macro Error in line " + macro.getLineNumber() + ": " + macroError.trim());
            return FAILED;
        }
        if (macro.wasError() || CommandSupport.ERRORS.get() > errorsBefore) return FAILED;
        return CommandSupport.FAILED_SLIDES.get() > failedBefore ? SLIDES_FAILED : OK;
    }

    /** A class missing from plugins/jars, as the library the user must add. */
    static String missingLibrary(LinkageError e) {
        String cls = String.valueOf(e.getMessage()).replace('/', '.');
        return "this slide needs " + cls + ", which is not on the class path (see the README for the jars plain ImageJ needs in plugins/jars)";
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
        for (Enumeration<java.net.URL> urls = loader.getResources("plugins.config"); urls.hasMoreElements(); ) {
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
