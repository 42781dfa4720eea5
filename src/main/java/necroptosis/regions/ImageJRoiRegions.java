package necroptosis.regions;

import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.io.RoiDecoder;
import ij.process.FloatPolygon;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSources;

/**
 * Reads ImageJ ROIs (a single {@code .roi} or a {@code RoiSet.zip} from the ROI Manager) as user regions,
 * decoded by ImageJ's own RoiDecoder (ROIs are headless data classes); everything past this class sees
 * only {@link UserRegions}. ROIs are in the pixels of the
 * image they were drawn on, often a downsampled level: {@code scale} (level-0 pixels per ROI pixel)
 * brings them to level 0. The classification is the ROI's name when it names a class (Necrosis,
 * Exclude, Tissue, Region...), else none; line and point ROIs are skipped.
 */
public final class ImageJRoiRegions {
    /** Largest .roi entry read (a traced outline of a whole slide overview is well below this). */
    private static final int MAX_ENTRY_BYTES = 64 << 20;

    private ImageJRoiRegions() {}

    public static UserRegions read(Path file, double scale) throws IOException {
        String name = file.toString();
        if (!(scale > 0) || Double.isInfinite(scale)) throw new SlideException(name, "ROI scale must be above 0, got " + scale);
        if (!Files.isRegularFile(file)) throw new SlideException(name, Files.exists(file) ? "not a file" : "no such file");
        List<UserRegions.Polygon> out = new ArrayList<>();
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            int entries = 0;
            // ZipFile reads the central directory first, so a damaged or truncated zip is named as such
            // (a ZipInputStream would find no entries and report an empty set).
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                    ZipEntry e = all.nextElement();
                    if (e.isDirectory() || !e.getName().toLowerCase(Locale.ROOT).endsWith(".roi")) continue;
                    entries++;
                    byte[] bytes;
                    try (InputStream in = zip.getInputStream(e)) {
                        bytes = readEntry(in, name);
                    } catch (SlideException x) {
                        throw x;
                    } catch (IOException x) {
                        throw new SlideException(name, "damaged zip: " + e.getName() + " cannot be unpacked (" + SlideSources.describe(x) + ")");
                    }
                    add(decode(bytes, e.getName(), name), scale, out, e.getName(), name);
                }
            } catch (SlideException e) {
                throw e;
            } catch (ZipException | EOFException e) {
                // ZipFile reports a directory that points past the end as an EOFException (found by ImageJRoiFuzz).
                throw new SlideException(name, "not a ROI set zip: damaged or not a zip file (" + SlideSources.describe(e) + ")");
            }
            if (entries == 0) throw new SlideException(name, "zip holds no .roi files");
        } else {
            byte[] bytes = Files.readAllBytes(file);
            add(decode(bytes, file.getFileName().toString(), name), scale, out, file.getFileName().toString(), name);
        }
        if (out.isEmpty()) throw new SlideException(name, "no area ROIs (polygon, freehand, rectangle, oval or composite) found");
        return new UserRegions(name, UserRegions.Mode.OVERRIDE, out);
    }

    /**
     * The area selection on an open image as a region of interest (level-0 pixels = image pixels): the
     * analysis is restricted to it ({@link UserRegions.Mode#RESTRICT}). Null when the ROI is not an area
     * (a line or points restrict nothing).
     */
    public static UserRegions ofSelection(Roi roi, String imageTitle) {
        if (roi == null || !roi.isArea()) return null;
        List<UserRegions.Polygon> out = new ArrayList<>();
        add(roi, 1, out);
        return out.isEmpty() ? null : new UserRegions("selection on " + imageTitle, UserRegions.Mode.RESTRICT, out);
    }

    /** As {@link #add(Roi, double, List)}, a polygon the regions refuse (a coordinate not finite) named in the file. */
    private static void add(Roi roi, double scale, List<UserRegions.Polygon> out, String entry, String file) throws SlideException {
        try {
            add(roi, scale, out);
        } catch (IllegalArgumentException e) {
            throw new SlideException(file, entry + ": " + e.getMessage());
        }
    }

    private static byte[] readEntry(InputStream in, String file) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        for (int n; (n = in.read(buf)) > 0; ) {
            b.write(buf, 0, n);
            if (b.size() > MAX_ENTRY_BYTES) throw new SlideException(file, "ROI entry larger than " + (MAX_ENTRY_BYTES >> 20) + " MB");
        }
        return b.toByteArray();
    }

    private static Roi decode(byte[] bytes, String entry, String file) throws SlideException {
        // ImageJ ROI files start with "Iout"; RoiDecoder would otherwise fail in its own words, or not at all.
        if (bytes.length < 64 || bytes[0] != 'I' || bytes[1] != 'o' || bytes[2] != 'u' || bytes[3] != 't') {
            throw new SlideException(file, entry + " is not an ImageJ ROI (no 'Iout' header)");
        }
        String past = pastTheEnd(bytes);
        if (past != null) throw new SlideException(file, entry + ": damaged ROI (its " + past + " lies past the end of its " + bytes.length + " bytes)");
        try {
            Roi roi = new RoiDecoder(bytes, entry).getRoi();
            if (roi == null) throw new SlideException(file, entry + ": unsupported ROI type");
            return roi;
        } catch (IOException | RuntimeException e) {
            throw new SlideException(file, entry + ": cannot decode ROI (" + e.getMessage() + ")");
        } catch (OutOfMemoryError e) {
            // RoiDecoder sizes arrays by counts in the file; a damaged count asks for gigabytes at once.
            throw new SlideException(file, entry + ": damaged ROI (it declares more data than its " + bytes.length + " bytes hold)");
        }
    }

    /**
     * The name or properties text of the second header when it does not fit in the file, else null.
     * RoiDecoder checks {@code offset + 2 * length} in int arithmetic, which a large length overflows, and
     * then allocates {@code length} chars (found by fuzzing, ImageJRoiFuzz).
     */
    private static String pastTheEnd(byte[] b) {
        long header2 = int32(b, 60);
        if (header2 < 64 || header2 + 64 > b.length) return null; // none, or one RoiDecoder does not read
        String[] what = {"name", "properties"};
        int[] at = {16, 40};
        for (int i = 0; i < what.length; i++) {
            long offset = int32(b, (int) header2 + at[i]);
            long length = int32(b, (int) header2 + at[i] + 4);
            if (offset != 0 && length != 0 && (offset < 0 || length < 0 || offset + 2 * length > b.length)) return what[i];
        }
        return null;
    }

    private static long int32(byte[] b, int p) {
        return (int) (((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF));
    }

    private static void add(Roi roi, double scale, List<UserRegions.Polygon> out) {
        if (!roi.isArea()) return;
        String cls = classification(roi.getName());
        List<double[]> rings = new ArrayList<>();
        if (roi instanceof ShapeRoi) {
            // Composite ROIs carry holes and several parts as sub-paths of one shape (even-odd).
            AffineTransform t = AffineTransform.getScaleInstance(scale, scale);
            t.translate(roi.getXBase(), roi.getYBase());
            PathIterator it = ((ShapeRoi) roi).getShape().getPathIterator(t, 0.25 * scale);
            double[] c = new double[6];
            double[] ring = new double[64];
            int n = 0;
            for (; !it.isDone(); it.next()) {
                int seg = it.currentSegment(c);
                if (seg == PathIterator.SEG_MOVETO && n > 0) {
                    if (n >= 6) rings.add(Arrays.copyOf(ring, n));
                    n = 0;
                }
                if (seg == PathIterator.SEG_MOVETO || seg == PathIterator.SEG_LINETO) {
                    if (n + 2 > ring.length) ring = Arrays.copyOf(ring, ring.length * 2);
                    ring[n++] = c[0];
                    ring[n++] = c[1];
                }
            }
            if (n >= 6) rings.add(Arrays.copyOf(ring, n));
        } else {
            FloatPolygon p = roi.getFloatPolygon();
            if (p != null && p.npoints >= 3) {
                double[] ring = new double[2 * p.npoints];
                for (int i = 0; i < p.npoints; i++) {
                    ring[2 * i] = p.xpoints[i] * scale;
                    ring[2 * i + 1] = p.ypoints[i] * scale;
                }
                rings.add(ring);
            }
        }
        if (!rings.isEmpty()) out.add(new UserRegions.Polygon(rings, cls));
    }

    /** The ROI name when it names a class; ROI Manager names such as "0012-0345" are not classes. */
    static String classification(String roiName) {
        if (roiName == null) return null;
        UserRegions.Kind k = UserRegions.Kind.of(roiName);
        String n = roiName.trim().toLowerCase(Locale.ROOT);
        boolean named = k == UserRegions.Kind.NECROSIS || k == UserRegions.Kind.EXCLUDE
                || n.startsWith("tissue") || n.startsWith("region") || n.equals("roi") || n.startsWith("tumo");
        return named ? roiName.trim() : null;
    }
}
