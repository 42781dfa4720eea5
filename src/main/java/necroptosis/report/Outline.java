package necroptosis.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One outlined region of a result (a necrotic core, a peri-necrotic rim, a piece of tissue) as a polygon
 * with holes in level-0 pixel coordinates: what the overview, the GeoJSON, the ROI set and the Fiji overlay
 * all draw, so they agree with each other and with the numbers.
 */
public final class Outline {
    /** Display name, e.g. "core 1", "rim 1", "tissue 2". */
    public final String name;
    /** Class name: {@link #NECROSIS}, {@link #RIM} or {@link #TISSUE} (QuPath classification). */
    public final String classification;
    /** Rings as x0,y0,x1,y1,... in level-0 pixels, not repeating the first point; the first is the exterior, the others holes. */
    public final List<double[]> rings;

    public static final String NECROSIS = "necrosis";
    public static final String RIM = "rim";
    public static final String TISSUE = "tissue";

    public Outline(String name, String classification, List<double[]> rings) {
        if (rings.isEmpty()) throw new IllegalArgumentException("outline '" + name + "' without rings");
        this.name = name;
        this.classification = classification;
        this.rings = Collections.unmodifiableList(new ArrayList<>(rings));
    }

    /** Enclosed area in level-0 pixels² (exterior minus holes). */
    public double areaPx() {
        double a = Math.abs(MaskTracer.signedArea(rings.get(0)));
        for (int i = 1; i < rings.size(); i++) a -= Math.abs(MaskTracer.signedArea(rings.get(i)));
        return a;
    }

    @Override
    public String toString() {
        return name + " (" + classification + ", " + rings.size() + " rings)";
    }
}
