package necroptosis.slide.tiff;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import necroptosis.slide.PixelSize;

/**
 * Level-0 pixel size from, in order of trust: the Aperio ImageDescription ({@code MPP = 0.4990}), OME-XML
 * {@code PhysicalSizeX}, then the TIFF XResolution/ResolutionUnit tags. Every value goes through
 * {@link PixelSize#fromMetadata} so placeholders (e.g. 10 px/cm) become unknown.
 */
final class TiffPixelSize {
    private TiffPixelSize() {}

    static final String SVS = "svs MPP";
    static final String OME = "ome-xml PhysicalSizeX";
    static final String RESOLUTION_TAGS = "tiff resolution tags";

    private static final Pattern SVS_MPP = Pattern.compile("\\|\\s*MPP\\s*=\\s*([-+0-9.eE]+)");
    private static final Pattern OME_PIXELS = Pattern.compile("<(?:\\w+:)?Pixels\\s[^>]*>");
    private static final Pattern ATTR_X = Pattern.compile("\\sPhysicalSizeX\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern ATTR_X_UNIT = Pattern.compile("\\sPhysicalSizeXUnit\\s*=\\s*\"([^\"]*)\"");

    static PixelSize of(Ifd first) {
        String desc = first.description();
        if (PyramidLayout.isSvs(first)) {
            Matcher m = SVS_MPP.matcher(desc);
            if (m.find()) {
                Double v = parse(m.group(1));
                if (v != null) return PixelSize.fromMetadata(v, SVS);
            }
        }
        if (PyramidLayout.isOme(first)) {
            Matcher p = OME_PIXELS.matcher(desc);
            if (p.find()) {
                String pixels = p.group();
                Matcher x = ATTR_X.matcher(pixels);
                if (x.find()) {
                    Double v = parse(x.group(1));
                    Matcher u = ATTR_X_UNIT.matcher(pixels);
                    double factor = u.find() ? unitToMicrometers(u.group(1)) : 1;
                    if (v != null && !Double.isNaN(factor)) return PixelSize.fromMetadata(v * factor, OME);
                }
            }
        }
        double xres = first.getDouble(TiffTags.X_RESOLUTION);
        long unit = first.getLong(TiffTags.RESOLUTION_UNIT, 2);
        if (xres > 0 && !Double.isInfinite(xres) && (unit == 2 || unit == 3)) {
            double um = (unit == 2 ? 25400.0 : 10000.0) / xres;
            return PixelSize.fromMetadata(um, RESOLUTION_TAGS);
        }
        return PixelSize.unknown("no pixel size in the file (no SVS MPP, OME-XML PhysicalSizeX or TIFF resolution tags)");
    }

    /**
     * Where in the file a size of {@link #of} was found, in words for a message ("its Aperio description
     * (MPP)"); the source itself is the short name recorded in the results.
     */
    static String whereInFile(String source) {
        switch (source) {
            case SVS: return "its Aperio description (MPP)";
            case OME: return "its OME-XML (PhysicalSizeX)";
            case RESOLUTION_TAGS: return "its TIFF resolution tags (XResolution in pixels per cm or inch)";
            default: return source;
        }
    }

    private static Double parse(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            return Double.isNaN(v) ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Micrometres per OME length unit, NaN for units that are not lengths we know. */
    static double unitToMicrometers(String unit) {
        String u = unit.trim().replace("&#181;", "\u00b5").replace("&#xB5;", "\u00b5").toLowerCase(Locale.ROOT);
        switch (u) {
            case "\u00b5m": case "\u03bcm": case "um": case "micron": case "microns": case "micrometer": case "micrometre": return 1;
            case "nm": return 1e-3;
            case "\u00e5": case "\u212b": return 1e-4;
            case "mm": return 1e3;
            case "cm": return 1e4;
            case "m": return 1e6;
            case "pm": return 1e-6;
            default: return Double.NaN;
        }
    }
}
