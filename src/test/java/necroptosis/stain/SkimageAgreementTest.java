package necroptosis.stain;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agreement with scikit-image's colour deconvolution on real IHC images. Runs only where a python3 with
 * scikit-image is installed (e.g. Debian's python3-skimage); otherwise skipped with a message.
 * <p>
 * Like with like: skimage's {@code separate_stains} is given the inverse of OUR H-DAB matrix, so the two
 * differ only in log base/scale (skimage divides ln(I/255) by ln(1e-6), a constant factor that Pearson
 * correlation ignores), the dark clamp (1e-6 vs 1/255) and skimage's clipping of negative
 * concentrations at 0, which is applied to ours for the comparison. {@code rgb2hed} (Ruifrok's
 * H-E-DAB matrix, a different basis) is compared too and only reported.
 */
class SkimageAgreementTest {

    private static final String SCRIPT = String.join("\n",
            "import sys, numpy as np",
            "from skimage import io",
            "from skimage.color import separate_stains, rgb2hed",
            "path, x, y, w, h, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]",
            "m = np.array([float(v) for v in sys.argv[7].split(',')]).reshape(3, 3)",
            "a = io.imread(path)[y:y + h, x:x + w, :3]",
            "ours = separate_stains(a, np.linalg.inv(m))",
            "hed = rgb2hed(a)",
            "for name, arr in (('h', ours[..., 0]), ('dab', ours[..., 1]), ('hed_h', hed[..., 0]), ('hed_dab', hed[..., 2])):",
            "    np.ascontiguousarray(arr, dtype='<f4').tofile(out + '_' + name + '.raw')",
            "");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "debian-skimage-ihc/ihc.png, 0, 0, 512, 512",
            "deepliif-IHC-samples/Sample_Dataset/train/Bladder1.png, 0, 0, 512, 512"})
    void haematoxylinAndDabCorrelateWithScikitImage(String image, int x, int y, int w, int h, @TempDir Path tmp)
            throws Exception {
        Path file = RealImages.file(image);
        String python = pythonWithSkimage();
        Assumptions.assumeTrue(python != null, "python3 with scikit-image not found; skimage agreement not checked");

        StainVectors stains = StainVectors.H_DAB;
        StringBuilder matrix = new StringBuilder();
        for (int s = 1; s <= 3; s++) {
            for (double v : stains.stain(s)) {
                if (matrix.length() > 0) matrix.append(',');
                matrix.append(String.format(Locale.ROOT, "%.17g", v));
            }
        }
        String out = tmp.resolve("sk").toString();
        run(tmp, python, "-c", SCRIPT, file.toString(), "" + x, "" + y, "" + w, "" + h, out, matrix.toString());

        int n = w * h;
        int[] rgb = RealImages.rgb(file, x, y, w, h);
        float[] hOurs = new float[n], dOurs = new float[n];
        new ColorDeconvolution(stains).deconvolve(rgb, hOurs, dOurs, null);

        float[] hSk = read(out + "_h.raw", n), dSk = read(out + "_dab.raw", n);
        float[] hHed = read(out + "_hed_h.raw", n), dHed = read(out + "_hed_dab.raw", n);
        // A channel at 0 is where the two definitions differ by design: skimage takes it as 1e-6 of full
        // scale (OD 6), we as 1/255 (OD 2.4). Compare like with like without those pixels; report both.
        boolean[] resolvable = new boolean[n];
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            int p = rgb[i];
            resolvable[i] = ((p >> 16) & 0xff) > 0 && ((p >> 8) & 0xff) > 0 && (p & 0xff) > 0;
            if (!resolvable[i]) zeros++;
        }
        double rH = pearson(clip(hOurs), hSk, resolvable), rD = pearson(clip(dOurs), dSk, resolvable);
        double rHAll = pearson(clip(hOurs), hSk, null), rDAll = pearson(clip(dOurs), dSk, null);
        double rHedH = pearson(hOurs, hHed, null), rHedD = pearson(dOurs, dHed, null);
        System.out.printf(Locale.ROOT, "skimage agreement %s: separate_stains(our H-DAB) H r=%.8f DAB r=%.8f "
                + "(all pixels incl. %d with a 0 channel: H r=%.6f DAB r=%.6f); rgb2hed H r=%.4f DAB r=%.4f%n",
                image, rH, rD, zeros, rHAll, rDAll, rHedH, rHedD);
        assertTrue(rH > 0.99999, "H correlation " + rH);
        assertTrue(rD > 0.99999, "DAB correlation " + rD);
        // Different basis (eosin instead of residual): still strongly related, not identical.
        assertTrue(rHedH > 0.8 && rHedD > 0.8, "rgb2hed correlations " + rHedH + ", " + rHedD);
    }

    private static float[] clip(float[] v) {
        float[] c = new float[v.length];
        for (int i = 0; i < v.length; i++) c[i] = Math.max(0, v[i]);
        return c;
    }

    /** Pearson correlation over the pixels where {@code use} is true (all when null). */
    static double pearson(float[] a, float[] b, boolean[] use) {
        long n = 0;
        double ma = 0, mb = 0;
        for (int i = 0; i < a.length; i++) {
            if (use != null && !use[i]) continue;
            ma += a[i];
            mb += b[i];
            n++;
        }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (use != null && !use[i]) continue;
            double da = a[i] - ma, db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static float[] read(String file, int n) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        assertEquals(4L * n, bytes.length, file + " size");
        float[] v = new float[n];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    private static void run(Path dir, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), "python failed: " + new String(output, StandardCharsets.UTF_8));
    }

    /** The first python3 that imports skimage, or null. */
    static String pythonWithSkimage() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getProperty("necroptosis.python");
        if (configured != null) candidates.add(configured);
        candidates.add("/usr/bin/python3");
        candidates.add("python3");
        for (String python : candidates) {
            try {
                Process p = new ProcessBuilder(python, "-c", "import skimage, numpy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) return python;
                p.destroy();
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return null;
    }
}
