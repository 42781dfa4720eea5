package necroptosis.pipeline;

import java.util.Locale;
import java.util.Map;

import necroptosis.regions.UserRegions;
import necroptosis.scoring.CellCompartment;
import necroptosis.scoring.DabThresholds;
import necroptosis.segmentation.NecrosisSettings;
import necroptosis.segmentation.NucleusSettings;
import necroptosis.stain.StainVectors;
import necroptosis.stain.TissueTest;

/**
 * Every parameter of a scoring run, with the one set of defaults that {@link SettingsTable} (and so the
 * Fiji dialog, the macro parser and the command line) reads. Immutable: {@link Builder} validates each
 * value and names the setting it rejects. {@link #toMap()} is what provenance records.
 */
public final class AnalysisSettings {
    public static final double DEFAULT_RIM_WIDTH_UM = 100;
    /** The stain the DAB channel shows; it names the scored fraction in every output. */
    public static final String DEFAULT_MARKER = "MLKL";
    public static final double DEFAULT_ANALYSIS_PIXEL_UM = 0.5;
    public static final double DEFAULT_OVERVIEW_PIXEL_UM = 8;
    public static final double DEFAULT_BLOCK_UM = 16;
    public static final int DEFAULT_TILE_BLOCKS = 32;
    /** Largest heatmap cell: 1 cm, wider than most sections. */
    public static final double MAX_HEATMAP_CELL_UM = 10000;
    public static final double DEFAULT_PROFILE_BAND_UM = 50;
    public static final double DEFAULT_PROFILE_RANGE_UM = 500;
    public static final String DEFAULT_STAINS = "H-DAB";
    public static final double DEFAULT_CELL_EXPANSION_UM = 4;
    public static final CellCompartment DEFAULT_COMPARTMENT = CellCompartment.CYTOPLASM;
    public static final ImmuneMode DEFAULT_IMMUNE_MODE = ImmuneMode.MORPHOLOGICAL;

    /** How immune cells are recognised. */
    public enum ImmuneMode {
        /** Lymphocyte-like nuclei by size, roundness and darkness (any stain). */
        MORPHOLOGICAL,
        /** DAB-positive cells of lymphocyte size, for CD45/CD3/CD8 slides. */
        MARKER;

        public static ImmuneMode parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("immune mode must be morphological or marker; got '" + s + "'");
            }
        }
    }

    public final StainVectors stains;
    public final boolean estimateStains;
    public final DabThresholds thresholds;
    public final TissueTest tissueTest;
    public final double rimWidthUm;
    /** Name of the marker the DAB channel shows (MLKL, Ki67, CD8, ...), for labels only. */
    public final String marker;
    public final double analysisPixelUm;
    public final double overviewPixelUm;
    public final double blockUm;
    public final int tileBlocks;
    /**
     * Cell edge of the heatmaps in µm, 0 for the analysis tile. Apart from the analysis tiles, which set how
     * much is held in memory at once: the heatmaps are summed from the block grid.
     */
    public final double heatmapCellUm;
    public final NucleusSettings nuclei;
    public final NecrosisSettings necrosis;
    public final ImmuneMode immuneMode;
    public final int threads;
    public final double profileBandUm;
    public final double profileRangeUm;
    /** Optional, slower: nuclei expanded to cells and scored by the mean DAB of a compartment. */
    public final boolean cellMode;
    public final CellCompartment compartment;
    public final double cellExpansionUm;
    /**
     * Whether every detected nucleus is written to cells.csv and cells.geojson, so the calls can be checked
     * cell by cell; changes no number of the analysis.
     */
    public final boolean exportCells;
    /** Glass intensity I0 (r, g, b) given by the user, or null to estimate it from the overview. */
    public final double[] background;
    /** Polygons that override or restrict the automatic cores (DESIGN.md step 5); null = none. */
    public final UserRegions userRegions;

    private AnalysisSettings(Builder b) {
        stains = b.stains;
        estimateStains = b.estimateStains;
        thresholds = b.thresholds;
        tissueTest = b.tissueTest;
        rimWidthUm = b.rimWidthUm;
        marker = b.marker;
        analysisPixelUm = b.analysisPixelUm;
        overviewPixelUm = b.overviewPixelUm;
        blockUm = b.blockUm;
        tileBlocks = b.tileBlocks;
        heatmapCellUm = b.heatmapCellUm;
        nuclei = b.nuclei;
        necrosis = b.necrosis;
        immuneMode = b.immuneMode;
        threads = b.threads;
        profileBandUm = b.profileBandUm;
        profileRangeUm = b.profileRangeUm;
        cellMode = b.cellMode;
        compartment = b.compartment;
        cellExpansionUm = b.cellExpansionUm;
        exportCells = b.exportCells;
        userRegions = b.userRegions;
        background = b.background == null ? null : b.background.clone();
    }

    public static AnalysisSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.stains = stains;
        b.estimateStains = estimateStains;
        b.thresholds = thresholds;
        b.tissueTest = tissueTest;
        b.rimWidthUm = rimWidthUm;
        b.marker = marker;
        b.analysisPixelUm = analysisPixelUm;
        b.overviewPixelUm = overviewPixelUm;
        b.blockUm = blockUm;
        b.tileBlocks = tileBlocks;
        b.heatmapCellUm = heatmapCellUm;
        b.nuclei = nuclei;
        b.necrosis = necrosis;
        b.immuneMode = immuneMode;
        b.threads = threads;
        b.profileBandUm = profileBandUm;
        b.profileRangeUm = profileRangeUm;
        b.cellMode = cellMode;
        b.compartment = compartment;
        b.cellExpansionUm = cellExpansionUm;
        b.exportCells = exportCells;
        b.userRegions = userRegions;
        b.background = background;
        return b;
    }

    /**
     * Blocks per heatmap cell edge for blocks of {@code blockUm} as analysed (the block size in µm is rounded
     * to whole analysis pixels): the heatmap cell rounded to whole blocks, at least one.
     */
    public int heatmapCellBlocks(double blockUm) {
        return heatmapCellBlocks(heatmapCellUm, blockUm, tileBlocks);
    }

    /** {@link #heatmapCellBlocks(double)} for a heatmap cell of {@code cellUm} (0: the tile of {@code tileBlocks}). */
    public static int heatmapCellBlocks(double cellUm, double blockUm, int tileBlocks) {
        if (cellUm == 0) return tileBlocks;
        return (int) Math.max(1, Math.round(cellUm / blockUm));
    }

    /** Every parameter by its stable snake_case key, for provenance ({@link SettingsTable} says which). */
    public Map<String, Object> toMap() {
        return SettingsTable.record(this);
    }

    /** Mutable collector of settings; {@link #build()} validates. */
    public static final class Builder {
        StainVectors stains = StainVectors.preset(DEFAULT_STAINS);
        boolean estimateStains = false;
        DabThresholds thresholds = DabThresholds.DEFAULT;
        TissueTest tissueTest = TissueTest.DEFAULT;
        double rimWidthUm = DEFAULT_RIM_WIDTH_UM;
        String marker = DEFAULT_MARKER;
        double analysisPixelUm = DEFAULT_ANALYSIS_PIXEL_UM;
        double overviewPixelUm = DEFAULT_OVERVIEW_PIXEL_UM;
        double blockUm = DEFAULT_BLOCK_UM;
        int tileBlocks = DEFAULT_TILE_BLOCKS;
        double heatmapCellUm = 0;
        NucleusSettings nuclei = NucleusSettings.DEFAULT;
        NecrosisSettings necrosis = NecrosisSettings.DEFAULT;
        ImmuneMode immuneMode = DEFAULT_IMMUNE_MODE;
        int threads = Runtime.getRuntime().availableProcessors();
        double profileBandUm = DEFAULT_PROFILE_BAND_UM;
        double profileRangeUm = DEFAULT_PROFILE_RANGE_UM;
        boolean cellMode = false;
        CellCompartment compartment = DEFAULT_COMPARTMENT;
        double cellExpansionUm = DEFAULT_CELL_EXPANSION_UM;
        boolean exportCells = false;
        double[] background;
        UserRegions userRegions = null;

        public Builder stains(StainVectors v) { stains = v; return this; }
        public Builder estimateStains(boolean b) { estimateStains = b; return this; }
        public Builder thresholds(DabThresholds t) { thresholds = t; return this; }
        public Builder tissueTest(TissueTest t) { tissueTest = t; return this; }
        public Builder rimWidthUm(double v) { rimWidthUm = v; return this; }
        public Builder marker(String v) { marker = v == null ? null : v.trim(); return this; }
        public Builder analysisPixelUm(double v) { analysisPixelUm = v; return this; }
        public Builder overviewPixelUm(double v) { overviewPixelUm = v; return this; }
        public Builder blockUm(double v) { blockUm = v; return this; }
        public Builder tileBlocks(int v) { tileBlocks = v; return this; }
        /** Heatmap cell edge in µm (rounded to whole blocks when drawn); 0: the analysis tile. */
        public Builder heatmapCellUm(double v) { heatmapCellUm = v; return this; }
        public Builder nuclei(NucleusSettings v) { nuclei = v; return this; }
        public Builder necrosis(NecrosisSettings v) { necrosis = v; return this; }
        public Builder minCoreAreaMm2(double v) { necrosis = necrosis.withMinCoreArea(v); return this; }
        public Builder immuneMode(ImmuneMode v) { immuneMode = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder cellMode(boolean v) { cellMode = v; return this; }
        public Builder compartment(CellCompartment v) { compartment = v; return this; }
        public Builder cellExpansionUm(double v) { cellExpansionUm = v; return this; }
        public Builder exportCells(boolean v) { exportCells = v; return this; }
        /** For fields without glass (crops, TMA cores filled with tissue), where I0 cannot be measured. */
        public Builder background(double[] rgb) { background = rgb == null ? null : rgb.clone(); return this; }
        /** User regions with their mode; null for none. Checked in {@link #build()}. */
        public Builder userRegions(UserRegions v) { userRegions = v; return this; }

        public AnalysisSettings build() {
            check(rimWidthUm > 0 && rimWidthUm <= 5000, "rim width (um)", rimWidthUm, "above 0 and at most 5000");
            // A label in file headers, titles and table columns: short, one line, no separators of CSV or paths.
            if (marker == null || !marker.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} ._+-]{0,31}")) {
                throw new IllegalArgumentException("marker must be a name of 1-32 letters, digits, spaces or . _ + -, got '" + SettingException.printable(String.valueOf(marker)) + "'");
            }
            check(analysisPixelUm >= 0.1 && analysisPixelUm <= 4, "analysis pixel size (um)", analysisPixelUm, "0.1-4");
            check(overviewPixelUm >= analysisPixelUm && overviewPixelUm <= 64, "overview pixel size (um)", overviewPixelUm, "between the analysis pixel size and 64");
            // At most 160 analysis pixels: the level read may be up to 1.5x finer than asked (integer box
            // averaging), and a block must stay within BlockGrid.MAX_BLOCK_PX pixels.
            check(blockUm >= 4 * analysisPixelUm && blockUm <= Math.min(256, 160 * analysisPixelUm), "block size (um)", blockUm,
                    "at least 4 and at most 160 analysis pixels, and at most 256");
            // Zones are assigned per block, measured from block centres: a rim narrower than one block
            // would be empty or cover only part of the blocks it names, so it is refused rather than
            // silently reported as no rim.
            if (rimWidthUm < blockUm) {
                throw new IllegalArgumentException("rim width (um) must be at least the block size (" + format(blockUm)
                        + " um; zones are assigned per block), got " + format(rimWidthUm));
            }
            check(tileBlocks >= 4 && tileBlocks <= 256, "tile size (blocks)", tileBlocks, "4-256");
            check(heatmapCellUm == 0 || (heatmapCellUm >= blockUm && heatmapCellUm <= MAX_HEATMAP_CELL_UM), "heatmap cell (um)", heatmapCellUm,
                    "0 (the analysis tile) or from the block size (" + format(blockUm) + ") to " + format(MAX_HEATMAP_CELL_UM));
            if (background != null) {
                if (background.length != 3) throw new IllegalArgumentException("background needs three values R,G,B, got " + background.length);
                for (double v : background) check(v > 1 && v <= 255, "background (glass intensity)", v, "above 1 and at most 255");
            }
            check(cellExpansionUm >= 0 && cellExpansionUm <= 20, "cell expansion (um)", cellExpansionUm, "0-20");
            check(threads >= 1 && threads <= 256, "threads", threads, "1-256");
            if (userRegions != null) userRegions.check();
            return new AnalysisSettings(this);
        }

        private static void check(boolean ok, String name, double value, String range) {
            if (!ok || Double.isNaN(value)) throw new IllegalArgumentException(name + " must be " + range + ", got " + format(value));
        }

        /** Whole numbers without ".0", so "threads must be 1-256, got 0" reads as the user typed it. */
        private static String format(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
