package necroptosis.report;

import java.io.IOException;
import java.io.Writer;

import necroptosis.pipeline.CellRecords;
import necroptosis.pipeline.CellRecords.CellClass;
import necroptosis.pipeline.SlideResult;

/**
 * cells.csv and cells.geojson ({@code --export-cells}): every detected nucleus of the slide, as the summary
 * counted it, so that the calls can be overlaid on the slide and checked cell by cell. Both list the nuclei
 * in the same order (tile by tile, as tiles.csv). The GeoJSON is a FeatureCollection of QuPath detections
 * (File > Import objects, or drag and drop): each an octagon of the nucleus' area around its centre in
 * level-0 pixels, {@code objectType} "detection", a {@code classification} with name and colour, and the
 * numbers under {@code measurements}, which QuPath shows in its measurement table. Rows are formatted by
 * hand: a slide has millions, and {@code String.format} would cost seconds.
 */
public final class CellFiles {
    private CellFiles() {}

    public static final String CSV = "cells.csv";
    public static final String GEOJSON = "cells.geojson";

    public static final String[] COLUMNS = {"x_px", "y_px", "x_um", "y_um", "area_um2", "zone", "class", "dab_od", "dab_grade", "tile"};

    /** Grades 0 to 3 as written: negative, then the 1+/2+/3+ of the DAB thresholds. */
    static final String[] GRADES = {"0", "1+", "2+", "3+"};

    /** Vertices of the polygon drawn for a nucleus. */
    static final int VERTICES = 8;

    public static void writeCsv(SlideResult r, Writer w) throws IOException {
        w.write(String.join(",", COLUMNS));
        w.write('\n');
        double um = r.pixelSizeUm;
        StringBuilder sb = new StringBuilder(128);
        r.cellRecords.forEach(r, c -> {
            sb.setLength(0);
            fixed(sb, c.x, 3).append(',');
            fixed(sb, c.y, 3).append(',');
            fixed(sb, c.x * um, 3).append(',');
            fixed(sb, c.y * um, 3).append(',');
            fixed(sb, c.areaUm2, 2).append(',');
            sb.append(c.zone.key).append(',').append(c.cellClass.key).append(',');
            fixed(sb, c.dabOd, 4).append(',');
            sb.append(GRADES[c.grade]).append(',').append(c.tile).append('\n');
            w.append(sb);
        });
    }

    public static void writeGeoJson(SlideResult r, Writer w) throws IOException {
        w.write("{\"type\":\"FeatureCollection\",\"features\":[");
        double um = r.pixelSizeUm;
        double[] cos = new double[VERTICES], sin = new double[VERTICES];
        for (int k = 0; k < VERTICES; k++) {
            // Counter-clockwise as numbers (RFC 7946's right-hand rule), as necrosis.geojson's exteriors.
            double a = 2 * Math.PI * (k + 0.5) / VERTICES;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        // The octagon's area equals the nucleus' (an octagon of circumradius R has area 2 sqrt(2) R²).
        double areaToRadius2 = 1 / (2 * Math.sqrt(2) * um * um);
        StringBuilder sb = new StringBuilder(512);
        boolean[] first = {true};
        r.cellRecords.forEach(r, c -> {
            sb.setLength(0);
            sb.append(first[0] ? "\n" : ",\n");
            first[0] = false;
            sb.append("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
            double radius = Math.sqrt(c.areaUm2 * areaToRadius2);
            for (int k = 0; k <= VERTICES; k++) {
                int i = k % VERTICES; // GeoJSON closes a ring by repeating its first point.
                sb.append(k == 0 ? "[" : ",[");
                fixed(sb, c.x + radius * cos[i], 1).append(',');
                fixed(sb, c.y + radius * sin[i], 1).append(']');
            }
            int rgb = colour(c.cellClass);
            sb.append("]]},\"properties\":{\"objectType\":\"detection\",\"classification\":{\"name\":\"").append(c.cellClass.key)
                    .append("\",\"color\":[").append((rgb >> 16) & 0xFF).append(',').append((rgb >> 8) & 0xFF).append(',').append(rgb & 0xFF)
                    .append("]},\"zone\":\"").append(c.zone.key).append("\",\"tile\":").append(c.tile)
                    .append(",\"measurements\":{\"area_um2\":");
            fixed(sb, c.areaUm2, 2).append(",\"dab_od\":");
            fixed(sb, c.dabOd, 4).append(",\"dab_grade\":").append(c.grade).append("}}}");
            w.append(sb);
        });
        w.write("\n]}\n");
    }

    /** The colour (0xRRGGBB) of the class named {@code key} in cells.csv; grey for a name it does not know. */
    public static int rgb(String key) {
        for (CellClass c : CellClass.values()) if (c.key.equals(key)) return colour(c);
        return 0x808080;
    }

    /** Colours as QuPath's own classes where there is one (Immune cells, Tumor, Other). */
    static int colour(CellClass c) {
        switch (c) {
            case IMMUNE: return 0xA05AA0;
            case TUMOUR: return 0xC80000;
            case OTHER: return 0xFFC800;
            case DEBRIS: return 0x808080;
            default: return 0x3232C8;
        }
    }

    /** {@code v} with {@code decimals} digits after the point (rounded half up), without a minus sign for zero. */
    static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return sb.append("NaN");
        long scale = 1;
        for (int i = 0; i < decimals; i++) scale *= 10;
        long n = Math.round(Math.abs(v) * scale);
        if (n != 0 && v < 0) sb.append('-');
        sb.append(n / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(n % scale);
            for (int i = frac.length(); i < decimals; i++) sb.append('0');
            sb.append(frac);
        }
        return sb;
    }
}
