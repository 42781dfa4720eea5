package necroptosis.batch;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/** What one run of a batch (or of one shard) did. Immutable. */
public final class BatchReport {
    /** This run's rows, in list order (only the rows of slides reached when cancelled). */
    public final List<BatchRow> rows;
    /** How many slides this run (this shard) was to handle. */
    public final int count;
    public final Shard shard;
    public final Path outDir;
    public final Path summaryCsv;
    public final boolean cancelled;
    public final double seconds;

    BatchReport(List<BatchRow> rows, int count, Shard shard, Path outDir, Path summaryCsv, boolean cancelled, double seconds) {
        this.rows = Collections.unmodifiableList(rows);
        this.count = count;
        this.shard = shard;
        this.outDir = outDir;
        this.summaryCsv = summaryCsv;
        this.cancelled = cancelled;
        this.seconds = seconds;
    }

    /** Slides whose outputs are complete, including those reused from an earlier run. */
    public int ok() {
        int n = 0;
        for (BatchRow r : rows) if (r.isOk()) n++;
        return n;
    }

    /** Slides whose complete outputs from an earlier run with the same settings were reused. */
    public int reused() {
        int n = 0;
        for (BatchRow r : rows) if (r.reused) n++;
        return n;
    }

    public int failed() {
        return rows.size() - ok();
    }

    /** Every slide of this run was reached and is ok. */
    public boolean allOk() {
        return !cancelled && rows.size() == count && failed() == 0;
    }
}
