package necroptosis.realimages;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ij.process.ColorProcessor;
import necroptosis.TestImages;
import necroptosis.pipeline.AnalysisSettings;

/**
 * The appearance notes on real scans of two stains and five sources: in focus they say nothing of focus, clipping
 * missing DAB or missing nuclei (crops smaller than two minimum cores are rightly called too small for one); the same fields blurred by a Gaussian of sigma 2.5 µm (a soft scan) are called out of focus.
 * Skipped, with a message, when ../shared/real-images is absent.
 */
class AppearanceNotesTest {
    @TempDir
    static Path tmp;

    /** A field: file under real-images, its pixel size, a crop (x, y, w, h; null: whole), and whether it is IHC. */
    static final class Field {
        final String file;
        final double pixelUm;
        final int[] crop;
        final boolean ihc;

        Field(String file, double pixelUm, int[] crop, boolean ihc) {
            this.file = file;
            this.pixelUm = pixelUm;
            this.crop = crop;
            this.ihc = ihc;
        }

        @Override
        public String toString() { return file; }
    }

    static Stream<Field> fields() {
        return Stream.of(
                new Field("crchisto-phenotypes-nuclei/images/img10.png", RealDatasets.CRCHISTO_PIXEL_UM, null, false),
                new Field("sbu-u24-necrosis-tiles/train/image_50.png", RealImageChecksTest.SBU_PIXEL_UM, null, false),
                new Field("reference-regions/CMU-1-Small-Region_L0_x1200_y1800_512x512.openslide.png", 0.499, null, false),
                new Field("reference-regions/tcga-cr-7395_L0_x2400_y1000_512x512.openslide.png", 0.2527, null, false),
                new Field(RealImageChecksTest.DEEPLIIF + "/train/Lung1.png", RealImageChecksTest.DEEPLIIF_PIXEL_UM, new int[] {0, 0, 512, 512}, true),
                new Field("reference-regions/OS-2-ndpi_L0_x300_y300_512x512.bioformats.png", 0.2271, null, true),
                new Field("reference-regions/OS-2-vsi_L0_x300_y300_512x512.bioformats.png", 0.34605, null, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fields")
    void sharpScansAreNotNotedAndBlurredOnesAre(Field f) throws IOException {
        Path root = TestImages.realImages();
        BufferedImage image = ImageIO.read(root.resolve(f.file).toFile());
        if (f.crop != null) image = image.getSubimage(f.crop[0], f.crop[1], f.crop[2], f.crop[3]);
        AnalysisSettings settings = f.ihc ? RealTissueEvaluation.KI67 : RealTissueEvaluation.HE;
        Path sharp = tmp.resolve("sharp-" + Path.of(f.file).getFileName());
        ImageIO.write(image, "png", sharp.toFile());
        ColorProcessor soft = new ColorProcessor(image);
        soft.blurGaussian(2.5 / f.pixelUm);
        Path blurred = tmp.resolve("blurred-" + Path.of(f.file).getFileName());
        ImageIO.write(soft.getBufferedImage(), "png", blurred.toFile());

        List<String> sharpNotes = FieldRun.of(sharp, f.pixelUm, settings).summary.notes;
        List<String> blurredNotes = FieldRun.of(blurred, f.pixelUm, settings).summary.notes;
        System.out.printf(Locale.ROOT, "[appearance] %s%n  sharp: %s%n  blurred: %s%n", f, sharpNotes, blurredNotes);
        List<Executable> checks = new ArrayList<>();
        for (String n : sharpNotes) {
            checks.add(() -> assertTrue(!n.contains("out of focus") && !n.contains("DAB saturated") && !n.contains("no DAB")
                    && !n.contains("almost no nuclei"), f + " in focus: " + n));
        }
        checks.add(() -> assertTrue(blurredNotes.stream().anyMatch(n -> n.startsWith("the slide looks out of focus")),
                f + " blurred by 2.5 um: " + blurredNotes));
        assertAll(checks);
        Files.delete(sharp);
        Files.delete(blurred);
    }
}
