package necroptosis.slide.bioformats;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which side of the Bio-Formats class loader a class comes from. Runs without Bio-Formats: a jar holding
 * copies of classes the test classpath also has stands in for a Bio-Formats folder.
 */
class ChildFirstLoaderTest {

    private static final ClassLoader HOST = ChildFirstLoaderTest.class.getClassLoader();

    @TempDir
    Path tmp;

    /** A jar with copies of the named classes, read from the test classpath. */
    private URL jarWith(String... classNames) throws IOException {
        Path jar = tmp.resolve("copies.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, new Manifest())) {
            for (String name : classNames) {
                String entry = name.replace('.', '/') + ".class";
                j.putNextEntry(new JarEntry(entry));
                try (InputStream in = HOST.getResourceAsStream(entry)) {
                    in.transferTo(j);
                }
                j.closeEntry();
            }
        }
        return jar.toUri().toURL();
    }

    @Test
    void slf4jComesFromTheHostSoItsBindingIsASubtypeOfTheApiBioFormatsSees() throws Exception {
        try (ChildFirstLoader loader =
                     new ChildFirstLoader(new URL[] {jarWith("org.slf4j.LoggerFactory")}, HOST)) {
            assertSame(HOST.loadClass("org.slf4j.LoggerFactory"), loader.loadClass("org.slf4j.LoggerFactory"));
        }
    }

    @Test
    void slf4jComesFromTheJarsWhenTheHostHasNone() throws Exception {
        ClassLoader noSlf4j = ClassLoader.getPlatformClassLoader();
        try (ChildFirstLoader loader =
                     new ChildFirstLoader(new URL[] {jarWith("org.slf4j.LoggerFactory")}, noSlf4j)) {
            assertSame(loader, loader.loadClass("org.slf4j.LoggerFactory").getClassLoader());
        }
    }

    @Test
    void otherLibrariesComeFromTheJarsSoBioFormatsGetsItsOwnVersions() throws Exception {
        try (ChildFirstLoader loader =
                     new ChildFirstLoader(new URL[] {jarWith("com.google.gson.JsonNull")}, HOST)) {
            Class<?> c = loader.loadClass("com.google.gson.JsonNull");
            assertSame(loader, c.getClassLoader());
            assertNotSame(HOST.loadClass("com.google.gson.JsonNull"), c);
        }
    }

    @Test
    void jdkClassesComeFromTheJdkEvenWhenTheJarsCarryCopies() throws Exception {
        try (ChildFirstLoader loader =
                     new ChildFirstLoader(new URL[] {jarWith("java.lang.String")}, HOST)) {
            assertSame(String.class, loader.loadClass("java.lang.String"));
        }
    }
}
