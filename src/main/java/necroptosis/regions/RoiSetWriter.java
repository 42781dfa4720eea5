package necroptosis.regions;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.io.RoiEncoder;
import ij.process.FloatPolygon;

/**
 * An ImageJ ROI set, as the ROI Manager saves one (a zip of {@code .roi} files written by ImageJ's own
 * RoiEncoder), in level-0 pixels: open it on the full-resolution image, or scale it (Edit > Selection >
 * Scale) for a downsampled level. One ROI per name, outlined in its colour; a polygon with holes or
 * several parts becomes a composite (ShapeRoi).
 * <p>
 * Outlines only, no fill: an ImageJ ROI is drawn either filled or outlined, not both, and a fill over the
 * full-resolution image would hide the very cells a reader opens the slide to look at. The classification
 * is also kept as the ROI property "classification".
 */
public final class RoiSetWriter {
    /** 2000-01-01 00:00 local time: inside the zip format's date range (1980 on). */
    static final long FIXED_TIME = new GregorianCalendar(2000, 0, 1).getTimeInMillis();

    private RoiSetWriter() {}

    /** One shape to write: its name, class, outline colour and rings (x,y pairs, even-odd filled). */
    public static final class Entry {
        final String name;
        final String classification;
        final int rgb;
        final List<double[]> rings;

        public Entry(String name, String classification, int rgb, List<double[]> rings) {
            this.name = name;
            this.classification = classification;
            this.rgb = rgb;
            this.rings = rings;
        }
    }

    /** Writes the ROI set: entries of the same name and class become one ROI. */
    public static void write(List<Entry> entries, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Set<String> used = new HashSet<>();
        // Pieces of one core touching at a corner share a name: one composite ROI, as in the GeoJSON.
        Map<String, List<Entry>> byName = new LinkedHashMap<>();
        for (Entry e : entries) byName.computeIfAbsent(e.classification + "\u0000" + e.name, k -> new ArrayList<>()).add(e);
        for (List<Entry> parts : byName.values()) {
            Entry e = parts.get(0);
            Roi roi = toRoi(parts);
            String name = e.name;
            for (int k = 2; !used.add(name); k++) name = e.name + "-" + k;
            ZipEntry entry = new ZipEntry(name + ".roi");
            // A fixed time: the same result gives the same bytes, whenever and with however many threads it ran.
            entry.setTime(FIXED_TIME);
            zip.putNextEntry(entry);
            zip.write(RoiEncoder.saveAsByteArray(roi));
            zip.closeEntry();
        }
        zip.finish();
    }

    /** Shapes of one name (same class) as one ImageJ ROI: a polygon, or a composite ROI for holes or several parts. */
    private static Roi toRoi(List<Entry> parts) {
        Entry e = parts.get(0);
        Roi roi;
        if (parts.size() == 1 && e.rings.size() == 1) {
            double[] r = e.rings.get(0);
            FloatPolygon p = new FloatPolygon();
            for (int i = 0; i < r.length; i += 2) p.addPoint(r[i], r[i + 1]);
            roi = new PolygonRoi(p, Roi.POLYGON);
        } else {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (Entry part : parts) {
                for (double[] r : part.rings) {
                    path.moveTo(r[0], r[1]);
                    for (int i = 2; i < r.length; i += 2) path.lineTo(r[i], r[i + 1]);
                    path.closePath();
                }
            }
            roi = new ShapeRoi(path);
        }
        roi.setName(e.name);
        roi.setStrokeColor(new Color(e.rgb));
        roi.setStrokeWidth(2);
        roi.setProperty("classification", e.classification);
        return roi;
    }
}
