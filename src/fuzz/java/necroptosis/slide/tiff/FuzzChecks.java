package necroptosis.slide.tiff;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import necroptosis.slide.SlideException;

/** What the fuzz targets accept as a clean failure, and the scratch files they write inputs to. */
public final class FuzzChecks {
    private FuzzChecks() {}

    private static final Map<String, Path> SCRATCH = new HashMap<>();

    /** A .tif file reused for every input. */
    static Path scratchFile() throws java.io.IOException {
        return scratchFile(".tif");
    }

    /**
     * A file with this extension reused for every input (in memory where the system has /dev/shm, so the disk
     * is not worn); the readers choose their format by extension.
     */
    public static synchronized Path scratchFile(String suffix) throws java.io.IOException {
        Path f = SCRATCH.get(suffix);
        if (f == null) {
            Path shm = java.nio.file.Paths.get("/dev/shm");
            f = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempFile(shm, "fuzz", suffix)
                    : Files.createTempFile("fuzz", suffix);
            f.toFile().deleteOnExit();
            SCRATCH.put(suffix, f);
        }
        return f;
    }

    /**
     * A refused file must give one line naming it, and must not be an error of our own code wrapped as a
     * message: a RuntimeException or Error thrown from a {@code necroptosis} class is a bug the wrapping hides.
     */
    public static void cleanFailure(SlideException e, Path file) {
        String m = e.getMessage();
        if (m == null || !m.startsWith(file + ": ")) throw new AssertionError("message does not name the file: " + m, e);
        if (m.contains("\n")) throw new AssertionError("message is not one line: " + m, e);
        noBugInside(e);
    }

    /** As {@link #cleanFailure} for the decoders' IOException. */
    static void cleanFailure(java.io.IOException e) {
        oneLine(e);
        noBugInside(e);
    }

    /**
     * A refused setting: one line that names the key (the reason follows it, {@code key=value: reason}, or
     * quotes it), thrown as our own IllegalArgumentException; a subclass from elsewhere (NumberFormatException)
     * or one thrown by the JDK on our behalf is a bug passed through.
     */
    public static void cleanFailure(IllegalArgumentException e, String... keys) {
        oneLine(e);
        StackTraceElement[] st = e.getStackTrace();
        if (e.getClass() == NumberFormatException.class || st.length == 0 || !st[0].getClassName().startsWith("necroptosis.")) {
            throw new AssertionError("not our own refusal: " + e, e);
        }
        for (String k : keys) if (e.getMessage().contains(k)) return;
        throw new AssertionError("message names no option: " + e.getMessage(), e);
    }

    private static void oneLine(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isEmpty() || m.contains("\n")) throw new AssertionError("message is not one line: " + m, e);
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
