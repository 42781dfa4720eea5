package necroptosis.pipeline;

import java.util.List;

import necroptosis.segmentation.NecrosisSegmenter;
import necroptosis.slide.SlideSource;
import necroptosis.stain.StainVectors;

/** Everything a finished run knows, from which the summary, tables and QC images are written. */
public final class SlideResult {
    public final String slidePath;
    public final String reader;
    public final double pixelSizeUm;
    public final String pixelSizeSource;
    public final AnalysisSettings settings;
    public final StainVectors stainsUsed;
    public final String stainsHow;
    public final String backgroundHow;
    public final ScaledLevel analysisScale;
    public final Overview overview;
    public final byte[] overviewTissue;
    public final BlockGrid grid;
    public final NecrosisSegmenter.Result cores;
    public final ZoneMap zones;
    public final List<TileResult> tiles;
    public final int tilesTotal;
    public final int tilesSkipped;
    public final long runMillis;
    /** The slide-wide nucleus threshold (haematoxylin OD after background removal and smoothing). */
    public final double nucleusThresholdOd;
    /** Median chromatin OD of the nuclei too large to be lymphocytes in the threshold's sample windows (0 when under 20 were found). */
    public final double slideNucleusOd;
    /** Otsu's split of the chromatin OD of the lymphocyte-sized nuclei in the sample windows (0 when under 20 were found). */
    public final double lymphSizedSplitOd;
    /** The 90th percentile of the lymphocyte-sized nuclei at or above that split (0 when the split is unknown): the immune bar's cap. */
    public final double lymphSizedDarkP90Od;
    /** Least chromatin OD of a lymphocyte, rather than debris or an intact nucleus, in the necrosis input. */
    public final double necrosisLymphMinOd;
    /** Least mean haematoxylin OD of an immune cell's nucleus on this slide ({@code NucleusClassifier.immuneMinOd}). */
    public final double immuneMinOd;
    /** Least chromatin OD of a small object for debris on this slide ({@code NucleusClassifier.debrisMinOd}). */
    public final double debrisMinOd;
    /** Whether the content is a stained section big enough to score; the summary's status and notes say when not. */
    public final ContentCheck content;
    /** How the slide looks against the preset, one note each: eosin or no DAB, clipped DAB, out of focus. */
    public final List<String> appearanceNotes;
    /** The OD sum above which the overview is tissue, and how it was chosen ({@code TissueThreshold}). */
    public final double tissueMinOdSum;
    public final String tissueHow;
    /** Per core label (index 0 unused), why the core is uncertain, {@code NONE} for a sure one ({@link UncertainCores}). */
    public final UncertainCores.Doubt[] coreDoubts;
    /** How many user-region polygons were clipped to the slide or dropped outside it, or null. */
    public final String regionsNote;
    /**
     * Every detected nucleus, for cells.csv and cells.geojson, when {@link AnalysisSettings#exportCells}; else
     * null. Held in a temporary file, which the writer of the outputs deletes ({@link CellRecords#close}).
     */
    public final CellRecords cellRecords;

    SlideResult(SlideSource slide, AnalysisSettings settings, StainVectors stainsUsed, String stainsHow, String backgroundHow,
            ScaledLevel analysisScale, Overview overview, byte[] overviewTissue, BlockGrid grid, NecrosisSegmenter.Result cores,
            ZoneMap zones, List<TileResult> tiles, int tilesTotal, int tilesSkipped, long runMillis, double nucleusThresholdOd,
            double slideNucleusOd, double lymphSizedSplitOd, double lymphSizedDarkP90Od, double immuneMinOd, double necrosisLymphMinOd,
            double debrisMinOd, double tissueMinOdSum, String tissueHow, UncertainCores.Doubt[] coreDoubts, String regionsNote,
            CellRecords cellRecords, List<String> appearanceNotes) {
        this.cellRecords = cellRecords;
        this.coreDoubts = coreDoubts;
        this.tissueMinOdSum = tissueMinOdSum;
        this.tissueHow = tissueHow;
        this.nucleusThresholdOd = nucleusThresholdOd;
        this.slideNucleusOd = slideNucleusOd;
        this.lymphSizedSplitOd = lymphSizedSplitOd;
        this.lymphSizedDarkP90Od = lymphSizedDarkP90Od;
        this.necrosisLymphMinOd = necrosisLymphMinOd;
        this.immuneMinOd = immuneMinOd;
        this.debrisMinOd = debrisMinOd;
        this.regionsNote = regionsNote;
        this.slidePath = slide.path();
        this.reader = slide.readerName();
        this.pixelSizeUm = slide.pixelSize().micrometers();
        this.pixelSizeSource = slide.pixelSize().source();
        this.settings = settings;
        this.stainsUsed = stainsUsed;
        this.stainsHow = stainsHow;
        this.backgroundHow = backgroundHow;
        this.analysisScale = analysisScale;
        this.overview = overview;
        this.overviewTissue = overviewTissue;
        this.grid = grid;
        this.cores = cores;
        this.zones = zones;
        this.tiles = tiles;
        this.tilesTotal = tilesTotal;
        this.tilesSkipped = tilesSkipped;
        this.runMillis = runMillis;
        this.content = ContentCheck.of(analysisScale, grid.blockPx, overview, overviewTissue);
        this.appearanceNotes = java.util.Collections.unmodifiableList(appearanceNotes);
    }

    /** Whether core {@code k} (1 to the core count) is flagged uncertain. */
    public boolean isUncertain(int k) {
        return coreDoubts[k] != UncertainCores.Doubt.NONE;
    }

    /** How many cores are flagged uncertain. */
    public int uncertainCoreCount() {
        int n = 0;
        for (int k = 1; k <= cores.count; k++) if (isUncertain(k)) n++;
        return n;
    }

    /** "2 necrotic cores", or "2 necrotic cores (1 uncertain)", for status lines and titles. */
    public String coresInWords() {
        int uncertain = uncertainCoreCount();
        return cores.countInWords() + (uncertain > 0 ? " (" + uncertain + " uncertain)" : "");
    }
}
