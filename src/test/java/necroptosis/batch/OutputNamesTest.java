package necroptosis.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Every slide of a batch gets its own folder, inside the output folder, whatever its name. */
class OutputNamesTest {
    private static List<Path> paths(String... s) {
        List<Path> out = new ArrayList<>();
        for (String x : s) out.add(Paths.get(x));
        return out;
    }

    @Test
    void sameNameInTwoFoldersGetsTwoFolders() {
        assertEquals(Arrays.asList("S1", "S1-2", "S2"), OutputNames.assign(paths("a/S1.svs", "b/S1.svs", "b/S2.svs")));
    }

    @Test
    void suffixNeverTakesAnotherSlidesOwnNameNorDiffersOnlyInCase() {
        List<String> names = OutputNames.assign(paths("a/S1.svs", "b/S1.tif", "S1-2.svs", "c/s1.ndpi"));
        assertEquals("S1", names.get(0));
        assertEquals("S1-2", names.get(2), "a slide's own name is kept");
        Set<String> lower = new HashSet<>();
        for (String n : names) assertTrue(lower.add(n.toLowerCase(Locale.ROOT)), "distinct even on a case-insensitive disk: " + names);
    }

    @Test
    void oddNamesStayInsideTheOutputFolder() {
        List<Path> odd = paths("../../etc/passwd.svs", "/abs/olute.svs", "..svs", "...tif", "a b  c.svs", "caf\u00e9.svs",
                "caf\u00e8.svs", "\u75c5\u7406.svs", "x/..", "CON.svs", "$HOME;rm -rf.svs", "-flag.svs", ".svs", "a\\..\\..\\b.svs");
        List<String> names = OutputNames.assign(odd);
        Path out = Paths.get("/results/batch").normalize();
        Set<String> lower = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            assertTrue(n.matches("[A-Za-z0-9._-]+") && !n.matches("\\.+"), odd.get(i) + " -> " + n);
            Path dir = out.resolve(n).normalize();
            assertEquals(out, dir.getParent(), odd.get(i) + " -> " + dir);
            assertTrue(lower.add(n.toLowerCase(Locale.ROOT)), "unique: " + names);
        }
    }

    @Test
    void namesDependOnTheFullListNotOnAShard() {
        List<Path> all = paths("a/S1.svs", "b/S1.svs", "c/S1.svs", "S2.svs");
        List<String> full = OutputNames.assign(all);
        // What a shard writes is looked up in the full list's names, never recomputed from the shard's part.
        assertEquals(Arrays.asList("S1-2", "S2"), Shard.parse("2/2").select(full));
        assertNotEquals(Shard.parse("2/2").select(full), OutputNames.assign(Shard.parse("2/2").select(all)));
    }
}
