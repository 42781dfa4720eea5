package necroptosis.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import necroptosis.Versions;
import necroptosis.report.ResultWriter;
import necroptosis.summary.Provenance;
import necroptosis.summary.SlideSummary;
import necroptosis.summary.SummaryJson;

/**
 * Decides whether a slide's output folder already holds a complete result of this batch: summary.json
 * (written last, so its presence means the other files are complete) for the same slide, by the same
 * version, with the same analysis parameters and pixel-size override. Anything else (no summary, another
 * version or setting, another slide that had the folder's name in an earlier list) means: score again.
 */
final class CompleteOutputs {
    private CompleteOutputs() {}

    /** The summary when the folder holds a complete result for this slide and settings, else null. */
    static SlideSummary find(Path slideDir, Path slide, JsonObject settings) {
        if (ResultWriter.isTemporary(slideDir)) return null; // a result being written or set aside, never done
        Path file = slideDir.resolve(SummaryJson.FILE_NAME);
        // Every output file, not only the summary: a folder from an older run may lack files added since.
        if (!Files.isRegularFile(file) || !ResultWriter.isComplete(slideDir)) return null;
        SlideSummary s;
        try {
            s = SummaryJson.read(file);
        } catch (IOException e) {
            return null; // unreadable, damaged or of another version: score again, which rewrites it
        }
        Provenance prov = s.provenance;
        if (!Versions.VERSION.equals(prov.version)) return null;
        JsonObject expected = settings.deepCopy();
        expected.remove("reader");
        JsonElement override = expected.remove("pixel_size_override_um");
        JsonObject had = prov.parameters();
        had.remove("threads");
        if (!had.equals(expected)) return null;
        boolean wasOverride = "override".equals(prov.pixelSizeSource);
        if (override == null || override.isJsonNull()) {
            if (wasOverride) return null;
        } else {
            if (!wasOverride || prov.pixelSizeUm != override.getAsDouble()) return null;
        }
        return sameSlide(s.slide, slide) ? s : null;
    }

    /**
     * The slide a folder's summary.json names, or null when there is none or it cannot be read. Only that
     * field is parsed, so a summary of another version still tells whose folder it is.
     */
    static String recordedSlide(Path slideDir) {
        Path file = slideDir.resolve(SummaryJson.FILE_NAME);
        if (!Files.isRegularFile(file)) return null;
        try (java.io.Reader r = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            JsonElement slide = com.google.gson.JsonParser.parseReader(r).getAsJsonObject().get("slide");
            return slide != null && slide.isJsonPrimitive() ? slide.getAsString() : null;
        } catch (IOException | RuntimeException e) {
            return null; // damaged: nobody's result, so it may be overwritten
        }
    }

    /** The summary's slide is this one: the same text, or the same file reached by another path. */
    static boolean sameSlide(String recorded, Path slide) {
        if (recorded == null) return false;
        if (recorded.equals(slide.toString())) return true;
        try {
            Path r = Paths.get(recorded);
            return Files.exists(r) && Files.exists(slide) && Files.isSameFile(r, slide);
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
