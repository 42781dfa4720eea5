package necroptosis.slide.tiff;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import necroptosis.slide.SlideException;

/**
 * Positional reads from the slide file. {@link FileChannel#read(ByteBuffer, long)} does not move a shared
 * file pointer, so many threads can read tiles at once without locking.
 */
final class TiffInput implements Closeable {
    private final String name;
    private final FileChannel channel;
    private final long size;

    TiffInput(Path file) throws SlideException {
        this.name = file.toString();
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.size = channel.size();
        } catch (IOException e) {
            throw new SlideException(name, "cannot be opened: " + e.getMessage(), e);
        }
    }

    String name() { return name; }

    long size() { return size; }

    /** Reads exactly {@code length} bytes at {@code offset}; {@code what} names them in the message when they lie past the end. */
    byte[] read(long offset, int length, String what) throws SlideException {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new SlideException(name, what + " at offset " + offset + " (" + length + " bytes) lies past the end of the file ("
                    + size + " bytes; truncated or corrupt)");
        }
        byte[] out = new byte[length];
        ByteBuffer buf = ByteBuffer.wrap(out);
        long pos = offset;
        try {
            while (buf.hasRemaining()) {
                int n = channel.read(buf, pos);
                if (n < 0) throw new SlideException(name, "file ends early while reading " + what + " at offset " + offset);
                pos += n;
            }
        } catch (SlideException e) {
            throw e;
        } catch (IOException e) {
            throw new SlideException(name, "read error in " + what + " at offset " + offset + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
