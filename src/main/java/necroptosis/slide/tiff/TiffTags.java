package necroptosis.slide.tiff;

/** TIFF tag numbers and code values this reader uses (TIFF 6.0, BigTIFF, Aperio, Adobe extensions). */
final class TiffTags {
    private TiffTags() {}

    static final int NEW_SUBFILE_TYPE = 254;
    static final int IMAGE_WIDTH = 256;
    static final int IMAGE_LENGTH = 257;
    static final int BITS_PER_SAMPLE = 258;
    static final int COMPRESSION = 259;
    static final int PHOTOMETRIC = 262;
    static final int IMAGE_DESCRIPTION = 270;
    static final int STRIP_OFFSETS = 273;
    static final int SAMPLES_PER_PIXEL = 277;
    static final int ROWS_PER_STRIP = 278;
    static final int STRIP_BYTE_COUNTS = 279;
    static final int X_RESOLUTION = 282;
    static final int PLANAR_CONFIG = 284;
    static final int RESOLUTION_UNIT = 296;
    static final int PREDICTOR = 317;
    static final int TILE_WIDTH = 322;
    static final int TILE_LENGTH = 323;
    static final int TILE_OFFSETS = 324;
    static final int TILE_BYTE_COUNTS = 325;
    static final int SUB_IFDS = 330;
    static final int SAMPLE_FORMAT = 339;
    static final int JPEG_TABLES = 347;

    /** NewSubfileType bits. */
    static final int SUBFILE_REDUCED = 1;
    static final int SUBFILE_MASK = 4;

    static final int COMPRESSION_NONE = 1;
    static final int COMPRESSION_LZW = 5;
    static final int COMPRESSION_OLD_JPEG = 6;
    static final int COMPRESSION_JPEG = 7;
    static final int COMPRESSION_DEFLATE = 8;
    static final int COMPRESSION_PACKBITS = 32773;
    static final int COMPRESSION_DEFLATE_OLD = 32946;
    /** Aperio JPEG 2000 whose codestream holds YCbCr without the JPEG 2000 colour transform. */
    static final int COMPRESSION_APERIO_J2K_YCBCR = 33003;
    /** Aperio JPEG 2000 whose codestream holds RGB. */
    static final int COMPRESSION_APERIO_J2K_RGB = 33005;

    static final int PHOTOMETRIC_WHITE_IS_ZERO = 0;
    static final int PHOTOMETRIC_BLACK_IS_ZERO = 1;
    static final int PHOTOMETRIC_RGB = 2;
    static final int PHOTOMETRIC_PALETTE = 3;
    static final int PHOTOMETRIC_YCBCR = 6;

    /** A readable name for a compression code, for messages. */
    static String compressionName(int code) {
        switch (code) {
            case 1: return "none";
            case 2: return "CCITT RLE";
            case 3: return "CCITT Group 3";
            case 4: return "CCITT Group 4";
            case 5: return "LZW";
            case 6: return "old-style JPEG";
            case 7: return "JPEG";
            case 8: case 32946: return "Deflate";
            case 32773: return "PackBits";
            case 33003: return "Aperio JPEG 2000 YCbCr";
            case 33005: return "Aperio JPEG 2000 RGB";
            case 34712: return "JPEG 2000";
            case 34887: return "LERC";
            case 34925: return "LZMA";
            case 34892: return "lossy JPEG (DNG)";
            case 50000: return "Zstandard";
            case 50001: return "WebP";
            case 50002: return "JPEG XL";
            case 22610: return "JPEG XR";
            case 34933: return "PNG";
            case 34934: return "JPEG XR";
            default: return "unknown";
        }
    }
}
