package necroptosis.cli;

import picocli.CommandLine.Option;

/** How much a long-running command prints: progress for people, only errors, or JSON lines for pipelines. */
final class ProgressOptions {
    @Option(names = "--quiet", description = "print only errors and the final line")
    boolean quiet;

    @Option(names = "--json", description = "print one JSON object per event on stdout (slide_started, slide_finished and, for batch, batch_finished); errors still go to stderr")
    boolean json;

    ConsoleProgress.Mode mode() {
        if (quiet && json) throw new IllegalArgumentException("--quiet and --json cannot be combined");
        return json ? ConsoleProgress.Mode.JSON : quiet ? ConsoleProgress.Mode.QUIET : ConsoleProgress.Mode.NORMAL;
    }
}
