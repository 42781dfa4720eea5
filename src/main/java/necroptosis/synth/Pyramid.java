package necroptosis.synth;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Builds the reduced levels from level-0 tiles as they arrive: each level keeps one tile row of pixels;
 * when it is complete its tiles are JPEG-encoded (on the pool, written in tile order) and it is averaged
 * 2x2 into the next level's row. Memory: about 3 x tile x (width / 2 + width / 4 + ...) bytes.
 */
final class Pyramid {
    private final PyramidTiffWriter writer;
    private final int[] ws, hs;
    private final int tile;
    private final ExecutorService pool;
    private final ThreadLocal<TileJpeg> encoders;
    private final byte[][] buf;
    private final int[] filled, rowIndex;

    Pyramid(PyramidTiffWriter writer, int[] ws, int[] hs, int tile, ExecutorService pool, ThreadLocal<TileJpeg> encoders) {
        this.writer = writer;
        this.ws = ws;
        this.hs = hs;
        this.tile = tile;
        this.pool = pool;
        this.encoders = encoders;
        buf = new byte[ws.length][];
        for (int l = 1; l < ws.length; l++) buf[l] = new byte[3 * ws[l] * tile];
        filled = new int[ws.length];
        rowIndex = new int[ws.length];
    }

    /** Averages the in-image part of a level-0 tile into the level-1 row. */
    void addLevel0Tile(byte[] bgr, int x0, int y0) {
        if (ws.length < 2) return;
        int vw = Math.min(tile, ws[0] - x0), vh = Math.min(tile, hs[0] - y0);
        int rowOff = ((y0 / tile) % 2) * (tile / 2);
        downsample(bgr, tile, vw, vh, buf[1], ws[1], x0 / 2, rowOff);
    }

    void level0RowDone(int ty, boolean last) throws IOException {
        if (ws.length < 2) return;
        int vh = Math.min(tile, hs[0] - ty * tile);
        filled[1] += (vh + 1) / 2;
        if (ty % 2 == 1 || last) flush(1);
    }

    /** Box average of the vw x vh top-left part of src (row stride srcStride pixels) into dst at (dx, dy). */
    private static void downsample(byte[] src, int srcStride, int vw, int vh, byte[] dst, int dstStride, int dx, int dy) {
        int ow = (vw + 1) / 2, oh = (vh + 1) / 2;
        for (int j = 0; j < oh; j++) {
            int sy0 = 2 * j, sy1 = Math.min(2 * j + 1, vh - 1);
            for (int i = 0; i < ow; i++) {
                int sx0 = 2 * i, sx1 = Math.min(2 * i + 1, vw - 1);
                int n = (sx1 > sx0 ? 2 : 1) * (sy1 > sy0 ? 2 : 1);
                int a = 3 * (sy0 * srcStride + sx0), b = 3 * (sy0 * srcStride + sx1);
                int c = 3 * (sy1 * srcStride + sx0), d = 3 * (sy1 * srcStride + sx1);
                int o = 3 * ((dy + j) * dstStride + dx + i);
                for (int ch = 0; ch < 3; ch++) {
                    int sum;
                    if (n == 4) {
                        sum = (src[a + ch] & 0xFF) + (src[b + ch] & 0xFF) + (src[c + ch] & 0xFF) + (src[d + ch] & 0xFF);
                    } else if (n == 2) {
                        sum = (src[a + ch] & 0xFF) + (src[sx1 > sx0 ? b + ch : c + ch] & 0xFF);
                    } else {
                        sum = src[a + ch] & 0xFF;
                    }
                    dst[o + ch] = (byte) ((sum + n / 2) / n);
                }
            }
        }
    }

    /** Encodes and writes the completed tile row of level l, then feeds level l + 1. */
    private void flush(int l) throws IOException {
        int rows = filled[l];
        int w = ws[l];
        int across = writer.tilesAcross(l);
        final byte[] row = buf[l];
        final int ty = rowIndex[l];
        List<Future<byte[]>> jobs = new ArrayList<Future<byte[]>>(across);
        for (int tx = 0; tx < across; tx++) {
            final int x0 = tx * tile;
            final int vw = Math.min(tile, w - x0), vh = rows;
            jobs.add(pool.submit(() -> encoders.get().encode(cut(row, w, x0, vw, vh))));
        }
        boolean hasNext = l + 1 < ws.length;
        if (hasNext) {
            int rowOff = (ty % 2) * (tile / 2);
            downsample(row, w, w, rows, buf[l + 1], ws[l + 1], 0, rowOff);
        }
        for (int tx = 0; tx < across; tx++) {
            try {
                writer.writeTile(l, tx, ty, jobs.get(tx).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException) throw (IOException) c;
                throw new IOException(c);
            }
        }
        boolean last = (ty + 1) * tile >= hs[l];
        rowIndex[l]++;
        filled[l] = 0;
        if (hasNext) {
            filled[l + 1] += (rows + 1) / 2;
            if (ty % 2 == 1 || last) flush(l + 1);
        }
    }

    /** A full tile from a row buffer, edge pixels repeated into the part outside the image. */
    private byte[] cut(byte[] row, int w, int x0, int vw, int vh) {
        byte[] t = new byte[3 * tile * tile];
        for (int j = 0; j < tile; j++) {
            int sj = Math.min(j, vh - 1);
            System.arraycopy(row, 3 * (sj * w + x0), t, 3 * j * tile, 3 * vw);
            int last = 3 * (j * tile + vw - 1);
            for (int i = vw; i < tile; i++) {
                int o = 3 * (j * tile + i);
                t[o] = t[last];
                t[o + 1] = t[last + 1];
                t[o + 2] = t[last + 2];
            }
        }
        return t;
    }
}
