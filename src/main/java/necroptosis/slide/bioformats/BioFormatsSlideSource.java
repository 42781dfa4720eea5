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

    private static final String IMAGE_READER = "loci.formats.ImageReader";
    /** Largest byte buffer one openBytes call fills; bigger regions are read in bands of rows. */
    private static final int MAX_BAND_BYTES = 32 << 20;

    private static volatile Api api;
    private static volatile String unavailableReason;
    private static volatile boolean resolved;

    private final String path;
    private final Api bf;
    private final int series;
    private final List<Level> levels;
    private final PixelSize pixelSize;
    private final int[] tileWidths;
    private final int[] tileHeights;
    private final Layout layout;
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
        return api() != null;
    }

    /**
     * Why Bio-Formats cannot be used (e.g. a jar folder that does not exist), or null when it can.
     * Lets the command line say why it fell back to the built-in readers.
     */
    public static String unavailableReason() {
        return api() == null ? unavailableReason : null;
    }

    private static Api api() {
        if (!resolved) {
            synchronized (BioFormatsSlideSource.class) {
                if (!resolved) {
                    String configured = System.getProperty(JARS_PROPERTY);
                    String origin = "system property " + JARS_PROPERTY;
                    if (isUnset(configured)) {
                        configured = System.getenv(JARS_ENV);
                        origin = "environment variable " + JARS_ENV;
                    }
                    Resolution r = resolve(configured, origin, BioFormatsSlideSource.class.getClassLoader());
                    api = r.api;
                    unavailableReason = r.reason;
                    if (r.api == null && !isUnset(configured)) {
                        // The user asked for these jars; falling back silently would hide the typo.
                        System.err.println("warning: " + r.reason + "; using the built-in readers");
                    }
                    resolved = true;
                }
            }
        }
        return api;
    }

    /** The outcome of looking for Bio-Formats: an API or the reason there is none. */
    static final class Resolution {
        final Api api;
        final String reason;

        Resolution(Api api, String reason) {
            this.api = api;
            this.reason = reason;
        }

        boolean available() { return api != null; }
    }

    /**
     * Finds Bio-Formats on {@code parent} or else in the {@code configured} jars. Package-private so
     * tests can check the configuration handling without touching the process-wide state.
     */
    static Resolution resolve(String configured, String origin, ClassLoader parent) {
        try {
            Class.forName(IMAGE_READER, false, parent);
            return new Resolution(new Api(parent, "classpath"), null);
        } catch (ClassNotFoundException | LinkageError e) {
            // Not in Fiji: try the configured jars.
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new Resolution(null, "Bio-Formats on the classpath is unusable: " + oneLine(e));
        }
        if (isUnset(configured)) {
            return new Resolution(null, "Bio-Formats is not on the classpath and neither the system property "
                    + JARS_PROPERTY + " nor the environment variable " + JARS_ENV + " names its jars");
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : configured.split(File.pathSeparator)) {
            if (entry.trim().isEmpty()) continue;
            Path p = Paths.get(entry.trim());
            String problem = addJars(p, urls);
            if (problem != null) return new Resolution(null, origin + ": " + p + " " + problem);
        }
        if (urls.isEmpty()) return new Resolution(null, origin + " names no jar files: '" + configured + "'");
        ClassLoader loader = new ChildFirstLoader(urls.toArray(new URL[0]), parent);
        try {
            Class.forName(IMAGE_READER, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return new Resolution(null, origin + ": no " + IMAGE_READER + " in the jars at " + configured
                    + " (they must hold formats-api, formats-bsd, formats-gpl and their dependencies)");
        }
        try {
            return new Resolution(new Api(loader, configured), null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new Resolution(null, origin + ": the Bio-Formats jars at " + configured + " are unusable: " + oneLine(e));
        }
    }

    /** Adds a jar or a folder's jars; returns what is wrong with the entry, or null. */
    private static String addJars(Path p, List<URL> urls) {
        try {
            if (Files.isDirectory(p)) {
                List<Path> jars = new ArrayList<>();
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")).forEach(jars::add);
                }
                if (jars.isEmpty()) return "is a folder without .jar files";
                Collections.sort(jars);
                for (Path j : jars) urls.add(j.toUri().toURL());
                return null;
            }
            if (Files.isRegularFile(p)) {
                urls.add(p.toUri().toURL());
                return null;
            }
            return "does not exist";
        } catch (IOException e) {
            return "cannot be listed: " + oneLine(e);
        }
    }

    /** Maven leaves an undefined property as the literal "${...}"; that and blanks mean "not set". */
    static boolean isUnset(String value) {
        return value == null || value.trim().isEmpty() || value.trim().startsWith("${");
    }

    /**
     * Loads from the Bio-Formats jars before the parent, so Bio-Formats gets the library versions it
     * was built with (the plugin itself ships other versions of ome-common and ome-codecs). JDK classes
     * always come from the JDK: the jars carry old copies of e.g. org.xml.sax (xml-apis) that would
     * clash with the JDK's XML parser. Only JDK types cross between the two sides, so the split cannot
     * cause type mismatches.
     * <p>
     * The exception is an API whose implementation the host chooses ({@link #HOST_APIS}): SLF4J finds its
     * binding through the service loader, which sees the host's binding, and a binding compiled against
     * the host's copy of the API is "not a subtype" of a second copy loaded from the jars, so SLF4J
     * would warn on every run and log nowhere. These come from the host when it has them, else from the jars.
     */
    static final class ChildFirstLoader extends URLClassLoader {
        static {
            ClassLoader.registerAsParallelCapable();
        }

        /** Package prefixes loaded parent-first: logging APIs whose binding the host provides. */
        static final String[] HOST_APIS = {"org.slf4j."};

        /** The platform (Java 9+) or extension (Java 8) loader: JDK classes only. */
        private final ClassLoader jdk = ClassLoader.getSystemClassLoader().getParent();

        ChildFirstLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        private static boolean fromHost(String name) {
            if (name.startsWith("necroptosis.")) return true;
            for (String prefix : HOST_APIS) {
                if (name.startsWith(prefix)) return true;
            }
            return false;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && jdk != null) {
                    try {
                        c = jdk.loadClass(name);
                    } catch (ClassNotFoundException e) {
                        // Not a JDK class.
                    }
                }
                if (c == null && fromHost(name) && getParent() != null) {
                    try {
                        c = getParent().loadClass(name);
                    } catch (ClassNotFoundException e) {
                        // The host lacks it: the jars' copy below.
                    }
                }
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        // Not in the jars: fall through to the parent.
                    }
                }
                if (c == null) c = super.loadClass(name, false);
                if (resolve) resolveClass(c);
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL u = jdk == null ? null : jdk.getResource(name);
            if (u == null) u = findResource(name);
            return u != null ? u : super.getResource(name);
        }
    }

    // ---------------------------------------------------------------- opening

    /** Opens a slide with Bio-Formats; every failure becomes a one-line {@link SlideException}. */
    public static SlideSource open(Path file) throws SlideException {
        String name = file.toString();
        Api bf = api();
        if (bf == null) throw new SlideException(name, "Bio-Formats is not available: " + unavailableReason);
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

    private BioFormatsSlideSource(String path, Api bf, Object reader, Object store, long openNanos) throws Exception {
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
        this.layout = Layout.of(path, bf, reader);

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
    private static int pickSeries(Api bf, Object reader, Object store) throws Exception {
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

    private static String imageName(Api bf, Object store, int series) {
        try {
            Object n = bf.getImageName.invoke(store, series);
            return n == null ? null : n.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // no OME Image for this series: nothing says it is auxiliary
        }
    }

    private static PixelSize readPixelSize(Api bf, Object store, int series) {
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

    // ---------------------------------------------------------------- pixel layouts

    /** How the bytes of one plane map to RGB: interleaved or planar RGB, grey, indexed, or 3 planes. */
    private static final class Layout {
        /** Bytes per pixel in one openBytes call. */
        final int samplesPerRead;
        /** Channels actually stored per pixel in the buffer (RGB count). */
        final int channels;
        final boolean interleaved;
        /** Plane index per colour: one plane, or R, G, B planes when channels are separate planes. */
        final int[] planeIndices;
        /** 256-entry colour table for indexed grey, or null. */
        final int[] lut;

        private Layout(int channels, boolean interleaved, int[] planeIndices, int[] lut) {
            this.samplesPerRead = channels;
            this.channels = channels;
            this.interleaved = interleaved;
            this.planeIndices = planeIndices;
            this.lut = lut;
        }

        static Layout of(String path, Api bf, Object reader) throws Exception {
            int rgb = (Integer) bf.getRGBChannelCount.invoke(reader);
            boolean interleaved = (Boolean) bf.isInterleaved.invoke(reader);
            if (rgb >= 3) {
                return new Layout(rgb, interleaved, new int[] {0}, null);
            }
            if (rgb != 1) {
                throw new SlideException(path, "has " + rgb + " samples per pixel; only RGB or grey slides can be scored");
            }
            int sizeC = (Integer) bf.getEffectiveSizeC.invoke(reader);
            if (sizeC >= 3) {
                // Colour stored as separate channel planes (e.g. an OME-TIFF written channel by channel).
                int[] planes = new int[3];
                for (int c = 0; c < 3; c++) planes[c] = (Integer) bf.getIndex.invoke(reader, 0, c, 0);
                return new Layout(1, true, planes, null);
            }
            int[] lut = null;
            if ((Boolean) bf.isIndexed.invoke(reader)) {
                byte[][] table = (byte[][]) bf.get8BitLookupTable.invoke(reader);
                if (table != null && table.length >= 3 && table[0].length >= 256) {
                    lut = new int[256];
                    for (int i = 0; i < 256; i++) {
                        lut[i] = 0xFF000000 | (table[0][i] & 0xFF) << 16 | (table[1][i] & 0xFF) << 8 | (table[2][i] & 0xFF);
                    }
                }
            }
            if (lut == null) {
                lut = new int[256];
                for (int i = 0; i < 256; i++) lut[i] = 0xFF000000 | i << 16 | i << 8 | i;
            }
            return new Layout(1, true, new int[] {0}, lut);
        }

        /** Converts {@code n} pixels of one openBytes buffer into 0xFFRRGGBB at {@code out[offset]}. */
        void pack(byte[] b, int n, int[] out, int offset) {
            if (lut != null) {
                for (int i = 0; i < n; i++) out[offset + i] = lut[b[i] & 0xFF];
            } else if (interleaved) {
                for (int i = 0, j = 0; i < n; i++, j += channels) {
                    out[offset + i] = 0xFF000000 | (b[j] & 0xFF) << 16 | (b[j + 1] & 0xFF) << 8 | (b[j + 2] & 0xFF);
                }
            } else {
                // Planar within the buffer: all R of the region, then all G, then all B.
                for (int i = 0; i < n; i++) {
                    out[offset + i] = 0xFF000000 | (b[i] & 0xFF) << 16 | (b[n + i] & 0xFF) << 8 | (b[2 * n + i] & 0xFF);
                }
            }
        }
    }

    // ---------------------------------------------------------------- reflection

    /** The Bio-Formats methods used, looked up once per class loader. */
    static final class Api {
        final String source;
        final Class<?> imageReader;
        final Method setMetadataStore, setFlattenedResolutions, setId, close, getFormat, getReader;
        final Method getSeriesCount, setSeries, getResolutionCount, setResolution, getSizeX, getSizeY;
        final Method getPixelType, getRGBChannelCount, getEffectiveSizeC, isInterleaved, isIndexed;
        final Method get8BitLookupTable, getIndex, openBytes, getOptimalTileWidth, getOptimalTileHeight;
        final Method createOMEXMLMetadata, getPixelsPhysicalSizeX, getImageName, lengthValue, getPixelTypeString;
        final Object micrometer;
        final int uint8, int8;

        Api(ClassLoader loader, String source) throws ReflectiveOperationException {
            this.source = source;
            imageReader = Class.forName(IMAGE_READER, true, loader);
            Class<?> fr = Class.forName("loci.formats.IFormatReader", true, loader);
            Class<?> store = Class.forName("loci.formats.meta.MetadataStore", true, loader);
            Class<?> retrieve = Class.forName("loci.formats.meta.MetadataRetrieve", true, loader);
            Class<?> tools = Class.forName("loci.formats.MetadataTools", true, loader);
            Class<?> formatTools = Class.forName("loci.formats.FormatTools", true, loader);
            Class<?> unit = Class.forName("ome.units.unit.Unit", true, loader);
            Class<?> quantity = Class.forName("ome.units.quantity.Length", true, loader);
            setMetadataStore = fr.getMethod("setMetadataStore", store);
            setFlattenedResolutions = fr.getMethod("setFlattenedResolutions", boolean.class);
            setId = fr.getMethod("setId", String.class);
            close = fr.getMethod("close");
            getFormat = fr.getMethod("getFormat");
            getReader = imageReader.getMethod("getReader");
            getSeriesCount = fr.getMethod("getSeriesCount");
            setSeries = fr.getMethod("setSeries", int.class);
            getResolutionCount = fr.getMethod("getResolutionCount");
            setResolution = fr.getMethod("setResolution", int.class);
            getSizeX = fr.getMethod("getSizeX");
            getSizeY = fr.getMethod("getSizeY");
            getPixelType = fr.getMethod("getPixelType");
            getRGBChannelCount = fr.getMethod("getRGBChannelCount");
            getEffectiveSizeC = fr.getMethod("getEffectiveSizeC");
            isInterleaved = fr.getMethod("isInterleaved");
            isIndexed = fr.getMethod("isIndexed");
            get8BitLookupTable = fr.getMethod("get8BitLookupTable");
            getIndex = fr.getMethod("getIndex", int.class, int.class, int.class);
            openBytes = fr.getMethod("openBytes", int.class, byte[].class, int.class, int.class, int.class, int.class);
            getOptimalTileWidth = fr.getMethod("getOptimalTileWidth");
            getOptimalTileHeight = fr.getMethod("getOptimalTileHeight");
            createOMEXMLMetadata = tools.getMethod("createOMEXMLMetadata");
            getPixelsPhysicalSizeX = retrieve.getMethod("getPixelsPhysicalSizeX", int.class);
            getImageName = retrieve.getMethod("getImageName", int.class);
            lengthValue = quantity.getMethod("value", unit);
            getPixelTypeString = formatTools.getMethod("getPixelTypeString", int.class);
            micrometer = Class.forName("ome.units.UNITS", true, loader).getField("MICROMETER").get(null);
            Field u8 = formatTools.getField("UINT8");
            Field i8 = formatTools.getField("INT8");
            uint8 = u8.getInt(null);
            int8 = i8.getInt(null);
            silenceLogging(loader, "classpath".equals(source));
        }

        /** A new reader (ImageReader or the format's own reader) with its file open; {@code store} receives the OME metadata (null: none kept). */
        Object newReader(Class<?> readerClass, Path file, Object store) throws Exception {
            Object reader = readerClass.getConstructor().newInstance();
            try {
                setFlattenedResolutions.invoke(reader, false);
                if (store != null) setMetadataStore.invoke(reader, store);
                setId.invoke(reader, file.toString());
                return reader;
            } catch (Throwable e) {
                closeQuietly(reader);
                throw e;
            }
        }

        void closeQuietly(Object reader) {
            if (reader == null) return;
            try {
                close.invoke(reader);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Closing is best effort; the file handle goes with the reader.
            }
        }

        String pixelTypeName(int type) {
            try {
                return String.valueOf(getPixelTypeString.invoke(null, type));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return "pixel type " + type;
            }
        }

        /**
         * Bio-Formats logs every IFD at INFO/DEBUG; the command line must not be flooded. With our own
         * jars the logging backend is private to our class loader, so it is set to ERROR outright; on
         * Fiji's classpath it is shared, so ERROR is set only when nothing has configured it yet
         * ({@code enableLogging} leaves an existing configuration, e.g. Bio-Formats' debug option, alone).
         */
        private static void silenceLogging(ClassLoader loader, boolean shared) {
            try {
                Class<?> debug = Class.forName("loci.common.DebugTools", true, loader);
                if (shared) {
                    debug.getMethod("enableLogging", String.class).invoke(null, "ERROR");
                } else {
                    debug.getMethod("setRootLevel", String.class).invoke(null, "ERROR");
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // Older Bio-Formats or no logging backend: noisy but harmless.
            }
        }
    }

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
