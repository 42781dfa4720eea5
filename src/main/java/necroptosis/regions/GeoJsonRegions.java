package necroptosis.regions;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import necroptosis.slide.SlideException;

/**
 * Reads polygons from GeoJSON as QuPath exports annotations: a FeatureCollection, a single Feature, a
 * bare geometry or an array of features; Polygon and MultiPolygon (with holes), GeometryCollections
 * searched; other geometry types (points, lines) skipped. Coordinates are taken as level-0 pixels, which
 * is what QuPath writes. The classification is {@code properties.classification.name} (QuPath), else
 * {@code properties.classification} as a string, {@code properties.name} or {@code properties.class}.
 */
public final class GeoJsonRegions {
    /** Files larger than this are not region files (QuPath cell detections belong elsewhere). */
    private static final long MAX_BYTES = 256L << 20;
    /**
     * Deepest nesting of arrays and objects accepted. QuPath's deepest (a MultiPolygon in a Feature in a
     * FeatureCollection) is 6; the limit keeps hostile input from overflowing the stack of the recursive
     * readers.
     */
    static final int MAX_DEPTH = 200;

    private GeoJsonRegions() {}

    /** The polygons of a GeoJSON file, in {@link UserRegions.Mode#OVERRIDE} mode (change it with withMode). */
    public static UserRegions read(Path file) throws IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) throw new SlideException(name, "is a folder, not a GeoJSON file");
        try {
            if (Files.size(file) > MAX_BYTES) throw new SlideException(name, "GeoJSON larger than " + (MAX_BYTES >> 20) + " MB");
        } catch (NoSuchFileException e) {
            throw new SlideException(name, "no such file");
        }
        JsonElement root;
        try (Reader r = new DepthLimit(Files.newBufferedReader(file, StandardCharsets.UTF_8), name)) {
            root = JsonParser.parseReader(r);
        } catch (JsonParseException | IllegalStateException e) {
            if (e.getCause() instanceof SlideException) throw (SlideException) e.getCause();
            throw new SlideException(name, "not JSON (" + firstLine(e) + ")");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SlideException(name, "not JSON (not UTF-8 text)");
        } catch (SlideException e) {
            throw e;
        } catch (IOException e) {
            throw new SlideException(name, "cannot read (" + e.getMessage() + ")", e);
        }
        List<UserRegions.Polygon> out = new ArrayList<>();
        try {
            collect(root, null, out, "");
        } catch (IllegalArgumentException e) {
            throw new SlideException(name, e.getMessage());
        }
        if (out.isEmpty()) {
            throw new SlideException(name, "no Polygon or MultiPolygon geometries found (expected GeoJSON as QuPath exports annotations)");
        }
        return new UserRegions(name, UserRegions.Mode.OVERRIDE, out);
    }

    private static void collect(JsonElement e, String classification, List<UserRegions.Polygon> out, String where) {
        if (e == null || e.isJsonNull()) return;
        if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) collect(a.get(i), classification, out, where + "[" + i + "]");
            return;
        }
        if (!e.isJsonObject()) throw new IllegalArgumentException("not GeoJSON: expected an object" + at(where));
        JsonObject o = e.getAsJsonObject();
        String type = string(o.get("type"));
        if (type == null) throw new IllegalArgumentException("not GeoJSON: object without \"type\"" + at(where));
        switch (type) {
            case "FeatureCollection":
                collect(o.get("features"), null, out, where + ".features");
                break;
            case "Feature":
                collect(o.get("geometry"), classification(o.get("properties")), out, where + ".geometry");
                break;
            case "GeometryCollection":
                collect(o.get("geometries"), classification, out, where + ".geometries");
                break;
            case "Polygon":
                out.add(polygon(coordinates(o, where), classification, where));
                break;
            case "MultiPolygon": {
                JsonArray polys = coordinates(o, where);
                for (int i = 0; i < polys.size(); i++) {
                    if (!polys.get(i).isJsonArray()) throw new IllegalArgumentException("bad coordinates" + at(where + ".coordinates[" + i + "]") + ": expected an array of rings");
                    out.add(polygon(polys.get(i).getAsJsonArray(), classification, where + ".coordinates[" + i + "]"));
                }
                break;
            }
            default:
                break; // Points, lines: nothing to fill.
        }
    }

    private static JsonArray coordinates(JsonObject o, String where) {
        JsonElement c = o.get("coordinates");
        if (c == null || !c.isJsonArray()) throw new IllegalArgumentException("bad coordinates" + at(where) + ": " + string(o.get("type")) + " without a coordinates array");
        return c.getAsJsonArray();
    }

    private static UserRegions.Polygon polygon(JsonArray rings, String classification, String where) {
        if (rings.size() == 0) throw new IllegalArgumentException("bad coordinates" + at(where) + ": polygon without rings");
        List<double[]> out = new ArrayList<>(rings.size());
        for (int k = 0; k < rings.size(); k++) {
            String rw = where + "[" + k + "]";
            if (!rings.get(k).isJsonArray()) throw new IllegalArgumentException("bad coordinates" + at(rw) + ": expected an array of [x, y] points");
            JsonArray ring = rings.get(k).getAsJsonArray();
            double[] xy = new double[2 * ring.size()];
            int n = 0;
            for (int i = 0; i < ring.size(); i++) {
                JsonElement p = ring.get(i);
                if (!p.isJsonArray() || p.getAsJsonArray().size() < 2) throw new IllegalArgumentException("bad coordinates" + at(rw + "[" + i + "]") + ": expected [x, y]");
                double x = number(p.getAsJsonArray().get(0), rw + "[" + i + "]"), y = number(p.getAsJsonArray().get(1), rw + "[" + i + "]");
                xy[n++] = x;
                xy[n++] = y;
            }
            // GeoJSON closes a ring by repeating the first point; the polygon model does not.
            if (n >= 4 && xy[0] == xy[n - 2] && xy[1] == xy[n - 1]) n -= 2;
            if (n < 6) throw new IllegalArgumentException("bad coordinates" + at(rw) + ": a ring needs at least 3 distinct points");
            out.add(Arrays.copyOf(xy, n));
        }
        return new UserRegions.Polygon(out, classification);
    }

    private static double number(JsonElement e, String where) {
        double v;
        try {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw new NumberFormatException();
            v = e.getAsDouble();
        } catch (NumberFormatException | UnsupportedOperationException ex) {
            throw new IllegalArgumentException("bad coordinates" + at(where) + ": '" + e + "' is not a number");
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) throw new IllegalArgumentException("bad coordinates" + at(where) + ": not finite");
        return v;
    }

    private static String classification(JsonElement props) {
        if (props == null || !props.isJsonObject()) return null;
        JsonObject p = props.getAsJsonObject();
        JsonElement c = p.get("classification");
        if (c != null && c.isJsonObject()) {
            String n = string(c.getAsJsonObject().get("name"));
            if (n != null) return n;
        }
        String s = string(c);
        if (s == null) s = string(p.get("name"));
        if (s == null) s = string(p.get("class"));
        return s;
    }

    private static String string(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    private static String at(String where) {
        return where.isEmpty() ? "" : " at " + where.replaceFirst("^\\.", "");
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /**
     * Counts the nesting of brackets and braces outside strings as the parser reads, and stops with a
     * one-line error once it passes {@link #MAX_DEPTH}, before any recursion goes that deep.
     */
    private static final class DepthLimit extends FilterReader {
        private final String name;
        private int depth;
        private boolean inString, escaped;

        DepthLimit(Reader in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) see((char) c);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) see(buf[off + i]);
            return n;
        }

        private void see(char c) throws SlideException {
            if (inString) {
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    throw new SlideException(name, "not GeoJSON: arrays or objects nested more than " + MAX_DEPTH + " deep");
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
    }
}
