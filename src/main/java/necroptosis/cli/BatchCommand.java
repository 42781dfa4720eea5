package necroptosis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import necroptosis.batch.BatchInputs;
import necroptosis.batch.BatchReport;
import necroptosis.batch.BatchRunner;
import necroptosis.batch.Shard;
import necroptosis.pipeline.AnalysisSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code batch INPUT --out DIR [--shard k/n]}: many slides, one folder each, and batch_summary.csv. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Score every slide of a folder or of a text file of paths: DIR/<slide>/ per slide and "
                + "DIR/batch_summary.csv with a row per slide (failures too, with their reason). A failed slide "
                + "never stops the others. A re-run skips slides whose outputs are complete with the same settings, "
                + "so an interrupted batch resumes where it stopped. --shard k/n scores every n-th slide (for cluster "
                + "job arrays); 'merge' joins the shards."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every slide is ok (including slides complete from an earlier run)",
            "3:some slides failed (their rows in batch_summary.csv say why)",
            "2:bad usage, no slides found, or the output folder cannot be written (nothing was scored)"})
final class BatchCommand implements Callable<Integer> {
    /** Exit code when the batch ran but some slides failed. */
    static final int EXIT_SOME_FAILED = 3;

    /** Said when a signal ends a batch. */
    static final String INTERRUPTED = "interrupted; run the same command again to resume";

    @Parameters(paramLabel = "INPUT", description = "a folder of slides (" + BatchInputs.EXTENSIONS_TEXT + "), one slide, or a text file with one slide path per line (# comments; relative paths are relative to the text file)")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--shard", paramLabel = "k/n", description = "score only shard k of n (every n-th slide of the sorted list, from the k-th), e.g. --shard $SLURM_ARRAY_TASK_ID/10")
    String shard;

    @Option(names = "--recursive", description = "with a folder INPUT, also take slides in its subfolders")
    boolean recursive;

    @Mixin
    ProgressOptions progressOptions;

    @Mixin
    OpenOptionsMixin open;

    @Mixin
    ScoreCommand.AnalysisOptions analysis;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress.Mode mode = progressOptions.mode();
        Shard sh = shard == null ? Shard.ALL : Shard.parse(shard);
        AnalysisSettings settings = analysis.settings();
        List<Path> slides;
        try {
            BatchRunner.checkWritable(outputFolder(out));
            slides = BatchInputs.list(input, recursive, out);
        } catch (IOException e) {
            return usageError(e.getMessage());
        }
        if (slides.isEmpty()) {
            return usageError(input + ": no slides found" + (java.nio.file.Files.isDirectory(input)
                    ? " (looked for " + String.join(", ", BatchInputs.SLIDE_EXTENSIONS) + (recursive ? ")" : "; add --recursive for subfolders)")
                    : ""));
        }
        ConsoleProgress progress = new ConsoleProgress(mode);
        BatchReport report;
        // Ctrl-C or a cluster's SIGTERM ends the JVM with 130/143 and nothing said; finished slides are kept
        // and a re-run skips them, which is what the user needs to know.
        Thread interrupted = new Thread(() -> {
            System.err.println();
            System.err.println(INTERRUPTED);
            System.err.flush();
        }, "batch-interrupted");
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            report = new BatchRunner(settings, open.options(), progress).run(slides, sh, out);
        } catch (IOException e) {
            return usageError(e.getMessage());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
        int code = report.allOk() ? 0 : EXIT_SOME_FAILED;
        progress.batchFinished(report, code);
        return code;
    }

    /**
     * The --out folder, refused when empty: {@code Paths.get("")} would quietly be the current folder. The
     * option's name is part of the message because there is no file name to give.
     */
    static Path outputFolder(Path out) throws IOException {
        if (out.toString().trim().isEmpty()) throw new IOException("--out is empty; give an output folder (. for the current one)");
        return out;
    }

    static int usageError(String message) {
        System.err.println("error: " + message);
        System.err.flush();
        return Main.EXIT_BAD_INPUT;
    }
}
