package necroptosis.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import necroptosis.Versions;
import necroptosis.pipeline.SlideResult;
import necroptosis.pipeline.UncertainCores;
import necroptosis.pipeline.Zone;
import necroptosis.scoring.CellScore;
import necroptosis.scoring.PixelScore;
import necroptosis.summary.CellStatistics;
import necroptosis.summary.CellSummary;
import necroptosis.summary.ImmuneStatistics;
import necroptosis.summary.MlklPixelScore;
import necroptosis.summary.PerZone;
import necroptosis.summary.Provenance;
import necroptosis.summary.SlideSummary;
import necroptosis.summary.StainProvenance;

/** Makes a finished run's {@link SlideSummary}: the per-zone sums, ratios and provenance of DESIGN.md. */
public final class Summary {
    private Summary() {}

    /** Keeps the parameters' nulls, as summary.json shows them. */
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    /**
     * Nuclear objects per mm² of tissue below which a slide is said to show almost no nuclei. Cellular tissue
     * holds thousands (viable tumour 3000-7000 intact nuclei per mm², bone and cartilage over 900 on the
     * osteosarcoma tiles); without haematoxylin there are none to find.
     */
    static final double MIN_NUCLEI_PER_MM2 = 100;
    /** Tissue under this many minimum core areas cannot hold a core with tissue around it. */
    static final double MIN_FIELD_IN_CORES = 2;

    /** A note when the tissue holds almost no nuclei (no counterstain?), else null. */
    static String fewNucleiNote(SlideResult r, double tissueMm2) {
        if (tissueMm2 <= 0 || r.content.note != null) return null;
        double perMm2 = r.grid.total(r.grid::nuclearObjects) / tissueMm2;
        if (perMm2 >= MIN_NUCLEI_PER_MM2) return null;
        return String.format(Locale.ROOT, "almost no nuclei found (%.0f per mm2 of tissue): no haematoxylin counterstain, or no cellular "
                + "tissue? immune density and necrotic cores cannot be judged", perMm2);
    }

    /** A note when the tissue is too small for the minimum core area to be found in it, else null. */
    static String smallFieldNote(SlideResult r, double tissueMm2) {
        double minCore = r.settings.necrosis.minCoreAreaMm2;
        if (tissueMm2 <= 0 || tissueMm2 >= MIN_FIELD_IN_CORES * minCore || r.content.note != null
                || r.settings.userRegions != null && r.settings.userRegions.overridesCores()) return null;
        return String.format(Locale.ROOT, "the tissue (%.4f mm2) is too small for the minimum core area (%s mm2): no necrotic core "
                + "can be found in it; for a field this size set a smaller minimum core area (min_core_area)", tissueMm2,
                Drawing.number(minCore));
    }

    /**
     * The note for the cores with one doubt, null when none has it: which cores (numbered as in overview.png,
     * where an uncertain core is labelled "N?"), then {@code why}.
     */
    static String uncertainNote(UncertainCores.Doubt[] doubts, int count, UncertainCores.Doubt doubt, String why) {
        List<String> numbers = new ArrayList<>();
        for (int k = 1; k <= count; k++) if (doubts[k] == doubt) numbers.add(Integer.toString(k));
        if (numbers.isEmpty()) return null;
        String which;
        if (count == 1) which = "the necrotic core is";
        else if (numbers.size() == count) which = (count == 2 ? "both necrotic cores" : "all " + count + " necrotic cores") + " are";
        else if (numbers.size() == 1) which = "necrotic core " + numbers.get(0) + " of " + count + " is";
        else which = "necrotic cores " + String.join(", ", numbers) + " of " + count + " are";
        String look = numbers.size() == 1 ? "check it in overview.png (labelled \"" + numbers.get(0) + "?\")"
                : "check them in overview.png (labelled \"N?\")";
        return which + " uncertain: " + why + "; " + look;
    }

    public static SlideSummary of(SlideResult r, List<TileTable.Row> rows) {
        ZoneTotals zt = new ZoneTotals(r);
        double tissue = zt.tissueAreaMm2();
        List<String> notes = new ArrayList<>();
        if (r.content.note != null) notes.add(r.content.note);
        notes.addAll(r.appearanceNotes);
        if (r.regionsNote != null) notes.add(r.regionsNote);
        if (zt.immuneCells() == 0 && tissue > 0) notes.add("no immune cells found");
        String nuclei = fewNucleiNote(r, tissue);
        if (nuclei != null) notes.add(nuclei);
        String small = smallFieldNote(r, tissue);
        if (small != null) notes.add(small);
        int uncertain = r.uncertainCoreCount();
        String[] uncertainNotes = {
            uncertainNote(r.coreDoubts, r.cores.count, UncertainCores.Doubt.SPARSE_REFERENCE, String.format(Locale.ROOT, "the slide's "
                    + "most cellular tissue holds only %.0f intact nuclei per mm2 (viable tumour: thousands), too few to judge a loss "
                    + "of nuclei against (bone, cartilage or stroma?)", r.cores.referenceDensity)),
            uncertainNote(r.coreDoubts, r.cores.count, UncertainCores.Doubt.EMPTY, "almost no nuclei or nuclear debris inside (fat, "
                    + "mucin, bone, cartilage or keratin look alike)"),
            uncertainNote(r.coreDoubts, r.cores.count, UncertainCores.Doubt.NO_DEBRIS, "less than twice the nuclear debris per mm2 of "
                    + "the slide's other tissue (keratin and dense collagen look alike, and so does necrosis that did not fragment "
                    + "its nuclei)")};
        for (String n : uncertainNotes) if (n != null) notes.add(n);
        if (r.analysisScale.pixelUm > 1.5 * r.settings.analysisPixelUm) {
            // A low-magnification scan cannot be analysed finer than it was scanned; nuclei (and so cores and
            // immune cells) found at that resolution are unreliable, and the numbers must not look normal.
            notes.add(String.format(Locale.ROOT, "analysed at %.3g um/px, coarser than the %.3g um/px asked for: "
                    + "nuclei, immune cells and necrotic cores are unreliable", r.analysisScale.pixelUm, r.settings.analysisPixelUm));
        }
        String status = r.content.status() != null ? r.content.status() : tissue == 0 ? SlideSummary.NO_TISSUE : r.cores.count == 0 ? SlideSummary.NO_NECROSIS : SlideSummary.OK;

        double nec = zt.areaMm2(Zone.NECROSIS), rim = zt.areaMm2(Zone.RIM), viable = zt.areaMm2(Zone.VIABLE);
        double tumour = nec + rim + viable;
        PerZone<MlklPixelScore> mlkl = new PerZone<>(score(zt.tissue()), score(zt.score(Zone.NECROSIS)), score(zt.score(Zone.RIM)),
                score(zt.score(Zone.VIABLE)));

        PixelScore coreAndRim = zt.score(Zone.NECROSIS).copy().merge(zt.score(Zone.RIM));
        long tumourPixels = zt.tissue().tissuePixels();
        double burden = tumourPixels > 0 ? coreAndRim.positivePixels() / (double) tumourPixels : 0.0;

        PerZone<ImmuneStatistics> immune = new PerZone<>(immune(zt.immuneCells(), tissue), immune(zt, Zone.NECROSIS),
                immune(zt, Zone.RIM), immune(zt, Zone.VIABLE));
        CellSummary cells = zt.cells() == null ? null : new CellSummary(r.settings.compartment.key(), new PerZone<>(
                cells(zt.cells()), cells(zt.cells(Zone.NECROSIS)), cells(zt.cells(Zone.RIM)), cells(zt.cells(Zone.VIABLE))));
        return new SlideSummary(r.slidePath, r.settings.marker, status, notes, r.pixelSizeUm, new PerZone<>(tissue, nec, rim, viable),
                tumour > 0 ? nec / tumour : 0.0, r.cores.count, uncertain, mlkl, coreAndRim.positiveFraction(), burden, immune, cells,
                TileTable.mlklImmuneSpearman(rows), DistanceProfile.bands(r), provenance(r));
    }

    private static MlklPixelScore score(PixelScore s) {
        return new MlklPixelScore(s.positiveFraction(), s.weakFraction(), s.moderateFraction(), s.strongFraction(), s.hScore(), s.meanDabOd());
    }

    private static CellStatistics cells(CellScore c) {
        return new CellStatistics(c.cells(), c.positivePercent(), c.hScore());
    }

    private static ImmuneStatistics immune(ZoneTotals zt, Zone z) {
        return immune(zt.immuneCells(z), zt.areaMm2(z));
    }

    private static ImmuneStatistics immune(long cells, double areaMm2) {
        return new ImmuneStatistics(cells, ZoneTotals.density(cells, areaMm2));
    }

    private static Provenance provenance(SlideResult r) {
        List<StainProvenance.Vector> vectors = new ArrayList<>();
        for (int s = 1; s <= 3; s++) vectors.add(new StainProvenance.Vector(r.stainsUsed.stainName(s).toLowerCase(Locale.ROOT), r.stainsUsed.stain(s)));
        StainProvenance stains = new StainProvenance(r.stainsUsed.name(), r.stainsHow, vectors, r.stainsUsed.background(), r.backgroundHow);
        return new Provenance("necroptosis-scorer", Versions.VERSION, r.reader, r.pixelSizeUm, r.pixelSizeSource,
                r.analysisScale.slide.levels().get(0).width(), r.analysisScale.slide.levels().get(0).height(), r.analysisScale.level,
                r.analysisScale.level0PerPixel, r.analysisScale.pixelUm, r.overview.scale.pixelUm, r.grid.blockUm, r.tissueMinOdSum, r.tissueHow, stains,
                GSON.toJsonTree(r.settings.toMap()).getAsJsonObject(), r.nucleusThresholdOd, r.slideNucleusOd, r.lymphSizedSplitOd, r.lymphSizedDarkP90Od, r.immuneMinOd, r.necrosisLymphMinOd, r.debrisMinOd, r.cores.referenceDensity, r.tilesTotal,
                r.tiles.size(), r.tilesSkipped, r.runMillis / 1000.0);
    }
}
