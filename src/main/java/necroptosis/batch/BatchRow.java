package necroptosis.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import necroptosis.summary.SlideSummary;

/**
 * One row of batch_summary.csv: a slide of the batch, whether it was scored, why not, and its key numbers
 * (from its summary). Holds nothing that differs between two runs of the same slides with the same
 * settings (no times, no host), so shards merge into the bytes of an unsharded run and a resumed batch
 * writes the same file as an uninterrupted one. Immutable.
 */
public final class BatchRow {
    /** The slide's outputs are complete (scored now, or earlier with the same settings). */
    public static final String OK = "ok";
    /** The slide could not be scored; {@link #reason} says why. */
    public static final String FAILED = "failed";
    /** Only in a merged table: no shard has a row for the slide. */
    public static final String MISSING = "missing";

    /** 1-based position in the batch's full (unsharded) slide list. */
    public final int index;
    /** The slide's path as the input listed it. */
    public final String slide;
    /** The slide's output folder, relative to the batch's output folder. */
    public final String output;
    /** {@link #OK}, {@link #FAILED} or {@link #MISSING}. */
    public final String status;
    /** One line naming the file and the reason for a failure; empty when ok. */
    public final String reason;
    private final Map<String, String> values;

    /** Not in the CSV: the outputs were already complete and were not recomputed. */
    public final boolean reused;
    /** Not in the CSV: seconds spent on this slide in this run. */
    public final double seconds;

    BatchRow(int index, String slide, String output, String status, String reason, Map<String, String> values,
            boolean reused, double seconds) {
        this.index = index;
        this.slide = slide;
        this.output = output;
        this.status = status;
        this.reason = reason == null ? "" : reason;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.reused = reused;
        this.seconds = seconds;
    }

    static BatchRow failed(int index, String slide, String output, String reason, double seconds) {
        return new BatchRow(index, slide, output, FAILED, reason, Collections.<String, String>emptyMap(), false, seconds);
    }

    static BatchRow missing(int index, String slide, String output, String reason) {
        return new BatchRow(index, slide, output, MISSING, reason, Collections.<String, String>emptyMap(), false, 0);
    }

    /**
     * The ok row of a scored slide, e.g. for the single-slide {@code score} command's progress.
     *
     * @param index the slide's 1-based position in its list
     */
    public static BatchRow ofSummary(int index, String slide, String output, SlideSummary summary, boolean reused, double seconds) {
        return new BatchRow(index, slide, output, OK, "", BatchSummaryCsv.values(summary), reused, seconds);
    }

    public boolean isOk() { return OK.equals(status); }

    public boolean isMissing() { return MISSING.equals(status); }

    /** The text of a result column ({@link BatchSummaryCsv#RESULT_COLUMNS}); empty when absent. */
    public String get(String column) {
        String v = values.get(column);
        return v == null ? "" : v;
    }

    /** A result column as a number; NaN when absent or not a number. */
    public double number(String column) {
        try {
            return Double.parseDouble(get(column));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The result columns, in {@link BatchSummaryCsv#RESULT_COLUMNS} order, absent ones empty. */
    public Map<String, String> values() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String c : BatchSummaryCsv.RESULT_COLUMNS) m.put(c, get(c));
        return m;
    }

    BatchRow withRun(boolean reused, double seconds) {
        return new BatchRow(index, slide, output, status, reason, values, reused, seconds);
    }

    @Override
    public String toString() {
        return "#" + index + " " + slide + " -> " + output + ": " + status + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
