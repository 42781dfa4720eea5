package necroptosis.realimages;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The labelled real images of ../shared/real-images, read as their SOURCE.md files describe them: each
 * folder's images with its points, classes or masks, and the pixel size the labels are meant at.
 */
final class RealDatasets {
    private RealDatasets() {}

    /** crchisto: 20x Omnyx scans; the pixel size is not stored, about 0.55 µm per the paper (SOURCE.md). */
    static final double CRCHISTO_PIXEL_UM = 0.55;
    /** NuCLS at 40x as distributed (nominal: the repackager does not say whether it rescaled). */
    static final double NUCLS_PIXEL_UM = 0.2;
    /** Osteosarcoma-UT tiles at "10x", about 1 µm/px (not given exactly). */
    static final double OSTEOSARCOMA_PIXEL_UM = 1.0;

    static final String CRCHISTO_IMMUNE = "inflammatory";
    static final String NUCLS_IMMUNE = "sTIL";

    /** A field with marked nucleus centres (pixels of the image); a class per point, null where none was given. */
    static final class PointField {
        final String name;
        final Path image;
        final double pixelUm;
        final double[] xy;
        final String[] classes;
        /** The dataset's own split (crchisto: train/validation); "" where there is none. */
        final String split;

        PointField(String name, Path image, double pixelUm, double[] xy, String[] classes, String split) {
            this.name = name;
            this.image = image;
            this.pixelUm = pixelUm;
            this.xy = xy;
            this.classes = classes;
            this.split = split;
        }

        int points() { return xy.length / 2; }

        int count(String cls) {
            int n = 0;
            for (String c : classes) if (cls.equals(c)) n++;
            return n;
        }

        int classified() {
            int n = 0;
            for (String c : classes) if (c != null) n++;
            return n;
        }
    }

    /** A tile labelled as a whole (osteosarcoma: Non-Tumor, Viable, Non-Viable-Tumor). */
    static final class LabelledTile {
        final String name;
        final Path image;
        final String label;
        final boolean necrotic;

        LabelledTile(String name, Path image, String label, boolean necrotic) {
            this.name = name;
            this.image = image;
            this.label = label;
            this.necrotic = necrotic;
        }
    }

    /**
     * The 80 crchisto fields in summary.csv's order: every marked centre (detection_all), with its class
     * where classified.csv gives one; its points are detection_all's, at the same coordinates, but for a
     * few, which are added as centres of their own.
     */
    static List<PointField> crchisto(Path realImages) throws IOException {
        Path dir = realImages.resolve("crchisto-phenotypes-nuclei");
        List<PointField> out = new ArrayList<>();
        for (String[] row : csv(dir.resolve("summary.csv"))) {
            String name = row[0];
            List<String[]> all = csv(dir.resolve("labels/" + name + "_detection_all.csv"));
            List<String[]> classified = csv(dir.resolve("labels/" + name + "_classified.csv"));
            List<double[]> points = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            for (String[] a : all) {
                points.add(new double[] {Double.parseDouble(a[0]), Double.parseDouble(a[1])});
                classes.add(null);
            }
            int listed = points.size();
            for (String[] c : classified) {
                double x = Double.parseDouble(c[0]), y = Double.parseDouble(c[1]);
                int same = -1;
                for (int i = 0; i < listed && same < 0; i++) {
                    if (classes.get(i) == null && Math.hypot(points.get(i)[0] - x, points.get(i)[1] - y) <= 0.5) same = i;
                }
                if (same >= 0) {
                    classes.set(same, c[2]);
                } else { // 52 of the 17,598 classified points are not in detection_all (1-10 px off): one more centre
                    points.add(new double[] {x, y});
                    classes.add(c[2]);
                }
            }
            double[] xy = new double[2 * points.size()];
            for (int i = 0; i < points.size(); i++) {
                xy[2 * i] = points.get(i)[0];
                xy[2 * i + 1] = points.get(i)[1];
            }
            out.add(new PointField(name, dir.resolve("images/" + name + ".png"), CRCHISTO_PIXEL_UM, xy, classes.toArray(new String[0]), row[1]));
        }
        return out;
    }

    /** The 10 NuCLS fields; every point has a class (tumor_any, nonTIL_stromal, sTIL, other_nucleus). */
    static List<PointField> nucls(Path realImages) throws IOException {
        Path dir = realImages.resolve("nucls-breast-til-nuclei");
        List<PointField> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("labels_points"))) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted(Comparator.comparing(RealDatasets::naturalKey)).collect(Collectors.toList());
        }
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".csv", "");
            List<String[]> rows = csv(f);
            double[] xy = new double[2 * rows.size()];
            String[] classes = new String[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                xy[2 * i] = Double.parseDouble(rows.get(i)[0]);
                xy[2 * i + 1] = Double.parseDouble(rows.get(i)[1]);
                classes[i] = rows.get(i)[3];
            }
            out.add(new PointField(name, dir.resolve("images/" + name + ".png"), NUCLS_PIXEL_UM, xy, classes, ""));
        }
        return out;
    }

    static List<LabelledTile> osteosarcoma(Path realImages) throws IOException {
        Path dir = realImages.resolve("osteosarcoma-ut-necrosis-tiles");
        List<LabelledTile> out = new ArrayList<>();
        for (String[] row : csv(dir.resolve("labels.csv"))) {
            out.add(new LabelledTile(row[0], dir.resolve("images/" + row[0]), row[1], "1".equals(row[2])));
        }
        return out;
    }

    /** The SBU tiles as {image, mask} by tile number. */
    static Map<String, Path[]> sbu(Path realImages) {
        Path dir = realImages.resolve("sbu-u24-necrosis-tiles/train");
        Map<String, Path[]> out = new LinkedHashMap<>();
        for (int i = 50; i <= 59; i++) {
            Path image = dir.resolve("image_" + i + ".png"), mask = dir.resolve("mask_" + i + ".png");
            if (Files.exists(image) && Files.exists(mask)) out.put("image_" + i, new Path[] {image, mask});
        }
        return out;
    }

    /** "train_10" after "train_9". */
    private static String naturalKey(Path p) {
        String s = p.getFileName().toString();
        StringBuilder digits = new StringBuilder();
        for (char c : s.toCharArray()) if (Character.isDigit(c)) digits.append(c);
        return String.format("%s%08d", s.replaceAll("[0-9]", ""), digits.length() == 0 ? 0 : Long.parseLong(digits.toString()));
    }

    /** Rows of a simple CSV (no quoted commas), header skipped. */
    static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                if (!line.trim().isEmpty()) rows.add(line.trim().split(","));
            }
        }
        return rows;
    }
}
