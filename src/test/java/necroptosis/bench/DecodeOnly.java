package necroptosis.bench;

import java.nio.file.Paths;
import java.util.Locale;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.DecodeOnlyRun;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * The decode-only baseline of the whole-run benchmark (src/bench/whole_run.sh): a slide analysis whose
 * tiles are only read ({@link DecodeOnlyRun}: every tissue tile of the analysis level through the same
 * reader, margins and threads as {@code score}), and prints one line
 * {@code decode_total_s=... decode_tiles_s=... tiles=...}: the whole run (overview, nucleus threshold
 * samples and all) and the tile reads alone.
 * <p>
 * {@code java -cp target/necroptosis-scorer.jar:target/test-classes necroptosis.bench.DecodeOnly SLIDE THREADS}
 */
public final class DecodeOnly {
    private DecodeOnly() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: DecodeOnly SLIDE THREADS");
            System.exit(2);
        }
        AnalysisSettings settings = AnalysisSettings.builder().threads(Integer.parseInt(args[1])).build();
        long t0 = System.nanoTime();
        DecodeOnlyRun run;
        try (SlideSource slide = SlideSources.open(Paths.get(args[0]))) {
            run = DecodeOnlyRun.run(settings, null, slide);
        }
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "decode_total_s=%.3f decode_tiles_s=%.3f tiles=%d%n", (t1 - t0) / 1e9, run.tileSeconds, run.tiles);
    }
}
