package necroptosis.stain;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import necroptosis.scoring.DabThresholds;
import necroptosis.scoring.PixelScore;

/**
 * DeepLIIF's training images hold a Ki67 IHC panel and, of the same section, a haematoxylin-only panel:
 * a stain-separation ground truth made by no one here. With the preset H-DAB vectors and the estimated
 * background, the haematoxylin-only panel must come out (almost) free of DAB while the IHC panel shows
 * its Ki67-positive nuclei; Macenko estimation must refuse the single-stain panel.
 */
class RealStainSeparationTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bladder1.png", "Lung1.png"})
    void haematoxylinOnlyPanelHasNoDabAndIsNotEstimated(String name) throws Exception {
        Path file = RealImages.file("deepliif-IHC-samples/Sample_Dataset/train/" + name);
        PixelScore ihc = score(RealImages.rgb(file, 0, 0, 512, 512));
        int[] hOnly = RealImages.rgb(file, 512, 0, 512, 512);
        PixelScore haem = score(hOnly);
        System.out.printf(Locale.ROOT, "%s: DAB-positive fraction IHC panel %.4f, haematoxylin-only panel %.4f%n", name,
                ihc.positiveFraction(), haem.positiveFraction());
        assertTrue(haem.positiveFraction() < 0.01, "haematoxylin-only panel DAB fraction " + haem.positiveFraction());
        assertTrue(ihc.positiveFraction() > 0.05, "IHC panel DAB fraction " + ihc.positiveFraction());
        assertTrue(haem.tissuePixels() > 0.2 * 512 * 512, "tissue found on the haematoxylin panel: " + haem);

        StainVectors preset = new BackgroundEstimator().estimate(hOnly).applyTo(StainVectors.H_DAB);
        StainEstimator.Result r = new StainEstimator().estimate(hOnly, preset);
        assertFalse(r.estimated(), r.how());
        assertTrue(r.how().contains("no second stain"), r.how());
    }

    private static PixelScore score(int[] rgb) {
        StainVectors stains = new BackgroundEstimator().estimate(rgb).applyTo(StainVectors.H_DAB);
        PixelScore s = new PixelScore();
        float[] dab = new float[rgb.length];
        byte[] tissue = new byte[rgb.length];
        new ColorDeconvolution(stains).deconvolve(rgb, 0, rgb.length, null, dab, null, TissueTest.DEFAULT, tissue);
        for (int i = 0; i < rgb.length; i++) if (tissue[i] != 0) s.add(dab[i], DabThresholds.DEFAULT);
        return s;
    }
}
