package necroptosis.segmentation;

/**
 * One 4-connected component of the nucleus mask, as the slice {@code [from, to)} of a tile's list of
 * mask pixels ordered by component, and what the measurement reads off its pixels.
 */
final class Component {
    final int[] pixels;
    final int width;
    int id, from, to;
    /** The bounding box of all its pixels. */
    Box box;

    Component(int[] pixels, int width) {
        this.pixels = pixels;
        this.width = width;
    }

    int members() {
        return to - from;
    }

    /** The first pixel in raster order. */
    int first() {
        return pixels[from];
    }

    /** Bounding box of the pixels at or above {@code cut} in {@code flat}; null when none are. */
    Box boxAtOrAbove(float cut, float[] flat) {
        int[] pixels = this.pixels;
        int width = this.width;
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int k = from; k < to; k++) {
            int p = pixels[k];
            if (flat[p] < cut) continue;
            int x = p % width, y = p / width;
            x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
        }
        return x1 < 0 ? null : new Box(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    /** The pixels at or above {@code cut} (255, the rest 0) in a new array over {@code box}, which holds them all. */
    byte[] maskAtOrAbove(float cut, float[] flat, Box box) {
        byte[] out = new byte[box.pixels()];
        int[] pixels = this.pixels;
        int width = this.width, ox = box.x0, oy = box.y0, bw = box.w;
        for (int k = from; k < to; k++) {
            int p = pixels[k];
            if (flat[p] >= cut) out[(p / width - oy) * bw + (p % width - ox)] = (byte) 255;
        }
        return out;
    }

    /**
     * Labels the pixels at or above {@code cut} {@code label} in {@code boxLabels} over {@link #box}, leaving
     * its other pixels as they are; returns how many there are.
     */
    int labelAtOrAbove(float cut, float[] flat, int[] boxLabels, int label) {
        int[] pixels = this.pixels;
        int width = this.width, ox = box.x0, oy = box.y0, bw = box.w, labelled = 0;
        for (int k = from; k < to; k++) {
            int p = pixels[k];
            if (flat[p] >= cut) {
                boxLabels[(p / width - oy) * bw + (p % width - ox)] = label;
                labelled++;
            }
        }
        return labelled;
    }

    /**
     * The component's typical peak darkness: the {@code quantile} of its values in {@code flat} rather than
     * the maximum, so that one dark granule in a textured nucleus does not shrink it to that granule.
     * Leaves its values in {@code values} (at least {@link #members()} long) with the largest last.
     */
    float robustPeak(float[] flat, double quantile, float[] values) {
        int members = members();
        for (int k = 0; k < members; k++) values[k] = flat[pixels[from + k]];
        int rank = (int) Math.min(members - 1, Math.floor(quantile * members));
        // Selection instead of a full sort: the value at rank is the same, and everything after it is at least as large.
        float peak = Selection.select(values, members, rank);
        int top = rank;
        for (int k = rank + 1; k < members; k++) if (values[k] > values[top]) top = k;
        float largest = values[top];
        values[top] = values[members - 1];
        values[members - 1] = largest;
        return peak;
    }

    /** Gives each pixel the label {@code newId[c]} of its piece {@code c} in {@code boxLabels} over {@code box}, where it has one. */
    void relabel(int[] labels, int[] boxLabels, Box box, int[] newId) {
        int[] pixels = this.pixels;
        int width = this.width, ox = box.x0, oy = box.y0, bw = box.w, bh = box.h;
        for (int k = from; k < to; k++) {
            int p = pixels[k];
            int bx = p % width - ox, by = p / width - oy;
            if (bx >= 0 && by >= 0 && bx < bw && by < bh) {
                int c = boxLabels[by * bw + bx];
                if (c > 0 && newId[c] > 0) labels[p] = newId[c];
            }
        }
    }
}
