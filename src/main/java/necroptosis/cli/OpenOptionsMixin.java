package necroptosis.cli;

import necroptosis.slide.OpenOptions;
import picocli.CommandLine.Option;

/** The options every command that opens a slide shares. */
final class OpenOptionsMixin {
    @Option(names = "--pixel-size", paramLabel = "UM",
            description = "level-0 pixel size in micrometres; overrides the file's metadata")
    Double pixelSize;

    @Option(names = "--reader", paramLabel = "NAME", defaultValue = "auto",
            description = "auto (default), bioformats, tiff or imagej")
    String reader;

    OpenOptions options() {
        return OpenOptions.DEFAULT.withReader(OpenOptions.Reader.parse(reader)).withPixelSize(pixelSize);
    }
}
