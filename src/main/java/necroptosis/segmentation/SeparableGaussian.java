package necroptosis.segmentation;

/**
 * ImageJ's Gaussian blur (small sigma, no downscaling), computed row by row for speed. ImageJ blurs each
 * column through a copy of it, which walks the image with a stride of its width; here the vertical pass
 * adds whole rows, so it runs along memory. Each output pixel is computed with the same kernel (ImageJ's
 * own, passed in), the same edge rule (pixels beyond the edge take the edge pixel's value, through the
 * kernel's running sums) and the same floating-point operations in the same order, so the result equals
 * ImageJ's bit for bit ({@code SeparableGaussianTest}).
 */
final class SeparableGaussian {
    private SeparableGaussian() {}

    /** Per-thread copy of the horizontally blurred image, which the vertical pass reads. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[1][0]);
    /**
     * Largest copy kept for the thread (tile windows are ~1.3 Mpx): a larger image, like a 40k slide's
     * 6 Mpx overview blurred once on the caller's thread, gets a copy of its own rather than holding
     * 25 MB for the rest of the run.
     */
    static final int KEEP_PIXELS = 1 << 22;

    /**
     * Blurs {@code pixels} in place: rows with {@code kx}, then columns with {@code ky}, each ImageJ's
     * one-sided kernel {values, running sums beyond each value} ({@code GaussianBlur.makeGaussianKernel}).
     */
    static void blur(float[] pixels, int width, int height, float[][] kx, float[][] ky) {
        float[] rows;
        if (pixels.length > KEEP_PIXELS) {
            rows = new float[pixels.length];
        } else {
            float[][] scratch = SCRATCH.get();
            if (scratch[0].length < pixels.length) scratch[0] = new float[pixels.length];
            rows = scratch[0];
        }
        for (int y = 0; y < height; y++) rowPass(pixels, y * width, width, kx, rows);
        for (int y = 0; y < height; y++) columnPassRow(rows, width, height, y, ky, pixels);
    }

    /**
     * The line of {@code length} points at {@code offset} in {@code in}, convolved into the same place in
     * {@code out}: ImageJ's three cases (near the start, inside, near the end) in its order of operations.
     */
    private static void rowPass(float[] in, int offset, int length, float[][] kernel, float[] out) {
        float[] kern = kernel[0], kernSum = kernel[1];
        int kRadius = kern.length;
        float first = in[offset], last = in[offset + length - 1], kern0 = kern[0];
        int firstPart = Math.min(kRadius, length), endInside = Math.max(firstPart, length - kRadius);
        // Inside: the kernel's terms added one at a time over the whole run (the same order for each pixel).
        int from = offset + firstPart, to = offset + endInside;
        for (int i = from; i < to; i++) out[i] = in[i] * kern0;
        for (int k = 1; k < kRadius; k++) {
            float kk = kern[k];
            for (int i = from; i < to; i++) out[i] += kk * (in[i - k] + in[i + k]);
        }
        for (int i = 0; i < length; i = i + 1 == firstPart ? endInside : i + 1) {
            float result = in[offset + i] * kern0;
            if (i < firstPart) {
                result += kernSum[i] * first;
                if (i + kRadius > length) result += kernSum[length - i - 1] * last;
            } else {
                if (i < kRadius) result += kernSum[i] * first;
                if (i + kRadius >= length) result += kernSum[length - i - 1] * last;
            }
            for (int k = 1; k < kRadius; k++) {
                float v = 0;
                if (i - k >= 0) v += in[offset + i - k];
                if (i + k < length) v += in[offset + i + k];
                result += kern[k] * v;
            }
            out[offset + i] = result;
        }
    }

    /**
     * Row {@code y} of the vertical pass over {@code in} (width x height), written to {@code out}: for every
     * pixel of the row the operations ImageJ does for that point of its column, the kernel's terms added in
     * the same order, so that each row's loop over x is a plain run along memory.
     */
    private static void columnPassRow(float[] in, int width, int height, int y, float[][] kernel, float[] out) {
        float[] kern = kernel[0], kernSum = kernel[1];
        int kRadius = kern.length, row = y * width, lastRow = (height - 1) * width;
        float kern0 = kern[0];
        boolean inside = y >= Math.min(kRadius, height) && y < height - kRadius;
        for (int x = 0; x < width; x++) out[row + x] = in[row + x] * kern0;
        if (inside) {
            // Two of the kernel's terms per run along the row, added in the same order as one at a time.
            int k = 1;
            for (; k + 1 < kRadius; k += 2) {
                float k1 = kern[k], k2 = kern[k + 1];
                int up1 = row - k * width, down1 = row + k * width, up2 = up1 - width, down2 = down1 + width;
                for (int x = 0; x < width; x++) {
                    out[row + x] = out[row + x] + k1 * (in[up1 + x] + in[down1 + x]) + k2 * (in[up2 + x] + in[down2 + x]);
                }
            }
            if (k < kRadius) {
                float kk = kern[k];
                int up = row - k * width, down = row + k * width;
                for (int x = 0; x < width; x++) out[row + x] += kk * (in[up + x] + in[down + x]);
            }
            return;
        }
        boolean nearStart = y < Math.min(kRadius, height);
        boolean addFirst = nearStart || y < kRadius;
        boolean addLast = nearStart ? y + kRadius > height : y + kRadius >= height;
        if (addFirst) {
            float s = kernSum[y];
            for (int x = 0; x < width; x++) out[row + x] += s * in[x];
        }
        if (addLast) {
            float s = kernSum[height - y - 1];
            for (int x = 0; x < width; x++) out[row + x] += s * in[lastRow + x];
        }
        for (int k = 1; k < kRadius; k++) {
            float kk = kern[k];
            boolean hasUp = y - k >= 0, hasDown = y + k < height;
            int up = row - k * width, down = row + k * width;
            for (int x = 0; x < width; x++) {
                float v = 0;
                if (hasUp) v += in[up + x];
                if (hasDown) v += in[down + x];
                out[row + x] += kk * v;
            }
        }
    }
}
