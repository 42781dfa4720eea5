package necroptosis.cli;

import java.io.PrintWriter;

import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSources;
import necroptosis.slide.UnknownPixelSizeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * Entry point of {@code java -jar necroptosis-scorer.jar}. Its {@code --help} and {@code --version} are
 * inherited, so every command has them, whatever its required options.
 */
@Command(name = "necroptosis-scorer", mixinStandardHelpOptions = true, versionProvider = Version.class, scope = ScopeType.INHERIT,
        description = "Necrotic cores, MLKL IHC scoring and immune density on whole-slide images.",
        subcommands = {InfoCommand.class, RegionCommand.class, GenerateCommand.class, ScoreCommand.class, BatchCommand.class, MergeCommand.class, StainsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input (unreadable slide, bad option value). */
    public static final int EXIT_BAD_INPUT = 2;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (causedByOutOfMemory(e)) {
                err.println("error: " + notEnoughMemory(null));
            } else if (e instanceof UnknownPixelSizeException) {
                err.println("error: " + e.getMessage() + (((UnknownPixelSizeException) e).isInFileUnread()
                        ? "; use --reader auto or tiff, which read it, or give it with --pixel-size UM"
                        : "; give it with --pixel-size UM"));
            } else if (e instanceof SlideException || e instanceof IllegalArgumentException) {
                err.println("error: " + e.getMessage());
            } else {
                err.println("error: " + SlideSources.describe(e) + " (" + e.getClass().getSimpleName() + ")");
            }
            err.flush();
            return EXIT_BAD_INPUT;
        });
        // Unparseable or repeated options get the same one "error:" line as bad values, not the whole usage.
        cl.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage() + " (see: "
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes errors through; a command that knows its file says so itself.
            System.err.println("error: " + notEnoughMemory(e));
            System.err.flush();
            return EXIT_BAD_INPUT;
        }
    }

    /** The reason given when the heap runs out (the same advice as a batch row's). */
    static String notEnoughMemory(OutOfMemoryError e) {
        return "not enough memory" + (e == null || e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                + "; give Java more memory (-Xmx) or use fewer threads";
    }

    /** A worker thread's OutOfMemoryError reaches the command wrapped in an ExecutionException. */
    static boolean causedByOutOfMemory(Throwable e) {
        for (int i = 0; e != null && i < 10; i++, e = e.getCause()) {
            if (e instanceof OutOfMemoryError) return true;
        }
        return false;
    }
}
