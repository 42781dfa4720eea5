package necroptosis.report;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hidden folders of runs that ended while writing are removed when a later run starts; those of runs still
 * writing (in another process or this one) are kept, and nothing else in the output folder is touched.
 */
class PartialFoldersTest {
    @TempDir
    Path out;

    /** Holds a partial folder open in its own JVM until killed, as a run writing a slide's results would. */
    public static void main(String[] args) throws Exception {
        PartialFolders.Claim claim = PartialFolders.create(Paths.get(args[0]), args[1]);
        Files.write(claim.folder.resolve("tiles.csv"), "half written".getBytes(StandardCharsets.UTF_8));
        System.out.println(claim.folder.getFileName());
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private Path folder(String name, String... files) throws IOException {
        Path d = Files.createDirectories(out.resolve(name));
        for (String f : files) Files.write(d.resolve(f), f.getBytes(StandardCharsets.UTF_8));
        return d;
    }

    @Test
    void foldersOfDeadRunsGoAndEverythingElseStays() throws IOException {
        folder("CASE-1", "summary.json");
        folder(".CASE-2.partial-123", "tiles.csv");                  // left by a run before lock files, or its lock file gone
        folder(".CASE-3.partial-456", "tiles.csv", "overview.png");  // its lock file below is not held by anyone
        Files.write(out.resolve(".CASE-3.partial-456.lock"), "written by pid 1\n".getBytes(StandardCharsets.UTF_8));
        folder(".notes", "mine.txt");                                // not ours
        folder(".CASE-4.partial-draft", "mine.txt");                 // not ours: the writer's names end in digits
        Files.write(out.resolve("batch_summary.csv"), new byte[] {1});
        assertEquals(Arrays.asList(".CASE-2.partial-123", ".CASE-3.partial-456", ".CASE-3.partial-456.lock"),
                ResultWriter.removeUnfinished(out));
        assertEquals(Arrays.asList(".CASE-4.partial-draft", ".notes", "CASE-1", "batch_summary.csv"), names());
        assertTrue(Files.exists(out.resolve("CASE-1/summary.json")));
    }

    @Test
    void aLockFileWithoutItsFolderGoesOnlyWhenOld() throws IOException {
        Path lock = Files.write(out.resolve(".CASE-1.partial-789.lock"), new byte[0]);
        assertEquals(Arrays.asList(), ResultWriter.removeUnfinished(out), "a run may be about to make its folder");
        Files.setLastModifiedTime(lock, FileTime.fromMillis(System.currentTimeMillis() - PartialFolders.ORPHAN_LOCK_AGE_MS - 60_000));
        assertEquals(Arrays.asList(".CASE-1.partial-789.lock"), ResultWriter.removeUnfinished(out));
    }

    @Test
    void aRunKilledMidSwapGetsItsEarlierResultBack() throws IOException {
        // Killed after setting the earlier result aside, before renaming the new one in.
        folder(".CASE-1.replaced-42", "summary.json");
        folder(".CASE-1.partial-42", "summary.json", "tiles.csv");
        // Killed after the swap, before deleting the earlier result.
        folder("CASE-2", "summary.json", "new.txt");
        folder(".CASE-2.replaced-43", "summary.json", "old.txt");
        assertEquals(Arrays.asList(".CASE-1.partial-42", ".CASE-2.replaced-43"), ResultWriter.removeUnfinished(out));
        assertEquals(Arrays.asList("CASE-1", "CASE-2"), names());
        assertTrue(Files.exists(out.resolve("CASE-2/new.txt")));
    }

    @Test
    void aFolderBeingWrittenByAnotherProcessIsKeptUntilThatProcessIsKilled() throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                PartialFoldersTest.class.getName(), out.toString(), "CASE-1").redirectErrorStream(true).start();
        try {
            String name;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                name = r.readLine();
                assertNotNull(name, "the writer did not start");
                assertTrue(name.startsWith(".CASE-1.partial-"), name);
                assertEquals(Arrays.asList(), ResultWriter.removeUnfinished(out), "the writer is alive");
                assertTrue(Files.exists(out.resolve(name).resolve("tiles.csv")));
                p.destroyForcibly(); // kill -9: no cleanup of its own
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(Arrays.asList(name, name + PartialFolders.LOCK), ResultWriter.removeUnfinished(out));
            assertEquals(Arrays.asList(), names());
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aFolderBeingWrittenInThisProcessIsKeptAndItsLockStaysHeld() throws Exception {
        try (PartialFolders.Claim mine = PartialFolders.create(out, "CASE-1")) {
            assertEquals(Arrays.asList(), ResultWriter.removeUnfinished(out));
            assertTrue(Files.isDirectory(mine.folder));
            // Another process must still see the lock: a cleaner there may not take it.
            Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    Cleaner.class.getName(), out.toString()).redirectErrorStream(true).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String printed = new String(readAll(p), StandardCharsets.UTF_8).trim();
            assertEquals("[]", printed);
            assertTrue(Files.isDirectory(mine.folder));
            PartialFolders.deleteTree(mine.folder);
        }
        assertEquals(Arrays.asList(), names(), "the lock file goes with the claim");
    }

    private static byte[] readAll(Process p) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int n; (n = p.getInputStream().read(buf)) > 0; ) b.write(buf, 0, n);
        return b.toByteArray();
    }

    /** A later run in another process: prints what it removed. */
    public static final class Cleaner {
        public static void main(String[] args) {
            System.out.println(ResultWriter.removeUnfinished(Paths.get(args[0])));
        }
    }
}
