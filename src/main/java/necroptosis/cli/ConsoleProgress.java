package necroptosis.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import necroptosis.batch.BatchListener;
import necroptosis.batch.BatchReport;
import necroptosis.batch.BatchRow;

/**
 * Console progress of {@code score} and {@code batch}: slide i/n with its name, tiles done with the time left
 * for the slide and for the batch, and a line per finished slide, on stderr. On a terminal the tile line is
 * redrawn in place (carriage return); in a log (stderr redirected) a plain line is printed every
 * {@link #LOG_INTERVAL_SECONDS} seconds instead, so the log stays readable. {@link Mode#QUIET} prints only
 * errors and the final line; {@link Mode#JSON} prints one JSON object per event on stdout for pipelines
 * (errors still on stderr).
 */
final class ConsoleProgress implements BatchListener {
    enum Mode { NORMAL, QUIET, JSON }

    static final double LOG_INTERVAL_SECONDS = 30;
    private static final double TERMINAL_INTERVAL_SECONDS = 0.2;

    /** Keys of a finished slide's numbers in the JSON events (batch_summary.csv column names). */
    private static final String[] KEY_NUMBERS = {"summary_status", "necrotic_core_count", "necrotic_cores_uncertain", "necrosis_fraction",
        "necroptotic_fraction", "mlkl_positive_fraction_tissue", "immune_density_per_mm2_tissue", "mlkl_immune_spearman"};

    private static final Gson JSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private final Mode mode;
    private final PrintStream err;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final double logInterval;

    private int position;
    private int count;
    private String name = "";
    private long slideStart;
    private long tilesStart = -1;
    private int tilesAtStart;
    private long lastPrint;
    private boolean lineOpen;
    private double analysedSeconds;
    private int analysed;

    ConsoleProgress(Mode mode) {
        this(mode, System.err, System.out, isTerminal(), System::nanoTime, LOG_INTERVAL_SECONDS);
    }

    ConsoleProgress(Mode mode, PrintStream err, PrintStream out, boolean terminal, LongSupplier clock, double logIntervalSeconds) {
        this.mode = mode;
        this.err = err;
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.logInterval = logIntervalSeconds;
    }

    /**
     * Whether stderr goes to a person's terminal. From Java 22 System.console() exists even when redirected and
     * Console.isTerminal() tells; before, a console exists only when both streams are a terminal.
     */
    static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
    }

    @Override
    public synchronized void slideStarted(int position, int count, Path slide) {
        this.position = position;
        this.count = count;
        this.name = slide.toString();
        slideStart = clock.getAsLong();
        tilesStart = -1;
        lastPrint = slideStart;
        // One slide needs no heading: its final line (or its one-line error) names it.
        if (mode == Mode.NORMAL && count > 1) println(prefix() + name);
        if (mode == Mode.JSON) {
            Map<String, Object> e = event("slide_started");
            e.put("position", position);
            e.put("count", count);
            e.put("slide", name);
            json(e);
        }
    }

    @Override
    public synchronized void tiles(int done, int total) {
        if (mode != Mode.NORMAL || total <= 0) return;
        long now = clock.getAsLong();
        if (tilesStart < 0) {
            // The rate is measured from the first tile on, so the overview read does not skew it.
            tilesStart = now;
            tilesAtStart = done;
        }
        double sinceLast = (now - lastPrint) / 1e9;
        if (terminal ? sinceLast < TERMINAL_INTERVAL_SECONDS && done < total : sinceLast < logInterval) return;
        lastPrint = now;
        String line = "  tiles " + done + "/" + total + String.format(Locale.ROOT, " (%d%%)", (int) (100L * done / total))
                + timeLeft(done, total, now);
        if (terminal) {
            err.print("\r" + line + "\033[K");
            err.flush();
            lineOpen = true;
        } else {
            println(line);
        }
    }

    /** ", slide ~1m20s left, batch ~30m left", or "" before the rate is known. */
    private String timeLeft(int done, int total, long now) {
        double elapsed = (now - tilesStart) / 1e9;
        int doneHere = done - tilesAtStart;
        if (doneHere <= 0 || elapsed <= 0) return "";
        double slideLeft = (total - done) * elapsed / doneHere;
        StringBuilder b = new StringBuilder(", slide ~" + duration(slideLeft) + " left");
        int after = count - position;
        if (after > 0) {
            // Slides already scored tell the batch's pace; before the first, this slide's projected time does.
            double perSlide = analysed > 0 ? analysedSeconds / analysed : (now - slideStart) / 1e9 + slideLeft;
            b.append(", batch ~").append(duration(slideLeft + after * perSlide)).append(" left");
        }
        return b.toString();
    }

    @Override
    public synchronized void slideFinished(BatchRow row) {
        if (!row.reused && row.isOk()) {
            analysed++;
            analysedSeconds += row.seconds;
        }
        endLine();
        if (!row.isOk()) {
            err.println("error: " + row.reason);
            err.flush();
        } else if (mode == Mode.NORMAL) {
            println(prefix() + name + ": " + (row.reused ? "complete from an earlier run" : describe(row)
                    + String.format(Locale.ROOT, ", %.1f s", row.seconds)) + " -> " + row.output);
        }
        if (mode == Mode.JSON) {
            Map<String, Object> e = event("slide_finished");
            e.put("index", row.index);
            e.put("slide", row.slide);
            e.put("output", row.output);
            e.put("status", row.status);
            e.put("reused", row.reused);
            if (!row.isOk()) e.put("reason", row.reason);
            e.put("seconds", round(row.seconds));
            if (row.isOk()) for (String k : KEY_NUMBERS) e.put(k, value(row.get(k)));
            json(e);
        }
    }

    private static String describe(BatchRow row) {
        String cores = row.get("necrotic_core_count");
        StringBuilder b = new StringBuilder(cores + ("1".equals(cores) ? " necrotic core" : " necrotic cores"));
        String uncertain = row.get("necrotic_cores_uncertain");
        if (uncertain != null && !uncertain.isEmpty() && !"0".equals(uncertain)) b.append(" (").append(uncertain).append(" uncertain)");
        double nf = row.number("necrosis_fraction"), np = row.number("necroptotic_fraction");
        if (!Double.isNaN(nf)) b.append(String.format(Locale.ROOT, ", necrosis %.1f%%", 100 * nf));
        if (!Double.isNaN(np)) b.append(String.format(Locale.ROOT, ", necroptotic %.1f%%", 100 * np));
        return b.toString();
    }

    /** The last line of a batch, printed in every mode but JSON (where it is the batch_finished event). */
    synchronized void batchFinished(BatchReport r, int exitCode) {
        endLine();
        if (mode == Mode.JSON) {
            Map<String, Object> e = event("batch_finished");
            e.put("shard", r.shard.toString());
            e.put("slides", r.count);
            e.put("ok", r.ok());
            e.put("reused", r.reused());
            e.put("failed", r.failed());
            e.put("cancelled", r.cancelled);
            e.put("summary", r.summaryCsv.toString());
            e.put("seconds", round(r.seconds));
            e.put("exit_code", exitCode);
            json(e);
            return;
        }
        String shard = r.shard.isAll() ? "" : " (shard " + r.shard + ")";
        err.println("batch" + shard + ": " + r.count + (r.count == 1 ? " slide: " : " slides: ") + r.ok() + " ok"
                + (r.reused() > 0 ? " (" + r.reused() + " complete from an earlier run)" : "") + ", " + r.failed() + " failed"
                + (r.cancelled ? ", cancelled after " + r.rows.size() : "") + ", " + duration(r.seconds) + " -> " + r.summaryCsv);
        err.flush();
    }

    /** A final line for anything else (score, merge): stderr, or a JSON event when in JSON mode. */
    synchronized void finished(String line, Map<String, Object> jsonEvent) {
        endLine();
        if (mode == Mode.JSON) {
            if (jsonEvent != null) json(jsonEvent);
        } else {
            err.println(line);
            err.flush();
        }
    }

    static Map<String, Object> event(String name) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("event", name);
        return e;
    }

    private static Object value(String text) {
        if (text.isEmpty()) return null;
        // Counts stay integers ("2", not 2.0); everything else that is a number becomes a JSON number.
        if (text.matches("-?\\d{1,15}")) return Long.parseLong(text);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private String prefix() {
        return count > 1 ? "[" + position + "/" + count + "] " : "";
    }

    private void println(String s) {
        endLine();
        err.println(s);
        err.flush();
    }

    private void endLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    private void json(Map<String, Object> e) {
        out.println(JSON.toJson(e));
        out.flush();
    }

    /** "45 s", "12m05s", "3h20m". */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return String.format(Locale.ROOT, "%.0f s", seconds);
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
