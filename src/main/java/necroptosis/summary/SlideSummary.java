package necroptosis.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The per-slide numbers of DESIGN.md, as summary.json holds them ({@link SummaryJson} writes and reads it).
 * Every ratio of an empty quantity is 0, never NaN, and {@link #status} says why it is empty. Immutable.
 */
public final class SlideSummary {
    public static final String OK = "ok";
    public static final String NO_TISSUE = "no_tissue";
    public static final String NO_NECROSIS = "no_necrosis";

    /** The slide's path as it was opened. */
    public final String slide;
    /** The stain the DAB channel shows (MLKL unless the run named another): the "mlkl" figures are its. */
    public final String marker;
    /** {@link #OK}, {@link #NO_TISSUE}, {@link #NO_NECROSIS}, or the content check's {@code too_small} / {@code not_a_stained_section}. */
    public final String status;
    /** Warnings a reader of the numbers must see, e.g. no immune cells found. */
    public final List<String> notes;
    public final double pixelSizeUm;
    public final PerZone<Double> areasMm2;
    /** Necrosis area over tumour (necrosis, rim and viable) area. */
    public final double necrosisFraction;
    public final int necroticCoreCount;
    /** Cores flagged as uncertain ({@code pipeline.UncertainCores}), counted in {@link #necroticCoreCount}. */
    public final int uncertainCoreCount;
    public final PerZone<MlklPixelScore> mlkl;
    /** MLKL-positive fraction of the tissue in cores and rims together. */
    public final double necroptoticFraction;
    /** MLKL-positive core and rim pixels over all tissue pixels. */
    public final double necroptoticTumorBurden;
    public final PerZone<ImmuneStatistics> immune;
    /** Null unless the run scored cells. */
    public final CellSummary cells;
    /** Spearman correlation of tile MLKL and immune density; null when it is undefined (too few tiles, constant). */
    public final Double mlklImmuneSpearman;
    /** Bands from the core boundary outwards; empty without cores. */
    public final List<DistanceBand> distanceProfile;
    public final Provenance provenance;

    public SlideSummary(String slide, String marker, String status, List<String> notes, double pixelSizeUm, PerZone<Double> areasMm2,
            double necrosisFraction, int necroticCoreCount, int uncertainCoreCount, PerZone<MlklPixelScore> mlkl, double necroptoticFraction,
            double necroptoticTumorBurden, PerZone<ImmuneStatistics> immune, CellSummary cells, Double mlklImmuneSpearman,
            List<DistanceBand> distanceProfile, Provenance provenance) {
        this.slide = slide;
        this.marker = marker;
        this.status = status;
        this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
        this.pixelSizeUm = pixelSizeUm;
        this.areasMm2 = areasMm2;
        this.necrosisFraction = necrosisFraction;
        this.necroticCoreCount = necroticCoreCount;
        this.uncertainCoreCount = uncertainCoreCount;
        this.mlkl = mlkl;
        this.necroptoticFraction = necroptoticFraction;
        this.necroptoticTumorBurden = necroptoticTumorBurden;
        this.immune = immune;
        this.cells = cells;
        this.mlklImmuneSpearman = mlklImmuneSpearman;
        this.distanceProfile = Collections.unmodifiableList(new ArrayList<>(distanceProfile));
        this.provenance = provenance;
    }
}
