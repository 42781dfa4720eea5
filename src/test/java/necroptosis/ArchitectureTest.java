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

/** The core library stays usable headless and from scripts: only the ij and cli packages may touch GUI classes. */
class ArchitectureTest {
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
}
