package necroptosis.realimages;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import necroptosis.segmentation.Nucleus;
import necroptosis.segmentation.NucleusDetector;
import necroptosis.segmentation.NucleusSettings;
import necroptosis.stain.BackgroundEstimator;
import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainVectors;

/**
 * Tool, not a test: where our nucleus count on a DeepLIIF Ki67 panel departs from the authors' mask
 * (issue 3's count target). Each reference nucleus (a red or blue component of the mask panel of at least
 * 30 px, as DeepLIIF counted) is matched to the detected nucleus covering at least a third of it: matched
 * alone, sharing one nucleus with another reference nucleus (under-split), or missed; for missed ones the
 * brightest smoothed haematoxylin OD inside it tells a pale nucleus (below the threshold) from one cut
 * into small pieces. Optionally sweeps fixed thresholds. Writes a QC PNG (2x): our outlines in yellow,
 * reference centres green (matched), red (shared), magenta (missed).
 * <p>
 * {@code java -cp target/classes:target/test-classes:IJ_JAR necroptosis.realimages.DeepliifCountDiagnostics
 * REAL_IMAGES_DIR OUT_DIR [threshold ...]}
 */
public final class DeepliifCountDiagnostics {
    static final int PANEL = 512;
    static final int MIN_REFERENCE_PX = 30;

    public static void main(String[] args) throws IOException {
        Path root = Paths.get(args[0]).resolve("deepliif-IHC-samples/Sample_Dataset/train");
        Path out = Paths.get(args[1]);
        for (String name : new String[] {"Bladder1", "Lung1"}) {
            BufferedImage strip = ImageIO.read(root.resolve(name + ".png").toFile());
            if (args.length == 2) System.out.println(diagnose(name, strip, null, out));
            for (int i = 2; i < args.length; i++) System.out.println(diagnose(name, strip, Double.parseDouble(args[i]), null));
        }
    }

    static String diagnose(String name, BufferedImage strip, Double fixedThreshold, Path qcDir) throws IOException {
        int w = PANEL, n = w * w;
        int[] rgb = new int[n], mask = new int[n];
        for (int y = 0; y < w; y++) for (int x = 0; x < w; x++) {
            rgb[y * w + x] = strip.getRGB(x, y);
            mask[y * w + x] = strip.getRGB(5 * PANEL + x, y); // panels: IHC | H | DAPI | LAP2 | Ki67 IF | mask
        }
        ColorDeconvolution cd = new ColorDeconvolution(new BackgroundEstimator().estimate(rgb).applyTo(StainVectors.H_DAB));
        float[] h = new float[n], dab = new float[n];
        cd.deconvolve(rgb, h, dab, null);
        NucleusDetector detector = new NucleusDetector(NucleusSettings.DEFAULT);
        float[] smooth = detector.filtered(h, w, w, RealImageChecksTest.DEEPLIIF_PIXEL_UM)[1];
        double t = fixedThreshold != null ? fixedThreshold : detector.threshold(NucleusDetector.histogram(smooth, null));
        int[] labels = new int[n];
        List<Nucleus> nuclei = detector.detect(h, dab, null, w, w, RealImageChecksTest.DEEPLIIF_PIXEL_UM, labels, t);

        // Reference nuclei: red (Ki67+) or blue pixels, 4-connected; green borders separate them.
        int[] ref = new int[n];
        List<int[]> comps = new ArrayList<>(); // {centre x, centre y, size, id}
        int ids = 0;
        int[] stack = new int[n];
        for (int s = 0; s < n; s++) {
            if (!isReference(mask[s]) || ref[s] != 0) continue;
            ref[s] = ++ids;
            int sp = 0, size = 0;
            long sx = 0, sy = 0;
            stack[sp++] = s;
            while (sp > 0) {
                int p = stack[--sp];
                size++;
                sx += p % w;
                sy += p / w;
                int x = p % w, y = p / w;
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
        // The detected nucleus covering the most of each reference nucleus, if at least a third of it.
        Map<Integer, Map<Integer, Integer>> overlap = new HashMap<>();
        for (int i = 0; i < n; i++) if (ref[i] != 0 && labels[i] != 0) overlap.computeIfAbsent(ref[i], k -> new HashMap<>()).merge(labels[i], 1, Integer::sum);
        Map<Integer, Integer> match = new HashMap<>(), refsPerNucleus = new HashMap<>();
        for (int[] c : comps) {
            int best = 0, most = 0;
            for (Map.Entry<Integer, Integer> e : overlap.getOrDefault(c[3], new HashMap<>()).entrySet()) {
                if (e.getValue() > most) { most = e.getValue(); best = e.getKey(); }
            }
            if (3 * most >= c[2]) {
                match.put(c[3], best);
                refsPerNucleus.merge(best, 1, Integer::sum);
            }
        }
        int alone = 0, shared = 0, pale = 0, cut = 0;
        for (int[] c : comps) {
            Integer m = match.get(c[3]);
            if (m != null) {
                if (refsPerNucleus.get(m) > 1) shared++;
                else alone++;
                continue;
            }
            float brightest = 0;
            for (int i = 0; i < n; i++) if (ref[i] == c[3]) brightest = Math.max(brightest, smooth[i]);
            if (brightest < t) pale++;
            else cut++;
        }
        Map<Nucleus.Kind, Integer> kinds = new TreeMap<>();
        for (Nucleus nu : nuclei) kinds.merge(nu.kind, 1, Integer::sum);
        if (qcDir != null) writeQc(qcDir.resolve(name + "-count-qc.png").toFile(), rgb, labels, comps, match, refsPerNucleus);
        return String.format(Locale.ROOT, "%s threshold %.3f%s: detected %d %s; reference %d: matched alone %d, sharing a nucleus %d, "
                + "missed %d (pale, below the threshold %d; above it but not found as one nucleus %d)", name, t,
                fixedThreshold == null ? " (Otsu/floor)" : " (fixed)", nuclei.size(), kinds, comps.size(), alone, shared, pale + cut, pale, cut);
    }

    private static boolean isReference(int argb) {
        int r = (argb >> 16) & 255, g = (argb >> 8) & 255, b = argb & 255;
        return g < 100 && (r > 128 || b > 128);
    }

    private static void writeQc(File file, int[] rgb, int[] labels, List<int[]> comps, Map<Integer, Integer> match,
            Map<Integer, Integer> refsPerNucleus) throws IOException {
        int w = PANEL;
        BufferedImage img = new BufferedImage(2 * w, 2 * w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2 * w; y++) for (int x = 0; x < 2 * w; x++) {
            int px = x / 2, py = y / 2, i = py * w + px, l = labels[i];
            boolean edge = l != 0 && (px == 0 || py == 0 || px == w - 1 || py == w - 1
                    || labels[i - 1] != l || labels[i + 1] != l || labels[i - w] != l || labels[i + w] != l);
            img.setRGB(x, y, edge ? 0xffff00 : rgb[i]);
        }
        for (int[] c : comps) {
            Integer m = match.get(c[3]);
            int colour = m == null ? 0xff00ff : refsPerNucleus.get(m) > 1 ? 0xff0000 : 0x00c000;
            for (int dy = -3; dy <= 3; dy++) for (int dx = -3; dx <= 3; dx++) {
                int x = 2 * c[0] + dx, y = 2 * c[1] + dy;
                if (x >= 0 && y >= 0 && x < 2 * w && y < 2 * w) img.setRGB(x, y, colour);
            }
        }
        file.getParentFile().mkdirs();
        ImageIO.write(img, "png", file);
    }
}
