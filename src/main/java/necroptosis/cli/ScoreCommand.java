package necroptosis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import necroptosis.batch.BatchRow;
import necroptosis.batch.BatchRunner;
import necroptosis.batch.OutputNames;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.Setting;
import necroptosis.pipeline.SettingsTable;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.report.ResultWriter;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code score SLIDE --out DIR}: the whole analysis of one slide. */
@Command(name = "score", mixinStandardHelpOptions = true, description = "Score one slide: necrotic cores, MLKL per zone, immune density; writes DIR/<slide>/summary.json and tiles.csv.")
final class ScoreCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SLIDE", description = "slide file")
    Path slide;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Mixin
    OpenOptionsMixin open;

    @Mixin
    AnalysisOptions analysis;

    @Mixin
    ProgressOptions progressOptions;

    @Override
    public Integer call() throws Exception {
        AnalysisSettings settings = analysis.settings();
        ConsoleProgress.Mode mode = progressOptions.mode();
        // Before the slide is read, so a bad --out costs no analysis time.
        try {
            BatchRunner.checkWritable(BatchCommand.outputFolder(out));
        } catch (IOException e) {
            return BatchCommand.usageError(e.getMessage());
        }
        ResultWriter.removeUnfinished(out);
        ConsoleProgress progress = new ConsoleProgress(mode);
        try {
            return score(settings, mode, progress);
        } catch (OutOfMemoryError e) {
            // The analysis's arrays are unreachable by now, so there is room to say so in one line.
            throw new SlideException(slide.toString(), Main.notEnoughMemory(e));
        } catch (Exception e) {
            if (Main.causedByOutOfMemory(e)) throw new SlideException(slide.toString(), Main.notEnoughMemory(null));
            throw e;
        }
    }

    private int score(AnalysisSettings settings, ConsoleProgress.Mode mode, ConsoleProgress progress) throws Exception {
        String name = OutputNames.free(out, slide);
        String base = ResultWriter.safeName(slide.toString());
        if (!name.equals(base)) {
            System.err.println("note: " + out.resolve(base) + " holds the result of another slide ("
                    + OutputNames.slideIn(out.resolve(base)) + "); writing " + slide + "'s to " + out.resolve(name));
        }
        try (SlideSource s = SlideSources.open(slide, open.options())) {
            progress.slideStarted(1, 1, slide);
            SlideResult r = new SlideAnalysis(settings, new ProgressListener() {
                @Override
                public void tiles(int done, int total) { progress.tiles(done, total); }
            }).run(s);
            ResultWriter.Written written = ResultWriter.writeAll(r, out, name);
            Path dir = written.dir;
            if (mode == ConsoleProgress.Mode.JSON) {
                progress.slideFinished(BatchRow.ofSummary(1, slide.toString(), dir.getFileName().toString(), written.summary, false,
                        r.runMillis / 1000.0));
            }
            progress.finished(s.path() + ": " + r.tiles.size() + " tiles, " + r.coresInWords() + ", "
                    + String.format(Locale.ROOT, "%.1f s", r.runMillis / 1000.0) + " -> " + dir, null);
        }
        return 0;
    }

    /**
     * Analysis options shared by every command that scores: every row of the settings table except the stain
     * and open options, which have their own mixins.
     */
    @Command(modelTransformer = TableOptions.AddOptions.class)
    static final class AnalysisOptions extends TableOptions {
        @Mixin
        StainOptions stainOptions;

        @Override
        boolean holds(Setting s) {
            return !StainOptions.isStain(s) && !OpenOptionsMixin.isOpen(s);
        }

        AnalysisSettings settings() {
            return read(() -> SettingsTable.settings(values(this, stainOptions), null));
        }
    }
}
