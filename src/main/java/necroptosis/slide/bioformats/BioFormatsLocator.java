package necroptosis.slide.bioformats;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds Bio-Formats once per JVM: on the plugin's own class loader (as in Fiji) or in the jars named by
 * {@value BioFormatsSlideSource#JARS_PROPERTY} / {@value BioFormatsSlideSource#JARS_ENV}, loaded
 * child-first; or the reason it cannot be used.
 */
final class BioFormatsLocator {
    private static volatile BioFormatsApi api;
    private static volatile String unavailableReason;
    private static volatile boolean resolved;

    private BioFormatsLocator() {}

    /** Why Bio-Formats cannot be used, once {@link #api()} has looked. */
    static String unavailableReason() {
        return unavailableReason;
    }

    static BioFormatsApi api() {
        if (!resolved) {
            synchronized (BioFormatsLocator.class) {
                if (!resolved) {
                    String configured = System.getProperty(BioFormatsSlideSource.JARS_PROPERTY);
                    String origin = "system property " + BioFormatsSlideSource.JARS_PROPERTY;
                    if (isUnset(configured)) {
                        configured = System.getenv(BioFormatsSlideSource.JARS_ENV);
                        origin = "environment variable " + BioFormatsSlideSource.JARS_ENV;
                    }
                    Resolution r = resolve(configured, origin, BioFormatsLocator.class.getClassLoader());
                    api = r.api;
                    unavailableReason = r.reason;
                    if (r.api == null && !isUnset(configured)) {
                        // The user asked for these jars; falling back silently would hide the typo.
                        System.err.println("warning: " + r.reason + "; using the built-in readers");
                    }
                    resolved = true;
                }
            }
        }
        return api;
    }

    /** The outcome of looking for Bio-Formats: an API or the reason there is none. */
    static final class Resolution {
        final BioFormatsApi api;
        final String reason;

        Resolution(BioFormatsApi api, String reason) {
            this.api = api;
            this.reason = reason;
        }

        boolean available() { return api != null; }
    }

    /**
     * Finds Bio-Formats on {@code parent} or else in the {@code configured} jars. Package-private so
     * tests can check the configuration handling without touching the process-wide state.
     */
    static Resolution resolve(String configured, String origin, ClassLoader parent) {
        try {
            Class.forName(BioFormatsApi.IMAGE_READER, false, parent);
            return new Resolution(new BioFormatsApi(parent, "classpath"), null);
        } catch (ClassNotFoundException | LinkageError e) {
            // Not in Fiji: try the configured jars.
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new Resolution(null, "Bio-Formats on the classpath is unusable: " + BioFormatsSlideSource.oneLine(e));
        }
        if (isUnset(configured)) {
            return new Resolution(null, "Bio-Formats is not on the classpath and neither the system property "
                    + BioFormatsSlideSource.JARS_PROPERTY + " nor the environment variable " + BioFormatsSlideSource.JARS_ENV + " names its jars");
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : configured.split(File.pathSeparator)) {
            if (entry.trim().isEmpty()) continue;
            Path p = Paths.get(entry.trim());
            String problem = addJars(p, urls);
            if (problem != null) return new Resolution(null, origin + ": " + p + " " + problem);
        }
        if (urls.isEmpty()) return new Resolution(null, origin + " names no jar files: '" + configured + "'");
        ClassLoader loader = new ChildFirstLoader(urls.toArray(new URL[0]), parent);
        try {
            Class.forName(BioFormatsApi.IMAGE_READER, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return new Resolution(null, origin + ": no " + BioFormatsApi.IMAGE_READER + " in the jars at " + configured
                    + " (they must hold formats-api, formats-bsd, formats-gpl and their dependencies)");
        }
        try {
            return new Resolution(new BioFormatsApi(loader, configured), null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new Resolution(null, origin + ": the Bio-Formats jars at " + configured + " are unusable: " + BioFormatsSlideSource.oneLine(e));
        }
    }

    /** Adds a jar or a folder's jars; returns what is wrong with the entry, or null. */
    private static String addJars(Path p, List<URL> urls) {
        try {
            if (Files.isDirectory(p)) {
                List<Path> jars = new ArrayList<>();
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")).forEach(jars::add);
                }
                if (jars.isEmpty()) return "is a folder without .jar files";
                Collections.sort(jars);
                for (Path j : jars) urls.add(j.toUri().toURL());
                return null;
            }
            if (Files.isRegularFile(p)) {
                urls.add(p.toUri().toURL());
                return null;
            }
            return "does not exist";
        } catch (IOException e) {
            return "cannot be listed: " + BioFormatsSlideSource.oneLine(e);
        }
    }

    /** Maven leaves an undefined property as the literal "${...}"; that and blanks mean "not set". */
    static boolean isUnset(String value) {
        return value == null || value.trim().isEmpty() || value.trim().startsWith("${");
    }
}
