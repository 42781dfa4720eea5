package necroptosis.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import necroptosis.TruthPolygons;

/** Synthetic slides: determinism, truth against an independent recount, and TIFF structure. */
class SyntheticSlideGeneratorTest {
    @TempDir
    static Path dir;

    /** Small but complete: 3 levels, partial edge tiles, two cores with rims. */
    static final SyntheticSlideSettings SMALL = SyntheticSlideSettings.builder()
            .size(1100, 900).pixelSizeUm(1.0).seed(7).cores(2).coreRadiusUm(90).rimWidthUm(50).build();

    static Path tif1, truth1;
    static JsonObject truth;

    @BeforeAll
    static void generateOnce() throws IOException {
        tif1 = dir.resolve("one.tif");
        truth1 = dir.resolve("one.truth.json");
        new SyntheticSlideGenerator(SMALL, 1, null).generate(tif1, truth1);
        truth = readJson(truth1);
    }

    static JsonObject readJson(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p)) {
            return JsonParser.parseReader(r).getAsJsonObject();
        }
    }

    @Test
    void sameSeedGivesIdenticalBytesWhateverTheThreadCount() throws IOException {
        Path tif3 = dir.resolve("three.tif");
        Path truth3 = dir.resolve("three.truth.json");
        new SyntheticSlideGenerator(SMALL, 3, null).generate(tif3, truth3);
        assertArrayEquals(Files.readAllBytes(tif1), Files.readAllBytes(tif3), "TIFF differs between 1 and 3 threads");
        String a = new String(Files.readAllBytes(truth1), "UTF-8").replace("one.tif", "X");
        String b = new String(Files.readAllBytes(truth3), "UTF-8").replace("three.tif", "X");
        assertEquals(a, b, "truth differs between 1 and 3 threads");
    }

    @Test
    void differentSeedGivesDifferentSlide() throws IOException {
        Path t = dir.resolve("seed8.tif");
        new SyntheticSlideGenerator(SMALL.toBuilder().seed(8).build(), 2, null).generate(t, dir.resolve("seed8.json"));
        assertTrue(!Arrays.equals(Files.readAllBytes(tif1), Files.readAllBytes(t)));
    }

    private static double distanceToOutline(JsonArray pts, double x, double y) {
        double best = Double.MAX_VALUE;
        for (int i = 0, j = pts.size() - 1; i < pts.size(); j = i++) {
            JsonArray a = pts.get(j).getAsJsonArray(), b = pts.get(i).getAsJsonArray();
            best = Math.min(best, Line2D.ptSegDist(a.get(0).getAsDouble(), a.get(1).getAsDouble(),
                    b.get(0).getAsDouble(), b.get(1).getAsDouble(), x, y));
        }
        return best;
    }

    /** Zone recomputed with java.awt.geom from the truth polygons; viable and stroma merged as "other". */
    private static String[][] recountZones() {
        int w = SMALL.width(), h = SMALL.height();
        double rim = SMALL.rimWidthUm() / SMALL.pixelSizeUm();
        Path2D tissue = TruthPolygons.path(truth.getAsJsonArray("tissue_polygon"));
        JsonArray cores = truth.getAsJsonArray("cores");
        List<Path2D> corePaths = new ArrayList<>();
        List<JsonArray> corePts = new ArrayList<>();
        for (JsonElement c : cores) {
            JsonArray pts = c.getAsJsonObject().getAsJsonArray("polygon");
            corePts.add(pts);
            corePaths.add(TruthPolygons.path(pts));
        }
        String[][] zone = new String[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double cx = x + 0.5, cy = y + 0.5;
                String z;
                if (!tissue.contains(cx, cy)) {
                    z = "background";
                } else {
                    z = "other";
                    for (int k = 0; k < corePaths.size(); k++) {
                        if (corePaths.get(k).contains(cx, cy)) z = "necrosis" + k;
                    }
                    if (z.equals("other")) {
                        for (int k = 0; k < corePaths.size(); k++) {
                            java.awt.Rectangle b = corePaths.get(k).getBounds();
                            if (cx < b.x - rim - 1 || cx > b.x + b.width + rim + 1 || cy < b.y - rim - 1
                                    || cy > b.y + b.height + rim + 1) continue;
                            if (distanceToOutline(corePts.get(k), cx, cy) <= rim) z = "rim";
                        }
                    }
                }
                zone[y][x] = z;
            }
        }
        return zone;
    }

    @Test
    void zoneAreasMatchAnIndependentRecount() {
        String[][] zone = recountZones();
        Map<String, Long> n = new HashMap<>();
        for (String[] row : zone) for (String z : row) n.merge(z, 1L, Long::sum);
        JsonObject px = truth.getAsJsonObject("pixel_counts");
        long total = (long) SMALL.width() * SMALL.height();
        assertEquals(total, px.get("tissue").getAsLong() + px.get("background").getAsLong());
        // polygons in the truth file are rounded to 0.01 px, so a handful of boundary pixels may differ
        assertClose(n.getOrDefault("background", 0L), px.get("background").getAsLong(), 20, "background");
        assertClose(n.getOrDefault("rim", 0L), px.get("rim").getAsLong(), 20, "rim");
        assertClose(n.getOrDefault("other", 0L), px.get("viable").getAsLong() + px.get("stroma").getAsLong(), 20,
                "viable + stroma");
        JsonArray cores = truth.getAsJsonArray("cores");
        assertEquals(2, cores.size());
        long necrosis = 0;
        for (int k = 0; k < cores.size(); k++) {
            long p = cores.get(k).getAsJsonObject().get("pixels").getAsLong();
            assertClose(n.getOrDefault("necrosis" + k, 0L), p, 10, "core " + k);
            double area = cores.get(k).getAsJsonObject().get("area_mm2").getAsDouble();
            assertEquals(p * 1e-6, area, 1e-9, "core area in mm² at 1 µm/px");
            necrosis += p;
        }
        assertEquals(necrosis, px.get("necrosis").getAsLong());
        double mm2 = 1e-6; // 1 µm/px
        assertEquals(px.get("rim").getAsLong() * mm2, truth.getAsJsonObject("areas_mm2").get("rim").getAsDouble(), 1e-9);
        assertTrue(px.get("rim").getAsLong() > 0 && px.get("stroma").getAsLong() > 0 && px.get("viable").getAsLong() > 0);
    }

    private static void assertClose(long expected, long actual, long tolerance, String what) {
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": recount " + expected + ", truth " + actual);
    }

    @Test
    void lymphocyteListAgreesWithCountsAndZones() {
        JsonObject l = truth.getAsJsonObject("lymphocytes");
        JsonArray pos = l.getAsJsonArray("positions");
        Map<String, Long> listed = new HashMap<>();
        String[][] zone = recountZones();
        int mismatches = 0;
        for (JsonElement e : pos) {
            JsonArray a = e.getAsJsonArray();
            double x = a.get(0).getAsDouble(), y = a.get(1).getAsDouble();
            String z = a.get(2).getAsString();
            listed.merge(z, 1L, Long::sum);
            assertTrue(x >= 0 && y >= 0 && x < SMALL.width() && y < SMALL.height(), "inside the image: " + a);
            String expect = zone[(int) Math.floor(y)][(int) Math.floor(x)];
            String got = z.equals("viable") || z.equals("stroma") ? "other" : z;
            if (expect.startsWith("necrosis")) expect = "necrosis";
            if (!expect.equals(got)) mismatches++;
        }
        assertTrue(mismatches <= 1, mismatches + " lymphocytes whose zone disagrees with the recount");
        JsonObject counts = l.getAsJsonObject("counts");
        long tissue = 0;
        for (String z : new String[] {"necrosis", "rim", "viable", "stroma"}) {
            assertEquals(listed.getOrDefault(z, 0L).longValue(), counts.get(z).getAsLong(), z);
            tissue += counts.get(z).getAsLong();
        }
        assertEquals(tissue, counts.get("tissue").getAsLong());
        assertEquals(pos.size(), tissue);
        JsonObject d = l.getAsJsonObject("density_per_mm2");
        double rimArea = truth.getAsJsonObject("areas_mm2").get("rim").getAsDouble();
        assertEquals(counts.get("rim").getAsLong() / rimArea, d.get("rim").getAsDouble(), 1e-6);
        // densities follow the settings (Poisson noise on ~0.1-0.5 mm² zones)
        assertTrue(d.get("rim").getAsDouble() > 2 * d.get("viable").getAsDouble(), "rim denser than viable tumour");
        double viable = d.get("viable").getAsDouble();
        assertTrue(viable > 0.5 * SMALL.lymphViable() && viable < 1.5 * SMALL.lymphViable(), "viable density " + viable);
    }

    @Test
    void mlklIsConcentratedInTheRim() {
        JsonObject f = truth.getAsJsonObject("mlkl_positive_fraction");
        double rim = f.get("rim").getAsDouble(), viable = f.get("viable").getAsDouble();
        assertTrue(rim > 3 * viable, "rim " + rim + " vs viable " + viable);
        JsonObject byT = truth.getAsJsonObject("mlkl_positive_fraction_by_threshold");
        for (String z : new String[] {"necrosis", "rim", "viable", "tissue"}) {
            double w = byT.getAsJsonObject("0.15").get(z).getAsDouble();
            double m = byT.getAsJsonObject("0.35").get(z).getAsDouble();
            double s = byT.getAsJsonObject("0.60").get(z).getAsDouble();
            assertTrue(w >= m && m >= s && s >= 0, z + ": fractions must fall with the threshold");
            assertEquals(w, f.get(z).getAsDouble(), 0);
        }
    }

    /** Reads IFDs the plain way (classic or BigTIFF) and decodes every tile of the smallest level. */
    @Test
    void tiffStructureAndTilesAreValid() throws IOException {
        byte[] file = Files.readAllBytes(tif1);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals('I', b.get(0));
        assertEquals(42, b.getShort(2));
        long ifd = b.getInt(4) & 0xFFFFFFFFL;
        List<Map<Integer, long[]>> levels = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        while (ifd != 0) {
            int n = b.getShort((int) ifd) & 0xFFFF;
            Map<Integer, long[]> tags = new HashMap<>();
            for (int e = 0; e < n; e++) {
                int at = (int) ifd + 2 + 12 * e;
                int tag = b.getShort(at) & 0xFFFF, type = b.getShort(at + 2);
                int count = b.getInt(at + 4);
                int size = type == 3 ? 2 : type == 2 ? 1 : type == 5 ? 8 : 4;
                int valueAt = count * size <= 4 ? at + 8 : b.getInt(at + 8);
                if (type == 2) {
                    descriptions.add(tag == 270 ? new String(file, valueAt, count - 1, "US-ASCII") : "");
                    continue;
                }
                long[] v = new long[type == 5 ? 2 * count : count];
                for (int i = 0; i < v.length; i++) {
                    v[i] = type == 3 ? b.getShort(valueAt + 2 * i) & 0xFFFF : b.getInt(valueAt + 4 * i) & 0xFFFFFFFFL;
                }
                tags.put(tag, v);
            }
            levels.add(tags);
            ifd = b.getInt((int) ifd + 2 + 12 * n) & 0xFFFFFFFFL;
        }
        JsonArray tl = truth.getAsJsonArray("levels");
        assertEquals(tl.size(), levels.size());
        assertEquals(2, levels.size(), "1100 px wide: halve until the level fits in 1024 px: 1100, 550");
        assertTrue(descriptions.get(0).startsWith("Aperio Image Library"));
        assertTrue(descriptions.get(0).contains("|MPP = 1|"), descriptions.get(0));
        int w = SMALL.width(), h = SMALL.height();
        for (int l = 0; l < levels.size(); l++) {
            Map<Integer, long[]> t = levels.get(l);
            assertEquals(w, t.get(256)[0]);
            assertEquals(h, t.get(257)[0]);
            assertEquals(7, t.get(259)[0], "JPEG");
            assertEquals(l == 0 ? 0 : 1, t.get(254)[0]);
            long[] res = t.get(282);
            assertEquals(10000.0 / (1 << l), (double) res[0] / res[1], 1e-6, "pixels per cm");
            int tiles = ((w + 255) / 256) * ((h + 255) / 256);
            long[] off = t.get(324), cnt = t.get(325);
            assertEquals(tiles, off.length);
            for (int i = 0; i < tiles; i++) assertTrue(off[i] + cnt[i] <= file.length && cnt[i] > 100);
            if (l == levels.size() - 1 || l == 0) {
                for (int i = 0; i < tiles; i++) {
                    BufferedImage img = ImageIO.read(new ByteArrayInputStream(file, (int) off[i], (int) cnt[i]));
                    assertNotNull(img, "tile " + i + " of level " + l + " decodes");
                    assertEquals(256, img.getWidth());
                }
            }
            w = (w + 1) / 2;
            h = (h + 1) / 2;
        }
        // the top-left level-0 tile is mostly glass: near white
        BufferedImage corner = ImageIO.read(new ByteArrayInputStream(file, (int) levels.get(0).get(324)[0],
                (int) levels.get(0).get(325)[0]));
        int rgb = corner.getRGB(5, 5);
        assertTrue(((rgb >> 16) & 0xFF) > 225 && (rgb & 0xFF) > 225, "glass is near white: " + Integer.toHexString(rgb));
    }

    @Test
    void slidesLookTheSameAtAnyPixelSize() throws IOException {
        SyntheticSlideSettings fine = SyntheticSlideSettings.builder().size(1600, 1400).pixelSizeUm(0.5).seed(3)
                .cores(1).coreRadiusUm(70).rimWidthUm(40).build();
        SyntheticSlideSettings coarse = fine.toBuilder().size(800, 700).pixelSizeUm(1.0).build();
        new SyntheticSlideGenerator(fine, 2, null).generate(dir.resolve("f.tif"), dir.resolve("f.json"));
        new SyntheticSlideGenerator(coarse, 2, null).generate(dir.resolve("c.tif"), dir.resolve("c.json"));
        JsonObject a = readJson(dir.resolve("f.json")).getAsJsonObject("areas_mm2");
        JsonObject b = readJson(dir.resolve("c.json")).getAsJsonObject("areas_mm2");
        for (String z : new String[] {"tissue", "necrosis", "rim", "viable", "stroma"}) {
            double x = a.get(z).getAsDouble(), y = b.get(z).getAsDouble();
            assertTrue(Math.abs(x - y) <= 0.03 * Math.max(x, y) + 1e-4, z + ": " + x + " mm² vs " + y + " mm²");
        }
    }

    @Test
    void badSettingsNameTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSlideSettings.builder().mlklRim(1.5).build());
        assertTrue(e.getMessage().startsWith("mlkl-rim"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticSlideSettings.builder().width(200000).build());
        assertTrue(e.getMessage().startsWith("width"), e.getMessage());
        SyntheticSlideSettings tooMany = SyntheticSlideSettings.builder().size(600, 600).pixelSizeUm(1).cores(5)
                .coreRadiusUm(150).build();
        e = assertThrows(IllegalArgumentException.class,
                () -> new SyntheticSlideGenerator(tooMany, 1, null).generate(dir.resolve("x.tif"), dir.resolve("x.json")));
        assertTrue(e.getMessage().startsWith("cores"), e.getMessage());
    }
}
