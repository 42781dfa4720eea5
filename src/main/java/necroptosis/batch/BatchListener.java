package necroptosis.batch;

import java.nio.file.Path;

/**
 * How a batch reports progress and learns it is cancelled: the console (command line), IJ.showProgress and
 * Esc (Fiji) or a script implement it; the batch core calls neither. Calls come from the thread that runs
 * the batch, except {@link #tiles}, which comes from the analysis' worker threads.
 */
public interface BatchListener {
    BatchListener NONE = new BatchListener() {};

    /**
     * A slide is about to be looked at (its outputs may turn out to be complete already).
     *
     * @param position 1-based position among the slides this run (this shard) handles
     * @param count how many slides this run handles
     */
    default void slideStarted(int position, int count, Path slide) {}

    /** Tile progress of the current slide, passed through from the analysis. */
    default void tiles(int done, int total) {}

    /** A step of the current slide's analysis, e.g. "overview", "tiles". */
    default void status(String message) {}

    /** The slide's row (batch_summary.csv is rewritten at most once a second, and at the end). */
    default void slideFinished(BatchRow row) {}

    /** Polled between slides and between tiles; true stops the batch after the rows written so far. */
    default boolean isCancelled() { return false; }
}
