package necroptosis.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.stream.JsonWriter;

import necroptosis.pipeline.SlideResult;

/**
 * necrosis.geojson: the outlines as a GeoJSON FeatureCollection that QuPath imports as annotations (File >
 * Import objects, or drag and drop): one Feature per named outline, a Polygon (or a MultiPolygon for a core
 * whose blocks touch only at a corner; see {@link Outlines}) (exterior ring then holes, each
 * closed by repeating its first point; as numbers the exterior winds counter-clockwise and holes clockwise,
 * RFC 7946's right-hand rule) in level-0 pixel coordinates with the origin at the top left, as QuPath
 * exports. Properties follow QuPath 0.4+ exports: {@code objectType}
 * "annotation", {@code classification} with {@code name} and {@code color} [r, g, b], {@code name}, plus
 * {@code area_mm2} (the polygon's area, glass inside a core included) and the same under
 * {@code measurements}, which QuPath shows in its measurement table. A core also carries {@code uncertain}
 * (true for a core the method is unsure of) and then {@code doubt}, why: {@code empty}, {@code no_debris} or
 * {@code sparse_reference} ({@code UncertainCores}). GeoJsonRegions reads it back.
 */
public final class NecrosisGeoJson {
    private NecrosisGeoJson() {}

    public static void write(SlideResult r, List<Outline> outlines, Writer out) throws IOException {
        double mm2PerPx = r.pixelSizeUm * r.pixelSizeUm * 1e-6;
        JsonWriter j = new JsonWriter(out);
        j.setIndent("");
        j.beginObject();
        j.name("type").value("FeatureCollection");
        j.name("features").beginArray();
        for (List<Outline> parts : byName(outlines).values()) {
            Outline o = parts.get(0);
            out.write('\n');
            j.beginObject();
            j.name("type").value("Feature");
            j.name("geometry").beginObject();
            j.name("type").value(parts.size() == 1 ? "Polygon" : "MultiPolygon");
            j.name("coordinates").beginArray();
            double areaPx = 0;
            for (Outline part : parts) {
                if (parts.size() > 1) j.beginArray();
                for (double[] ring : part.rings) writeRing(j, ring);
                if (parts.size() > 1) j.endArray();
                areaPx += part.areaPx();
            }
            j.endArray();
            j.endObject();
            j.name("properties").beginObject();
            j.name("objectType").value("annotation");
            j.name("name").value(o.name);
            int rgb = Outlines.rgb(o.classification);
            j.name("classification").beginObject();
            j.name("name").value(o.classification);
            j.name("color").beginArray().value((rgb >> 16) & 0xFF).value((rgb >> 8) & 0xFF).value(rgb & 0xFF).endArray();
            j.endObject();
            double area = areaPx * mm2PerPx;
            j.name("area_mm2").value(area);
            if (Outline.NECROSIS.equals(o.classification)) {
                int core = Outlines.coreNumber(o);
                j.name("uncertain").value(r.isUncertain(core));
                if (r.isUncertain(core)) j.name("doubt").value(r.coreDoubts[core].name().toLowerCase(Locale.ROOT));
            }
            j.name("measurements").beginObject().name("area_mm2").value(area).endObject();
            j.endObject();
            j.endObject();
        }
        j.endArray();
        j.endObject();
        j.flush();
        out.write('\n');
    }

    /** Outlines sharing a name (pieces of one core touching at a corner) as one feature, in first-seen order. */
    static Map<String, List<Outline>> byName(List<Outline> outlines) {
        Map<String, List<Outline>> m = new LinkedHashMap<>();
        for (Outline o : outlines) m.computeIfAbsent(o.classification + "\u0000" + o.name, k -> new ArrayList<>()).add(o);
        return m;
    }

    private static void writeRing(JsonWriter j, double[] ring) throws IOException {
        j.beginArray();
        int n = ring.length / 2;
        for (int i = 0; i <= n; i++) {
            int k = i % n; // GeoJSON closes a ring by repeating its first point.
            j.beginArray();
            j.jsonValue(coordinate(ring[2 * k]));
            j.jsonValue(coordinate(ring[2 * k + 1]));
            j.endArray();
        }
        j.endArray();
    }

    /** A level-0 coordinate: whole pixels as integers, otherwise three decimals (far below a pixel). */
    private static String coordinate(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
