package necroptosis.slide.tiff;

import java.io.IOException;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The JPEG tile path (tables joined to abbreviated tiles, size checks, the JDK decoder, the copy into the
 * tile): any bytes either decode or fail with a one-line IOException.
 * <p>
 * Input layout: byte 0 chooses; bit 0 set means bytes 1-2 give the length of JPEGTables that follow, the
 * rest is the tile; bit 1 set means an edge tile, of which only the top-left 40x24 lies inside the image.
 */
class JpegTileFuzz {
    static final int TILE = 64;

    @FuzzTest(maxDuration = "10m")
    void decodeTile(byte[] data) {
        if (data.length < 1) return;
        int mode = data[0] & 0xFF;
        int p = 1;
        byte[] tables = null;
        if ((mode & 1) != 0) {
            if (data.length < 3) return;
            int n = Math.min(((data[1] & 0xFF) << 8) | (data[2] & 0xFF), data.length - 3);
            tables = Arrays.copyOfRange(data, 3, 3 + n);
            p = 3 + n;
        }
        byte[] tile = Arrays.copyOfRange(data, p, data.length);
        boolean edge = (mode & 2) != 0;
        int[] out = new int[TILE * TILE];
        try {
            JpegTileDecoder.decode(tile, tile.length, tables, out, TILE, TILE, edge ? 40 : TILE, edge ? 24 : TILE);
        } catch (IOException e) {
            FuzzChecks.cleanFailure(e);
        }
    }

    /** Entry point for Jazzer's command-line driver (src/fuzz/run.sh), which can stop a hanging input. */
    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        new JpegTileFuzz().decodeTile(data);
    }
}
