package necroptosis.report;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.slide.OpenOptions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.stain.StainVectors;
import necroptosis.summary.SlideSummary;

/**
 * Issue 14's bad input: a slide without haematoxylin, a slide without DAB and a field too small for the
 * minimum core area each give a valid summary (status, numbers, no NaN anywhere in summary.json) with a note
 * that says what is wrong.
 */
class BadInputNotesTest {
    @TempDir
    Path dir;

    /** 1024 x 1024 pixels: glass around a disc of tissue of the given stain OD, with a speckle of the same stain. */
    private Path field(String name, double[] stainOd, double amount, int radiusPx) throws IOException {
        int n = 1024;
        BufferedImage im = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(1);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double a = Math.hypot(x - n / 2.0, y - n / 2.0) <= radiusPx ? amount * (0.8 + 0.4 * r.nextDouble()) : 0;
                int rgb = 0;
                for (int c = 0; c < 3; c++) rgb = rgb << 8 | (int) Math.round(Math.max(0, Math.min(255, 245 * Math.pow(10, -stainOd[c] * a) + r.nextGaussian())));
                im.setRGB(x, y, rgb);
            }
        }
        Path p = dir.resolve(name + ".png");
        ImageIO.write(im, "png", p.toFile());
        return p;
    }

    private SummaryAndText run(Path image, AnalysisSettings settings) throws IOException {
        SlideResult r;
        try (SlideSource slide = SlideSources.open(image, OpenOptions.DEFAULT.withPixelSize(0.5))) {
            r = new SlideAnalysis(settings, ProgressListener.NONE).run(slide);
        }
        Path out = ResultWriter.write(r, dir.resolve("out-" + image.getFileName()));
        return new SummaryAndText(Summary.of(r, TileTable.rows(r)),
                new String(Files.readAllBytes(out.resolve("summary.json")), StandardCharsets.UTF_8));
    }

    private static final class SummaryAndText {
        final SlideSummary summary;
        final String json;

        SummaryAndText(SlideSummary summary, String json) {
            this.summary = summary;
            this.json = json;
        }

        boolean noted(String start) {
            return summary.notes.stream().anyMatch(n -> n.startsWith(start));
        }
    }

    @Test
    void dabWithoutHaematoxylinIsNoted() throws IOException {
        SummaryAndText s = run(field("dab-only", StainVectors.H_DAB.stain(2), 0.5, 450), AnalysisSettings.defaults());
        List<String> notes = s.summary.notes;
        assertAll(
                () -> assertTrue(s.noted("almost no nuclei found (0 per mm2 of tissue)"), notes.toString()),
                () -> assertTrue(s.summary.areasMm2.tissue > 0.1, "the disc is tissue: " + s.summary.areasMm2.tissue),
                () -> assertEquals(SlideSummary.NO_NECROSIS, s.summary.status),
                () -> assertFalse(s.json.contains("NaN"), s.json));
    }

    @Test
    void haematoxylinWithoutDabIsNoted() throws IOException {
        SummaryAndText s = run(field("haematoxylin-only", StainVectors.H_DAB.stain(1), 0.3, 450), AnalysisSettings.defaults());
        assertAll(
                () -> assertTrue(s.noted("no DAB staining found"), s.summary.notes.toString()),
                () -> assertFalse(s.json.contains("NaN"), s.json));
    }

    @Test
    void aFieldTooSmallForTheMinimumCoreIsNoted() throws IOException {
        // A disc of 60 µm radius: 0.011 mm² of tissue, under two cores of 0.01 mm²; fine with 0.001 mm².
        Path small = field("small", StainVectors.H_DAB.stain(1), 0.3, 120);
        SummaryAndText s = run(small, AnalysisSettings.defaults());
        SummaryAndText t = run(small, AnalysisSettings.builder().minCoreAreaMm2(0.001).build());
        assertAll(
                () -> assertTrue(s.noted("the tissue (0.01"), s.summary.notes.toString()),
                () -> assertTrue(s.summary.notes.stream().anyMatch(n -> n.contains("minimum core area (0.01 mm2)")), s.summary.notes.toString()),
                () -> assertFalse(t.summary.notes.stream().anyMatch(n -> n.contains("too small for the minimum core area")), t.summary.notes.toString()),
                () -> assertFalse(s.json.contains("NaN"), s.json));
    }
}
