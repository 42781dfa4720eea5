package necroptosis.report;

import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.Zone;
import necroptosis.scoring.CellScore;
import necroptosis.scoring.PixelScore;

/** Per-zone sums over the block grid, made once in block order (so identical for any thread count). */
public final class ZoneTotals {
    private final PixelScore[] scores = new PixelScore[Zone.values().length];
    private final long[] immune = new long[Zone.values().length];
    private final double pixelAreaMm2;
    private final CellScore[] cells;

    public ZoneTotals(SlideResult r) {
        for (int z = 0; z < scores.length; z++) scores[z] = new PixelScore();
        BlockGrid g = r.grid;
        pixelAreaMm2 = g.pixelAreaMm2();
        cells = !g.hasCells() ? null : new CellScore[scores.length];
        if (cells != null) for (int z = 0; z < cells.length; z++) cells[z] = new CellScore();
        for (int b = 0; b < g.size(); b++) {
            int z = r.zones.zones[b];
            if (cells != null) cells[z].merge(CellScore.of(g.cells(0, b), g.cells(1, b), g.cells(2, b), g.cells(3, b)));
            scores[z].merge(g.score(b));
            immune[z] += g.lymphocytes(b);
        }
    }

    public PixelScore score(Zone z) { return scores[z.ordinal()]; }

    /** Tissue and the three tumour zones together. */
    public PixelScore tissue() {
        PixelScore s = new PixelScore();
        for (Zone z : Zone.TISSUE_ZONES) s.merge(scores[z.ordinal()]);
        return s;
    }

    /** Cell-level score of a zone; null unless the run was in cell mode. */
    public CellScore cells(Zone z) { return cells == null ? null : cells[z.ordinal()]; }

    /** Cell-level score over all tissue zones; null unless in cell mode. */
    public CellScore cells() {
        if (cells == null) return null;
        CellScore s = new CellScore();
        for (Zone z : Zone.TISSUE_ZONES) s.merge(cells[z.ordinal()]);
        return s;
    }

    public double areaMm2(Zone z) { return scores[z.ordinal()].tissuePixels() * pixelAreaMm2; }

    public double tissueAreaMm2() { return tissue().tissuePixels() * pixelAreaMm2; }

    public long immuneCells(Zone z) { return immune[z.ordinal()]; }

    public long immuneCells() {
        long n = 0;
        for (Zone z : Zone.TISSUE_ZONES) n += immune[z.ordinal()];
        return n;
    }

    /** Cells per mm², 0 (not NaN) for an empty zone. */
    public static double density(long cells, double areaMm2) {
        return areaMm2 > 0 ? cells / areaMm2 : 0;
    }
}
