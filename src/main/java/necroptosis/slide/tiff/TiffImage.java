package necroptosis.slide.tiff;

import java.io.IOException;

import necroptosis.slide.SlideException;

/**
 * One IFD as a grid of decodable tiles. Strips are treated as tiles as wide as the image. All tags are
 * validated when the image is built, so decoding a tile only has to deal with corrupt tile data.
 */
final class TiffImage {
    /** Largest tile side and area decoded at once; bigger declared tiles or strips are refused. */
    static final int MAX_TILE_SIDE = 16384;
    static final long MAX_TILE_PIXELS = 1L << 26;
    /** Largest image side accepted (well above any scanner, far below an int overflow in level coordinates). */
    static final long MAX_IMAGE_SIDE = 1L << 24;
    /** Largest compressed tile read into memory. */
    static final long MAX_TILE_BYTES = 512L << 20;

    private final TiffInput in;
    private final Ifd ifd;
    final int width;
    final int height;
    final int tileWidth;
    final int tileHeight;
    final boolean tiled;
    final int tilesAcross;
    final int tilesDown;
    final int compression;
    final int photometric;
    final int samples;
    final boolean planar;
    final int predictor;
    private final long[] offsets;
    private final long[] byteCounts;
    private final byte[] jpegTables;

    private TiffImage(TiffInput in, Ifd ifd) throws SlideException {
        this.in = in;
        this.ifd = ifd;
        String where = " in " + ifd.label();
        long w = ifd.width();
        long h = ifd.height();
        if (!ifd.has(TiffTags.IMAGE_WIDTH) || !ifd.has(TiffTags.IMAGE_LENGTH)) fail("missing ImageWidth/ImageLength tag" + where);
        if (w <= 0 || h <= 0 || w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE) {
            fail("implausible image size " + w + "x" + h + where + " (at most " + MAX_IMAGE_SIDE + " per side)");
        }
        width = (int) w;
        height = (int) h;
        compression = (int) ifd.getLong(TiffTags.COMPRESSION, 1);
        photometric = (int) ifd.getLong(TiffTags.PHOTOMETRIC, -1);
        samples = (int) ifd.getLong(TiffTags.SAMPLES_PER_PIXEL, 1);
        planar = ifd.getLong(TiffTags.PLANAR_CONFIG, 1) == 2 && samples > 1;
        predictor = (int) ifd.getLong(TiffTags.PREDICTOR, 1);
        jpegTables = ifd.getBytes(TiffTags.JPEG_TABLES);

        switch (compression) {
            case TiffTags.COMPRESSION_NONE: case TiffTags.COMPRESSION_LZW: case TiffTags.COMPRESSION_DEFLATE:
            case TiffTags.COMPRESSION_DEFLATE_OLD: case TiffTags.COMPRESSION_PACKBITS: case TiffTags.COMPRESSION_JPEG:
            case TiffTags.COMPRESSION_APERIO_J2K_YCBCR: case TiffTags.COMPRESSION_APERIO_J2K_RGB:
                break;
            default:
                fail("unsupported compression " + compression + " (" + TiffTags.compressionName(compression) + ")" + where);
        }
        if (samples < 1 || samples > 8) fail("unsupported SamplesPerPixel " + samples + where);
        long[] bps = ifd.getLongs(TiffTags.BITS_PER_SAMPLE);
        if (bps == null) {
            if (!isJpegLike()) fail("missing BitsPerSample tag" + where + " (1-bit images are not supported)");
        } else {
            for (long b : bps) if (b != 8) fail("unsupported " + b + "-bit samples" + where + " (only 8-bit images are supported)");
        }
        long[] fmt = ifd.getLongs(TiffTags.SAMPLE_FORMAT);
        if (fmt != null) for (long f : fmt) if (f != 1) fail("unsupported SampleFormat " + f + where + " (only unsigned integers)");
        if (predictor != 1 && predictor != 2) fail("unsupported Predictor " + predictor + where);
        if (!isJpegLike()) {
            if (photometric == TiffTags.PHOTOMETRIC_PALETTE) fail("unsupported palette (indexed colour) image" + where);
            if (photometric == TiffTags.PHOTOMETRIC_YCBCR) fail("unsupported uncompressed YCbCr image" + where);
            if (photometric > TiffTags.PHOTOMETRIC_RGB) fail("unsupported PhotometricInterpretation " + photometric + where);
            if (photometric == TiffTags.PHOTOMETRIC_RGB && samples < 3) fail("RGB image with " + samples + " samples per pixel" + where);
        } else if (planar) {
            fail("unsupported separate colour planes with " + TiffTags.compressionName(compression) + where);
        }

        tiled = ifd.isTiled();
        if (tiled) {
            long tw = ifd.getLong(TiffTags.TILE_WIDTH, 0);
            long th = ifd.getLong(TiffTags.TILE_LENGTH, 0);
            if (tw <= 0 || th <= 0) fail("missing or zero TileWidth/TileLength" + where);
            checkTileSize(tw, th, where);
            tileWidth = (int) tw;
            tileHeight = (int) th;
            offsets = ifd.getLongs(TiffTags.TILE_OFFSETS);
            byteCounts = ifd.getLongs(TiffTags.TILE_BYTE_COUNTS);
        } else {
            long rps = Math.min(ifd.getLong(TiffTags.ROWS_PER_STRIP, h), h);
            if (rps <= 0) fail("RowsPerStrip is 0" + where);
            checkTileSize(w, rps, where);
            tileWidth = width;
            tileHeight = (int) rps;
            offsets = ifd.getLongs(TiffTags.STRIP_OFFSETS);
            byteCounts = ifd.getLongs(TiffTags.STRIP_BYTE_COUNTS);
        }
        tilesAcross = (int) ((width + (long) tileWidth - 1) / tileWidth);
        tilesDown = (int) ((height + (long) tileHeight - 1) / tileHeight);
        long needed = (long) tilesAcross * tilesDown * (planar ? samples : 1);
        String kind = tiled ? "tile" : "strip";
        if (offsets == null) fail("missing " + kind + " offsets" + where);
        if (byteCounts == null) fail("missing " + kind + " byte counts" + where);
        if (offsets.length < needed || byteCounts.length < needed) {
            fail(where.substring(4) + " has " + Math.min(offsets.length, byteCounts.length) + " " + kind + " offsets/byte counts for "
                    + needed + " " + kind + "s of a " + width + "x" + height + " image (corrupt)");
        }
    }

    static TiffImage of(TiffInput in, Ifd ifd) throws SlideException {
        return new TiffImage(in, ifd);
    }

    Ifd ifd() { return ifd; }

    private boolean isJpegLike() {
        return compression == TiffTags.COMPRESSION_JPEG || compression == TiffTags.COMPRESSION_APERIO_J2K_RGB
                || compression == TiffTags.COMPRESSION_APERIO_J2K_YCBCR;
    }

    private void checkTileSize(long tw, long th, String where) throws SlideException {
        if (tw > MAX_TILE_SIDE || th > MAX_TILE_SIDE || tw * th > MAX_TILE_PIXELS) {
            fail((tiled ? "tile" : "strip") + " size " + tw + "x" + th + where + " is too large to decode (at most "
                    + MAX_TILE_SIDE + " per side and " + MAX_TILE_PIXELS + " pixels)");
        }
    }

    private void fail(String reason) throws SlideException {
        throw new SlideException(in.name(), reason);
    }

    /**
     * Decodes tile (tx, ty) into {@code out} (tileWidth x tileHeight pixels, 0xFFRRGGBB) and returns it. Parts
     * of edge tiles outside the image hold whatever the file stored there. A tile whose data are missing (byte
     * count or offset 0) or do not decode to every pixel of it inside the image is an error: filling it with
     * white or black would be scored as glass or as tissue.
     *
     * @param levelName how messages name this image, e.g. "level 1"
     */
    int[] decodeTile(int tx, int ty, String levelName, int[] out) throws SlideException {
        int index = ty * tilesAcross + tx;
        // Rows of the last strip beyond the image are absent from the data: decode only the rows present.
        int rows = tiled ? tileHeight : Math.min(tileHeight, height - ty * tileHeight);
        // The part of the tile inside the image, which a JPEG stream must cover.
        int insideW = Math.min(tileWidth, width - tx * tileWidth);
        int insideH = Math.min(rows, height - ty * tileHeight);
        try {
            if (planar) {
                byte[][] planes = new byte[samples][];
                for (int s = 0; s < samples; s++) {
                    planes[s] = decodeBytes(index + s * tilesAcross * tilesDown, rows, 1, levelName, tx, ty);
                }
                toArgbPlanar(planes, out, rows * tileWidth);
                return out;
            }
            if (compression == TiffTags.COMPRESSION_JPEG) {
                int length = rawLength(index, levelName, tx, ty);
                // The compressed bytes go into a per-thread buffer: a new array per tile was garbage at the decoding rate.
                byte[] raw = JpegTileDecoder.rawBuffer(length);
                in.read(offsets[index], length, what(levelName, tx, ty), raw);
                JpegTileDecoder.decode(raw, length, jpegTables, out, tileWidth, rows, insideW, insideH);
                return out;
            }
            if (compression == TiffTags.COMPRESSION_APERIO_J2K_RGB || compression == TiffTags.COMPRESSION_APERIO_J2K_YCBCR) {
                byte[] raw = readRaw(index, levelName, tx, ty);
                Jpeg2000TileDecoder.decode(raw, compression == TiffTags.COMPRESSION_APERIO_J2K_YCBCR, out, tileWidth, rows, insideW, insideH);
                return out;
            }
            byte[] data = decodeBytes(index, rows, samples, levelName, tx, ty);
            toArgbChunky(data, out, rows * tileWidth);
            return out;
        } catch (SlideException e) {
            throw e;
        } catch (IOException | Decompressors.CorruptDataException e) {
            throw new SlideException(in.name(), "corrupt tile at " + levelName + " (" + tx + "," + ty + "): " + oneLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new SlideException(in.name(), "corrupt tile at " + levelName + " (" + tx + "," + ty + "): the decoder failed ("
                    + oneLine(e.toString()) + ")", e);
        } catch (OutOfMemoryError e) {
            throw new SlideException(in.name(), "not enough memory to decode tile at " + levelName + " (" + tx + "," + ty + ")");
        }
    }

    private static String oneLine(String s) {
        if (s == null) return "decode failed";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The stored bytes of tile {@code index}. */
    private byte[] readRaw(int index, String levelName, int tx, int ty) throws SlideException {
        int length = rawLength(index, levelName, tx, ty);
        return in.read(offsets[index], length, what(levelName, tx, ty));
    }

    /**
     * The stored size of tile {@code index}, checked. Sparse TIFFs mark a tile left out with byte count or offset
     * 0; that is refused too, because what stands there (glass, or tissue the scanner failed to write) is unknown.
     */
    private int rawLength(int index, String levelName, int tx, int ty) throws SlideException {
        long off = offsets[index];
        long count = byteCounts[index];
        if (count == 0 || off == 0) {
            fail(what(levelName, tx, ty) + " has no data (" + (tiled ? "Tile" : "Strip") + (count == 0 ? "ByteCounts" : "Offsets")
                    + " 0): the file is incomplete or damaged");
        }
        if (count < 0 || count > MAX_TILE_BYTES) fail(what(levelName, tx, ty) + " declares " + count + " bytes (corrupt)");
        return (int) count;
    }

    private String what(String levelName, int tx, int ty) {
        return (tiled ? "tile" : "strip") + " (" + tx + "," + ty + ") of " + levelName;
    }

    /** Decompresses one lossless chunk to rows x tileWidth x samplesPerChunk bytes, predictor undone. */
    private byte[] decodeBytes(int index, int rows, int samplesPerChunk, String levelName, int tx, int ty)
            throws SlideException, Decompressors.CorruptDataException {
        byte[] raw = readRaw(index, levelName, tx, ty);
        int expected = rows * tileWidth * samplesPerChunk;
        byte[] data;
        switch (compression) {
            case TiffTags.COMPRESSION_NONE:
                if (raw.length < expected) {
                    throw new Decompressors.CorruptDataException("uncompressed data has " + raw.length + " of " + expected + " bytes");
                }
                data = raw;
                break;
            case TiffTags.COMPRESSION_LZW:
                data = Decompressors.lzw(raw, expected);
                break;
            case TiffTags.COMPRESSION_DEFLATE: case TiffTags.COMPRESSION_DEFLATE_OLD:
                data = Decompressors.inflate(raw, expected);
                break;
            case TiffTags.COMPRESSION_PACKBITS:
                data = Decompressors.packBits(raw, expected);
                break;
            default:
                throw new IllegalStateException("compression " + compression);
        }
        if (predictor == 2) Decompressors.undoHorizontalPredictor(data, tileWidth, rows, samplesPerChunk);
        return data;
    }

    private void toArgbChunky(byte[] d, int[] out, int n) {
        int s = samples;
        if (s >= 3) {
            for (int i = 0, p = 0; i < n; i++, p += s) {
                out[i] = 0xFF000000 | ((d[p] & 0xFF) << 16) | ((d[p + 1] & 0xFF) << 8) | (d[p + 2] & 0xFF);
            }
        } else {
            int inv = photometric == TiffTags.PHOTOMETRIC_WHITE_IS_ZERO ? 0xFF : 0;
            for (int i = 0, p = 0; i < n; i++, p += s) {
                int g = (d[p] & 0xFF) ^ inv;
                out[i] = 0xFF000000 | (g << 16) | (g << 8) | g;
            }
        }
    }

    private void toArgbPlanar(byte[][] planes, int[] out, int n) {
        if (samples >= 3) {
            byte[] r = planes[0], g = planes[1], b = planes[2];
            for (int i = 0; i < n; i++) out[i] = 0xFF000000 | ((r[i] & 0xFF) << 16) | ((g[i] & 0xFF) << 8) | (b[i] & 0xFF);
        } else {
            int inv = photometric == TiffTags.PHOTOMETRIC_WHITE_IS_ZERO ? 0xFF : 0;
            byte[] p = planes[0];
            for (int i = 0; i < n; i++) {
                int v = (p[i] & 0xFF) ^ inv;
                out[i] = 0xFF000000 | (v << 16) | (v << 8) | v;
            }
        }
    }
}
