package necroptosis.bench;

import java.nio.file.Paths;
import java.util.Locale;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * The decode-only baseline of the whole-run benchmark (src/bench/whole_run.sh): runs the slide analysis
 * in its {@link SlideAnalysis#decodeOnly() decode-only} mode, which reads every tissue tile of the
 * analysis level through the same reader, margins and threads as {@code score}, and prints one line
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
        final long[] tilesStart = new long[1], tilesEnd = new long[1];
        final int[] tiles = new int[1];
        ProgressListener timing = new ProgressListener() {
            @Override
            public void status(String message) {
                if (message.equals("decode tiles")) tilesStart[0] = System.nanoTime();
                else if (tilesStart[0] != 0 && tilesEnd[0] == 0) tilesEnd[0] = System.nanoTime();
            }

            @Override
            public void tiles(int done, int total) {
                tiles[0] = total;
            }
        };
        long t0 = System.nanoTime();
        try (SlideSource slide = SlideSources.open(Paths.get(args[0]))) {
            new SlideAnalysis(settings, timing).decodeOnly().run(slide);
        }
        long t1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "decode_total_s=%.3f decode_tiles_s=%.3f tiles=%d%n", (t1 - t0) / 1e9,
                (tilesEnd[0] - tilesStart[0]) / 1e9, tiles[0]);
    }
}
