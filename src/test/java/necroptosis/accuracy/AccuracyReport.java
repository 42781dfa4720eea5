package necroptosis.accuracy;

import java.nio.file.Paths;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.ProgressListener;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/** Prints the comparison for slides given as SLIDE TRUTH pairs (a tool for tuning, not a test). */
public final class AccuracyReport {
    public static void main(String[] args) throws Exception {
        for (int i = 0; i + 1 < args.length; i += 2) {
            try (SlideSource s = SlideSources.open(Paths.get(args[i]))) {
                SlideResult r = new SlideAnalysis(AnalysisSettings.defaults(), ProgressListener.NONE).run(s);
                System.out.println(args[i] + ": " + TruthComparison.of(r, TruthComparison.readTruth(Paths.get(args[i + 1]))));
            }
        }
        System.exit(0);
    }
}
