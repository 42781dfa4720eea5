package necroptosis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import necroptosis.batch.Merge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code merge SHARD_DIRS... --out DIR}: the shards of a batch as one batch_summary.csv. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the output folders of a batch's shards (batch --shard k/n) into DIR/batch_summary.csv, "
                + "identical to the file an unsharded batch writes. Refuses folders of different batches (other slides "
                + "or settings) and names slides that no shard has."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every slide of the batch has a row and is ok",
            "3:some slides failed or are missing (no shard has them: not run or interrupted)",
            "2:bad usage, folders of different batches, or the output folder cannot be written"})
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "OUT_DIRS", arity = "1..*", description = "the --out folders of the shards")
    List<Path> shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the merged batch_summary.csv and batch.json")
    Path out;

    @Option(names = "--move-folders", description = "also move each slide's output folder from its shard folder into DIR "
            + "(only when no slide is missing, so a re-run shard does not score moved slides again)")
    boolean moveFolders;

    @Option(names = "--quiet", description = "print only errors and the final line")
    boolean quiet;

    @Option(names = "--json", description = "print the result as one JSON object (event merge_finished) on stdout")
    boolean json;

    @Override
    public Integer call() {
        if (quiet && json) return BatchCommand.usageError("--quiet and --json cannot be combined");
        Merge.Result r;
        try {
            r = Merge.merge(shards, out, moveFolders);
        } catch (IOException e) {
            return BatchCommand.usageError(e.getMessage());
        }
        int code = r.allOk() ? 0 : BatchCommand.EXIT_SOME_FAILED;
        if (!r.missing.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.missing.size() && i < 10; i++) {
                b.append(i == 0 ? "" : ", ").append('#').append(r.missing.get(i)).append(' ').append(r.missingSlides.get(i));
            }
            if (r.missing.size() > 10) b.append(", ...");
            System.err.println("error: " + r.missing.size() + " of " + r.total + " slides have no row in any shard (a shard not run, "
                    + "interrupted, or not given): " + b);
            if (moveFolders) {
                System.err.println("merge: folders not moved while slides are missing (a re-run shard would score moved slides again); "
                        + "re-run the shards, then merge again with --move-folders");
            }
        }
        Map<String, Object> e = ConsoleProgress.event("merge_finished");
        e.put("shards", shards.size());
        e.put("slides", r.total);
        e.put("rows", r.rows.size());
        e.put("ok", r.rows.size() - r.failed());
        e.put("failed", r.failed());
        e.put("missing", r.missing);
        e.put("summary", r.summaryCsv.toString());
        e.put("folders_moved", r.foldersMoved);
        e.put("exit_code", code);
        new ConsoleProgress(json ? ConsoleProgress.Mode.JSON : quiet ? ConsoleProgress.Mode.QUIET : ConsoleProgress.Mode.NORMAL)
                .finished("merge: " + shards.size() + (shards.size() == 1 ? " folder, " : " folders, ") + r.rows.size() + " of " + r.total
                        + " slides: " + (r.rows.size() - r.failed()) + " ok, " + r.failed() + " failed"
                        + (r.missing.isEmpty() ? "" : ", " + r.missing.size() + " missing") + " -> " + r.summaryCsv, e);
        return code;
    }
}
