package necroptosis.batch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on an output folder for one batch or merge: two runs writing one folder at once would
 * leave one run's rows beside the other's batch.json. The operating system drops the lock when the process
 * ends, however it ends, so a killed run never leaves the folder locked; the lock file says who holds it.
 */
final class OutputLock implements AutoCloseable {
    static final String FILE_NAME = ".batch.lock";

    /** Folders (real paths) locked by this process, with who holds them. */
    private static final ConcurrentHashMap<String, String> HELD = new ConcurrentHashMap<>();

    private final Path file;
    private String key;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws IOException one line naming the folder and the holder when another run (this process or another)
     *     holds the lock
     */
    static OutputLock acquire(Path dir) throws IOException {
        String key = dir.toRealPath().toString();
        String me = "pid " + pid() + " since " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Locks are per process, and closing any channel of a locked file drops the process's lock: a second run
        // in this process (Fiji) must be refused from memory, without opening the file at all.
        String mine = HELD.putIfAbsent(key, me);
        if (mine != null) throw busy(dir, mine);
        try {
            OutputLock l = acquireFile(dir, me);
            l.key = key;
            return l;
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static OutputLock acquireFile(Path dir, String me) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        // The holder deletes the file when it is done; a run that opened the file just before that would lock a
        // deleted file, so the lock counts only if the path names the same file before opening and after locking.
        for (int attempt = 0; attempt < 20; attempt++) {
            Object before = fileKey(file);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l = null;
            try {
                l = ch.tryLock();
                if (l == null) throw busy(dir, holder(file));
                if (before != null && before.equals(fileKey(file))) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    ch.force(false);
                    return new OutputLock(file, ch, l);
                }
            } catch (IOException | RuntimeException e) {
                if (l != null) l.release();
                ch.close();
                throw e;
            }
            l.release();
            ch.close();
        }
        throw busy(dir, "");
    }

    private static IOException busy(Path dir, String holder) {
        return new IOException(dir + ": another run is writing here" + (holder.isEmpty() ? "" : " (" + holder + ")")
                + "; wait for it or choose another --out");
    }

    /** The file's identity (device and inode) without opening it; null when it does not exist. */
    private static Object fileKey(Path file) {
        try {
            Object k = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return k == null ? file : k; // no file keys on this platform: trust the path
        } catch (IOException e) {
            return null;
        }
    }

    private static String holder(Path file) {
        try {
            return BatchSummaryCsv.oneLine(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String pid() {
        String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }

    /** Removes the lock file (so the folder holds only results) and releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort (a file system that cannot delete an open file): a stale file is harmless, the lock is what counts.
        } finally {
            try {
                lock.release();
            } finally {
                try {
                    channel.close();
                } finally {
                    HELD.remove(key);
                }
            }
        }
    }
}
