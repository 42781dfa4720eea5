package necroptosis.slide.tiff;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import necroptosis.slide.SlideException;

/**
 * Positional reads from the slide file. {@link FileChannel#read(ByteBuffer, long)} does not move a shared
 * file pointer, so many threads can read tiles at once without locking.
 * <p>
 * A FileChannel is closed for every thread when one reading thread is interrupted (e.g. a cancelled
 * analysis task); the channel is then reopened so the other threads and later reads go on working.
 */
final class TiffInput implements Closeable {
    private final Path file;
    private final String name;
    private volatile FileChannel channel;
    private volatile boolean closed;
    private final long size;

    TiffInput(Path file) throws SlideException {
        this.file = file;
        this.name = file.toString();
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ);
            this.size = channel.size();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new SlideException(name, "no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new SlideException(name, "cannot be read (permission denied)", e);
        } catch (IOException e) {
            throw new SlideException(name, "cannot be opened: " + e, e);
        }
    }

    String name() { return name; }

    long size() { return size; }

    /** Reads exactly {@code length} bytes at {@code offset}; {@code what} names them in the message when they lie past the end. */
    byte[] read(long offset, int length, String what) throws SlideException {
        checkRange(offset, length, what);
        byte[] out = new byte[length];
        read(offset, length, what, out);
        return out;
    }

    private void checkRange(long offset, int length, String what) throws SlideException {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new SlideException(name, what + " at offset " + offset + " (" + length + " bytes) lies past the end of the file ("
                    + size + " bytes; truncated or corrupt)");
        }
    }

    /** As {@link #read(long, int, String)}, into {@code out[0, length)} (a buffer the caller reuses). */
    void read(long offset, int length, String what, byte[] out) throws SlideException {
        checkRange(offset, length, what);
        for (int attempt = 0; ; attempt++) {
            FileChannel ch = channel;
            ByteBuffer buf = ByteBuffer.wrap(out, 0, length);
            long pos = offset;
            try {
                while (buf.hasRemaining()) {
                    int n = ch.read(buf, pos);
                    if (n < 0) throw new SlideException(name, "file ends early while reading " + what + " at offset " + offset);
                    pos += n;
                }
                return;
            } catch (SlideException e) {
                throw e;
            } catch (ClosedChannelException e) {
                if (closed) throw new SlideException(name, "slide is closed", e);
                if (Thread.currentThread().isInterrupted()) throw new SlideException(name, "interrupted while reading " + what, e);
                if (attempt >= 3) throw new SlideException(name, "read error in " + what + ": channel keeps closing", e);
                reopen(ch);
            } catch (IOException e) {
                throw new SlideException(name, "read error in " + what + " at offset " + offset + ": " + e.getMessage(), e);
            }
        }
    }

    /** Replaces a channel closed by another thread's interrupt (once, however many threads notice). */
    private synchronized void reopen(FileChannel broken) throws SlideException {
        if (closed || channel != broken) return;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new SlideException(name, "cannot be reopened: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        channel.close();
    }
}
