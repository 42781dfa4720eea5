package necroptosis.slide;

/**
 * A slide refused because its pixel size is unknown (or implausible) and every per-mm² number would be a
 * guess. Its message says why the file gave none; how to give one is the front end's to say, in its own
 * words (a command-line option, a dialog field or macro key, an image's calibration).
 */
public class UnknownPixelSizeException extends SlideException {
    private final boolean inFileUnread;

    public UnknownPixelSizeException(String file, PixelSize pixelSize) {
        super(file, "no usable pixel size (" + pixelSize.source() + ")");
        this.inFileUnread = pixelSize.isInFileUnread();
    }

    /** The file gives a pixel size that the reader used does not read, but another reader would. */
    public boolean isInFileUnread() { return inFileUnread; }
}
