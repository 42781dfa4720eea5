package necroptosis.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BigTIFF on request: 8-byte offsets, LONG8 tile tables, same pixels as the classic file. */
class BigTiffTest {
    @TempDir
    Path dir;

    @Test
    void bigTiffHasValidStructureAndTheSameTilesAsClassic() throws Exception {
        SyntheticSlideSettings s = SyntheticSlideSettings.builder().size(1300, 700).pixelSizeUm(1).seed(5).cores(1)
                .coreRadiusUm(60).rimWidthUm(30).build();
        Path big = dir.resolve("big.tif"), classic = dir.resolve("classic.tif");
        assertTrue(new SyntheticSlideGenerator(s, 2, Boolean.TRUE).generate(big, dir.resolve("big.json")).bigTiff);
        assertTrue(!new SyntheticSlideGenerator(s, 2, null).generate(classic, dir.resolve("c.json")).bigTiff);
        byte[] file = Files.readAllBytes(big);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(43, b.getShort(2));
        assertEquals(8, b.getShort(4));
        long ifd = b.getLong(8);
        List<Map<Integer, long[]>> levels = new ArrayList<>();
        while (ifd != 0) {
            long n = b.getLong((int) ifd);
            Map<Integer, long[]> tags = new HashMap<>();
            for (int e = 0; e < n; e++) {
                int at = (int) ifd + 8 + 20 * e;
                int tag = b.getShort(at) & 0xFFFF, type = b.getShort(at + 2);
                long count = b.getLong(at + 4);
                int size = type == 3 ? 2 : type == 16 ? 8 : type == 5 ? 8 : type == 2 ? 1 : 4;
                int valueAt = count * size <= 8 ? at + 12 : (int) b.getLong(at + 12);
                if (type == 2 || type == 5) continue;
                long[] v = new long[(int) count];
                for (int i = 0; i < count; i++) {
                    v[i] = type == 3 ? b.getShort(valueAt + 2 * i) & 0xFFFF
                            : type == 16 ? b.getLong(valueAt + 8 * i) : b.getInt(valueAt + 4 * i) & 0xFFFFFFFFL;
                }
                tags.put(tag, v);
            }
            levels.add(tags);
            ifd = b.getLong((int) ifd + 8 + 20 * (int) n);
        }
        assertEquals(2, levels.size(), "1300 -> 650");
        assertEquals(650, levels.get(1).get(256)[0]);
        long[] off = levels.get(0).get(324), cnt = levels.get(0).get(325);
        assertEquals(6 * 3, off.length);
        // JPEG tiles are encoded from identical pixels, so tile bytes equal the classic file's tiles
        byte[] cfile = Files.readAllBytes(classic);
        long classicTotal = cfile.length, bigTotal = file.length;
        assertTrue(Math.abs(classicTotal - bigTotal) < 2000, "same tile data, only the header and IFDs differ");
        for (int i = 0; i < off.length; i++) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(file, (int) off[i], (int) cnt[i]));
            assertNotNull(img);
            assertEquals(256, img.getHeight());
        }
    }
}
