package necroptosis.pipeline;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import necroptosis.segmentation.ScratchBySize;
import necroptosis.slide.SlideSource;

/**
 * The decode-only baseline of the whole-run benchmark (src/bench/whole_run.sh, via
 * {@code necroptosis.bench.DecodeOnly}): a {@link SlideAnalysis} run whose tile step reads each tissue
 * tile's window, margins included, through the same reader, order and threads as the analysis, and
 * does nothing else with the pixels (the result has no tiles and empty blocks). What a whole run costs
 * beyond this is the cost of the tile analysis itself.
 */
public final class DecodeOnlyRun {
    /** Seconds from the first tile read's start to the last one's end. */
    public final double tileSeconds;
    /** Tiles read. */
    public final int tiles;
    /** The run's result: everything but the tiles. */
    public final SlideResult result;

    private DecodeOnlyRun(double tileSeconds, int tiles, SlideResult result) {
        this.tileSeconds = tileSeconds;
        this.tiles = tiles;
        this.result = result;
    }

    /** Per thread, a tile's pixels and the level buffer of {@link ScaledLevel#read}, by window size (as the analysis keeps them). */
    private static final ScratchBySize<Buffers> BUFFERS = new ScratchBySize<>(Buffers::new);

    private static final class Buffers {
        final int[] rgb;
        final int[][] level = new int[1][];

        Buffers(int n) {
            rgb = new int[n];
        }
    }

    public static DecodeOnlyRun run(AnalysisSettings settings, ProgressListener progress, SlideSource slide) throws IOException {
        AtomicLong first = new AtomicLong(Long.MAX_VALUE), last = new AtomicLong(Long.MIN_VALUE);
        AtomicInteger tiles = new AtomicInteger();
        SlideResult result = new SlideAnalysis(settings, progress).run(slide, (analyzer, index, tilesX) -> {
            long t0 = System.nanoTime();
            first.accumulateAndGet(t0, Math::min);
            int[] w = analyzer.window(index, tilesX);
            Buffers buf = BUFFERS.get(w[6] * w[7]);
            analyzer.scale.read(w[4], w[5], w[6], w[7], buf.rgb, buf.level);
            tiles.incrementAndGet();
            last.accumulateAndGet(System.nanoTime(), Math::max);
            return null;
        });
        double seconds = tiles.get() == 0 ? 0 : (last.get() - first.get()) / 1e9;
        return new DecodeOnlyRun(seconds, tiles.get(), result);
    }
}
