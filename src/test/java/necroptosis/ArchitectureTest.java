package necroptosis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The core library stays usable headless and from scripts: only the ij and cli packages may touch GUI
 * or plugin classes. The one exception is the facade through which the core calls ImageJ's processing
 * filters (Gaussian blur, EDM, rolling-ball background), which live in ij.plugin.filter; it is named here
 * so that no other core file can quietly start importing from ij.plugin.
 */
class ArchitectureTest {
    private static final String FILTER_FACADE = "segmentation/ImageJFilters.java";

    private static final Pattern GUI_IMPORT = Pattern.compile(
            "^import\\s+(static\\s+)?(ij\\.gui|ij\\.plugin|ij\\.WindowManager|java\\.awt\\.(Frame|Dialog|Window|Panel|Button|event)|javax\\.swing)\\b.*",
            Pattern.MULTILINE);

    @Test
    void coreImportsNoFijiGuiOrPluginClasses() throws IOException {
        Path root = Paths.get("src/main/java/necroptosis");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).toString().startsWith("ij/") && !root.relativize(p).toString().startsWith("cli/"))
                    .filter(p -> !root.relativize(p).toString().equals(FILTER_FACADE))
                    .filter(p -> {
                        try {
                            return GUI_IMPORT.matcher(new String(Files.readAllBytes(p), "UTF-8")).find();
                        } catch (IOException e) {
                            throw new RuntimeException(e);
                        }
                    })
                    .map(Path::toString).collect(Collectors.toList());
        }
        assertTrue(Files.isDirectory(root), "run from the project folder");
        assertTrue(offenders.isEmpty(), "core files importing GUI classes: " + offenders);
    }

    @Test
    void filterFacadeImportsOnlyProcessingFilters() throws IOException {
        String src = new String(Files.readAllBytes(Paths.get("src/main/java/necroptosis/" + FILTER_FACADE)), "UTF-8");
        Pattern anyPlugin = Pattern.compile("^import\\s+(ij\\.gui|ij\\.plugin\\.(?!filter\\.)|ij\\.plugin\\.filter\\.(?!(EDM|GaussianBlur|RankFilters|MaximumFinder);)).*", Pattern.MULTILINE);
        assertTrue(!anyPlugin.matcher(src).find(), "the filter facade may import only ImageJ's processing filters");
    }
}
