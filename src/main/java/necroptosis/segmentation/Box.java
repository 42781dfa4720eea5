package necroptosis.segmentation;

/** A rectangle of an image, origin (x0, y0) and size w x h, in which one object is worked on alone. */
final class Box {
    final int x0, y0, w, h;

    Box(int x0, int y0, int w, int h) {
        this.x0 = x0;
        this.y0 = y0;
        this.w = w;
        this.h = h;
    }

    int pixels() {
        return w * h;
    }

    /** This box with {@code border} pixels more on each side (which may lie outside the image). */
    Box grown(int border) {
        return new Box(x0 - border, y0 - border, w + 2 * border, h + 2 * border);
    }
}
