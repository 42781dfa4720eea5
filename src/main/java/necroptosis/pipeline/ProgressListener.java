package necroptosis.pipeline;

import java.util.concurrent.CancellationException;

/**
 * How a run reports progress and learns it is cancelled, so the same engine serves Fiji (IJ.showProgress,
 * Esc), the command line (console) and scripts without the core calling either.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {};

    /** Called after each tile, from worker threads. */
    default void tiles(int done, int total) {}

    /** A step of the run, e.g. "overview", "tiles", "necrosis". */
    default void status(String message) {}

    /** Polled between tiles; true stops the run with a {@link CancellationException}. */
    default boolean isCancelled() { return false; }
}
