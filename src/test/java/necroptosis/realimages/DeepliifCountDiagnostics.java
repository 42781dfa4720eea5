package necroptosis.realimages;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import ij.process.AutoThresholder;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.scoring.CellCompartment;
import necroptosis.segmentation.Nucleus;
import necroptosis.segmentation.NucleusDetector;
import necroptosis.segmentation.NucleusSettings;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.stain.ColorDeconvolution;

/**
 * Tool, not a test: where our nucleus count on a DeepLIIF Ki67 panel departs from the authors' mask
 * (issue 3's count target). It follows the slide analysis of RealImageChecksTest: the IHC panel is run
 * through {@link SlideAnalysis} (cell mode, nuclear compartment, the panel's pixel size as the test
 * assumes it), and the nuclei are detected again, on the whole panel at once, with that run's stains,
 * analysis scale (0.5 µm/px by default: the 0.25 µm panel box-averaged 2x2), slide threshold and tissue
 * mask. Each reference nucleus (a red or blue component of the mask panel of at least 30 px, as DeepLIIF
 * counted; the green borders separate them) is matched to the detected nucleus covering at least a third
 * of it, and a missed one is classified:
 * <ul>
 * <li>shared: its nucleus also holds another reference nucleus (under-split; counted once);</li>
 * <li>outside tissue: most of it lies outside the tissue mask;</li>
 * <li>debris: the object covering most of it is a DEBRIS nucleus (small and dark: not counted as a cell);</li>
 * <li>pale: the smoothed haematoxylin (plus DAB, as the detector segments a nuclear marker) never reaches the
 * threshold inside it;</li>
 * <li>pieces: it reaches the threshold but no one kept nucleus covers a third of it (only its darkest part
 * is above the threshold, or it was cut).</li>
 * </ul>
 * It also prints the reference objects' areas (px and µm² at the assumed pixel size) and how many
 * reference nuclei, matched and missed, are bright in the DAPI panel (mean DAPI inside above the panel's
 * Otsu threshold): the reference mask was made on the immunofluorescence, so a missed nucleus bright in DAPI
 * is a real nucleus we did not see in the IHC. Writes a QC PNG per panel (2x the panel): our outlines
 * yellow, reference centres green (matched), red (shared), magenta (pale), cyan (pieces), orange (debris
 * or outside tissue); and the DAPI panel with the same centres.
 * <p>
 * {@code java -cp target/classes:target/test-classes:IJ_JAR necroptosis.realimages.DeepliifCountDiagnostics
 * REAL_IMAGES_DIR OUT_DIR [analysis µm/px, default 0.5 [fixed threshold OD instead of the slide's]]}
 */
public final class DeepliifCountDiagnostics {
    static final int PANEL = 512;
    static final int MIN_REFERENCE_PX = 30;

    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args[0]).resolve("deepliif-IHC-samples/Sample_Dataset/train");
        Path out = Paths.get(args[1]);
        double analysisUm = args.length > 2 ? Double.parseDouble(args[2]) : AnalysisSettings.DEFAULT_ANALYSIS_PIXEL_UM;
        Double threshold = args.length > 3 ? Double.valueOf(args[3]) : null;
        Files.createDirectories(out);
        for (String name : new String[] {"Bladder1", "Lung1"}) {
            BufferedImage strip = ImageIO.read(root.resolve(name + ".png").toFile());
            System.out.println(diagnose(name, strip, analysisUm, threshold, out));
        }
    }

    static String diagnose(String name, BufferedImage strip, double analysisUm, Double fixedThreshold, Path out) throws IOException {
        int w = PANEL, n = w * w;
        int[] mask = new int[n], dapi = new int[n];
        for (int y = 0; y < w; y++) for (int x = 0; x < w; x++) {
            mask[y * w + x] = strip.getRGB(5 * PANEL + x, y); // panels: IHC | H | DAPI | LAP2 | Ki67 IF | mask
            int d = strip.getRGB(2 * PANEL + x, y);
            dapi[y * w + x] = Math.max((d >> 16) & 255, Math.max((d >> 8) & 255, d & 255));
        }
        Path ihc = out.resolve(name + "-ihc.png");
        ImageIO.write(strip.getSubimage(0, 0, PANEL, PANEL), "png", ihc.toFile());
        AnalysisSettings s = AnalysisSettings.builder().cellMode(true).compartment(CellCompartment.NUCLEUS).analysisPixelUm(analysisUm).build();
        SlideResult r;
        int[] rgb;
        int aw, ah;
        try (SlideSource slide = SlideSources.open(ihc, OpenOptions.DEFAULT.withPixelSize(RealImageChecksTest.DEEPLIIF_PIXEL_UM))) {
            r = new SlideAnalysis(s, ProgressListener.NONE).run(slide);
            aw = (int) r.analysisScale.width;
            ah = (int) r.analysisScale.height;
            rgb = r.analysisScale.read(0, 0, aw, ah);
        }
        long pipelineCells = 0;
        for (int bin = 0; bin < 4; bin++) {
            int k = bin;
            pipelineCells += r.grid.total(b -> r.grid.cells(k, b));
        }
        int an = aw * ah, f = r.analysisScale.factor;
        double um = r.analysisScale.pixelUm;
        ColorDeconvolution cd = new ColorDeconvolution(r.stainsUsed);
        float[] h = new float[an], dab = new float[an];
        cd.deconvolve(rgb, h, dab, null);
        byte[] tissue = new byte[an];
        double toOverview = r.analysisScale.level0PerPixel / r.overview.scale.level0PerPixel;
        for (int y = 0; y < ah; y++) for (int x = 0; x < aw; x++) {
            int ox = (int) ((x + 0.5) * toOverview), oy = (int) ((y + 0.5) * toOverview);
            tissue[y * aw + x] = ox < r.overview.width && oy < r.overview.height ? r.overviewTissue[oy * r.overview.width + ox] : 0;
        }
        int tissuePx = 0;
        for (byte b : tissue) if (b != 0) tissuePx++;
        NucleusDetector detector = new NucleusDetector(s.nuclei);
        double t = fixedThreshold != null ? fixedThreshold : r.nucleusThresholdOd;
        int[] labels = new int[an];
        int everywhere = 0; // non-debris nuclei when the whole panel is taken as tissue
        for (Nucleus nu : detector.detect(h, dab, null, aw, ah, um, labels, t)) if (nu.kind != Nucleus.Kind.DEBRIS) everywhere++;
        List<Nucleus> nuclei = detector.detect(h, dab, tissue, aw, ah, um, labels, t);
        float[] sum = new float[an];
        for (int i = 0; i < an; i++) sum[i] = h[i] + Math.max(0, dab[i]);
        float[] smooth = detector.filtered(sum, aw, ah, um)[1];

        // Reference nuclei: red (Ki67+) or blue pixels, 4-connected, at full resolution.
        int[] ref = new int[n];
        List<int[]> comps = new ArrayList<>(); // {centre x, centre y, size, id}
        int ids = 0;
        int[] stack = new int[n];
        for (int p0 = 0; p0 < n; p0++) {
            if (!isReference(mask[p0]) || ref[p0] != 0) continue;
            ref[p0] = ++ids;
            int sp = 0, size = 0;
            long sx = 0, sy = 0;
            stack[sp++] = p0;
            while (sp > 0) {
                int p = stack[--sp];
                size++;
                int x = p % w, y = p / w;
                sx += x;
                sy += y;
                int[] next = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, y > 0 ? p - w : -1, y < w - 1 ? p + w : -1};
                for (int q : next) {
                    if (q >= 0 && ref[q] == 0 && isReference(mask[q])) {
                        ref[q] = ids;
                        stack[sp++] = q;
                    }
                }
            }
            if (size >= MIN_REFERENCE_PX) comps.add(new int[] {(int) (sx / size), (int) (sy / size), size, ids});
        }
        // Per reference nucleus: overlap (full-resolution pixels) with each detected nucleus, pixels in tissue,
        // brightest smoothed OD, pixels above the threshold, summed DAPI.
        Map<Integer, Map<Integer, Integer>> overlap = new HashMap<>();
        int[] inTissue = new int[ids + 1], aboveT = new int[ids + 1], redPx = new int[ids + 1];
        float[] brightest = new float[ids + 1];
        long[] dapiSum = new long[ids + 1];
        for (int i = 0; i < n; i++) {
            int id = ref[i];
            if (id == 0) continue;
            int ax = Math.min(aw - 1, (i % w) / f), ay = Math.min(ah - 1, (i / w) / f), a = ay * aw + ax;
            if (labels[a] != 0) overlap.computeIfAbsent(id, k -> new HashMap<>()).merge(labels[a], 1, Integer::sum);
            if (tissue[a] != 0) inTissue[id]++;
            if (smooth[a] >= t) aboveT[id]++;
            brightest[id] = Math.max(brightest[id], smooth[a]);
            dapiSum[id] += dapi[i];
            if (((mask[i] >> 16) & 255) > 128) redPx[id]++;
        }
        int dapiT = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, histogram(dapi));
        Map<Integer, Integer> match = new HashMap<>(), refsPerNucleus = new HashMap<>();
        for (int[] c : comps) {
            int best = 0, most = 0;
            for (Map.Entry<Integer, Integer> e : overlap.getOrDefault(c[3], new HashMap<>()).entrySet()) {
                if (e.getValue() > most) { most = e.getValue(); best = e.getKey(); }
            }
            if (3 * most >= c[2] && nuclei.get(best - 1).kind != Nucleus.Kind.DEBRIS) {
                match.put(c[3], best);
                refsPerNucleus.merge(best, 1, Integer::sum);
            } else if (best != 0 && nuclei.get(best - 1).kind == Nucleus.Kind.DEBRIS) {
                match.put(c[3], -best);
            }
        }
        Map<String, Integer> classes = new TreeMap<>(), dapiBright = new TreeMap<>(), positive = new TreeMap<>();
        Map<String, List<Integer>> sizes = new TreeMap<>();
        int[] colour = new int[comps.size()];
        List<String> paleOd = new ArrayList<>();
        for (int k = 0; k < comps.size(); k++) {
            int[] c = comps.get(k);
            int id = c[3];
            Integer m = match.get(id);
            String cls;
            if (m != null && m > 0) {
                cls = refsPerNucleus.get(m) > 1 ? "a shared (under-split)" : "matched alone";
                colour[k] = refsPerNucleus.get(m) > 1 ? 0xff0000 : 0x00c000;
            } else if (2 * inTissue[id] < c[2]) {
                cls = brightest[id] < t ? "c outside tissue (and pale)" : "c outside tissue";
                colour[k] = 0xff8000;
            } else if (m != null) {
                cls = "c debris";
                colour[k] = 0xff8000;
            } else if (brightest[id] < t) {
                cls = "b pale (below threshold)";
                colour[k] = 0xff00ff;
                paleOd.add(String.format(Locale.ROOT, "%.2f", brightest[id]));
            } else {
                cls = "d pieces (partly above threshold)";
                colour[k] = 0x00ffff;
            }
            classes.merge(cls, 1, Integer::sum);
            sizes.computeIfAbsent(cls, x -> new ArrayList<>()).add(c[2]);
            if (dapiSum[id] / c[2] > dapiT) dapiBright.merge(cls, 1, Integer::sum);
            if (2 * redPx[id] > c[2]) positive.merge(cls, 1, Integer::sum);
        }
        Map<Nucleus.Kind, Integer> kinds = new TreeMap<>();
        for (Nucleus nu : nuclei) kinds.merge(nu.kind, 1, Integer::sum);
        writeQc(out.resolve(name + "-count-qc.png").toFile(), strip, 0, labels, aw, f, comps, colour);
        writeQc(out.resolve(name + "-dapi-qc.png").toFile(), strip, 2 * PANEL, null, aw, f, comps, colour);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s at %.2f um/px (analysis), threshold %.3f OD, tissue %.0f %% of the panel: pipeline cells %d; re-detected %d %s (non-debris on the whole panel %d); reference %d%n",
                name, um, t, 100.0 * tissuePx / an, pipelineCells, nuclei.size(), kinds, everywhere, comps.size()));
        for (Map.Entry<String, Integer> e : classes.entrySet()) {
            List<Integer> z = sizes.get(e.getKey());
            z.sort(null);
            sb.append(String.format(Locale.ROOT, "  %-36s %3d  (Ki67+ %d, DAPI-bright %d)  median area %d px = %.1f um2 at %.2f um/px%n", e.getKey(),
                    e.getValue(), positive.getOrDefault(e.getKey(), 0), dapiBright.getOrDefault(e.getKey(), 0), z.get(z.size() / 2),
                    z.get(z.size() / 2) * RealImageChecksTest.DEEPLIIF_PIXEL_UM * RealImageChecksTest.DEEPLIIF_PIXEL_UM,
                    RealImageChecksTest.DEEPLIIF_PIXEL_UM));
        }
        List<Integer> all = new ArrayList<>();
        for (int[] c : comps) all.add(c[2]);
        all.sort(null);
        double px2 = RealImageChecksTest.DEEPLIIF_PIXEL_UM * RealImageChecksTest.DEEPLIIF_PIXEL_UM;
        sb.append(String.format(Locale.ROOT, "  reference areas (red/blue interior, green border excluded): p10 %.1f, median %.1f, p90 %.1f um2; "
                + "below the debris size %.0f um2: %d; below our minimum %.0f um2: %d%n", all.get(all.size() / 10) * px2,
                all.get(all.size() / 2) * px2, all.get(9 * all.size() / 10) * px2, NucleusSettings.DEBRIS_MAX_AREA_UM2,
                all.stream().filter(z -> z * px2 < NucleusSettings.DEBRIS_MAX_AREA_UM2).count(), s.nuclei.minAreaUm2,
                all.stream().filter(z -> z * px2 < s.nuclei.minAreaUm2).count()));
        sb.append("  brightest smoothed OD of the pale ones: ").append(paleOd);
        return sb.toString();
    }

    private static int[] histogram(int[] v) {
        int[] hist = new int[256];
        for (int x : v) hist[x]++;
        return hist;
    }

    private static boolean isReference(int argb) {
        int r = (argb >> 16) & 255, g = (argb >> 8) & 255, b = argb & 255;
        return g < 100 && (r > 128 || b > 128);
    }

    /**
     * The panel at {@code panelX} of the strip at 2x with reference centres, and our outlines when labels are
     * given (analysis-scale labels, {@code f} panel pixels each).
     */
    private static void writeQc(File file, BufferedImage strip, int panelX, int[] labels, int aw, int f, List<int[]> comps, int[] colour)
            throws IOException {
        int w = PANEL, z = 2 * f;
        BufferedImage img = new BufferedImage(2 * w, 2 * w, BufferedImage.TYPE_INT_RGB);
        int ah = labels == null ? 0 : labels.length / aw;
        for (int y = 0; y < 2 * w; y++) for (int x = 0; x < 2 * w; x++) {
            if (labels == null) {
                img.setRGB(x, y, strip.getRGB(panelX + x / 2, y / 2));
                continue;
            }
            int ax = Math.min(aw - 1, x / z), ay = Math.min(ah - 1, y / z), i = ay * aw + ax, l = labels[i];
            boolean edge = l != 0 && (x % z == 0 && (ax == 0 || labels[i - 1] != l) || x % z == z - 1 && (ax == aw - 1 || labels[i + 1] != l)
                    || y % z == 0 && (ay == 0 || labels[i - aw] != l) || y % z == z - 1 && (ay == ah - 1 || labels[i + aw] != l));
            img.setRGB(x, y, edge ? 0xffff00 : strip.getRGB(panelX + x / 2, y / 2));
        }
        for (int k = 0; k < comps.size(); k++) {
            int[] c = comps.get(k);
            for (int dy = -3; dy <= 3; dy++) for (int dx = -3; dx <= 3; dx++) {
                int x = 2 * c[0] + dx, y = 2 * c[1] + dy;
                if (x >= 0 && y >= 0 && x < 2 * w && y < 2 * w) img.setRGB(x, y, colour[k]);
            }
        }
        ImageIO.write(img, "png", file);
    }
}
