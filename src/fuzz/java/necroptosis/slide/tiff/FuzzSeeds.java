package necroptosis.slide.tiff;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

/**
 * Writes the fuzz targets' seed files (run from the project folder with the fuzz profile's test classpath):
 * small valid files, so the fuzzer starts from every structure the reader knows.
 */
final class FuzzSeeds {
    private FuzzSeeds() {}

    public static void main(String[] args) throws IOException {
        Path res = Paths.get("src/fuzz/resources/necroptosis/slide/tiff");
        Path tiff = Files.createDirectories(res.resolve("TiffParserFuzzInputs/openAndRead"));
        int w = 40, h = 30;
        int[] px = TestTiffWriter.smoothPicture(w, h);
        int[] half = TestTiffWriter.reduce(px, w, h, 2);
        TestTiffWriter.Image pyramid = new TestTiffWriter.Image(w, h, px).tiled(16, 16).compression(5).predictor(2)
                .sub(new TestTiffWriter.Image(w / 2, h / 2, half).strips(4).compression(32773));
        write(tiff.resolve("lzw-tiles-packbits-subifd.tif"), false, ByteOrder.LITTLE_ENDIAN, pyramid);
        write(tiff.resolve("jpeg-tiles.tif"), false, ByteOrder.LITTLE_ENDIAN,
                new TestTiffWriter.Image(w, h, px).tiled(16, 16).compression(7));
        write(tiff.resolve("deflate-strips-bigendian.tif"), false, ByteOrder.BIG_ENDIAN,
                new TestTiffWriter.Image(w, h, px).strips(7).compression(8).resolution(20000, 3));
        write(tiff.resolve("bigtiff-planar-deflate.tif"), true, ByteOrder.LITTLE_ENDIAN,
                new TestTiffWriter.Image(w, h, px).tiled(16, 16).compression(8).planar());
        write(tiff.resolve("grey-uncompressed-chain.tif"), false, ByteOrder.LITTLE_ENDIAN,
                new TestTiffWriter.Image(w, h, px).strips(10).samples(1).description("Aperio Image Library |MPP = 0.25"),
                new TestTiffWriter.Image(w / 2, h / 2, half).strips(15).samples(1).subfileType(0));
        write(tiff.resolve("jpeg2000-ycbcr.tif"), false, ByteOrder.LITTLE_ENDIAN,
                new TestTiffWriter.Image(16, 16, TestTiffWriter.smoothPicture(16, 16)).tiled(16, 16).compression(33003));

        Path jpeg = Files.createDirectories(res.resolve("JpegTileFuzzInputs/decodeTile"));
        int t = JpegTileFuzz.TILE;
        byte[] full = TestTiffWriter.jpeg(new TestTiffWriter.Image(t, t, TestTiffWriter.smoothPicture(t, t)), 0, 0, t, t);
        Files.write(jpeg.resolve("whole-tile"), concat(new byte[] {0}, full));
        // The same stream split before its frame header into "tables" and an abbreviated tile, as TIFF files store it.
        int sof = 2;
        while (!((full[sof] & 0xFF) == 0xFF && (full[sof + 1] & 0xFF) == 0xC0)) sof++;
        byte[] tables = Arrays.copyOf(full, sof);
        byte[] rest = concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, Arrays.copyOfRange(full, sof, full.length));
        Files.write(jpeg.resolve("tables-and-tile"), concat(new byte[] {1, (byte) (sof >> 8), (byte) sof}, concat(tables, rest)));
        byte[] edge = TestTiffWriter.jpeg(new TestTiffWriter.Image(40, 24, TestTiffWriter.smoothPicture(40, 24)), 0, 0, 40, 24);
        Files.write(jpeg.resolve("edge-tile"), concat(new byte[] {2}, edge));
    }

    private static void write(Path file, boolean big, ByteOrder order, TestTiffWriter.Image... chain) throws IOException {
        Files.write(file, new TestTiffWriter(big, order).build(chain));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
