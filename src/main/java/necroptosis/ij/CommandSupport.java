package necroptosis.ij;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import ij.IJ;
import ij.macro.Interpreter;
import necroptosis.pipeline.ProgressListener;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSources;
import necroptosis.slide.UnknownPixelSizeException;

/**
 * What every Necroptosis command does the same way: decide whether a dialog may be shown, report errors as
 * one line (never a stack-trace window), check the output folder before any work, and forward engine
 * progress to ImageJ's status bar with Esc as cancel.
 */
final class CommandSupport {
    private CommandSupport() {}

    /** Errors reported in this JVM, so {@link HeadlessMacro} can end with a non-zero exit code. */
    static final AtomicInteger ERRORS = new AtomicInteger();

    /** Slides that failed in batches of this JVM, so {@link HeadlessMacro} can exit 3 as the command line does. */
    static final AtomicInteger FAILED_SLIDES = new AtomicInteger();

    /** No display: java.awt.headless, Fiji --headless. No dialog or window may be built. */
    static boolean headless() {
        return GraphicsEnvironment.isHeadless();
    }

    /** A GUI ImageJ is running and no batch-mode macro hides images: results may be shown. */
    static boolean showsWindows() {
        return !headless() && IJ.getInstance() != null && !Interpreter.isBatchMode();
    }

    /** Tables may be shown (also from batch-mode macros, which still show tables). */
    static boolean showsTables() {
        return !headless() && IJ.getInstance() != null;
    }

    /**
     * One message for the user. With the ImageJ window: {@link IJ#error}, which also aborts a calling macro.
     * Without it (headless, {@code ImageJ -batch}) IJ.error must not be used: from a macro it opens a dialog,
     * which in a headless JVM fails with a HeadlessException trace that hides the message. The message goes
     * to stderr instead, where a cluster job's errors belong, and a calling macro is stopped quietly (the
     * way ImageJ cancels macros), so the lines after it do not run on a failed result.
     */
    static void error(String title, String message) {
        ERRORS.incrementAndGet();
        if (IJ.getInstance() != null && !headless()) {
            IJ.error(title, message);
            return;
        }
        System.err.println(title + ": " + message);
        Interpreter macro = Interpreter.getInstance();
        if (macro != null) {
            // Stops the macro after this command without the error dialog abort() would otherwise build.
            macro.setIgnoreErrors(true);
            macro.abort(title + ": " + message);
        }
    }

    /**
     * Reports a failure of a command: expected ones (a bad file, a bad option) as their one-line message;
     * cancellation in the status bar; anything else as one line, with the stack trace in the Log window.
     */
    static void fail(String title, Throwable e) {
        fail(title, e, false);
    }

    /** As {@link #fail(String, Throwable)}; {@code currentImage}: the slide was the open image, not a file. */
    static void fail(String title, Throwable e, boolean currentImage) {
        // ImageJ's own filters (MaximumFinder) also watch Esc and give up mid-tile, which surfaces as some
        // other exception; whatever it is, the user asked to stop.
        if (e instanceof CancellationException || (IJ.escapePressed() && !(e instanceof IllegalArgumentException))) {
            cancelled(title);
        } else if (e instanceof UnknownPixelSizeException) {
            error(title, e.getMessage() + pixelSizeAdvice((UnknownPixelSizeException) e, currentImage));
        } else if (e instanceof SlideException || e instanceof IllegalArgumentException) {
            error(title, e.getMessage());
        } else if (missingClass(e) != null) {
            error(title, "this slide needs " + missingClass(e));
        } else if (e instanceof OutOfMemoryError) {
            error(title, "not enough memory (" + e.getMessage() + "); give Fiji more in Edit > Options > Memory & Threads, or use fewer threads");
        } else if (e instanceof IOException) {
            error(title, SlideSources.describe(e));
        } else {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            IJ.log(title + ": unexpected " + e + "\n" + trace);
            error(title, "unexpected error: " + SlideSources.describe(e) + " (details in the Log window)");
        }
    }

    /** How to give a missing pixel size in Fiji: a reader that reads the file's own, the calibration, or a value. */
    static String pixelSizeAdvice(UnknownPixelSizeException e, boolean currentImage) {
        String value = "give it as Pixel size in the dialog or pixel_size=UM in the macro";
        if (!e.isInFileUnread()) return "; " + value + " (for the current image, its calibration: Image > Properties)";
        if (currentImage) {
            return "; score the file itself (Source: slide file, Reader auto), set the calibration in Image > Properties, or " + value;
        }
        return "; choose Reader auto or tiff (reader=auto in the macro), which read it, or " + value;
    }

    /**
     * For a class missing at run time (a library not in plugins/jars): the class and the jar that holds it,
     * as the user must install it; null for any other error.
     */
    static String missingClass(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                String cls = String.valueOf(t.getMessage()).replace('/', '.').trim();
                String jar = jarOf(cls);
                return cls + (jar == null ? ", which is not installed" : " from " + jar + ", which is not installed")
                        + ": put it in ImageJ's plugins/jars (the README lists the jars) and restart";
            }
        }
        return null;
    }

    /** The library of a class the plugin loads from plugins/jars (the README's list). */
    static String jarOf(String cls) {
        String[][] jars = {{"ome.codecs.", "ome-codecs"}, {"loci.common.", "ome-common"}, {"ome.", "ome-common"},
            {"com.sun.media.imageio.", "ome-jai"}, {"com.sun.media.imageioimpl.", "ome-jai"}, {"jj2000.", "ome-jai"},
            {"com.google.gson.", "gson"}, {"org.slf4j.", "slf4j-api"}, {"io.airlift.compress.", "aircompressor"}};
        for (String[] j : jars) if (cls.startsWith(j[0])) return j[1] + "-*.jar";
        return null;
    }

    static void cancelled(String title) {
        IJ.showProgress(1.0);
        IJ.showStatus(title + ": cancelled");
        IJ.resetEscape();
        if (headless()) System.err.println(title + ": cancelled");
    }

    /**
     * The output folder, created and shown writable before any work, so a run of hours does not end in
     * "cannot write". The message names the folder.
     */
    static Path outputFolder(String text) throws IOException {
        if (text == null || text.trim().isEmpty()) throw new Parameters.OptionException("output: no output folder given (output=[/path/to/results])");
        Path dir;
        try {
            dir = Paths.get(text.trim());
        } catch (InvalidPathException e) {
            throw new Parameters.OptionException("output=" + Parameters.show(text) + ": not a valid path (" + e.getReason() + ")");
        }
        necroptosis.batch.BatchRunner.checkWritable(dir);
        return dir;
    }

    /** Engine progress to ImageJ: a status line per step, the progress bar per tile, Esc cancels. */
    static ProgressListener progress(String title, String slideName) {
        return new ProgressListener() {
            @Override
            public void tiles(int done, int total) {
                IJ.showProgress(done, total);
                if (done == total || done % 8 == 0) IJ.showStatus(title + ": " + slideName + ": tile " + done + "/" + total + " (Esc cancels)");
            }

            @Override
            public void status(String message) {
                IJ.showStatus(title + ": " + slideName + ": " + message);
            }

            @Override
            public boolean isCancelled() {
                return IJ.escapePressed();
            }
        };
    }
}
