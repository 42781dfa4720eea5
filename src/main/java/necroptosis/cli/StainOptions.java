package necroptosis.cli;

import necroptosis.pipeline.AnalysisSettings;
import necroptosis.stain.StainVectors;
import picocli.CommandLine.Option;

/**
 * The stain options shared by {@code score} and {@code stains}, so that both parse {@code --stains} and
 * {@code --stain-vectors} the same way and the images {@code stains} writes use the vectors {@code score}
 * would.
 */
final class StainOptions {
    @Option(names = "--stains", defaultValue = AnalysisSettings.DEFAULT_STAINS, description = "stain preset: H-DAB (default) or H&E")
    String stains;

    @Option(names = "--stain-vectors", paramLabel = "R,G,B;R,G,B", description = "custom haematoxylin and DAB vectors (OD), e.g. 0.65,0.70,0.29;0.27,0.57,0.78")
    String stainVectors;

    @Option(names = "--estimate-stains", description = "estimate the stain vectors per slide (Macenko)")
    boolean estimateStains;

    /** The preset, with the custom vectors when given; background still the default 255. */
    StainVectors vectors() {
        StainVectors preset = StainVectors.preset(stains);
        if (stainVectors == null) return preset;
        String[] parts = stainVectors.split(";");
        if (parts.length != 2) throw new IllegalArgumentException("--stain-vectors needs two vectors separated by ';', got '" + stainVectors + "'");
        try {
            return preset.withStains("custom", threeNumbers("a stain vector", parts[0]), threeNumbers("a stain vector", parts[1]));
        } catch (IllegalArgumentException e) {
            // StainVectors' own messages ("stain 1 ... is zero", "... collinear") do not say which option was wrong.
            throw new IllegalArgumentException("--stain-vectors: " + e.getMessage(), e);
        }
    }

    /** Three comma-separated numbers R,G,B (a stain vector, a glass intensity); {@code what} names the value in errors. */
    static double[] threeNumbers(String what, String s) {
        String[] p = s.split(",");
        if (p.length != 3) throw new IllegalArgumentException(what + " needs three numbers R,G,B, got '" + s + "'");
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": not a number in '" + s + "': " + p[i]);
            }
        }
        return v;
    }
}
