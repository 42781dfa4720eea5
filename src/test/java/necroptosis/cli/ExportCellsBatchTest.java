package necroptosis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.report.CellFiles;

/** {@code --export-cells} in a batch: each slide's folder gets its own cells files, and a resumed batch keeps them. */
class ExportCellsBatchTest {
    @Test
    void eachSlideGetsItsCellFiles(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.tif"), b = dir.resolve("b.tif");
        for (Path p : new Path[] {a, b}) {
            MainTest.Captured g = MainTest.run("generate", "--out", p.toString(), "--width", "1024", "--height", "1024",
                    "--pixel-size", "0.5", "--cores", "0", "--seed", p == a ? "3" : "4", "--quiet");
            assertEquals(0, g.code, g.err);
        }
        Path list = dir.resolve("list.txt"), out = dir.resolve("out");
        Files.write(list, Arrays.asList(a.toString(), b.toString()), StandardCharsets.UTF_8);
        MainTest.Captured c = MainTest.run("batch", list.toString(), "--out", out.toString(), "--threads", "2", "--export-cells", "--quiet");
        assertEquals(0, c.code, c.err);
        byte[][] first = new byte[2][];
        int k = 0;
        for (String name : new String[] {"a", "b"}) {
            Path csv = out.resolve(name).resolve(CellFiles.CSV);
            assertTrue(Files.isRegularFile(out.resolve(name).resolve(CellFiles.GEOJSON)), name);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertEquals(String.join(",", CellFiles.COLUMNS), lines.get(0));
            assertTrue(lines.size() > 50, name + ": " + lines.size() + " lines");
            first[k++] = Files.readAllBytes(csv);
        }
        assertFalse(Arrays.equals(first[0], first[1]), "each slide its own cells");
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "no partial folder left");
        }

        MainTest.Captured again = MainTest.run("batch", list.toString(), "--out", out.toString(), "--threads", "2", "--export-cells", "--quiet");
        assertEquals(0, again.code, again.err);
        assertTrue(Arrays.equals(first[0], Files.readAllBytes(out.resolve("a").resolve(CellFiles.CSV))), "kept by the resumed batch");
    }
}
