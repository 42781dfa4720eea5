package necroptosis.slide;

import java.io.File;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import ij.ImagePlus;
import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.Opener;
import ij.io.TiffDecoder;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import necroptosis.slide.tiff.TiffSlideSource;

/**
 * Plain images (PNG, JPEG, GIF, BMP, simple TIFF) through ImageJ's own opener: a single level held in
 * memory, so it is refused when the image is too large for that.
 */
public final class ImageJSlideSource implements SlideSource {
    /** Largest plain image loaded whole (4 bytes per pixel: 1 GiB). */
    static final long MAX_PIXELS = 1L << 28;

    private final String path;
    private final int width;
    private final int height;
    private final int[] rgb;
    private final List<Level> levels;
    private final PixelSize pixelSize;

    private ImageJSlideSource(String path, ImagePlus imp, PixelSize pixelSize) {
        this.path = path;
        ColorProcessor cp = imp.getProcessor().convertToColorProcessor();
        this.width = cp.getWidth();
        this.height = cp.getHeight();
        // An RGB image open in Fiji is read in place (no copy of what may be gigabytes); its caller keeps it
        // locked against edits while the analysis runs.
        this.rgb = (int[]) cp.getPixels();
        this.levels = Collections.singletonList(new Level(width, height, 1));
        this.pixelSize = pixelSize;
    }

    /**
     * An image already open in ImageJ/Fiji (its current slice), with the pixel size of its calibration, or
     * {@code pixelSizeUm} when that is not null. An RGB image's pixels are shared, not copied: keep the image
     * unchanged (locked) while the source is in use. The path is the file it was opened from when known, else its
     * title, so outputs are named after it.
     */
    public static ImageJSlideSource of(ImagePlus imp, Double pixelSizeUm) {
        FileInfo fi = imp.getOriginalFileInfo();
        boolean fromFile = fi != null && fi.fileName != null && fi.directory != null && !fi.fileName.isEmpty();
        String path = fromFile ? new File(fi.directory, fi.fileName).getPath() : imp.getTitle();
        PixelSize px = pixelSizeUm != null ? PixelSize.override(pixelSizeUm) : pixelSizeOf(imp.getCalibration());
        if (fromFile && !px.isKnown()) {
            String given = givenInFile(path);
            // The image may come from any opener; what counts is that its calibration lacks what the file gives.
            if (given != null) {
                String why = px.source().equals(NO_CALIBRATION) ? "the image has no calibration" : "the image's " + px.source();
                px = PixelSize.unreadInFile(why + ", though its file gives " + given);
            }
        }
        return new ImageJSlideSource(path, imp, px);
    }

    public static ImageJSlideSource open(Path file) throws SlideException {
        String name = file.toString();
        ImagePlus imp = readWithImageIO(file);
        Calibration cal;
        if (imp == null) {
            // Formats ImageIO does not know (e.g. TIFF before Java 9): ImageJ's own opener, which reads calibration too.
            imp = new Opener().openImage(file.toAbsolutePath().toString());
            cal = imp == null ? null : imp.getCalibration();
        } else {
            // From Java 9 ImageIO decodes TIFF too, without ImageJ's calibration: read that as ImageJ's opener does.
            cal = imp.getCalibration().scaled() ? imp.getCalibration() : tiffCalibration(file);
        }
        if (imp == null || imp.getProcessor() == null) {
            throw new SlideException(name, "ImageJ could not open it (not an image, truncated, or an unsupported variant)");
        }
        PixelSize px = pixelSizeOf(cal);
        String given = px.isKnown() ? null : givenInFile(name);
        if (given != null) {
            String why = px.source().equals(NO_CALIBRATION) ? "" : px.source() + "; ";
            px = PixelSize.unreadInFile(why + "the file gives " + given + ", which the ImageJ reader does not read");
        }
        return new ImageJSlideSource(name, imp, px);
    }

    /**
     * ImageJ's calibration of a TIFF from its tags and ImageJ description alone, without decoding the pixels;
     * null when the file is not a TIFF ImageJ parses or has no length unit.
     */
    private static Calibration tiffCalibration(Path file) {
        try {
            Path abs = file.toAbsolutePath();
            if (abs.getParent() == null) return null;
            FileInfo[] info = new TiffDecoder(abs.getParent().toString() + File.separator, abs.getFileName().toString()).getTiffInfo();
            if (info == null || info.length == 0) return null;
            FileInfo fi = info[0];
            new FileOpener(fi).decodeDescriptionString(fi); // an ImageJ TIFF's unit=... in its description
            if (fi.unit == null || fi.unit.trim().isEmpty() || !(fi.pixelWidth > 0)) return null;
            Calibration cal = new Calibration();
            cal.pixelWidth = fi.pixelWidth;
            cal.pixelHeight = fi.pixelHeight;
            cal.setUnit(fi.unit);
            return cal;
        } catch (IOException | RuntimeException e) {
            return null; // e.g. a compression ImageJ does not decode: its opener would have no calibration either
        }
    }

    /**
     * ImageJ reads a pixel size only from its own calibration tags, so "no pixel size in the file" would be
     * untrue for a slide whose size is in metadata ImageJ ignores (Aperio MPP, OME-XML): what the file gives
     * and where ("0.499 µm/px in its Aperio description (MPP)"), or null.
     */
    private static String givenInFile(String path) {
        try {
            return TiffSlideSource.pixelSizeInMetadata(Paths.get(path));
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /**
     * PNG, JPEG, GIF and BMP through ImageIO, checking the declared size before decoding. ImageJ's opener
     * uses ImageIO for these too, but prints decoder errors to the console; here they become the reason.
     */
    private static ImagePlus readWithImageIO(Path file) throws SlideException {
        String name = file.toString();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) return null;
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                long w = r.getWidth(0), h = r.getHeight(0);
                if (w * h > MAX_PIXELS) {
                    throw new SlideException(name, "declares " + w + "x" + h
                            + " pixels, too large to open as a plain image (save it as a tiled pyramidal TIFF)");
                }
                return new ImagePlus(file.getFileName().toString(), r.read(0));
            } finally {
                r.dispose();
            }
        } catch (SlideException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new SlideException(name, "cannot be decoded (" + SlideSources.describe(e) + ")");
        }
    }

    private static final String NO_CALIBRATION = "no pixel size in the file";

    static PixelSize pixelSizeOf(Calibration cal) {
        if (cal == null || !cal.scaled()) return PixelSize.unknown(NO_CALIBRATION);
        String unit = cal.getUnit() == null ? "" : cal.getUnit().toLowerCase(Locale.ROOT);
        double toUm;
        switch (unit) {
            case "µm": case "um": case "micron": case "microns": case "\u03bcm": toUm = 1; break;
            case "nm": toUm = 1e-3; break;
            case "mm": toUm = 1e3; break;
            case "cm": toUm = 1e4; break;
            case "inch": case "in": toUm = 25400; break;
            default: return PixelSize.unknown("pixel size unit '" + cal.getUnit() + "' is not a length");
        }
        return PixelSize.fromMetadata(cal.pixelWidth * toUm, "imagej calibration");
    }

    @Override public String path() { return path; }

    @Override public String readerName() { return "imagej"; }

    @Override public List<Level> levels() { return levels; }

    @Override public PixelSize pixelSize() { return pixelSize; }

    @Override
    public int[] readRegion(int level, int x, int y, int w, int h) {
        Regions.check(this, level, x, y, w, h);
        int[] out = new int[w * h];
        copyRegion(x, y, w, h, out);
        return out;
    }

    @Override
    public void readRegion(int level, int x, int y, int w, int h, int[] dest) {
        Regions.check(this, level, x, y, w, h);
        Regions.checkDestination(this, dest, w, h);
        copyRegion(x, y, w, h, dest);
    }

    private void copyRegion(int x, int y, int w, int h, int[] out) {
        for (int row = 0; row < h; row++) {
            System.arraycopy(rgb, (y + row) * width + x, out, row * w, w);
        }
        for (int i = 0, n = w * h; i < n; i++) out[i] |= 0xFF000000;
    }

    @Override public void close() {}
}
