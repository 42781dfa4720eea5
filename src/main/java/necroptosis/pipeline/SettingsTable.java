package necroptosis.pipeline;

import static necroptosis.pipeline.Setting.option;
import static necroptosis.pipeline.Setting.recorded;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import necroptosis.pipeline.Setting.Group;
import necroptosis.pipeline.Setting.Type;
import necroptosis.regions.RegionFiles;
import necroptosis.regions.UserRegions;
import necroptosis.scoring.CellCompartment;
import necroptosis.scoring.DabThresholds;
import necroptosis.segmentation.NecrosisSettings;
import necroptosis.segmentation.NucleusSettings;
import necroptosis.slide.OpenOptions;
import necroptosis.stain.StainVectors;

/**
 * The one table of a run's parameters. The command-line options, the Fiji dialog and macro keys, the
 * README's key table (a test keeps it in sync) and the provenance in summary.json all come from it, with
 * the defaults of the core's constants. Adding a setting is one row here and its field in
 * {@link AnalysisSettings.Builder}.
 * <p>
 * Rows are in provenance order (summary.json's {@code parameters}, which must not change); the dialog shows
 * them by {@link Group}, in this order within a group. Rows that only record have no front end.
 */
public final class SettingsTable {
    private SettingsTable() {}

    public static final List<Setting> ALL = Collections.unmodifiableList(Arrays.asList(
            option("stains", Type.CHOICE, AnalysisSettings.DEFAULT_STAINS, "stain preset").in(Group.STAINS)
                    .withChoices(StainVectors.H_DAB.name(), StainVectors.H_E.name())
                    .applies((b, v) -> b.stains(stainVectors(v))).records("stains", s -> s.stains.name()),
            option("estimate_stains", Type.FLAG, false, "estimate the stain vectors per slide (Macenko)").in(Group.STAINS).withSameRow(true)
                    .withLabel("Estimate_stains per slide (Macenko)")
                    .applies((b, v) -> b.estimateStains(v.flag("estimate_stains"))).records("estimate_stains", s -> s.estimateStains),
            option("stain_vectors", Type.TEXT, "", "custom haematoxylin and DAB vectors (OD), e.g. 0.65,0.70,0.29;0.27,0.57,0.78; empty: the preset's")
                    .in(Group.STAINS).withFormat("R,G,B;R,G,B").withLabel("Stain_vectors R,G,B;R,G,B (empty = preset)"),
            option("weak", Type.NUMBER, DabThresholds.DEFAULT_WEAK, "DAB threshold of weak (1+)").withUnit("OD").in(Group.SCORING)
                    .withLabel("Weak (1+) from").records("dab_weak_od", s -> s.thresholds.weak()),
            option("moderate", Type.NUMBER, DabThresholds.DEFAULT_MODERATE, "DAB threshold of moderate (2+)").withUnit("OD").in(Group.SCORING)
                    .withSameRow(true).withLabel("Moderate (2+) from").records("dab_moderate_od", s -> s.thresholds.moderate()),
            option("strong", Type.NUMBER, DabThresholds.DEFAULT_STRONG, "DAB threshold of strong (3+)").withUnit("OD").in(Group.SCORING)
                    .withSameRow(true).withLabel("Strong (3+) from").records("dab_strong_od", s -> s.thresholds.strong())
                    .applies((b, v) -> b.thresholds(DabThresholds.of(v.number("weak"), v.number("moderate"), v.number("strong")))),
            recorded("tissue_min_od_sum", s -> s.tissueTest.minOdSum()),
            option("rim_width", Type.NUMBER, AnalysisSettings.DEFAULT_RIM_WIDTH_UM, "peri-necrotic rim width").withUnit("µm").in(Group.NECROSIS)
                    .applies((b, v) -> b.rimWidthUm(v.number("rim_width"))).records("rim_width_um", s -> s.rimWidthUm),
            option("reader", Type.CHOICE, key(OpenOptions.DEFAULT.reader()), "slide reader").in(Group.READING)
                    .withChoices(keys(OpenOptions.Reader.values())),
            option("pixel_size", Type.NUMBER, 0, "level-0 pixel size; 0: from the file's metadata").withUnit("µm")
                    .in(Group.READING).withLabel("Pixel_size (0 = from file)"),
            option("analysis_pixel", Type.NUMBER, AnalysisSettings.DEFAULT_ANALYSIS_PIXEL_UM, "resolution of the analysis").withUnit("µm/px")
                    .in(Group.READING).withSameRow(true).withLabel("Analysis_pixel size").withAliases("--analysis-pixel-size")
                    .applies((b, v) -> b.analysisPixelUm(v.number("analysis_pixel"))).records("analysis_pixel_um", s -> s.analysisPixelUm),
            recorded("overview_pixel_um", s -> s.overviewPixelUm),
            recorded("block_um", s -> s.blockUm),
            recorded("tile_blocks", s -> s.tileBlocks),
            option("nucleus_sigma", Type.NUMBER, NucleusSettings.DEFAULT_SIGMA_UM, "Gaussian smoothing before nucleus thresholding").withUnit("µm")
                    .in(Group.CELLS).withLabel("Nucleus_sigma (smoothing)")
                    .applies((b, v) -> b.nuclei(b.nuclei.withSigma(v.number("nucleus_sigma")))).records("nucleus_sigma_um", s -> s.nuclei.sigmaUm),
            option("nucleus_threshold", Type.NUMBER, NucleusSettings.DEFAULT_THRESHOLD_OD, "haematoxylin above which a smoothed pixel belongs to a nucleus")
                    .withUnit("OD").in(Group.CELLS).withSameRow(true)
                    .applies((b, v) -> b.nuclei(b.nuclei.withThreshold(v.number("nucleus_threshold"))))
                    .records("nucleus_threshold_od", s -> s.nuclei.thresholdOd),
            recorded("nucleus_min_area_um2", s -> s.nuclei.minAreaUm2),
            recorded("lymphocyte_min_area_um2", s -> s.nuclei.lymphMinAreaUm2),
            recorded("lymphocyte_max_area_um2", s -> s.nuclei.lymphMaxAreaUm2),
            recorded("lymphocyte_min_circularity", s -> s.nuclei.lymphMinCircularity),
            recorded("lymphocyte_min_od", s -> s.nuclei.lymphMinOd),
            option("min_core_area", Type.NUMBER, NecrosisSettings.DEFAULT_MIN_CORE_AREA_MM2, "smallest necrotic core").withUnit("mm²")
                    .in(Group.NECROSIS).withSameRow(true).withFormat("MM2")
                    .applies((b, v) -> b.minCoreAreaMm2(v.number("min_core_area"))).records("min_core_area_mm2", s -> s.necrosis.minCoreAreaMm2),
            recorded("necrosis_smoothing_um", s -> s.necrosis.smoothingUm),
            recorded("necrosis_density_fraction", s -> s.necrosis.densityFraction),
            recorded("necrosis_debris_fraction", s -> s.necrosis.debrisFraction),
            recorded("necrosis_max_background_contact", s -> s.necrosis.maxBackgroundContact),
            option("immune", Type.CHOICE, key(AnalysisSettings.DEFAULT_IMMUNE_MODE),
                    "how immune cells are recognised: by shape (lymphocyte-like nuclei) or by a marker (DAB-positive cells of lymphocyte size)")
                    .in(Group.CELLS).withSameRow(true).withLabel("Immune cells").withAliases("--immune-mode").withChoices(keys(AnalysisSettings.ImmuneMode.values()))
                    .applies((b, v) -> b.immuneMode(AnalysisSettings.ImmuneMode.parse(v.choice("immune")))).records("immune_mode", s -> key(s.immuneMode)),
            option("threads", Type.INTEGER, 0, "worker threads; 0: all processors").in(Group.READING).withSameRow(true).withFormat("N")
                    .withLabel("Threads (0 = all)").applies((b, v) -> {
                        if (v.integer("threads") != 0) b.threads(v.integer("threads"));
                    }).records("threads", s -> s.threads),
            recorded("profile_band_um", s -> s.profileBandUm),
            recorded("profile_range_um", s -> s.profileRangeUm),
            option("cells", Type.FLAG, false, "also score each cell: nuclei expanded into cells (slower)").in(Group.CELLS)
                    .withLabel("Cells: also score each cell (slower)")
                    .applies((b, v) -> b.cellMode(v.flag("cells"))).records("cell_mode", s -> s.cellMode),
            option("compartment", Type.CHOICE, AnalysisSettings.DEFAULT_COMPARTMENT.key(), "cell compartment scored (cytoplasm includes the membrane)")
                    .in(Group.CELLS).withSameRow(true).withChoices(keys(CellCompartment.values()))
                    .applies((b, v) -> b.compartment(CellCompartment.parse(v.choice("compartment")))).records("cell_compartment", s -> s.compartment.key()),
            option("cell_expansion", Type.NUMBER, AnalysisSettings.DEFAULT_CELL_EXPANSION_UM, "cell expansion beyond the nucleus").withUnit("µm")
                    .in(Group.CELLS).withSameRow(true)
                    .applies((b, v) -> b.cellExpansionUm(v.number("cell_expansion"))).records("cell_expansion_um", s -> s.cellExpansionUm),
            option("background", Type.TEXT, "", "glass intensity I0, e.g. 242,242,242; empty: measured on the slide (give it for fields without glass)")
                    .in(Group.STAINS).withFormat("R,G,B").withLabel("Background I0 R,G,B (empty = measured)")
                    .applies((b, v) -> b.background(v.numbers("background", 3)))
                    .records("background", s -> s.background == null ? "estimated" : Arrays.toString(s.background)),
            option("regions", Type.FILE, "", "user regions: GeoJSON (QuPath export, level-0 pixels), ImageJ .roi or RoiSet .zip")
                    .in(Group.NECROSIS).withFormat("FILE").withLabel("Regions file (optional: GeoJSON, .roi, RoiSet.zip)")
                    .applies((b, v) -> b.userRegions(regions(v))),
            option("regions_mode", Type.CHOICE, UserRegions.Mode.OVERRIDE.key(), "what the regions do: override = polygons classified necrosis "
                    + "(or unclassified) are the cores; restrict = analyse only inside the polygons, detect cores there")
                    .in(Group.NECROSIS).withChoices(keys(UserRegions.Mode.values()))
                    .records("regions_mode", s -> s.userRegions == null ? "none" : s.userRegions.mode().key()),
            option("regions_scale", Type.NUMBER, 1, "scale of ImageJ ROIs: 4 for ROIs drawn on a 4x downsampled level")
                    .withUnit("level-0 px per ROI px").in(Group.NECROSIS).withSameRow(true).withFormat("S").withLabel("Regions_scale (ImageJ ROIs)"),
            // Recorded only when there are regions.
            recorded("regions_file", s -> s.userRegions == null ? null : s.userRegions.source()),
            recorded("regions_polygons", s -> s.userRegions == null ? 0 : s.userRegions.polygons().size()),
            option("marker", Type.TEXT, AnalysisSettings.DEFAULT_MARKER, "name of the stain the DAB channel shows (MLKL, Ki67, CD8, ...): "
                    + "it names the scored fraction in every table, picture and summary").in(Group.SCORING)
                    .applies((b, v) -> b.marker(v.text("marker"))).records("marker", s -> s.marker),
            // Recorded only when set, so results of the default heatmap keep the provenance they always had.
            option("heatmap_cell", Type.NUMBER, 0, "cell size of the heatmaps (the PNGs and the Fiji overlay), rounded to whole blocks ("
                    + SettingValues.format(AnalysisSettings.DEFAULT_BLOCK_UM) + " µm by default); 0: the analysis tile ("
                    + SettingValues.format(AnalysisSettings.DEFAULT_BLOCK_UM * AnalysisSettings.DEFAULT_TILE_BLOCKS) + " µm)")
                    .withUnit("µm").in(Group.OUTPUT).withLabel("Heatmap_cell (0 = analysis tile)")
                    .applies((b, v) -> b.heatmapCellUm(v.number("heatmap_cell")))
                    .records("heatmap_cell_um", s -> s.heatmapCellUm == 0 ? null : s.heatmapCellUm),
            // Recorded only when on: it changes no number, and default results keep the provenance they always had.
            option("export_cells", Type.FLAG, false, "also write every detected nucleus to cells.csv and cells.geojson (QuPath detections): "
                    + "position, area, zone, class, DAB OD and grade").in(Group.OUTPUT)
                    .withLabel("Export_cells (cells.csv, cells.geojson)")
                    .applies((b, v) -> b.exportCells(v.flag("export_cells"))).records("export_cells", s -> s.exportCells ? true : null)));

    /** The settings a user gives, in dialog order: by group, in table order within a group. */
    public static List<Setting> options() {
        List<Setting> l = new ArrayList<>();
        for (Setting s : ALL) if (s.isOption()) l.add(s);
        l.sort(Comparator.comparing(s -> s.group));
        return Collections.unmodifiableList(l);
    }

    public static Setting get(String key) {
        for (Setting s : ALL) if (s.isOption() && s.key.equals(key)) return s;
        throw new IllegalArgumentException("no setting " + key);
    }

    /**
     * The analysis settings from the values, through the builder's validation. {@code selection}, when not
     * null, is the area selected on an open image: it restricts the analysis, and a regions file may not
     * be given as well.
     */
    public static AnalysisSettings settings(SettingValues v, UserRegions selection) {
        v.check();
        AnalysisSettings.Builder b = AnalysisSettings.builder();
        for (Setting s : ALL) if (s.apply != null) s.apply.apply(b, v);
        if (selection != null) {
            if (b.userRegions != null) {
                throw new SettingException("regions", v.text("regions"), "cannot be combined with the selection on the image; remove one of them");
            }
            b.userRegions(selection);
        }
        return b.build();
    }

    /** Reader and pixel-size override for opening a slide file. */
    public static OpenOptions openOptions(SettingValues v) {
        double px = v.number("pixel_size");
        if (px < 0) throw new SettingException("pixel_size", v.text("pixel_size"), "must be 0 (from the file) or a positive number of µm");
        try {
            return OpenOptions.DEFAULT.withReader(OpenOptions.Reader.parse(v.choice("reader"))).withPixelSize(px > 0 ? px : null);
        } catch (SettingException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SettingException("pixel_size", v.text("pixel_size"), e.getMessage());
        }
    }

    /** The preset, with the custom vectors when given. */
    public static StainVectors stainVectors(SettingValues v) {
        StainVectors preset = StainVectors.preset(v.choice("stains"));
        String custom = v.text("stain_vectors");
        if (custom.isEmpty()) return preset;
        String[] parts = custom.split(";", -1);
        if (parts.length != 2) throw new SettingException("stain_vectors", custom, "needs two vectors R,G,B;R,G,B (haematoxylin;DAB)");
        double[] h = SettingValues.numbers("stain_vectors", custom, parts[0], 3);
        double[] dab = SettingValues.numbers("stain_vectors", custom, parts[1], 3);
        try {
            return preset.withStains("custom", h, dab);
        } catch (IllegalArgumentException e) {
            // StainVectors' own reasons ("stain 1 ... is zero", "... collinear") do not say which setting was wrong.
            throw new SettingException("stain_vectors", custom, e.getMessage());
        }
    }

    /** The regions file with its mode and scale; null when none is given. */
    static UserRegions regions(SettingValues v) {
        String file = v.text("regions");
        UserRegions.Mode mode = UserRegions.Mode.parse(v.choice("regions_mode"));
        double scale = v.number("regions_scale");
        if (file.isEmpty()) return null;
        Path path;
        try {
            path = Paths.get(file);
        } catch (InvalidPathException e) {
            throw new SettingException("regions", file, "not a valid path (" + e.getReason() + ")");
        }
        if (scale != 1 && !RegionFiles.isImageJRois(path)) {
            throw new SettingException("regions_scale", v.text("regions_scale"), "applies to ImageJ ROIs only; GeoJSON is in level-0 pixels");
        }
        try {
            return RegionFiles.read(path, mode, scale);
        } catch (IOException e) {
            // A bad regions file is a bad argument: the reader's message names the file and the reason.
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Every recorded parameter by its provenance key, in table order (what summary.json's provenance holds). */
    static Map<String, Object> record(AnalysisSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Setting row : ALL) {
            if (row.record == null) continue;
            Object value = row.record.apply(s);
            if (value != null) m.put(row.recordKey, value);
        }
        return m;
    }

    private static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String[] keys(Enum<?>[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) s[i] = key(values[i]);
        return s;
    }
}
