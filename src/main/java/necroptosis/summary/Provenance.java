package necroptosis.summary;

import com.google.gson.JsonObject;

/**
 * What produced a summary: software and version, the reader and pixel size, the resolution analysed, the
 * stains, every analysis parameter, and the run's counts. Enough to reproduce it, and to check that an
 * earlier result was made with the same settings (a resumed batch).
 */
public final class Provenance {
    public final String software;
    public final String version;
    public final String reader;
    public final double pixelSizeUm;
    public final String pixelSizeSource;
    /** Level-0 size: lets a viewer scale the outlines to any level of the slide. */
    public final long slideWidthPx;
    public final long slideHeightPx;
    public final int analysisLevel;
    public final double analysisDownsample;
    public final double analysisPixelUm;
    public final double overviewPixelUm;
    public final double blockUm;
    /** The OD sum above which the overview is tissue on this slide (NaN: not recorded). */
    public final double tissueMinOdSum;
    /** How that threshold was chosen: from the slide's glass, or the default for a field without glass (null: not recorded). */
    public final String tissueHow;
    public final StainProvenance stains;
    /** The parameters as the settings record themselves ({@code AnalysisSettings.toMap()}), in their order. */
    private final JsonObject parameters;
    public final double nucleusThresholdUsedOd;
    /**
     * Median mean haematoxylin OD of the slide's nuclei too large to be lymphocytes in the threshold's sample windows;
     * 0 when fewer than 20 were found, as on a field of immune cells (NaN: not recorded).
     */
    public final double nucleusReferenceOd;
    /**
     * Otsu's split of the mean haematoxylin OD of the lymphocyte-sized nuclei in the same windows; 0 when fewer than 20
     * were found (NaN: not recorded).
     */
    public final double lymphSizedSplitOd;
    /** The 90th percentile of the lymphocyte-sized nuclei at or above that split, the immune bar's cap (0: unknown; NaN: not recorded). */
    public final double lymphSizedDarkP90Od;
    /** Least mean haematoxylin OD of an immune cell's nucleus on this slide (from the reference, the split and the floor). */
    public final double immuneMinOd;
    /** Least mean haematoxylin OD of a lymphocyte, rather than debris or an intact nucleus, in the necrosis input (NaN: not recorded). */
    public final double necrosisLymphMinOd;
    /** Least mean haematoxylin OD of a small object for debris on this slide (from the reference and the bounds; NaN: not recorded). */
    public final double debrisMinOd;
    public final double necrosisReferenceDensityPerMm2;
    public final int tilesTotal;
    public final int tilesAnalysed;
    public final int tilesSkippedNoTissue;
    public final double runSeconds;

    public Provenance(String software, String version, String reader, double pixelSizeUm, String pixelSizeSource, long slideWidthPx,
            long slideHeightPx, int analysisLevel, double analysisDownsample, double analysisPixelUm, double overviewPixelUm, double blockUm,
            double tissueMinOdSum, String tissueHow, StainProvenance stains, JsonObject parameters, double nucleusThresholdUsedOd, double nucleusReferenceOd, double lymphSizedSplitOd, double lymphSizedDarkP90Od,
            double immuneMinOd, double necrosisLymphMinOd,
            double debrisMinOd, double necrosisReferenceDensityPerMm2,
            int tilesTotal, int tilesAnalysed, int tilesSkippedNoTissue, double runSeconds) {
        this.software = software;
        this.version = version;
        this.reader = reader;
        this.pixelSizeUm = pixelSizeUm;
        this.pixelSizeSource = pixelSizeSource;
        this.slideWidthPx = slideWidthPx;
        this.slideHeightPx = slideHeightPx;
        this.analysisLevel = analysisLevel;
        this.analysisDownsample = analysisDownsample;
        this.analysisPixelUm = analysisPixelUm;
        this.overviewPixelUm = overviewPixelUm;
        this.blockUm = blockUm;
        this.tissueMinOdSum = tissueMinOdSum;
        this.tissueHow = tissueHow;
        this.stains = stains;
        this.parameters = parameters.deepCopy();
        this.nucleusThresholdUsedOd = nucleusThresholdUsedOd;
        this.nucleusReferenceOd = nucleusReferenceOd;
        this.lymphSizedSplitOd = lymphSizedSplitOd;
        this.lymphSizedDarkP90Od = lymphSizedDarkP90Od;
        this.necrosisLymphMinOd = necrosisLymphMinOd;
        this.immuneMinOd = immuneMinOd;
        this.debrisMinOd = debrisMinOd;
        this.necrosisReferenceDensityPerMm2 = necrosisReferenceDensityPerMm2;
        this.tilesTotal = tilesTotal;
        this.tilesAnalysed = tilesAnalysed;
        this.tilesSkippedNoTissue = tilesSkippedNoTissue;
        this.runSeconds = runSeconds;
    }

    /** A copy of the parameters, keyed as in summary.json. */
    public JsonObject parameters() { return parameters.deepCopy(); }
}
