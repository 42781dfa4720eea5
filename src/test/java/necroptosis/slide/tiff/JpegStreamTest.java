package necroptosis.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The tables-plus-tile stream reads exactly the bytes of the merged abbreviated JPEG, however it is read. */
class JpegStreamTest {
    @Test
    void tablesWithoutEoiThenTileWithoutSoiWhateverTheReadPattern() throws Exception {
        Random r = new Random(7);
        byte[] tables = new byte[40];
        r.nextBytes(tables);
        tables[0] = (byte) 0xFF; tables[1] = (byte) 0xD8; tables[38] = (byte) 0xFF; tables[39] = (byte) 0xD9;
        byte[] tile = new byte[100];
        r.nextBytes(tile);
        tile[0] = (byte) 0xFF; tile[1] = (byte) 0xD8;
        int length = 90; // only tile[0, 90) is the tile: the buffer is reused and longer
        ByteArrayOutputStream want = new ByteArrayOutputStream();
        want.write(tables, 0, 38);
        want.write(tile, 2, length - 2);
        byte[] expected = want.toByteArray();

        JpegStream s = JpegTileDecoder.stream(tables, tile, length);
        assertEquals(expected.length, s.length());
        byte[] got = new byte[expected.length];
        s.readFully(got, 0, 25); // ends inside the tables
        s.readFully(got, 25, 30); // crosses into the tile
        for (int i = 55; i < got.length; i++) got[i] = (byte) s.read();
        assertArrayEquals(expected, got);
        assertEquals(-1, s.read());
        assertEquals(-1, s.read(new byte[4], 0, 4));
        s.seek(36);
        byte[] cross = new byte[6];
        s.readFully(cross);
        for (int i = 0; i < 6; i++) assertEquals(expected[36 + i], cross[i], "after seek, byte " + i);

        // No tables: the tile as stored.
        JpegStream plain = JpegTileDecoder.stream(null, tile, length);
        byte[] all = new byte[length];
        plain.readFully(all);
        assertArrayEquals(Arrays.copyOf(tile, length), all);
    }
}
