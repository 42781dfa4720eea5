package necroptosis.cli;

import necroptosis.pipeline.Setting;
import necroptosis.pipeline.SettingsTable;
import necroptosis.slide.OpenOptions;
import picocli.CommandLine.Command;

/** The options every command that opens a slide shares: {@code --reader} and {@code --pixel-size}. */
@Command(modelTransformer = TableOptions.AddOptions.class)
final class OpenOptionsMixin extends TableOptions {
    @Override
    boolean holds(Setting s) {
        return isOpen(s);
    }

    static boolean isOpen(Setting s) {
        return s.key.equals("reader") || s.key.equals("pixel_size");
    }

    OpenOptions options() {
        return read(() -> SettingsTable.openOptions(values(this)));
    }
}
