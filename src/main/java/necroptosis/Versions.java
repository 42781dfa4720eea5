package necroptosis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The software version, filled in by the build, for --version and provenance. */
public final class Versions {
    public static final String VERSION = load();

    private Versions() {}

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("/necroptosis/version.properties")) {
            if (in == null) return "dev";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
