/**
 * The built-in pyramidal TIFF reader, used when Bio-Formats is not on the classpath.
 * <p>
 * Supported: classic TIFF and BigTIFF in either byte order; tiled and stripped images; compression none,
 * LZW, Deflate (8 and 32946), PackBits, JPEG (7, with shared JPEGTables) and Aperio JPEG 2000 (33003
 * YCbCr, 33005 RGB); the horizontal predictor; 8-bit RGB (extra samples ignored) and greyscale, chunky or
 * planar. Pyramids: OME-TIFF SubIFDs, Aperio SVS (thumbnail, label and macro skipped) and generic chains of
 * reduced-resolution IFDs. Pixel size from the SVS {@code MPP}, OME-XML {@code PhysicalSizeX} or the
 * resolution tags. Anything else, and every kind of damage, is refused with a one-line
 * {@link necroptosis.slide.SlideException} naming the file, the IFD or tile, and the reason.
 * <p>
 * Layout: {@code TiffFile} parses the IFD structure, {@code PyramidLayout} picks the levels,
 * {@code TiffImage} validates one IFD and decodes its tiles with {@code Decompressors},
 * {@code JpegTileDecoder} and {@code Jpeg2000TileDecoder}, {@code TiffPixelSize} reads the calibration, and
 * {@code TiffSlideSource} ties them together with a {@code TileCache}.
 */
package necroptosis.slide.tiff;
