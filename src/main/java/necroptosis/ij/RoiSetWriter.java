package necroptosis.ij;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
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
import necroptosis.pipeline.SlideResult;
import necroptosis.report.Outline;
import necroptosis.report.Outlines;
import necroptosis.report.SlideOutput;

/**
 * rois.zip: the outlines as an ImageJ ROI set, as the ROI Manager saves one (a zip of {@code .roi} files
 * written by ImageJ's own RoiEncoder), in level-0 pixels: open it on the full-resolution image, or scale
 * it (Edit > Selection > Scale) for a downsampled level. One ROI per outline, named as in the overview
 * ("core 1", "rim 1", "tissue 1"), outlined in the overview's colours; a polygon with holes becomes a composite
 * (ShapeRoi). Registered as a {@link SlideOutput} so that ResultWriter writes it for every slide without
 * the core importing ij.gui.
 * <p>
 * Outlines only, no fill: an ImageJ ROI is drawn either filled or outlined, not both, and a fill over the
 * full-resolution image would hide the very cells a reader opens the slide to look at. The classification
 * is also kept as the ROI property "classification".
 */
public final class RoiSetWriter implements SlideOutput {

    @Override
    public String fileName() {
        return "rois.zip";
    }

    @Override
    public void write(SlideResult result, List<Outline> outlines, OutputStream out) throws IOException {
        write(outlines, out);
    }

    /** Writes the ROI set of these outlines. */
    public static void write(List<Outline> outlines, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Set<String> used = new HashSet<>();
        // Pieces of one core touching at a corner share a name: one composite ROI, as in the GeoJSON.
        Map<String, List<Outline>> byName = new LinkedHashMap<>();
        for (Outline o : outlines) byName.computeIfAbsent(o.classification + "\u0000" + o.name, k -> new ArrayList<>()).add(o);
        for (List<Outline> parts : byName.values()) {
            Outline o = parts.get(0);
            Roi roi = toRoi(parts);
            String entry = o.name;
            for (int k = 2; !used.add(entry); k++) entry = o.name + "-" + k;
            zip.putNextEntry(new ZipEntry(entry + ".roi"));
            zip.write(RoiEncoder.saveAsByteArray(roi));
            zip.closeEntry();
        }
        zip.finish();
    }

    /** The outline as an ImageJ ROI: a polygon, or a composite ROI when it has holes. */
    public static Roi toRoi(Outline o) {
        return toRoi(java.util.Collections.singletonList(o));
    }

    /** Outlines of one name (same class) as one ImageJ ROI: a polygon, or a composite ROI for holes or several parts. */
    public static Roi toRoi(List<Outline> parts) {
        Outline o = parts.get(0);
        Roi roi;
        if (parts.size() == 1 && o.rings.size() == 1) {
            double[] r = o.rings.get(0);
            FloatPolygon p = new FloatPolygon();
            for (int i = 0; i < r.length; i += 2) p.addPoint(r[i], r[i + 1]);
            roi = new PolygonRoi(p, Roi.POLYGON);
        } else {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (Outline part : parts) {
                for (double[] r : part.rings) {
                    path.moveTo(r[0], r[1]);
                    for (int i = 2; i < r.length; i += 2) path.lineTo(r[i], r[i + 1]);
                    path.closePath();
                }
            }
            roi = new ShapeRoi(path);
        }
        roi.setName(o.name);
        Color c = new Color(Outlines.rgb(o.classification));
        roi.setStrokeColor(c);
        roi.setStrokeWidth(2);
        roi.setProperty("classification", o.classification);
        return roi;
    }
}
