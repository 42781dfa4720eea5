package necroptosis.slide.bioformats;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Path;

/** The Bio-Formats methods used, looked up once per class loader. */
final class BioFormatsApi {
    static final String IMAGE_READER = "loci.formats.ImageReader";

    final String source;
    final Class<?> imageReader;
    final Method setMetadataStore, setFlattenedResolutions, setId, close, getFormat, getReader;
    final Method getSeriesCount, setSeries, getResolutionCount, setResolution, getSizeX, getSizeY;
    final Method getPixelType, getRGBChannelCount, getEffectiveSizeC, isInterleaved, isIndexed;
    final Method get8BitLookupTable, getIndex, openBytes, getOptimalTileWidth, getOptimalTileHeight;
    final Method createOMEXMLMetadata, getPixelsPhysicalSizeX, getImageName, lengthValue, getPixelTypeString;
    final Object micrometer;
    final int uint8, int8;

    BioFormatsApi(ClassLoader loader, String source) throws ReflectiveOperationException {
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
