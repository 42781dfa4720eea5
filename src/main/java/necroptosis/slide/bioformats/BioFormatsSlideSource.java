package necroptosis.slide.bioformats;

import java.nio.file.Path;

import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;

/** PLACEHOLDER until the Bio-Formats adapter lands. */
public final class BioFormatsSlideSource {
    private BioFormatsSlideSource() {}

    public static boolean isAvailable() { return false; }

    public static SlideSource open(Path file) throws SlideException {
        throw new SlideException(file.toString(), "Bio-Formats adapter not implemented yet");
    }
}
