package necroptosis.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes square BGR tiles as self-contained baseline JPEG streams (JFIF, YCbCr 4:2:0), as TIFF
 * compression 7 allows without a JPEGTables tag. One instance per thread.
 */
final class TileJpeg {
    private final int size;
    private final ImageWriter writer;
    private final ImageWriteParam param;
    private final BufferedImage image;
    private final byte[] pixels;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);

    TileJpeg(int size, int quality) {
        this.size = size;
        Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg");
        if (!it.hasNext()) throw new IllegalStateException("no JPEG encoder in this Java runtime");
        writer = it.next();
        param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        image = new BufferedImage(size, size, BufferedImage.TYPE_3BYTE_BGR);
        pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    byte[] encode(byte[] bgr) throws IOException {
        System.arraycopy(bgr, 0, pixels, 0, 3 * size * size);
        buffer.reset();
        try (ImageOutputStream ios = new MemoryCacheImageOutputStream(buffer)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        return buffer.toByteArray();
    }
}
