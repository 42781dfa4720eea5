package necroptosis.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which slides a folder or a text list names, and in which order. */
class BatchInputsTest {
    @TempDir
    Path dir;

    private Path touch(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1});
        return p;
    }

    private static List<String> names(Path base, List<Path> paths) {
        List<String> out = new ArrayList<>();
        for (Path p : paths) out.add(base.relativize(p).toString().replace('\\', '/'));
        return out;
    }

    @Test
    void folderListsSlideExtensionsSortedAndSkipsHiddenOutputsAndPlainImages() throws Exception {
        for (String f : new String[] {"b.svs", "a.TIF", "c.ndpi", "label.jpg", "notes.txt", ".hidden.svs", "sub/d.svs",
            "out/x/overview.tif"}) touch(f);
        List<Path> flat = BatchInputs.list(dir, false, dir.resolve("out"));
        assertEquals(Arrays.asList("a.TIF", "b.svs", "c.ndpi"), names(dir, flat));
        List<Path> deep = BatchInputs.list(dir, true, dir.resolve("out"));
        assertEquals(Arrays.asList("a.TIF", "b.svs", "c.ndpi", "sub/d.svs"), names(dir, deep),
                "subfolders when recursive, never the batch's own output folder");
    }

    @Test
    void textListKeepsItsOrderResolvesRelativePathsAndIgnoresCommentsAndRepeats() throws Exception {
        Path abs = touch("elsewhere/abs.svs");
        Path list = dir.resolve("lists/cohort.txt");
        Files.createDirectories(list.getParent());
        Files.write(list, Arrays.asList("# cohort 1", "", "  z.svs  ", "../slides/a.svs", abs.toString(), "z.svs",
                "./z.svs", "missing.svs"), StandardCharsets.UTF_8);
        List<Path> got = BatchInputs.list(list);
        assertEquals(Arrays.asList(list.getParent().resolve("z.svs"), dir.resolve("slides/a.svs"), abs,
                list.getParent().resolve("missing.svs")), got, "file order, relative to the list, once each, missing kept");
    }

    @Test
    void relativeListPathGivesRelativeSlidePaths() throws Exception {
        // The slide column then reads the same on every cluster node that runs from the same folder.
        Path cwd = Paths.get("").toAbsolutePath();
        Path list = dir.resolve("l.txt");
        Files.write(list, Arrays.asList("s.svs"), StandardCharsets.UTF_8);
        Path rel = cwd.relativize(list);
        List<Path> got = BatchInputs.list(rel);
        assertFalse(got.get(0).isAbsolute(), got.toString());
        assertEquals(list.resolveSibling("s.svs"), got.get(0).toAbsolutePath().normalize());
    }

    @Test
    void oneSlideFileIsABatchOfOne() throws Exception {
        Path s = touch("one.svs");
        assertEquals(Arrays.asList(s), BatchInputs.list(s));
    }

    @Test
    void binaryFileGivenAsListIsRefusedInOneLine() throws Exception {
        Path bin = dir.resolve("slide.dat");
        Files.write(bin, new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, (byte) 0xFF, (byte) 0xFE});
        IOException e = assertThrows(IOException.class, () -> BatchInputs.list(bin));
        assertTrue(e.getMessage().startsWith(bin + ": not a text list"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        IOException missing = assertThrows(IOException.class, () -> BatchInputs.list(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
    }
}
