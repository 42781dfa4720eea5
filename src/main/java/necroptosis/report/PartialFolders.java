package necroptosis.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hidden folders a slide's outputs are written into before they replace its folder, and their removal
 * once the run that made one has ended while writing (killed, crashed, powered off).
 * <p>
 * Each folder ({@code .<name>.partial-<n>}) has a lock file beside it ({@code .<name>.partial-<n>.lock}),
 * made and locked before the folder and released only after the folder has been swapped in or deleted. The
 * operating system drops a lock when its process ends, however it ends, so a lock that can be taken proves
 * that no run writes that folder any more; one that cannot be taken, or cannot be tried (a file system
 * without locks), keeps the folder. Two runs into one output folder, on one host or several, therefore
 * never remove each other's folders, and none needs to hold the whole output folder.
 */
final class PartialFolders {
    private PartialFolders() {}

    static final String PARTIAL = ".partial-";
    static final String REPLACED = ".replaced-";
    static final String LOCK = ".lock";

    /** {@code .<name>.partial-<digits>} or {@code .<name>.replaced-<digits>}, optionally with {@code .lock}. */
    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)(\\.partial-|\\.replaced-)([0-9]+)(\\.lock)?");

    /**
     * A lock file without its folder is left only if a run died in the instant between making one and the
     * other; a younger one may be a run about to make its folder, and is not touched at all.
     */
    static final long ORPHAN_LOCK_AGE_MS = TimeUnit.HOURS.toMillis(1);

    /**
     * Lock files this process holds (real paths). Another run in this process (Fiji) must not even open
     * them: closing any channel of a locked file drops the process's lock on it.
     */
    private static final Set<String> MINE = ConcurrentHashMap.newKeySet();

    /** A folder being written, and the lock that says so until {@link #close}. */
    static final class Claim implements AutoCloseable {
        final Path folder;
        private final Path lockFile;
        private final String key;
        private final FileChannel channel;
        private final FileLock lock;

        private Claim(Path folder, Path lockFile, String key, FileChannel channel, FileLock lock) {
            this.folder = folder;
            this.lockFile = lockFile;
            this.key = key;
            this.channel = channel;
            this.lock = lock;
        }

        /** The random part of the names, shared by the folder set aside when the result is swapped in. */
        String id() {
            String n = folder.getFileName().toString();
            return n.substring(n.lastIndexOf(PARTIAL) + PARTIAL.length());
        }

        /** Call once the folder is gone (swapped in or deleted): the lock file goes, then the lock. */
        @Override
        public void close() {
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException e) {
                // A stale lock file is harmless: it is unlocked, and removed with the next run's leftovers.
            } finally {
                try {
                    if (lock != null) lock.release();
                } catch (IOException e) {
                    // the channel's close below drops it
                } finally {
                    try {
                        channel.close();
                    } catch (IOException e) {
                        // nothing more to release
                    }
                    MINE.remove(key);
                }
            }
        }
    }

    /** Makes and locks {@code .<folderName>.partial-<n>.lock}, then makes the folder beside it. */
    static Claim create(Path outDir, String folderName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path lockFile = Files.createTempFile(outDir, "." + folderName + PARTIAL, LOCK);
            String key = lockFile.toRealPath().toString();
            MINE.add(key);
            FileChannel ch = null;
            try {
                ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock l = null;
                boolean busy = false;
                try {
                    l = ch.tryLock();
                    busy = l == null;
                } catch (OverlappingFileLockException e) {
                    busy = true;
                } catch (IOException e) {
                    // A file system without locks: the folder is kept from removal by its lock file alone.
                }
                if (busy) {
                    // A fresh file with a random name is locked by no one; should it be, take another name.
                    closeAndDelete(ch, lockFile, key);
                    if (attempt < 10) continue;
                    throw new IOException(lockFile + ": locked by another process");
                }
                ch.write(ByteBuffer.wrap(("written by pid " + pid() + " since " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n")
                        .getBytes(StandardCharsets.UTF_8)));
                String lockName = lockFile.getFileName().toString();
                Path folder = outDir.resolve(lockName.substring(0, lockName.length() - LOCK.length()));
                Files.createDirectory(folder);
                return new Claim(folder, lockFile, key, ch, l);
            } catch (IOException | RuntimeException e) {
                closeAndDelete(ch, lockFile, key);
                throw e;
            }
        }
    }

    private static void closeAndDelete(FileChannel ch, Path lockFile, String key) {
        try {
            if (ch != null) ch.close();
            Files.deleteIfExists(lockFile);
        } catch (IOException ignored) {
            // an unlocked lock file is removed with the next run's leftovers
        } finally {
            MINE.remove(key);
        }
    }

    /**
     * Removes from {@code outDir} the partial and set-aside folders (and lock files) of runs that are no longer
     * writing them. When such a run was killed between setting the earlier result aside and renaming the new one
     * in, the earlier result is put back. Nothing else in the folder is touched; what cannot be removed stays.
     *
     * @return the names removed, sorted
     */
    static List<String> removeStale(Path outDir) {
        TreeMap<String, List<Path>> byLock = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(outDir, ".*")) {
            for (Path p : entries) {
                Matcher m = TEMPORARY.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                boolean lockFile = m.group(4) != null;
                if (lockFile ? !m.group(2).equals(PARTIAL) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        : !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                byLock.computeIfAbsent("." + m.group(1) + PARTIAL + m.group(3) + LOCK, k -> new ArrayList<>());
                if (!lockFile) byLock.get("." + m.group(1) + PARTIAL + m.group(3) + LOCK).add(p);
            }
        } catch (IOException | RuntimeException e) {
            return new ArrayList<>(); // no folder, or not listable: nothing to clean
        }
        List<String> removed = new ArrayList<>();
        for (java.util.Map.Entry<String, List<Path>> e : byLock.entrySet()) {
            removeIfStale(outDir, outDir.resolve(e.getKey()), e.getValue(), removed);
        }
        removed.sort(null);
        return removed;
    }

    private static void removeIfStale(Path outDir, Path lockFile, List<Path> folders, List<String> removed) {
        if (!Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
            // A writer makes its lock file before its folder and deletes it after: no lock file, no writer.
            recover(outDir, folders, removed);
            return;
        }
        String key;
        try {
            key = lockFile.toRealPath().toString();
        } catch (IOException e) {
            return;
        }
        if (MINE.contains(key)) return;
        if (folders.isEmpty() && !olderThan(lockFile, ORPHAN_LOCK_AGE_MS)) return;
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                return; // held in this process
            } catch (IOException e) {
                return; // no locks here: cannot tell, keep it
            }
            if (l == null) return; // a live run holds it
            try {
                recover(outDir, folders, removed);
                Files.deleteIfExists(lockFile);
                removed.add(lockFile.getFileName().toString());
            } finally {
                l.release();
            }
        } catch (IOException | RuntimeException e) {
            // not removable now; tried again by the next run
        }
    }

    /** A dead writer's folders: the earlier result back in place if the writer died mid-swap, the rest deleted. */
    private static void recover(Path outDir, List<Path> folders, List<String> removed) {
        for (Path f : folders) {
            String n = f.getFileName().toString();
            Matcher m = TEMPORARY.matcher(n);
            if (!m.matches()) continue;
            if (m.group(2).equals(REPLACED)) {
                Path result = outDir.resolve(m.group(1));
                if (!Files.exists(result, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.move(f, result, StandardCopyOption.ATOMIC_MOVE);
                        continue;
                    } catch (IOException e) {
                        // deleted below only if the result reappeared meanwhile; otherwise kept
                        if (!Files.exists(result, LinkOption.NOFOLLOW_LINKS)) continue;
                    }
                }
            }
            deleteTree(f);
            if (!Files.exists(f, LinkOption.NOFOLLOW_LINKS)) removed.add(n);
        }
    }

    private static boolean olderThan(Path file, long ms) {
        try {
            FileTime t = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
            return System.currentTimeMillis() - t.toMillis() > ms;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes a folder the writer made, links as links; what cannot be deleted stays. */
    static void deleteTree(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // left behind: a hidden folder that resume and merge skip
                }
            });
        } catch (NoSuchFileException ignored) {
            // already gone
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // as above
        }
    }

    private static String pid() {
        String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }
}
