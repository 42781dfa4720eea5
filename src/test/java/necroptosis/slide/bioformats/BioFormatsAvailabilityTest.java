package necroptosis.slide.bioformats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.slide.SlideException;

/**
 * The adapter without Bio-Formats: always runs, whatever is configured, because Bio-Formats is never on
 * the test classpath and the checks below resolve against the platform class loader.
 */
class BioFormatsAvailabilityTest {

    /** A parent that certainly has no Bio-Formats, so results do not depend on the build's classpath. */
    private static final ClassLoader NO_BIOFORMATS = ClassLoader.getPlatformClassLoader();

    @TempDir
    Path tmp;

    @Test
    void nothingConfiguredMeansUnavailableWithAReasonNamingBothSettings() {
        BioFormatsLocator.Resolution r = BioFormatsLocator.resolve(null, "test", NO_BIOFORMATS);
        assertFalse(r.available());
        assertTrue(r.reason.contains("bioformats.jars") && r.reason.contains("BIOFORMATS_JARS"), r.reason);
    }

    @Test
    void unresolvedMavenPropertyAndBlankAreTreatedAsUnset() {
        assertTrue(BioFormatsLocator.isUnset("${bioformats.jars}"));
        assertTrue(BioFormatsLocator.isUnset("  "));
        assertTrue(BioFormatsLocator.isUnset(""));
        assertFalse(BioFormatsLocator.isUnset("/opt/bf"));
        BioFormatsLocator.Resolution r = BioFormatsLocator.resolve("${bioformats.jars}", "test", NO_BIOFORMATS);
        assertFalse(r.available());
        assertTrue(r.reason.contains("not on the classpath"), "literal ${...} must not be used as a path: " + r.reason);
    }

    @Test
    void missingJarFolderGivesAClearReason() {
        Path missing = tmp.resolve("no-such-dir");
        BioFormatsLocator.Resolution r = BioFormatsLocator.resolve(missing.toString(), "system property bioformats.jars", NO_BIOFORMATS);
        assertFalse(r.available());
        assertTrue(r.reason.contains(missing.toString()) && r.reason.contains("does not exist"), r.reason);
        assertFalse(r.reason.contains("\n"), "one line: " + r.reason);
    }

    @Test
    void folderWithoutJarsGivesAClearReason() throws IOException {
        Files.write(tmp.resolve("readme.txt"), new byte[] {'x'});
        BioFormatsLocator.Resolution r = BioFormatsLocator.resolve(tmp.toString(), "test", NO_BIOFORMATS);
        assertFalse(r.available());
        assertTrue(r.reason.contains("without .jar files"), r.reason);
    }

    @Test
    void jarsWithoutBioFormatsGiveAClearReason() throws IOException {
        Path jar = tmp.resolve("unrelated.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, new Manifest())) {
            j.flush();
        }
        // A list with one good-looking jar and an empty entry: the separator handling must cope.
        BioFormatsLocator.Resolution r = BioFormatsLocator.resolve(jar + File.pathSeparator, "test", NO_BIOFORMATS);
        assertFalse(r.available());
        assertTrue(r.reason.contains("no loci.formats.ImageReader"), r.reason);
    }

    @Test
    void withoutConfigurationTheAdapterIsUnavailableAndOpenFailsWithTheFileName() throws IOException {
        Assumptions.assumeTrue(BioFormatsLocator.isUnset(System.getProperty(BioFormatsSlideSource.JARS_PROPERTY))
                        && BioFormatsLocator.isUnset(System.getenv(BioFormatsSlideSource.JARS_ENV)),
                "Bio-Formats jars are configured for this run; the unconfigured behaviour is checked through resolve()");
        assertFalse(BioFormatsSlideSource.isAvailable());
        assertTrue(BioFormatsSlideSource.unavailableReason().contains("not on the classpath"));
        Path f = tmp.resolve("slide.svs");
        Files.write(f, new byte[] {'I', 'I', 42, 0});
        SlideException e = assertThrows(SlideException.class, () -> BioFormatsSlideSource.open(f));
        assertTrue(e.getMessage().startsWith(f + ": Bio-Formats is not available"), e.getMessage());
    }

    @Test
    void availableMeansNoReason() {
        Assumptions.assumeTrue(BioFormatsSlideSource.isAvailable(), "Bio-Formats not configured");
        assertNull(BioFormatsSlideSource.unavailableReason());
    }
}
