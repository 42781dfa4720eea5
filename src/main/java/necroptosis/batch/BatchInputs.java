package necroptosis.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The slides of a batch, from a folder or a text file of paths, in a fixed order that every shard of the
 * batch agrees on.
 *
 * <ul>
 * <li>A folder: the whole-slide and TIFF files directly in it ({@link #SLIDE_EXTENSIONS}), or in it and its
 * subfolders when {@code recursive}; hidden files and anything inside the batch's own output folder are left
 * out (so a re-run never scores its own outputs). Plain images (PNG, JPEG) are not listed, because scanners
 * put label and macro thumbnails beside the slides; name them in a text file to score them. Sorted by their
 * path relative to the folder, with '/' separators, character by character (the same on every machine).</li>
 * <li>A single slide file (by its extension): a batch of one.</li>
 * <li>Anything else: a UTF-8 text file, one path per line; blank lines and lines starting with {@code #} are
 * ignored; relative paths are resolved against the text file's folder. The file's order is kept (the user
 * chose it); a path listed twice is scored once, at its first place. Paths that do not exist are kept: they
 * become failure rows, so a typo in a cohort list is reported, not silently dropped.</li>
 * </ul>
 */
public final class BatchInputs {
    private BatchInputs() {}

    /** Extensions a folder listing picks up, as text (a constant, so that help texts can quote it). */
    public static final String EXTENSIONS_TEXT = "svs, tif, tiff, btf, ndpi, mrxs, czi, vsi, scn, bif, qptiff";

    /** Extensions a folder listing picks up (lower case, without the dot). */
    public static final List<String> SLIDE_EXTENSIONS = Collections.unmodifiableList(Arrays.asList(EXTENSIONS_TEXT.split(", ")));

    private static final Pattern SLIDE_FILE = Pattern.compile(
            "(?i).*\\.(" + String.join("|", SLIDE_EXTENSIONS) + ")$");

    /** A folder (not recursive), one slide, or a text list; see the class comment. */
    public static List<Path> list(Path input) throws IOException {
        return list(input, false, null);
    }

    /**
     * @param recursive for a folder, also list its subfolders
     * @param outDir the batch's output folder, whose contents are never listed (may be null)
     * @throws IOException with a one-line "INPUT: reason" message when the input cannot be listed
     */
    public static List<Path> list(Path input, boolean recursive, Path outDir) throws IOException {
        if (Files.isDirectory(input)) return listFolder(input, recursive, outDir);
        if (!Files.exists(input)) throw new IOException(input + ": no such file or folder");
        if (isSlideFile(input)) return Collections.singletonList(input);
        return readList(input);
    }

    /** True when the file name has one of {@link #SLIDE_EXTENSIONS}. */
    public static boolean isSlideFile(Path file) {
        Path name = file.getFileName();
        return name != null && SLIDE_FILE.matcher(name.toString()).matches();
    }

    private static List<Path> listFolder(Path folder, boolean recursive, Path outDir) throws IOException {
        Path exclude = outDir == null ? null : outDir.toAbsolutePath().normalize();
        List<String> relative = new ArrayList<>();
        try (Stream<Path> s = recursive ? Files.walk(folder) : Files.list(folder)) {
            s.forEach(p -> {
                if (p.equals(folder)) return;
                Path rel = folder.relativize(p);
                for (Path part : rel) if (part.toString().startsWith(".")) return;
                if (exclude != null && p.toAbsolutePath().normalize().startsWith(exclude)) return;
                if (isSlideFile(p) && Files.isRegularFile(p)) relative.add(slashed(rel));
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IOException(folder + ": cannot list the folder: " + e.getMessage(), e);
        }
        Collections.sort(relative);
        List<Path> out = new ArrayList<>(relative.size());
        for (String r : relative) out.add(folder.resolve(r));
        return out;
    }

    private static String slashed(Path rel) {
        StringBuilder b = new StringBuilder();
        for (Path part : rel) {
            if (b.length() > 0) b.append('/');
            b.append(part);
        }
        return b.toString();
    }

    private static List<Path> readList(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String line;
            long chars = 0;
            while ((line = r.readLine()) != null) {
                chars += line.length();
                // A slide given where a list was expected would otherwise read as megabytes of "paths".
                if (line.indexOf('\0') >= 0 || chars > 50_000_000) {
                    throw new IOException(file + ": not a text list of slides (binary data); give a folder, a slide ("
                            + String.join(", ", SLIDE_EXTENSIONS) + ") or a text file with one path per line");
                }
                lines.add(line);
            }
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not a text list of slides (not UTF-8 text); give a folder, a slide or a text file with one path per line");
        }
        Path given = file.getParent();
        List<Path> out = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.trim();
            if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1).trim(); // byte-order mark
            if (line.isEmpty() || line.startsWith("#")) continue;
            Path p;
            try {
                p = java.nio.file.Paths.get(line);
            } catch (InvalidPathException e) {
                throw new IOException(file + ": line " + n + ": not a valid path: " + e.getReason());
            }
            // Relative to the list's folder, written as the user wrote the list's path, so the slide column
            // reads the same on every machine that runs the same command from the same place.
            if (!p.isAbsolute()) p = given == null ? p.normalize() : given.resolve(p).normalize();
            Path key = p.toAbsolutePath().normalize();
            if (seen.add(key)) out.add(p);
        }
        return out;
    }
}
