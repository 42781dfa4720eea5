package necroptosis.slide.tiff;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A JPEG stream made of the shared JPEGTables (tag 347, without its EOI) followed by one tile's bytes,
 * read in place: no merged copy of the two, and no {@code MemoryCacheImageInputStream}, which copied every
 * tile once more into its own cache blocks.
 */
final class JpegStream extends ImageInputStreamImpl {
    private final byte[] head;
    private final int headLength;
    private final byte[] tail;
    private final int tailOffset;
    private final int tailLength;

    /** {@code head[0, headLength)} then {@code tail[tailOffset, tailOffset + tailLength)}. */
    JpegStream(byte[] head, int headLength, byte[] tail, int tailOffset, int tailLength) {
        this.head = head;
        this.headLength = headLength;
        this.tail = tail;
        this.tailOffset = tailOffset;
        this.tailLength = tailLength;
    }

    @Override
    public long length() {
        return (long) headLength + tailLength;
    }

    @Override
    public int read() {
        bitOffset = 0;
        long p = streamPos;
        if (p >= length()) return -1;
        streamPos++;
        return (p < headLength ? head[(int) p] : tail[tailOffset + (int) (p - headLength)]) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off + len > b.length || off + len < 0) throw new IndexOutOfBoundsException();
        bitOffset = 0;
        if (len == 0) return 0;
        long p = streamPos;
        if (p >= length()) return -1;
        int n = 0;
        if (p < headLength) {
            int k = (int) Math.min(len, headLength - p);
            System.arraycopy(head, (int) p, b, off, k);
            n = k;
            p += k;
        }
        if (n < len && p < length()) {
            int k = (int) Math.min(len - n, length() - p);
            System.arraycopy(tail, tailOffset + (int) (p - headLength), b, off + n, k);
            n += k;
        }
        streamPos += n;
        return n;
    }
}
