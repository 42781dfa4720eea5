package necroptosis;

import java.awt.geom.Path2D;

import com.google.gson.JsonArray;

/** Polygons of a synthetic slide's truth file (arrays of [x, y] in level-0 pixels) as shapes. */
public final class TruthPolygons {
    private TruthPolygons() {}

    /** The closed polygon through the points of a truth file's polygon array. */
    public static Path2D path(JsonArray points) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < points.size(); i++) {
            JsonArray xy = points.get(i).getAsJsonArray();
            if (i == 0) p.moveTo(xy.get(0).getAsDouble(), xy.get(1).getAsDouble());
            else p.lineTo(xy.get(0).getAsDouble(), xy.get(1).getAsDouble());
        }
        p.closePath();
        return p;
    }
}
