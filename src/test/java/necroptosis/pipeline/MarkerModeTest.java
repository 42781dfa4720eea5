package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.report.ZoneTotals;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.stain.StainVectors;

/**
 * Immune cells in marker mode are the lymphocyte-sized nuclei with a DAB-positive rim; in morphological
 * mode the small dark round nuclei, whatever their DAB. Drawn by Beer-Lambert with the H-DAB vectors.
 */
class MarkerModeTest {
    static final double PX = 0.5;
    @TempDir
    Path dir;

    @Test
    void markerModeCountsOnlyDabRingedLymphocytes() throws Exception {
        int w = 640, h = 640;
        double[][] conc = new double[w * h][2];
        for (double[] c : conc) c[0] = 0.12; // pale counterstained tissue
        int ringed = 0, plain = 0;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double cx = 50 + i * 100, cy = 50 + j * 100;
                boolean big = (i + j) % 5 == 0;           // tumour-sized nuclei with DAB: never immune cells
                boolean dab = (i + j) % 2 == 0;
                double r = (big ? 6.5 : 3.2) / PX;
                draw(conc, w, cx, cy, r, dab ? r + 2 / PX : 0);
                if (!big && dab) ringed++;
                if (!big && !dab) plain++;
            }
        }
        Path png = render(conc, w, h);
        assertEquals(ringed, immune(png, AnalysisSettings.ImmuneMode.MARKER), "DAB-ringed lymphocytes");
        assertEquals(ringed + plain, immune(png, AnalysisSettings.ImmuneMode.MORPHOLOGICAL), "small dark round nuclei");
    }

    private static void draw(double[][] conc, int w, double cx, double cy, double r, double ring) {
        int h = conc.length / w;
        double reach = Math.max(r, ring) + 1;
        for (int y = (int) (cy - reach); y <= cy + reach; y++) {
            for (int x = (int) (cx - reach); x <= cx + reach; x++) {
                if (x < 0 || y < 0 || x >= w || y >= h) continue;
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                if (d <= r) conc[y * w + x][0] = 0.9;
                else if (d <= ring) conc[y * w + x][1] = 0.6;
            }
        }
    }

    private Path render(double[][] conc, int w, int h) throws Exception {
        double[] hv = StainVectors.H_DAB.stain(1), dv = StainVectors.H_DAB.stain(2);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < conc.length; i++) {
            int rgb = 0;
            for (int c = 0; c < 3; c++) {
                double v = 245 * Math.pow(10, -(conc[i][0] * hv[c] + conc[i][1] * dv[c]));
                rgb = (rgb << 8) | (int) Math.round(Math.max(0, Math.min(255, v)));
            }
            img.setRGB(i % w, i / w, rgb);
        }
        Path png = dir.resolve("marker.png");
        ImageIO.write(img, "png", png.toFile());
        return png;
    }

    private static long immune(Path png, AnalysisSettings.ImmuneMode mode) throws Exception {
        try (SlideSource s = SlideSources.open(png, OpenOptions.DEFAULT.withPixelSize(PX))) {
            AnalysisSettings settings = AnalysisSettings.builder().immuneMode(mode).background(new double[] {245, 245, 245}).build();
            return new ZoneTotals(new SlideAnalysis(settings, ProgressListener.NONE).run(s)).immuneCells();
        }
    }
}
