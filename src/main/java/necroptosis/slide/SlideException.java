package necroptosis.slide;

import java.io.IOException;

/**
 * A slide that cannot be read, with a one-line message that names the file and the reason, so a batch
 * can report it in a row and go on.
 */
public class SlideException extends IOException {
    private final String file;
    private final String reason;

    public SlideException(String file, String reason) {
        this(file, reason, null);
    }

    public SlideException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    public String file() { return file; }

    public String reason() { return reason; }
}
