package necroptosis.ij;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.Macro;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import necroptosis.batch.BatchInputs;
import necroptosis.batch.BatchListener;
import necroptosis.batch.BatchReport;
import necroptosis.batch.BatchRow;
import necroptosis.batch.BatchRunner;
import necroptosis.batch.BatchSummaryCsv;
import necroptosis.batch.Shard;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SettingValues;

/**
 * Plugins &gt; Necroptosis &gt; Batch Score Folder...: every slide of a folder (or of a text file listing
 * slides) with the same settings as Score Slide, through the same {@link BatchRunner} as the command-line
 * {@code batch}: one folder per slide plus batch_summary.csv, failures as rows, complete slides skipped on
 * a re-run. Esc stops after the current tile; the slides finished so far stay complete.
 */
public final class BatchScoreCommand implements PlugIn {
    static final String TITLE = "Batch Score Folder";
    static final String TABLE = "Necroptosis batch summary";

    @Override
    public void run(String arg) {
        try {
            batch();
        } catch (Throwable e) {
            CommandSupport.fail(TITLE, e);
        }
    }

    private void batch() throws Exception {
        String options = Macro.getOptions();
        SettingValues v;
        if (options != null) {
            v = Parameters.fromMacro(options, Parameters.batch());
        } else if (CommandSupport.headless()) {
            throw new Parameters.OptionException("headless runs need macro options, e.g. run(\"Batch Score Folder...\", "
                    + "\"input=[/path/slides] output=[/path/results]\")");
        } else {
            v = SettingsDialog.show(TITLE, Parameters.batch(), Help.HTML);
            if (v == null) return;
        }
        if (v.text("input").isEmpty()) throw new Parameters.OptionException("input: no input folder or list file given (input=[/path/slides])");
        Shard shard;
        try {
            shard = v.text("shard").isEmpty() ? Shard.ALL : Shard.parse(v.text("shard"));
        } catch (IllegalArgumentException e) {
            throw new Parameters.OptionException("shard=" + Parameters.show(v.text("shard")) + ": " + e.getMessage());
        }
        AnalysisSettings settings = Parameters.settings(v, null);
        Path out = CommandSupport.outputFolder(v.text("output"));
        List<Path> slides = BatchInputs.list(Paths.get(v.text("input")), v.flag("recursive"), out);

        IJ.resetEscape();
        BatchReport report = new BatchRunner(settings, Parameters.openOptions(v), listener()).run(slides, shard, out);
        IJ.showProgress(1.0);
        CommandSupport.FAILED_SLIDES.addAndGet(report.failed());
        String line = String.format(Locale.ROOT, "%s: %d %s: %d ok (%d already complete), %d failed%s, %.0f s -> %s", TITLE,
                report.count, report.count == 1 ? "slide" : "slides", report.ok(), report.reused(), report.failed(), report.cancelled ? ", cancelled" : "", report.seconds, report.summaryCsv);
        IJ.log(line);
        if (report.cancelled) CommandSupport.cancelled(TITLE);
        else IJ.showStatus(TITLE + ": done, " + report.ok() + " ok, " + report.failed() + " failed");
        if (CommandSupport.showsTables()) table(report);
    }

    private static BatchListener listener() {
        return new BatchListener() {
            // The single-slide progress (status line, bar, Esc), renamed for each slide.
            private volatile ProgressListener slide = CommandSupport.progress(TITLE, "");

            @Override
            public void slideStarted(int position, int count, Path path) {
                String current = "slide " + position + "/" + count + " " + path.getFileName();
                slide = CommandSupport.progress(TITLE, current);
                IJ.showStatus(TITLE + ": " + current);
            }

            @Override
            public void tiles(int done, int total) {
                slide.tiles(done, total);
            }

            @Override
            public void status(String message) {
                slide.status(message);
            }

            @Override
            public void slideFinished(BatchRow row) {
                if (!row.isOk()) IJ.log(TITLE + ": " + row.reason);
            }

            @Override
            public boolean isCancelled() {
                return slide.isCancelled();
            }
        };
    }

    /** batch_summary.csv's rows as a table, same columns. */
    static void table(BatchReport report) {
        ResultsTable rt = new ResultsTable();
        for (BatchRow row : report.rows) {
            rt.incrementCounter();
            rt.addValue("index", row.index);
            rt.addValue("slide", row.slide);
            rt.addValue("output", row.output);
            rt.addValue("status", row.status);
            rt.addValue("reason", row.reason);
            for (String c : BatchSummaryCsv.RESULT_COLUMNS) {
                double d = row.number(c);
                if (Double.isNaN(d)) rt.addValue(c, row.get(c));
                else rt.addValue(c, d);
            }
        }
        rt.show(TABLE);
    }
}
