package necroptosis.segmentation;

/** The measurement of a nucleus, wherever its pixels come from: centroid, area, circularity and mean OD. */
final class Measurement {
    private Measurement() {}

    /**
     * The nucleus formed by the pixels labelled {@code c} in {@code boxLabels} over {@code box} (pixels
     * outside the box are not in it), measured on {@code images.od} and classified. Circularity is
     * 4π·area / perimeter², the perimeter the boundary-edge count times π/4, which estimates the perimeter
     * of a digitised convex shape without the staircase bias (Cauchy-Crofton): a digital disc has
     * circularity close to 1. The box must hold at least one such pixel.
     */
    static Nucleus of(int[] boxLabels, int c, Box box, OdImages images, NucleusClassifier classifier) {
        float[] od = images.od, hem = images.hematoxylin;
        int width = images.width, ox = box.x0, oy = box.y0, bw = box.w, bh = box.h;
        long core = 0, edges = 0;
        double sx = 0, sy = 0, sod = 0, shem = 0;
        for (int by = 0; by < bh; by++) for (int bx = 0; bx < bw; bx++) {
            int i = by * bw + bx;
            if (boxLabels[i] != c) continue;
            int x = ox + bx, y = oy + by;
            core++;
            sx += x;
            sy += y;
            sod += od[y * width + x];
            shem += hem[y * width + x];
            edges += (bx == 0 || boxLabels[i - 1] != c ? 1 : 0) + (bx == bw - 1 || boxLabels[i + 1] != c ? 1 : 0)
                    + (by == 0 || boxLabels[i - bw] != c ? 1 : 0) + (by == bh - 1 || boxLabels[i + bw] != c ? 1 : 0);
        }
        double areaUm2 = core * images.pixelArea();
        double perimeter = edges * Math.PI / 4;
        double circularity = Math.min(1, 4 * Math.PI * core / (perimeter * perimeter));
        double meanOd = sod / core, chromatinOd = od == hem ? meanOd : shem / core;
        return new Nucleus(sx / core + 0.5, sy / core + 0.5, areaUm2, circularity, meanOd, chromatinOd,
                classifier.classify(areaUm2, circularity, meanOd, chromatinOd));
    }
}
