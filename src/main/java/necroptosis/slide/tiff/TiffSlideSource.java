package necroptosis.slide.tiff;

import java.nio.file.Path;

import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;

/** PLACEHOLDER until the built-in TIFF reader lands. */
public final class TiffSlideSource {
    private TiffSlideSource() {}

    public static SlideSource open(Path file) throws SlideException {
        throw new SlideException(file.toString(), "built-in TIFF reader not implemented yet");
    }
}
