package necroptosis.slide.tiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;

/** Broken files give a one-line {@link SlideException} naming the file and the reason, quickly and without OOM. */
class TiffBadInputTest {
    @TempDir
    Path dir;

    static final int W = 200;
    static final int H = 150;

    private static TestTiffWriter.Image good() {
        return new TestTiffWriter.Image(W, H, TestTiffWriter.picture(W, H, 5)).tiled(64, 64).compression(5);
    }

    private Path file(byte[] bytes) throws IOException {
        Path f = dir.resolve("bad.tif");
        Files.write(f, bytes);
        return f;
    }

    /** Opens and reads everything; returns the exception's reason after checking its form. */
    private String failure(Path f) {
        SlideException e = assertThrows(SlideException.class, () -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (SlideSource s = TiffSlideSource.open(f)) {
                for (int l = 0; l < s.levels().size(); l++) {
                    s.readRegion(l, 0, 0, (int) s.levels().get(l).width(), (int) s.levels().get(l).height());
                }
            }
        }));
        assertEquals(f.toString(), e.file());
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.reason();
    }

    private static void assertContains(String reason, String... parts) {
        for (String p : parts) assertTrue(reason.contains(p), "'" + reason + "' should mention '" + p + "'");
    }

    @Test
    void notATiff() throws IOException {
        assertContains(failure(file("hello, this is text".getBytes())), "not a TIFF");
        assertContains(failure(file(new byte[] {'I', 'I'})), "too short");
    }

    @Test
    void tileWithByteCountZeroIsAnErrorNamingTheTile() throws IOException {
        // Sparse TIFFs leave tiles out this way; read as white, tissue there was scored as glass.
        long[] counts = chunkSizes(good());
        counts[5] = 0;
        Path f = file(TestTiffWriter.write(good().override(325, 4, counts)));
        assertEquals("tile (1,1) of level 0 has no data (TileByteCounts 0): the file is incomplete or damaged", failure(f));
    }

    /**
     * The stored sizes of a one-image file's chunks (a padding byte included), for overriding its byte counts:
     * the same tags with other values keep the file's layout.
     */
    private static long[] chunkSizes(TestTiffWriter.Image img) throws IOException {
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        w.build(img);
        long[] sizes = new long[w.chunkOffsets.size()];
        for (int i = 0; i < sizes.length; i++) {
            long end = i + 1 < sizes.length ? w.chunkOffsets.get(i + 1) : w.ifdOffsets.get(0);
            sizes[i] = end - w.chunkOffsets.get(i);
        }
        return sizes;
    }

    @Test
    void stripWithOffsetZeroIsAnError() throws IOException {
        long[] offsets = new long[5];
        Arrays.fill(offsets, 8);
        offsets[4] = 0;
        Path f = file(TestTiffWriter.write(new TestTiffWriter.Image(W, H, TestTiffWriter.picture(W, H, 5)).strips(32).override(273, 4, offsets)));
        assertContains(failure(f), "strip (0,4) of level 0", "no data (StripOffsets 0)");
    }

    @Test
    void jpegTileDecodingSmallerThanTheTileIsAnError() throws IOException {
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(new TestTiffWriter.Image(W, H, TestTiffWriter.smoothPicture(W, H)).tiled(64, 64).compression(7));
        // Tile (1,0) holds a complete 16x16 JPEG (the rest of its bytes follow the EOI and are ignored).
        byte[] small = TestTiffWriter.jpeg(new TestTiffWriter.Image(16, 16, TestTiffWriter.smoothPicture(16, 16)), 0, 0, 16, 16);
        System.arraycopy(small, 0, b, w.chunkOffsets.get(1).intValue(), small.length);
        assertContains(failure(file(b)), "corrupt tile at level 0 (1,0)", "decode to 16x16 pixels, not the tile's 64x64");
    }

    @Test
    void jpegTileWhoseDataEndEarlyIsAnError() throws IOException {
        TestTiffWriter.Image img = new TestTiffWriter.Image(W, H, TestTiffWriter.picture(W, H, 3)).tiled(64, 64).compression(7);
        // The same file with tile (2,1) cut to half its bytes.
        long[] counts = chunkSizes(img);
        counts[6] /= 2;
        assertContains(failure(file(TestTiffWriter.write(img.override(325, 4, counts)))), "corrupt tile at level 0 (2,1)",
                "JPEG data end before the tile is complete");
    }

    @Test
    void jpeg2000TileSmallerThanTheTileIsAnError() throws IOException {
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(new TestTiffWriter.Image(W, H, TestTiffWriter.picture(W, H, 1)).tiled(64, 64).compression(33005));
        int start = w.chunkOffsets.get(0).intValue();
        // SIZ: Xsiz, Ysiz 16 (no offsets), as a codestream for a 16x16 image declares.
        ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).putInt(start + 8, 16).putInt(start + 12, 16);
        assertContains(failure(file(b)), "corrupt tile at level 0 (0,0)", "16x16 pixels, not the tile's 64x64");
    }

    @Test
    void jpeg2000TileCutShortIsAnError() throws IOException {
        // Found by fuzzing (TiffParserFuzz): the JPEG 2000 decoder stops its own thread (ThreadDeath) when a
        // codestream ends inside a code block.
        TestTiffWriter.Image img = new TestTiffWriter.Image(64, 64, TestTiffWriter.picture(64, 64, 1)).tiled(64, 64).compression(33005);
        long[] counts = chunkSizes(img);
        counts[0] = counts[0] * 2 / 3;
        assertContains(failure(file(TestTiffWriter.write(img.override(325, 4, counts)))), "corrupt tile at level 0 (0,0)", "JPEG 2000");
    }

    @Test
    @Timeout(60)
    void jpeg2000PacketHeaderWithTwoFfBytesIsAnErrorNotAHang() throws IOException {
        // Found by fuzzing (TiffParserFuzz, the file kept in test resources): jj2000's packet header reader
        // returns the bits of a second 0xFF byte forever without reading on, and its length loop never ends.
        Path found = dir.resolve("found.tif");
        try (java.io.InputStream in = getClass().getResourceAsStream("jpeg2000-packet-header-hang.tif")) {
            Files.copy(in, found);
        }
        assertEquals("corrupt tile at level 0 (0,0): JPEG 2000 data damaged (0xFF 0xFF in the packet data at byte 396 of 497)",
                failure(found));
        // The same in a tile of our own: two 0xFF bytes right after the start of the packet data.
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(new TestTiffWriter.Image(64, 64, TestTiffWriter.picture(64, 64, 1)).tiled(64, 64).compression(33005));
        int sod = w.chunkOffsets.get(0).intValue();
        while (!((b[sod] & 0xFF) == 0xFF && (b[sod + 1] & 0xFF) == 0x93)) sod++;
        b[sod + 4] = (byte) 0xFF;
        b[sod + 5] = (byte) 0xFF;
        assertContains(failure(file(b)), "corrupt tile at level 0 (0,0)", "JPEG 2000 data damaged (0xFF 0xFF in the packet data");
    }

    @Test
    @Timeout(60)
    void jpeg2000PacketDataAfterADamagedMainHeaderIsCheckedToo() throws IOException {
        // Found by fuzzing (TiffParserFuzz): with a marker after QCD overwritten, jj2000 still read the packets.
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(new TestTiffWriter.Image(64, 64, TestTiffWriter.picture(64, 64, 1)).tiled(64, 64).compression(33005));
        int qcd = w.chunkOffsets.get(0).intValue();
        while (!((b[qcd] & 0xFF) == 0xFF && (b[qcd + 1] & 0xFF) == 0x5C)) qcd++;
        b[qcd + 2 + (((b[qcd + 2] & 0xFF) << 8) | (b[qcd + 3] & 0xFF))] = 1;
        int sod = qcd;
        while (!((b[sod] & 0xFF) == 0xFF && (b[sod + 1] & 0xFF) == 0x93)) sod++;
        b[sod + 4] = (byte) 0xFF;
        b[sod + 5] = (byte) 0xFF;
        assertContains(failure(file(b)), "corrupt tile at level 0 (0,0)", "JPEG 2000 data damaged (0xFF 0xFF in the packet data");
    }

    @Test
    @Timeout(120)
    void jpeg2000TileCutAnywhereDecodesOrFailsWithoutHanging() throws IOException {
        // jj2000 reads the end of the data as bytes of ones; a packet header cut short would count them forever.
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        TestTiffWriter.Image img = new TestTiffWriter.Image(16, 16, TestTiffWriter.smoothPicture(16, 16)).tiled(16, 16).compression(33003);
        byte[] b = w.build(img);
        int start = w.chunkOffsets.get(0).intValue();
        byte[] tile = Arrays.copyOfRange(b, start, start + (int) chunkSizes(img)[0]);
        int pastEnd = 0;
        for (int cut = 1; cut < tile.length; cut++) {
            try {
                Jpeg2000TileDecoder.decode(Arrays.copyOf(tile, cut), true, new int[16 * 16], 16, 16, 16, 16);
            } catch (IOException e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                if (e.getMessage().contains("kept reading past the end")) pastEnd++;
            }
        }
        assertTrue(pastEnd > 0, "some cuts end inside a packet header");
    }

    @Test
    void jpegEdgeTilesNeedOnlyCoverTheImage() throws IOException {
        // 200x150 in 64x64 tiles: the right and bottom tiles are mostly outside; a JPEG covering the inside part is enough.
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(new TestTiffWriter.Image(W, H, TestTiffWriter.smoothPicture(W, H)).tiled(64, 64).compression(7));
        byte[] edge = TestTiffWriter.jpeg(new TestTiffWriter.Image(8, 22, TestTiffWriter.smoothPicture(8, 22)), 0, 0, 8, 22);
        System.arraycopy(edge, 0, b, w.chunkOffsets.get(11).intValue(), edge.length);
        try (SlideSource s = TiffSlideSource.open(file(b))) {
            s.readRegion(0, 0, 0, W, H);
        }
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nowhere.svs");
        SlideException e = assertThrows(SlideException.class, () -> TiffSlideSource.open(f));
        assertEquals(f + ": no such file", e.getMessage());
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] ok = TestTiffWriter.write(good());
        // The IFD is written last, so cutting the file loses it.
        assertContains(failure(file(Arrays.copyOf(ok, ok.length / 2))), "past the end");
        // Only the header left.
        assertContains(failure(file(Arrays.copyOf(ok, 8))), "IFD 0", "past the end");
    }

    @Test
    void tileDataPastEndOfFile() throws IOException {
        TestTiffWriter.Image img = good();
        img.offsetShift = 1L << 30;
        assertContains(failure(file(TestTiffWriter.write(img))), "tile (0,0) of level 0", "past the end of the file");
    }

    @Test
    void ifdOffsetPastEnd() throws IOException {
        byte[] b = TestTiffWriter.write(good());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7FFFFFF0);
        assertContains(failure(file(b)), "IFD 0", "past the end");
    }

    @Test
    void loopInIfdChainEnds() throws IOException {
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(good());
        long ifd = w.ifdOffsets.get(0);
        long next = TestTiffWriter.nextPointerPosition(b, ifd, false, ByteOrder.LITTLE_ENDIAN);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt((int) next, (int) ifd); // IFD 0 -> IFD 0
        Path f = file(b);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (SlideSource s = TiffSlideSource.open(f)) {
                assertEquals(1, s.levels().size());
            }
        });
    }

    @Test
    void corruptEntryCount() throws IOException {
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(good());
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(w.ifdOffsets.get(0).intValue(), (short) 0xFFFF);
        assertContains(failure(file(b)), "IFD 0", "entries");
    }

    @Test
    void corruptJpegTile() throws IOException {
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(new TestTiffWriter.Image(W, H, TestTiffWriter.smoothPicture(W, H)).tiled(64, 64).compression(7));
        // Tile (1,0): keep SOI, replace the headers with garbage.
        int start = w.chunkOffsets.get(1).intValue();
        for (int i = start + 2; i < start + 300; i++) b[i] = (byte) (i * 31);
        assertContains(failure(file(b)), "corrupt tile at level 0 (1,0)");
    }

    @Test
    void jpegTileDeclaringAHugeImageIsRefusedBeforeDecoding() throws IOException {
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(new TestTiffWriter.Image(W, H, TestTiffWriter.smoothPicture(W, H)).tiled(64, 64).compression(7));
        int start = w.chunkOffsets.get(0).intValue();
        int sof = start;
        while (!((b[sof] & 0xFF) == 0xFF && (b[sof + 1] & 0xFF) == 0xC0)) sof++;
        // SOF0: marker, length(2), precision(1), height(2), width(2).
        ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).putShort(sof + 5, (short) 60000).putShort(sof + 7, (short) 60000);
        assertContains(failure(file(b)), "corrupt tile at level 0 (0,0)", "60000x60000");
    }

    @Test
    void jpeg2000TileDeclaringAHugeImageIsRefusedBeforeDecoding() throws IOException {
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(new TestTiffWriter.Image(W, H, TestTiffWriter.picture(W, H, 1)).tiled(64, 64).compression(33005));
        int start = w.chunkOffsets.get(3).intValue();
        ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).putInt(start + 8, 0x7FFFFFFF).putInt(start + 12, 0x7FFFFFFF);
        assertContains(failure(file(b)), "corrupt tile at level 0 (3,0)", "2147483647x2147483647");
    }

    @Test
    @Timeout(60)
    void jpeg2000TileGridOffsetPastTheImageIsRefusedBeforeDecoding() throws IOException {
        // Found by fuzzing (TiffParserFuzz): XTOsiz far beyond the image made the decoder fill a 1 GB heap in 30 s.
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(new TestTiffWriter.Image(W, H, TestTiffWriter.picture(W, H, 1)).tiled(64, 64).compression(33005));
        int start = w.chunkOffsets.get(2).intValue();
        ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN).putInt(start + 32, 0x01000000);
        assertContains(failure(file(b)), "corrupt tile at level 0 (2,0)", "impossible tile grid");
    }

    @Test
    void corruptDeflateTile() throws IOException {
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(good().compression(8));
        int start = w.chunkOffsets.get(0).intValue();
        for (int i = start; i < start + 40; i++) b[i] = (byte) 0xFF;
        assertContains(failure(file(b)), "corrupt tile at level 0 (0,0)", "Deflate");
    }

    @Test
    void corruptLzwDataDoesNotHang() throws IOException {
        TestTiffWriter w = new TestTiffWriter(false, ByteOrder.LITTLE_ENDIAN);
        byte[] b = w.build(good());
        int start = w.chunkOffsets.get(0).intValue();
        for (int i = start + 1; i < start + 200; i++) b[i] = (byte) 0xFF;
        assertContains(failure(file(b)), "corrupt tile at level 0 (0,0)", "LZW");
    }

    @Test
    void absurdDimensionsAreRefusedBeforeAllocating() throws IOException {
        assertContains(failure(file(TestTiffWriter.write(good().override(256, 4, Integer.MAX_VALUE)))), "implausible image size 2147483647x150");
        assertContains(failure(file(TestTiffWriter.write(good().override(322, 4, 1_000_000).override(323, 4, 1_000_000)))),
                "tile size 1000000x1000000", "too large");
        TestTiffWriter.Image strip = new TestTiffWriter.Image(W, H, TestTiffWriter.picture(W, H, 5))
                .override(256, 4, 100_000).override(257, 4, 100_000);
        assertContains(failure(file(TestTiffWriter.write(strip))), "strip size 100000x150", "too large");
    }

    @Test
    void tooFewTileOffsets() throws IOException {
        assertContains(failure(file(TestTiffWriter.write(good().override(257, 4, 100_000)))), "tile offsets", "corrupt");
    }

    @Test
    void missingRequiredTags() throws IOException {
        assertContains(failure(file(TestTiffWriter.write(good().override(256, 4)))), "missing ImageWidth");
        assertContains(failure(file(TestTiffWriter.write(good().override(324, 4)))), "missing tile offsets");
        assertContains(failure(file(TestTiffWriter.write(good().override(325, 4)))), "missing tile byte counts");
    }

    @Test
    void unsupportedFormatsAreNamed() throws IOException {
        assertContains(failure(file(TestTiffWriter.write(good().override(259, 3, 34712)))), "unsupported compression 34712 (JPEG 2000) in IFD 0");
        assertContains(failure(file(TestTiffWriter.write(good().override(258, 3, 16, 16, 16)))), "16-bit");
        assertContains(failure(file(TestTiffWriter.write(good().override(262, 3, 3)))), "palette");
    }
}
