package necroptosis.slide.bioformats;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import necroptosis.slide.Level;
import necroptosis.slide.PixelSize;
import necroptosis.slide.Regions;
import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;

/**
 * Reads slides through Bio-Formats when it is present, without the plugin depending on it.
 * <p>
 * Bio-Formats is not on Maven Central, so the plugin cannot declare it; in Fiji it is always on the
 * classpath. Every Bio-Formats call therefore goes through reflection confined to this class, and no
 * Bio-Formats type appears in a signature, so the plugin compiles and runs without it and the
 * built-in readers take over.
 * <p>
 * Bio-Formats is found on this class's own class loader (as in Fiji) or, for the command line and
 * tests, in the jars named by the system property {@value #JARS_PROPERTY} or the environment variable
 * {@value #JARS_ENV} (a folder of jars, or a {@link File#pathSeparator}-separated list of jars and
 * folders).
 * <p>
 * An {@code ImageReader} is not thread-safe, so each slide keeps a small pool of readers, each opened
 * once ({@code setId}) and created only when every existing one is busy, up to
 * {@link Runtime#availableProcessors()}: concurrent {@link #readRegion} calls then decode in parallel
 * while a single-threaded user pays for one {@code setId} only.
 */
public final class BioFormatsSlideSource implements SlideSource {

    /** System property naming Bio-Formats jars for use outside Fiji. */
    public static final String JARS_PROPERTY = "bioformats.jars";
    /** Environment variable naming Bio-Formats jars, used when the property is not set. */
    public static final String JARS_ENV = "BIOFORMATS_JARS";

    /** Largest byte buffer one openBytes call fills; bigger regions are read in bands of rows. */
    private static final int MAX_BAND_BYTES = 32 << 20;

    private final String path;
    private final BioFormatsApi bf;
    private final int series;
    private final List<Level> levels;
    private final PixelSize pixelSize;
    private final int[] tileWidths;
    private final int[] tileHeights;
    private final PlaneLayout layout;
    private final int maxReaders;
    private final String formatName;
    /** The format-specific reader class ImageReader chose, so pooled readers skip format detection. */
    private final Class<?> readerClass;
    /** setId times in ns of the first reader and of the latest pooled one (for tests and tuning). */
    final long firstOpenNanos;
    volatile long pooledOpenNanos;

    /** Idle opened readers; guarded by {@code this}. */
    private final Deque<Object> idle = new ArrayDeque<>();
    /** Every reader opened, idle or borrowed, so close() can close them all; guarded by {@code this}. */
    private final List<Object> all = new ArrayList<>();
    private int opening;
    private boolean closed;

    // ---------------------------------------------------------------- availability

    /** True when Bio-Formats can be used: on the classpath or in the configured jars. */
    public static boolean isAvailable() {
        return BioFormatsLocator.api() != null;
    }

    /**
     * Why Bio-Formats cannot be used (e.g. a jar folder that does not exist), or null when it can.
     * Lets the command line say why it fell back to the built-in readers.
     */
    public static String unavailableReason() {
        return BioFormatsLocator.api() == null ? BioFormatsLocator.unavailableReason() : null;
    }

    // ---------------------------------------------------------------- opening

    /** Opens a slide with Bio-Formats; every failure becomes a one-line {@link SlideException}. */
    public static SlideSource open(Path file) throws SlideException {
        String name = file.toString();
        BioFormatsApi bf = BioFormatsLocator.api();
        if (bf == null) throw new SlideException(name, "Bio-Formats is not available: " + BioFormatsLocator.unavailableReason());
        Object reader = null;
        try {
            Object store = bf.createOMEXMLMetadata.invoke(null);
            long t0 = System.nanoTime();
            reader = bf.newReader(bf.imageReader, file, store);
            return new BioFormatsSlideSource(name, bf, reader, store, System.nanoTime() - t0);
        } catch (OutOfMemoryError e) {
            bf.closeQuietly(reader);
            throw new SlideException(name, "not enough memory to open it with Bio-Formats");
        } catch (SlideException e) {
            bf.closeQuietly(reader);
            throw e;
        } catch (Throwable e) {
            bf.closeQuietly(reader);
            throw new SlideException(name, "Bio-Formats cannot read it: " + oneLine(unwrap(e)), unwrap(e));
        }
    }

    private BioFormatsSlideSource(String path, BioFormatsApi bf, Object reader, Object store, long openNanos) throws Exception {
        this.path = path;
        this.bf = bf;
        this.firstOpenNanos = openNanos;
        this.formatName = String.valueOf(bf.getFormat.invoke(reader));
        Object chosen = bf.getReader.invoke(reader);
        this.readerClass = chosen == null ? bf.imageReader : chosen.getClass();
        this.series = pickSeries(bf, reader, store);
        bf.setSeries.invoke(reader, series);

        int pixelType = (Integer) bf.getPixelType.invoke(reader);
        if (pixelType != bf.uint8 && pixelType != bf.int8) {
            throw new SlideException(path, "has " + bf.pixelTypeName(pixelType)
                    + " pixels; only 8-bit RGB or grey slides can be scored (convert it to 8-bit first)");
        }
        this.layout = PlaneLayout.of(path, bf, reader);

        int resolutions = (Integer) bf.getResolutionCount.invoke(reader);
        List<Level> ls = new ArrayList<>(resolutions);
        tileWidths = new int[resolutions];
        tileHeights = new int[resolutions];
        long w0 = 0;
        for (int r = 0; r < resolutions; r++) {
            bf.setResolution.invoke(reader, r);
            long w = (Integer) bf.getSizeX.invoke(reader);
            long h = (Integer) bf.getSizeY.invoke(reader);
            if (r == 0) w0 = w;
            double downsample = (double) w0 / w;
            if (r > 0 && !(downsample > ls.get(r - 1).downsample())) {
                throw new SlideException(path, "Bio-Formats reports resolution " + r + " (" + w + "x" + h
                        + ") no smaller than the one before it");
            }
            ls.add(new Level(w, h, downsample));
            tileWidths[r] = clampTile((Integer) bf.getOptimalTileWidth.invoke(reader));
            tileHeights[r] = clampTile((Integer) bf.getOptimalTileHeight.invoke(reader));
        }
        bf.setResolution.invoke(reader, 0);
        this.levels = Collections.unmodifiableList(ls);
        this.pixelSize = readPixelSize(bf, store, series);
        this.maxReaders = Math.max(1, Runtime.getRuntime().availableProcessors());
        all.add(reader);
        idle.push(reader);
    }

    /** Optimal tile sizes can be a whole strip-less plane; keep reads a sensible size. */
    private static int clampTile(int t) {
        return Math.max(64, Math.min(t, 2048));
    }

    /**
     * Series 0 is the slide in SVS and OME-TIFF, but a thumbnail or overview in formats such as CZI or
     * VSI; take the largest series whose name does not mark it as a label, macro or thumbnail.
     */
    private static int pickSeries(BioFormatsApi bf, Object reader, Object store) throws Exception {
        int count = (Integer) bf.getSeriesCount.invoke(reader);
        int best = -1;
        long bestArea = -1;
        int bestAny = 0;
        long bestAnyArea = -1;
        for (int s = 0; s < count; s++) {
            bf.setSeries.invoke(reader, s);
            long area = (long) (Integer) bf.getSizeX.invoke(reader) * (Integer) bf.getSizeY.invoke(reader);
            if (area > bestAnyArea) {
                bestAnyArea = area;
                bestAny = s;
            }
            if (isAuxiliary(imageName(bf, store, s))) continue;
            if (area > bestArea) {
                bestArea = area;
                best = s;
            }
        }
        return best >= 0 ? best : bestAny;
    }

    private static boolean isAuxiliary(String name) {
        if (name == null) return false;
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("label") || n.contains("macro") || n.contains("thumbnail") || n.contains("overview");
    }

    private static String imageName(BioFormatsApi bf, Object store, int series) {
        try {
            Object n = bf.getImageName.invoke(store, series);
            return n == null ? null : n.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // no OME Image for this series: nothing says it is auxiliary
        }
    }

    private static PixelSize readPixelSize(BioFormatsApi bf, Object store, int series) {
        Object length;
        try {
            length = bf.getPixelsPhysicalSizeX.invoke(store, series);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return PixelSize.unknown("bioformats: no PhysicalSizeX in the metadata");
        }
        if (length == null) return PixelSize.unknown("bioformats: no PhysicalSizeX in the metadata");
        Object um;
        try {
            um = bf.lengthValue.invoke(length, bf.micrometer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            um = null;
        }
        if (!(um instanceof Number)) {
            return PixelSize.unknown("bioformats: PhysicalSizeX " + length + " cannot be converted to um");
        }
        return PixelSize.fromMetadata(((Number) um).doubleValue(), "bioformats PhysicalSizeX");
    }

    // ---------------------------------------------------------------- SlideSource

    @Override public String path() { return path; }

    @Override public String readerName() { return "bioformats"; }

    @Override public List<Level> levels() { return levels; }

    @Override public PixelSize pixelSize() { return pixelSize; }

    @Override public int tileWidth(int level) { return tileWidths[level]; }

    @Override public int tileHeight(int level) { return tileHeights[level]; }

    /** The Bio-Formats format name and series used, e.g. for provenance. */
    public String describe() {
        return formatName + ", series " + series + " (" + bf.source + ")";
    }

    /** How many readers this slide has opened so far (for tests and tuning). */
    synchronized int openedReaders() {
        return all.size();
    }

    @Override
    public int[] readRegion(int level, int x, int y, int width, int height) throws IOException {
        Regions.check(this, level, x, y, width, height);
        Object reader = borrow();
        boolean healthy = false;
        try {
            int[] out = read(reader, level, x, y, width, height);
            healthy = true;
            return out;
        } catch (OutOfMemoryError e) {
            throw new SlideException(path, "not enough memory to read a " + width + "x" + height + " region");
        } catch (SlideException e) {
            throw e;
        } catch (Throwable e) {
            Throwable c = unwrap(e);
            throw new SlideException(path, "Bio-Formats failed reading level " + level + " region " + x + "," + y
                    + " " + width + "x" + height + ": " + oneLine(c), c);
        } finally {
            giveBack(reader, healthy);
        }
    }

    private int[] read(Object reader, int level, int x, int y, int width, int height) throws Exception {
        bf.setSeries.invoke(reader, series);
        bf.setResolution.invoke(reader, level);
        int[] out = new int[width * height];
        int bytesPerRow = width * layout.samplesPerRead;
        int band = Math.max(1, Math.min(height, MAX_BAND_BYTES / Math.max(1, bytesPerRow)));
        byte[] buf = new byte[bytesPerRow * band];
        byte[][] planes = layout.planeIndices.length > 1 ? new byte[3][width * band] : null;
        for (int y0 = 0; y0 < height; y0 += band) {
            int h = Math.min(band, height - y0);
            int n = width * h;
            if (planes == null) {
                byte[] b = h == band ? buf : new byte[bytesPerRow * h];
                bf.openBytes.invoke(reader, layout.planeIndices[0], b, x, y + y0, width, h);
                layout.pack(b, n, out, y0 * width);
            } else {
                for (int c = 0; c < 3; c++) {
                    byte[] b = h == band ? planes[c] : new byte[n];
                    bf.openBytes.invoke(reader, layout.planeIndices[c], b, x, y + y0, width, h);
                    planes[c] = b;
                }
                for (int i = 0; i < n; i++) {
                    out[y0 * width + i] = 0xFF000000 | (planes[0][i] & 0xFF) << 16 | (planes[1][i] & 0xFF) << 8 | (planes[2][i] & 0xFF);
                }
            }
        }
        return out;
    }

    /** Takes an idle reader, opens another when all are busy and the pool may grow, else waits. */
    private Object borrow() throws IOException {
        synchronized (this) {
            while (true) {
                if (closed) throw new SlideException(path, "slide is closed");
                if (!idle.isEmpty()) return idle.pop();
                if (all.size() + opening < maxReaders) {
                    opening++;
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SlideException(path, "interrupted while waiting for a Bio-Formats reader");
                }
            }
        }
        // setId outside the lock: other threads keep reading with the existing readers meanwhile.
        Object reader;
        try {
            long t0 = System.nanoTime();
            reader = bf.newReader(readerClass, Paths.get(path), null);
            pooledOpenNanos = System.nanoTime() - t0;
        } catch (Throwable e) {
            synchronized (this) {
                opening--;
                notifyAll();
            }
            throw new SlideException(path, "Bio-Formats cannot open another reader: " + oneLine(unwrap(e)), unwrap(e));
        }
        synchronized (this) {
            opening--;
            notifyAll();
            if (closed) {
                bf.closeQuietly(reader);
                throw new SlideException(path, "slide is closed");
            }
            all.add(reader);
            return reader;
        }
    }

    private void giveBack(Object reader, boolean healthy) {
        synchronized (this) {
            if (closed) {
                bf.closeQuietly(reader);
            } else if (healthy) {
                idle.push(reader);
            } else {
                // A reader that threw may be in a bad state; drop it so a fresh one is opened if needed.
                all.remove(reader);
                bf.closeQuietly(reader);
            }
            notifyAll();
        }
    }

    @Override
    public void close() {
        List<Object> toClose;
        synchronized (this) {
            if (closed) return;
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
            all.clear();
            notifyAll();
        }
        // Borrowed readers are closed when they come back (giveBack sees closed).
        for (Object r : toClose) bf.closeQuietly(r);
    }

    @Override
    public String toString() {
        return "BioFormatsSlideSource[" + path + ", " + describe() + "]";
    }

    // ---------------------------------------------------------------- errors

    static Throwable unwrap(Throwable e) {
        while ((e instanceof InvocationTargetException || e instanceof java.lang.reflect.UndeclaredThrowableException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** A one-line message: exception class for the unexpected ones, the first line of the message. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        String name = e.getClass().getSimpleName();
        if (m == null || m.trim().isEmpty()) return name;
        m = m.trim();
        int nl = m.indexOf('\n');
        if (nl >= 0) m = m.substring(0, nl).trim();
        // Bio-Formats' FormatException family and I/O errors have messages meant for users.
        boolean plain = e instanceof IOException || name.endsWith("FormatException") || e instanceof IllegalArgumentException;
        return plain ? m : name + ": " + m;
    }
}
