package necroptosis.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import necroptosis.Versions;

/**
 * Decides whether a slide's output folder already holds a complete result of this batch: summary.json
 * (written last, so its presence means the other files are complete) for the same slide, by the same
 * version, with the same analysis parameters and pixel-size override. Anything else (no summary, another
 * version or setting, another slide that had the folder's name in an earlier list) means: score again.
 */
final class CompleteOutputs {
    private CompleteOutputs() {}

    static final String SUMMARY = "summary.json";

    /** The parsed summary.json when it is a complete result for this slide and settings, else null. */
    static JsonObject find(Path slideDir, Path slide, JsonObject settings) {
        Path file = slideDir.resolve(SUMMARY);
        // Every output file, not only the summary: a folder from an older run may lack files added since.
        if (!Files.isRegularFile(file) || !necroptosis.report.ResultWriter.isComplete(slideDir)) return null;
        JsonObject s;
        try {
            s = read(file);
        } catch (IOException e) {
            return null; // unreadable or damaged: score again, which rewrites it
        }
        JsonObject prov = object(s, "provenance");
        if (prov == null || !Versions.VERSION.equals(string(prov, "version"))) return null;
        JsonObject params = object(prov, "parameters");
        if (params == null) return null;
        JsonObject expected = settings.deepCopy();
        expected.remove("reader");
        JsonElement override = expected.remove("pixel_size_override_um");
        JsonObject had = params.deepCopy();
        had.remove("threads");
        if (!had.equals(expected)) return null;
        boolean wasOverride = "override".equals(string(prov, "pixel_size_source"));
        if (override == null || override.isJsonNull()) {
            if (wasOverride) return null;
        } else {
            JsonElement px = prov.get("pixel_size_um");
            if (!wasOverride || px == null || !px.isJsonPrimitive() || px.getAsDouble() != override.getAsDouble()) return null;
        }
        return sameSlide(string(s, "slide"), slide) ? s : null;
    }

    /** The summary's slide is this one: the same text, or the same file reached by another path. */
    private static boolean sameSlide(String recorded, Path slide) {
        if (recorded == null) return false;
        if (recorded.equals(slide.toString())) return true;
        try {
            Path r = Paths.get(recorded);
            return Files.exists(r) && Files.exists(slide) && Files.isSameFile(r, slide);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    static JsonObject read(Path summaryFile) throws IOException {
        try {
            JsonElement e = JsonParser.parseString(new String(Files.readAllBytes(summaryFile), StandardCharsets.UTF_8));
            if (!e.isJsonObject()) throw new IOException(summaryFile + ": not a JSON object");
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(summaryFile + ": not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }
}
