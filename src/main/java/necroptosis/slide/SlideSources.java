package necroptosis.slide;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import necroptosis.slide.bioformats.BioFormatsSlideSource;
import necroptosis.slide.tiff.TiffSlideSource;

/** Opens slides, choosing the reader automatically, and turns every failure into a one-line {@link SlideException}. */
public final class SlideSources {
    private SlideSources() {}

    public static SlideSource open(Path file) throws SlideException {
        return open(file, OpenOptions.DEFAULT);
    }

    public static SlideSource open(Path file, OpenOptions options) throws SlideException {
        String name = file.toString();
        checkFile(file);
        Format format = Format.sniff(file);
        SlideSource slide = openWith(file, format, options.reader());
        if (options.pixelSizeOverrideUm() != null) {
            slide = new CalibratedSlide(slide, PixelSize.override(options.pixelSizeOverrideUm()));
        }
        return slide;
    }

    private static SlideSource openWith(Path file, Format format, OpenOptions.Reader reader) throws SlideException {
        String name = file.toString();
        try {
            switch (reader) {
                case BIOFORMATS:
                    if (!BioFormatsSlideSource.isAvailable()) {
                        throw new SlideException(name, "the Bio-Formats reader was asked for but is unavailable: "
                                + BioFormatsSlideSource.unavailableReason());
                    }
                    return BioFormatsSlideSource.open(file);
                case TIFF:
                    if (format != Format.TIFF) throw new SlideException(name, "not a TIFF file (" + format.description + ")");
                    return TiffSlideSource.open(file);
                case IMAGEJ:
                    return ImageJSlideSource.open(file);
                case AUTO:
                default:
                    OpenOptions.Reader chosen = autoReader(format, BioFormatsSlideSource.isAvailable());
                    if (chosen == null) {
                        throw new SlideException(name, "not a supported image (" + format.description
                                + "); without Bio-Formats only TIFF/SVS/OME-TIFF, PNG, JPEG, GIF and BMP can be read");
                    }
                    if (chosen == OpenOptions.Reader.BIOFORMATS) {
                        SlideSource bf = BioFormatsSlideSource.open(file);
                        return format == Format.TIFF ? keepPyramid(bf, file) : bf;
                    }
                    return openWith(file, format, chosen);
            }
        } catch (SlideException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new SlideException(name, "not enough memory to open it (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            throw new SlideException(name, describe(e), e);
        }
    }

    /**
     * The reader {@code auto} uses for a file of this format, or null when none can read it. Bio-Formats,
     * when present, reads everything but text, plain images included, so the reader Fiji users rely on
     * for slides reads a whole folder of mixed files alike. Without it the built-in TIFF reader takes
     * TIFFs and ImageJ the plain images.
     */
    static OpenOptions.Reader autoReader(Format format, boolean bioFormatsAvailable) {
        if (format == Format.UNKNOWN_TEXT) return null;
        if (bioFormatsAvailable) return OpenOptions.Reader.BIOFORMATS;
        if (format == Format.TIFF) return OpenOptions.Reader.TIFF;
        if (format == Format.PLAIN_IMAGE) return OpenOptions.Reader.IMAGEJ;
        return null;
    }

    /**
     * Bio-Formats reads generic pyramidal TIFFs as a single level (it ignores reduced-resolution IFDs),
     * which would force whole-slide overviews to be read at full resolution; the built-in reader keeps
     * their pyramid, so it is used instead when it sees more levels.
     */
    private static SlideSource keepPyramid(SlideSource bf, Path file) throws IOException {
        if (bf.levels().size() > 1) return bf;
        SlideSource tiff;
        try {
            tiff = TiffSlideSource.open(file);
        } catch (SlideException e) {
            return bf; // e.g. a compression only Bio-Formats decodes
        }
        if (tiff.levels().size() > 1) {
            bf.close();
            return tiff;
        }
        tiff.close();
        return bf;
    }

    /** Turns an unexpected exception into a reason a user can read, without a stack trace. */
    public static String describe(Throwable e) {
        if (e instanceof SlideException) return ((SlideException) e).reason();
        String m = e.getMessage();
        if (e instanceof java.io.EOFException) return "file ends early (truncated?)" + (m == null ? "" : ": " + m);
        return (m == null || m.isEmpty()) ? e.getClass().getSimpleName() : m;
    }

    /** No image format fits in fewer bytes than a TIFF header. */
    private static final int MIN_BYTES = 8;

    private static void checkFile(Path file) throws SlideException {
        String name = file.toString();
        if (!Files.exists(file)) throw new SlideException(name, whyMissing(file));
        if (Files.isDirectory(file)) throw new SlideException(name, "is a folder, not a slide file");
        // A named pipe or device reports size 0 (or never ends): neither is a slide.
        if (!Files.isRegularFile(file)) throw new SlideException(name, "is a named pipe, device or socket, not a slide file");
        if (!Files.isReadable(file)) throw new SlideException(name, "cannot be read (permission denied)");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new SlideException(name, "cannot be read: " + describe(e));
        }
        if (size == 0) throw new SlideException(name, "is empty (0 bytes)");
        if (size < MIN_BYTES) throw new SlideException(name, "is only " + size + (size == 1 ? " byte" : " bytes") + ", too small to be an image");
    }

    /** Why a path that does not exist cannot be opened, in words: a dangling or looping link is not "no such file". */
    private static String whyMissing(Path file) {
        try {
            file.toRealPath();
            return "no such file";
        } catch (java.nio.file.NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) {
                try {
                    return "is a symbolic link to a missing file (" + Files.readSymbolicLink(file) + ")";
                } catch (IOException | RuntimeException x) {
                    return "is a symbolic link to a missing file";
                }
            }
            return "no such file";
        } catch (java.nio.file.AccessDeniedException e) {
            return "cannot be reached (permission denied)";
        } catch (java.nio.file.FileSystemException e) {
            String reason = e.getReason() == null ? describe(e) : e.getReason();
            if (reason.toLowerCase(Locale.ROOT).contains("symbolic link")) return "is a symbolic link loop (" + reason + ")";
            return "cannot be reached (" + reason + ")";
        } catch (IOException | RuntimeException e) {
            return "cannot be reached (" + describe(e) + ")";
        }
    }

    /** What the first bytes say the file is. */
    enum Format {
        TIFF("TIFF"), PLAIN_IMAGE("plain image"), UNKNOWN_BINARY("unrecognised binary data"), UNKNOWN_TEXT("a text file");

        final String description;

        Format(String description) { this.description = description; }

        static Format sniff(Path file) throws SlideException {
            byte[] b = new byte[16];
            int n;
            try (InputStream in = Files.newInputStream(file)) {
                n = in.read(b);
            } catch (IOException e) {
                throw new SlideException(file.toString(), "cannot be read: " + describe(e));
            }
            if (n >= 4 && ((b[0] == 'I' && b[1] == 'I' && (b[2] == 42 || b[2] == 43) && b[3] == 0)
                    || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && (b[3] == 42 || b[3] == 43)))) return TIFF;
            if (n >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return PLAIN_IMAGE;
            if (n >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) return PLAIN_IMAGE;
            if (n >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') return PLAIN_IMAGE;
            if (n >= 2 && b[0] == 'B' && b[1] == 'M') return PLAIN_IMAGE;
            for (int i = 0; i < n; i++) {
                int c = b[i] & 0xff;
                if (c < 9 || (c > 13 && c < 32 && c != 27)) return UNKNOWN_BINARY;
            }
            return UNKNOWN_TEXT;
        }
    }

    /** Decorator that replaces the pixel size (the user's {@code --pixel-size}). */
    static final class CalibratedSlide implements SlideSource {
        private final SlideSource inner;
        private final PixelSize pixelSize;

        CalibratedSlide(SlideSource inner, PixelSize pixelSize) {
            this.inner = inner;
            this.pixelSize = pixelSize;
        }

        @Override public String path() { return inner.path(); }
        @Override public String readerName() { return inner.readerName(); }
        @Override public List<Level> levels() { return inner.levels(); }
        @Override public PixelSize pixelSize() { return pixelSize; }
        @Override public int[] readRegion(int level, int x, int y, int w, int h) throws IOException {
            return inner.readRegion(level, x, y, w, h);
        }
        @Override public void readRegion(int level, int x, int y, int w, int h, int[] dest) throws IOException {
            inner.readRegion(level, x, y, w, h, dest);
        }
        @Override public int tileWidth(int level) { return inner.tileWidth(level); }
        @Override public int tileHeight(int level) { return inner.tileHeight(level); }
        @Override public void close() throws IOException { inner.close(); }
    }
}
