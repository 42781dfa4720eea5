package necroptosis.realimages;

import java.io.IOException;
import java.util.List;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.segmentation.Nucleus;

/**
 * A labelled field analysed and matched to its marked centres: every detected nucleus, and separately the
 * immune cells the analysis counted, each matched one-to-one (greedy nearest, within
 * {@link #MATCH_UM}) to the marked points.
 */
final class FieldMatch {
    /** Issue 14: a detection and a marked centre within 4 µm are the same nucleus. */
    static final double MATCH_UM = 4;

    final RealDatasets.PointField field;
    final FieldRun run;
    final List<FieldRun.Cell> cells;
    /** Per detected nucleus, the index of its marked point, or -1. */
    final int[] cellPoint;
    /** The analysis' immune cells, interleaved x, y in image pixels. */
    final double[] immune;
    /** Per immune cell, the index of its marked point, or -1. */
    final int[] immunePoint;

    private FieldMatch(RealDatasets.PointField field, FieldRun run, List<FieldRun.Cell> cells, double[] immune) {
        this.field = field;
        this.run = run;
        this.cells = cells;
        this.immune = immune;
        double r = MATCH_UM / field.pixelUm;
        this.cellPoint = EvaluationMetrics.greedyMatch(FieldRun.positions(cells), field.xy, r);
        this.immunePoint = EvaluationMetrics.greedyMatch(immune, field.xy, r);
    }

    static FieldMatch of(RealDatasets.PointField field, AnalysisSettings settings) throws IOException {
        FieldRun run = FieldRun.withNuclei(field.image, field.pixelUm, settings);
        return new FieldMatch(field, run, run.nuclei(), run.immuneLevel0());
    }

    /** Marked points matched by some detected nucleus ({@code intactOnly}: debris excluded). */
    int pointsFound(boolean intactOnly) {
        int n = 0;
        for (int i = 0; i < cells.size(); i++) {
            if (cellPoint[i] >= 0 && !(intactOnly && cells.get(i).kind == Nucleus.Kind.DEBRIS)) n++;
        }
        return n;
    }

    /** The class of the point immune cell {@code i} matched; null when unmatched or the point has no class. */
    String immuneClass(int i) {
        return immunePoint[i] < 0 ? null : field.classes[immunePoint[i]];
    }

    int immuneCount() { return immune.length / 2; }

    /** Class of the point detected nucleus {@code i} matched; null when unmatched or the point has no class. */
    String cellClass(int i) {
        return cellPoint[i] < 0 ? null : field.classes[cellPoint[i]];
    }
}
