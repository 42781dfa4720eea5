package necroptosis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Fiji plugin jar leaves out the command line (picocli, which Fiji lacks) and the synthetic slide
 * generator: the packages excluded by the maven-jar-plugin in pom.xml. Nothing left in the jar may refer
 * to them, or a Fiji command would fail with NoClassDefFoundError only when it reached that code. The
 * check reads the compiled classes' constant pools, where every class a class uses is named: type names
 * in internal form ({@code necroptosis/cli/Main}), and class names in strings given to reflection.
 */
class PluginJarTest {
    private static final Path CLASSES = Paths.get("target/classes");

    @Test
    void theCommandLineAndTheGeneratorAreLeftOut() throws IOException {
        List<String> excluded = excludedPackages();
        assertTrue(excluded.contains("necroptosis/cli/"), "pom.xml's plugin jar should exclude necroptosis/cli: " + excluded);
        assertTrue(excluded.contains("necroptosis/synth/"), "pom.xml's plugin jar should exclude necroptosis/synth: " + excluded);
        String commands = new String(Files.readAllBytes(Paths.get("plugins.config")), StandardCharsets.UTF_8).replace('.', '/');
        for (String pkg : excluded) assertFalse(commands.contains(pkg), "plugins.config names a class of " + pkg);
    }

    @Test
    void nothingInThePluginJarRefersToTheLeftOutPackages() throws IOException {
        List<String> excluded = excludedPackages();
        List<String> offenders = new ArrayList<>();
        List<Path> kept;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            kept = files.filter(p -> p.toString().endsWith(".class")).filter(p -> !isExcluded(p, excluded)).collect(Collectors.toList());
        }
        assertTrue(kept.size() > 100, "compiled classes expected in " + CLASSES.toAbsolutePath() + ", found " + kept.size());
        for (Path c : kept) {
            // Class names are ASCII, so their modified UTF-8 in the constant pool is plain ASCII too.
            String pool = new String(Files.readAllBytes(c), StandardCharsets.ISO_8859_1);
            for (String pkg : excluded) {
                if (pool.contains(pkg) || pool.contains(pkg.replace('/', '.'))) offenders.add(CLASSES.relativize(c) + " -> " + pkg);
            }
        }
        assertTrue(offenders.isEmpty(), "classes of the plugin jar that refer to packages left out of it: " + offenders);
    }

    private static boolean isExcluded(Path classFile, List<String> excluded) {
        String name = CLASSES.relativize(classFile).toString().replace('\\', '/');
        return excluded.stream().anyMatch(name::startsWith);
    }

    /** The maven-jar-plugin's excludes in pom.xml, as package prefixes ({@code necroptosis/cli/}). */
    private static List<String> excludedPackages() throws IOException {
        String pom = new String(Files.readAllBytes(Paths.get("pom.xml")), StandardCharsets.UTF_8);
        int jar = pom.indexOf("<artifactId>maven-jar-plugin</artifactId>");
        assertTrue(jar >= 0, "pom.xml configures no maven-jar-plugin");
        String config = pom.substring(jar, pom.indexOf("</plugin>", jar));
        List<String> packages = new ArrayList<>();
        Matcher m = Pattern.compile("<exclude>(necroptosis/[a-z/]+/)\\*\\*</exclude>").matcher(config);
        while (m.find()) packages.add(m.group(1));
        return packages;
    }
}
