package necroptosis.realimages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.TestImages;
import necroptosis.cli.Main;
import necroptosis.report.CellFiles;
import necroptosis.report.ResultWriter;

/**
 * cells.csv is a faithful audit trail of the immune calls: on crchisto fields scored through the command
 * line with {@code --export-cells}, the immune rows matched to the marked centres (within 4 µm, as the
 * evaluation matches) give exactly the precision and recall that the in-process evaluation
 * ({@link RealTissueEvaluation#immuneScores}) computes for the same fields. Not a target: the same numbers.
 */
class CellFilesOnRealImagesTest {
    /** Every tenth of the 80 fields: tumour, stroma and lymphocyte-rich ones. */
    static final int STEP = 10;

    @Test
    void immuneRowsScoreAsTheInProcessEvaluation(@TempDir Path tmp) throws IOException {
        List<RealDatasets.PointField> all = RealDatasets.crchisto(TestImages.realImages());
        List<RealDatasets.PointField> fields = new ArrayList<>();
        for (int i = 0; i < all.size(); i += STEP) fields.add(all.get(i));

        List<FieldMatch> inProcess = new ArrayList<>();
        long classified = 0, right = 0, truth = 0, calls = 0;
        for (RealDatasets.PointField f : fields) {
            inProcess.add(FieldMatch.of(f, RealTissueEvaluation.HE));
            Path out = tmp.resolve(f.name);
            int code = Main.run("score", f.image.toString(), "--out", out.toString(), "--stains", "H&E", "--pixel-size",
                    String.valueOf(f.pixelUm), "--threads", "1", "--export-cells", "--quiet");
            assertEquals(0, code, f.name);
            double[] immune = immuneRows(out.resolve(ResultWriter.safeName(f.image.toString())).resolve(CellFiles.CSV));
            int[] point = EvaluationMetrics.greedyMatch(immune, f.xy, FieldMatch.MATCH_UM / f.pixelUm);
            for (int p : point) {
                String c = p < 0 ? null : f.classes[p];
                if (c == null) continue;
                classified++;
                if (RealDatasets.CRCHISTO_IMMUNE.equals(c)) right++;
            }
            truth += f.count(RealDatasets.CRCHISTO_IMMUNE);
            calls += point.length;
            assertEquals(inProcess.get(inProcess.size() - 1).immuneCount(), point.length, f.name + ": immune rows");
        }
        double[] expected = RealTissueEvaluation.immuneScores(inProcess, RealDatasets.CRCHISTO_IMMUNE);
        double precision = EvaluationMetrics.ratio(right, classified), recall = EvaluationMetrics.ratio(right, truth);
        System.out.printf(Locale.ROOT, "crchisto, %d fields, from cells.csv: %d immune rows, %d on classified centres, precision %.3f, "
                + "recall %.3f (in-process: %.3f, %.3f)%n", fields.size(), calls, classified, precision, recall, expected[0], expected[1]);
        assertTrue(calls > 0, "some immune calls to check");
        assertEquals(expected[3], classified, "calls on classified centres");
        assertEquals(expected[0], precision, 0, "precision");
        assertEquals(expected[1], recall, 0, "recall");
    }

    /** The immune rows' centres, interleaved x, y in image pixels (0 = the first pixel's centre, as the labels). */
    static double[] immuneRows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int x = header.indexOf("x_px"), y = header.indexOf("y_px"), c = header.indexOf("class");
        double[] xy = new double[2 * lines.size()];
        int n = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] r = l.split(",");
            if (!r[c].equals("immune")) continue;
            // The file's level-0 coordinates have their origin at the first pixel's corner.
            xy[n++] = Double.parseDouble(r[x]) - 0.5;
            xy[n++] = Double.parseDouble(r[y]) - 0.5;
        }
        return Arrays.copyOf(xy, n);
    }
}
