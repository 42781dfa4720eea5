package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;

import necroptosis.cli.Main;

/**
 * Small slides drawn by the edge-case tests with Beer-Lambert, so that what is on them (glass, pale
 * tissue, nuclei of a known size and darkness) is known exactly; plus a strict reader for summary.json
 * and a captured command line.
 */
final class EdgeSlides {
    private EdgeSlides() {}

    /** Glass intensity; about what scanners give (the synthetic slides use 241-249). */
    static final int GLASS = 240;
    /** Haematoxylin OD vector of the usual H-DAB preset (Ruifrok and Johnston). */
    private static final double[] HAEMATOXYLIN = {0.650, 0.704, 0.286};

    /** Uniform glass, with +-noise grey levels of sensor noise (0 for a perfectly flat image). */
    static Path glass(Path file, int w, int h, int noise, long seed) throws IOException {
        int[] rgb = new int[w * h];
        Random r = new Random(seed);
        for (int i = 0; i < rgb.length; i++) {
            int v = GLASS + (noise == 0 ? 0 : r.nextInt(2 * noise + 1) - noise);
            rgb[i] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        return png(file, w, h, rgb);
    }

    /**
     * Glass with a square of pale haematoxylin "cytoplasm" (OD {@code cytoplasmOd}) inset by {@code margin}
     * pixels, holding a regular lattice of large, pale nuclei: disc radius {@code nucleusRadiusPx}, OD
     * {@code nucleusOd}, one every {@code spacingPx}. With radius 6 um and OD 0.3 none of them is a lymphocyte
     * by DESIGN.md's definition (at most 60 um2 and dark), and their density is the same everywhere, so there is
     * nothing necrotic either.
     */
    static Path paleTissue(Path file, int w, int h, int margin, double cytoplasmOd, int nucleusRadiusPx, double nucleusOd,
            int spacingPx, long seed) throws IOException {
        double[] od = new double[w * h];
        for (int y = margin; y < h - margin; y++) for (int x = margin; x < w - margin; x++) od[y * w + x] = cytoplasmOd;
        int r2 = nucleusRadiusPx * nucleusRadiusPx;
        for (int cy = margin + spacingPx / 2; cy < h - margin - nucleusRadiusPx; cy += spacingPx) {
            for (int cx = margin + spacingPx / 2; cx < w - margin - nucleusRadiusPx; cx += spacingPx) {
                for (int dy = -nucleusRadiusPx; dy <= nucleusRadiusPx; dy++) {
                    for (int dx = -nucleusRadiusPx; dx <= nucleusRadiusPx; dx++) {
                        if (dx * dx + dy * dy <= r2) od[(cy + dy) * w + cx + dx] = nucleusOd;
                    }
                }
            }
        }
        int[] rgb = new int[w * h];
        Random r = new Random(seed);
        for (int i = 0; i < rgb.length; i++) {
            int p = 0xFF000000;
            for (int c = 0; c < 3; c++) {
                double v = GLASS * Math.pow(10, -od[i] * HAEMATOXYLIN[c]) + r.nextInt(3) - 1;
                p |= (int) Math.max(0, Math.min(255, Math.round(v))) << (16 - 8 * c);
            }
            rgb[i] = p;
        }
        return png(file, w, h, rgb);
    }

    static Path png(Path file, int w, int h, int[] rgb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, rgb, 0, w);
        if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer");
        return file;
    }

    /**
     * summary.json read by a strict JSON reader: NaN, Infinity or trailing garbage are syntax errors here,
     * although Gson's lenient default would accept them.
     */
    static JsonObject readStrict(Path json) throws IOException {
        try (Reader in = Files.newBufferedReader(json, StandardCharsets.UTF_8); JsonReader reader = new JsonReader(in)) {
            reader.setLenient(false);
            JsonElement e = new Gson().getAdapter(JsonElement.class).read(reader);
            assertEquals(com.google.gson.stream.JsonToken.END_DOCUMENT, reader.peek(), "trailing content in " + json);
            return e.getAsJsonObject();
        }
    }

    /** Every number in the tree is finite and no value is null, except at the given member names. */
    static void assertFiniteAndNotNull(String where, JsonElement e, List<String> mayBeNull) {
        if (e.isJsonNull()) {
            fail(where + " is null");
        } else if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                if (m.getValue().isJsonNull() && mayBeNull.contains(m.getKey())) continue;
                assertFiniteAndNotNull(where + "." + m.getKey(), m.getValue(), mayBeNull);
            }
        } else if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) assertFiniteAndNotNull(where + "[" + i + "]", e.getAsJsonArray().get(i), mayBeNull);
        } else if (e.getAsJsonPrimitive().isNumber()) {
            double v = e.getAsDouble();
            assertTrue(Double.isFinite(v), where + " = " + v);
        }
    }

    /** Every number in the tree is 0 (objects and arrays are walked; strings and booleans ignored). */
    static void assertAllZero(String where, JsonElement e) {
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) assertAllZero(where + "." + m.getKey(), m.getValue());
        } else if (e.isJsonArray()) {
            for (int i = 0; i < e.getAsJsonArray().size(); i++) assertAllZero(where + "[" + i + "]", e.getAsJsonArray().get(i));
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            assertEquals(0.0, e.getAsDouble(), 0.0, where);
        }
    }

    /** Exit code and the two streams of one command line. */
    static final class Cli {
        int code;
        String out;
        String err;

        /** stderr as a list of non-empty lines. */
        String[] errLines() {
            return err.trim().isEmpty() ? new String[0] : err.trim().split("\\R");
        }
    }

    static Cli run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Cli c = new Cli();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            c.code = Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        c.out = out.toString();
        c.err = err.toString();
        return c;
    }
}
