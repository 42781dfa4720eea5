package necroptosis.slide.tiff;

import java.nio.file.Files;
import java.nio.file.Path;

import necroptosis.slide.SlideException;

/** What the fuzz targets accept as a clean failure, and the one scratch file they write inputs to. */
final class FuzzChecks {
    private FuzzChecks() {}

    private static Path scratch;

    /** A file reused for every input (in memory where the system has /dev/shm, so the disk is not worn). */
    static synchronized Path scratchFile() throws java.io.IOException {
        if (scratch == null) {
            Path shm = java.nio.file.Paths.get("/dev/shm");
            scratch = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempFile(shm, "fuzz", ".tif")
                    : Files.createTempFile("fuzz", ".tif");
            scratch.toFile().deleteOnExit();
        }
        return scratch;
    }

    /**
     * A refused file must give one line naming it, and must not be an error of our own code wrapped as a
     * message: a RuntimeException or Error thrown from a {@code necroptosis} class is a bug the wrapping hides.
     */
    static void cleanFailure(SlideException e, Path file) {
        String m = e.getMessage();
        if (m == null || !m.startsWith(file + ": ")) throw new AssertionError("message does not name the file: " + m, e);
        if (m.contains("\n")) throw new AssertionError("message is not one line: " + m, e);
        noBugInside(e);
    }

    /** As {@link #cleanFailure} for the decoders' IOException. */
    static void cleanFailure(java.io.IOException e) {
        String m = e.getMessage();
        if (m == null || m.isEmpty() || m.contains("\n")) throw new AssertionError("message is not one line: " + m, e);
        noBugInside(e);
    }

    private static void noBugInside(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (!(t instanceof RuntimeException || t instanceof Error)) continue;
            StackTraceElement[] st = t.getStackTrace();
            if (st.length > 0 && st[0].getClassName().startsWith("necroptosis.")) {
                throw new AssertionError("our own code failed inside a clean-looking message: " + e.getMessage(), t);
            }
        }
    }
}
