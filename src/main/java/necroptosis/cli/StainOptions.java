package necroptosis.cli;

import necroptosis.pipeline.Setting;
import necroptosis.pipeline.SettingsTable;
import necroptosis.stain.StainVectors;
import picocli.CommandLine.Command;

/**
 * The stain options shared by {@code score} and {@code stains} ({@code --stains}, {@code --stain-vectors},
 * {@code --estimate-stains}), so that the images {@code stains} writes use the vectors {@code score} would.
 */
@Command(modelTransformer = TableOptions.AddOptions.class)
final class StainOptions extends TableOptions {
    @Override
    boolean holds(Setting s) {
        return isStain(s);
    }

    static boolean isStain(Setting s) {
        return s.key.equals("stains") || s.key.equals("stain_vectors") || s.key.equals("estimate_stains");
    }

    /** The preset, with the custom vectors when given; background still the default 255. */
    StainVectors vectors() {
        return read(() -> SettingsTable.stainVectors(values(this).check()));
    }

    boolean estimateStains() {
        return values(this).flag("estimate_stains");
    }
}
