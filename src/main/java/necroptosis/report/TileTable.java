package necroptosis.report;

import java.util.ArrayList;
import java.util.List;

import necroptosis.pipeline.BlockGrid;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.TileResult;
import necroptosis.pipeline.Zone;

/** One row per analysed tile, with its zone fractions (known only once the cores are found). */
public final class TileTable {
    /**
     * Column names of tiles.csv, in order: the one place that defines them. {@code nuclei} counts immune calls
     * and the other intact nuclei (karyorrhectic debris and nuclear fragments below 18 µm² are not nuclei);
     * necrosis detection counts intact nuclei with its own lymphocyte bar (METHODS.md, "Lymphocytes").
     */
    public static final String[] COLUMNS = {"tile", "x", "y", "width", "height", "tissue_fraction",
        "necrosis_fraction", "rim_fraction", "viable_fraction", "dab_positive_fraction", "weak", "moderate", "strong",
        "hscore", "mean_dab_od", "nuclei", "immune_cells", "immune_density_per_mm2", "qc_flags"};

    /** Tiles with less tissue than this are kept in the table but not used for the MLKL-immune correlation. */
    public static final double MIN_TISSUE_FOR_CORRELATION = 0.25;

    public static final class Row {
        public final TileResult tile;
        /** Level-0 position and size. */
        public final long x, y, width, height;
        public final double tissueFraction;
        public final double[] zoneFraction = new double[Zone.values().length];
        public final double immuneDensity;
        public final String qcFlags;

        Row(TileResult t, SlideResult r) {
            tile = t;
            double s = r.analysisScale.level0PerPixel;
            x = Math.round(t.x * s);
            y = Math.round(t.y * s);
            width = Math.round(t.width * s);
            height = Math.round(t.height * s);
            BlockGrid g = r.grid;
            long tissue = 0, pixels = 0;
            long[] perZone = new long[Zone.values().length];
            for (int by = t.y / g.blockPx; by * g.blockPx < t.y + t.height; by++) {
                for (int bx = t.x / g.blockPx; bx * g.blockPx < t.x + t.width; bx++) {
                    int b = by * g.width + bx;
                    pixels += g.pixels(b);
                    tissue += g.tissue(b);
                    perZone[r.zones.zones[b]] += g.tissue(b);
                }
            }
            tissueFraction = pixels == 0 ? 0 : tissue / (double) pixels;
            for (int z = 0; z < perZone.length; z++) zoneFraction[z] = tissue == 0 ? 0 : perZone[z] / (double) tissue;
            immuneDensity = ZoneTotals.density(t.immuneCells, tissue * g.pixelAreaMm2());
            List<String> flags = new ArrayList<>();
            if (tissueFraction < MIN_TISSUE_FOR_CORRELATION) flags.add("little_tissue");
            qcFlags = String.join(";", flags);
        }
    }

    public static List<Row> rows(SlideResult r) {
        List<Row> rows = new ArrayList<>(r.tiles.size());
        for (TileResult t : r.tiles) rows.add(new Row(t, r));
        return rows;
    }

    /** Spearman correlation of tile H-score and tile immune density over tiles with enough tissue. */
    public static Double mlklImmuneSpearman(List<Row> rows) {
        List<double[]> pairs = new ArrayList<>();
        for (Row row : rows) {
            if (row.tissueFraction >= MIN_TISSUE_FOR_CORRELATION) pairs.add(new double[] {row.tile.score.hScore(), row.immuneDensity});
        }
        double[] a = new double[pairs.size()], b = new double[pairs.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = pairs.get(i)[0];
            b[i] = pairs.get(i)[1];
        }
        return Statistics.spearman(a, b);
    }
}
