package necroptosis.regions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.gui.OvalRoi;
import ij.gui.PolygonRoi;
import ij.gui.Roi;
import ij.gui.ShapeRoi;
import ij.io.RoiEncoder;

/**
 * Writes the seed files of the region and macro option targets (run from the project folder with the fuzz
 * profile's test classpath): small valid inputs of every kind the readers know.
 */
final class RegionSeeds {
    private RegionSeeds() {}

    public static void main(String[] args) throws IOException {
        Path res = Paths.get("src/fuzz/resources/necroptosis");
        Path geo = Files.createDirectories(res.resolve("regions/GeoJsonRegionsFuzzInputs/read"));
        text(geo.resolve("feature-collection.geojson"), "{\"type\":\"FeatureCollection\",\"features\":["
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[100,100],[900,120],[800,700],[100,100]]]},"
                + "\"properties\":{\"classification\":{\"name\":\"Necrosis\",\"colorRGB\":-65536}}},"
                + "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[50,0],[50,50],[0,50],[0,0]]]},"
                + "\"properties\":{\"classification\":{\"name\":\"Exclude\"}}}]}");
        text(geo.resolve("feature-array-hole.geojson"), "[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[1000,0],[1000,1000],[0,1000],[0,0]],[[200,200],[400,200],[400,400],[200,200]]]},"
                + "\"properties\":{\"objectType\":\"annotation\",\"classification\":\"Tumor\"}}]");
        text(geo.resolve("multipolygon.geojson"), "{\"type\":\"Feature\",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":"
                + "[[[[10,10],[60,10],[60,60],[10,10]]],[[[5000,5000],[5100,5000],[5100,5100],[5000,5000]]]]},\"properties\":{}}");
        text(geo.resolve("geometry-collection.geojson"), "{\"type\":\"GeometryCollection\",\"geometries\":["
                + "{\"type\":\"Polygon\",\"coordinates\":[[[1.5,2.5],[300.25,2],[150,-40],[1.5,2.5]]]},"
                + "{\"type\":\"Point\",\"coordinates\":[3,4]},{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}]}");

        Path roi = Files.createDirectories(res.resolve("regions/ImageJRoiFuzzInputs/read"));
        Roi rect = new Roi(10, 20, 300, 200);
        rect.setName("Necrosis");
        Roi oval = new OvalRoi(50, 60, 120, 80);
        oval.setName("Exclude");
        Roi poly = new PolygonRoi(new float[] {0, 400, 380, 20}, new float[] {0, 10, 300, 280}, 4, Roi.POLYGON);
        Roi free = new PolygonRoi(new float[] {5, 9.5f, 14, 12, 6}, new float[] {5, 4, 9, 15.25f, 12}, 5, Roi.FREEROI);
        free.setName("0001-0005");
        ShapeRoi composite = new ShapeRoi(new Roi(0, 0, 500, 500)).not(new ShapeRoi(new Roi(100, 100, 200, 200)));
        composite.setName("Tumor");
        Roi line = new PolygonRoi(new float[] {0, 30, 60}, new float[] {0, 40, 10}, 3, Roi.POLYLINE);
        Roi[] all = {rect, oval, poly, free, composite, line};
        String[] names = {"rectangle", "oval", "polygon", "freehand", "composite", "polyline"};
        for (int i = 0; i < all.length; i++) {
            Files.write(roi.resolve(names[i] + ".roi"), concat(new byte[] {(byte) (i == 1 ? 2 : 0)}, RoiEncoder.saveAsByteArray(all[i])));
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            for (int i = 0; i < 3; i++) {
                ZipEntry e = new ZipEntry(String.format("%04d-%04d.roi", i, i * 7));
                e.setTime(0);
                z.putNextEntry(e);
                z.write(RoiEncoder.saveAsByteArray(all[i == 2 ? 4 : i]));
                z.closeEntry();
            }
        }
        Files.write(roi.resolve("roiset.zip"), concat(new byte[] {1}, zip.toByteArray()));

        Path macro = Files.createDirectories(res.resolve("ij/MacroOptionsFuzzInputs/parse"));
        text(macro.resolve("score-slide.txt"), "slide=[/data/slides/case 1.svs] output=[/data/results] stains=H-DAB rim_width=100 tile_table");
        text(macro.resolve("every-kind.txt"), "slide=a.tif source=[slide file] reader=built-in pixel_size=0.2527 weak=0.1 moderate=0.3 "
                + "strong=0.6 stain_vectors=[0.65,0.70,0.29;0.27,0.57,0.78] estimate_stains immune=hematoxylin threads=2 cells "
                + "compartment=nucleus cell_expansion=5 min_core_area=0.05 regions_mode=restrict regions_scale=1 marker=MLKL output=out");
        text(macro.resolve("batch.txt"), "input=[/data/slides] recursive shard=1/4 background=[] output=[/data/out dir]");
    }

    private static void text(Path f, String s) throws IOException {
        Files.write(f, s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
