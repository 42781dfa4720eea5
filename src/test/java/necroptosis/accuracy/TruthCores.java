package necroptosis.accuracy;

import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import necroptosis.TruthPolygons;

/** The true necrotic cores of a synthetic slide's truth file, in level-0 pixels, read once for every comparison. */
final class TruthCores {
    /** Each core's polygon vertices {x, y}. */
    final List<double[][]> polygons;
    private final List<Path2D> shapes;

    private TruthCores(List<double[][]> polygons, List<Path2D> shapes) {
        this.polygons = Collections.unmodifiableList(polygons);
        this.shapes = shapes;
    }

    static TruthCores of(JsonObject truth) {
        List<double[][]> polygons = new ArrayList<>();
        List<Path2D> shapes = new ArrayList<>();
        for (JsonElement core : truth.getAsJsonArray("cores")) {
            JsonArray poly = core.getAsJsonObject().getAsJsonArray("polygon");
            double[][] pp = new double[poly.size()][];
            for (int i = 0; i < poly.size(); i++) {
                pp[i] = new double[] {poly.get(i).getAsJsonArray().get(0).getAsDouble(), poly.get(i).getAsJsonArray().get(1).getAsDouble()};
            }
            shapes.add(TruthPolygons.path(poly));
            polygons.add(pp);
        }
        return new TruthCores(polygons, shapes);
    }

    /** Whether (x, y) lies inside a true core. */
    boolean contains(double x, double y) {
        for (Path2D p : shapes) if (p.contains(x, y)) return true;
        return false;
    }

    /** Distance to the nearest true core edge; Double.MAX_VALUE when there is no core. */
    double edgeDistance(double x, double y) {
        double d = Double.MAX_VALUE;
        for (double[][] pp : polygons) for (int i = 0; i < pp.length; i++) {
            double[] a = pp[i], b = pp[(i + 1) % pp.length];
            d = Math.min(d, Line2D.ptSegDist(a[0], a[1], b[0], b[1], x, y));
        }
        return d;
    }

    /** Distance to the nearest true core edge, negative inside a core. */
    double signedDistance(double x, double y) {
        double d = edgeDistance(x, y);
        return contains(x, y) ? -d : d;
    }
}
