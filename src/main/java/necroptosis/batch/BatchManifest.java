package necroptosis.batch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import necroptosis.Versions;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.slide.OpenOptions;

/**
 * batch.json beside batch_summary.csv: which slides the whole batch has (the full list with each slide's
 * output folder), with which settings, and which shard this folder holds. {@link Merge} uses it to refuse
 * shards of different batches and to name the slides no shard has. It holds no times or host names, so an
 * unsharded run and a merge of its shards write the same bytes.
 */
public final class BatchManifest {
    public static final String FILE_NAME = "batch.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    final JsonObject json;

    private BatchManifest(JsonObject json) {
        this.json = json;
    }

    static BatchManifest of(List<java.nio.file.Path> slides, List<String> outputs, AnalysisSettings settings,
            OpenOptions open, Shard shard) {
        JsonObject o = new JsonObject();
        o.addProperty("software", "necroptosis-scorer");
        o.addProperty("version", Versions.VERSION);
        o.addProperty("shard", shard.toString());
        o.add("settings", settingsJson(settings, open));
        JsonArray list = new JsonArray();
        for (int i = 0; i < slides.size(); i++) {
            JsonObject s = new JsonObject();
            s.addProperty("index", i + 1);
            s.addProperty("slide", slides.get(i).toString());
            s.addProperty("output", outputs.get(i));
            list.add(s);
        }
        o.add("slides", list);
        return new BatchManifest(o);
    }

    /**
     * The analysis parameters as provenance records them, without the thread count (results do not depend on
     * it, and cluster nodes differ), plus how slides are opened.
     */
    static JsonObject settingsJson(AnalysisSettings settings, OpenOptions open) {
        Map<String, Object> p = new LinkedHashMap<>(settings.toMap());
        p.remove("threads");
        JsonObject o = JsonParser.parseString(GSON.toJson(p)).getAsJsonObject();
        o.addProperty("reader", open.reader().name().toLowerCase(Locale.ROOT));
        if (open.pixelSizeOverrideUm() == null) o.add("pixel_size_override_um", com.google.gson.JsonNull.INSTANCE);
        else o.addProperty("pixel_size_override_um", open.pixelSizeOverrideUm());
        // Parsed back from text so that comparisons with a file read from disk compare like with like.
        return JsonParser.parseString(GSON.toJson(o)).getAsJsonObject();
    }

    public Shard shard() {
        return Shard.parse(json.get("shard").getAsString());
    }

    /** Number of slides in the whole batch. */
    public int size() {
        return json.getAsJsonArray("slides").size();
    }

    /** The slide path at a 1-based index of the full list. */
    public String slide(int index) {
        return json.getAsJsonArray("slides").get(index - 1).getAsJsonObject().get("slide").getAsString();
    }

    /** The same manifest for another shard (a merge is the whole batch, shard 1/1). */
    BatchManifest withShard(Shard s) {
        JsonObject o = json.deepCopy();
        o.addProperty("shard", s.toString());
        return new BatchManifest(o);
    }

    /** Null when both describe the same batch; else one line saying what differs. */
    String differenceFrom(BatchManifest other) {
        if (!json.get("version").equals(other.json.get("version"))) {
            return "made by version " + other.json.get("version").getAsString() + ", not " + json.get("version").getAsString();
        }
        String k = differingSetting(other);
        if (k != null) return "scored with different settings: " + k + " = " + other.setting(k) + ", not " + setting(k);
        JsonArray sa = json.getAsJsonArray("slides"), sb = other.json.getAsJsonArray("slides");
        if (!sa.equals(sb)) {
            if (sa.size() != sb.size()) return "a batch of " + sb.size() + " slides, not " + sa.size() + " (a different input list)";
            for (int i = 0; i < sa.size(); i++) {
                if (!sa.get(i).equals(sb.get(i))) {
                    return "a different input list: slide #" + (i + 1) + " is " + sb.get(i).getAsJsonObject().get("slide")
                            + ", not " + sa.get(i).getAsJsonObject().get("slide");
                }
            }
        }
        return null;
    }

    /** Null when both were scored with the same settings; else the name of the first setting that differs. */
    String differingSetting(BatchManifest other) {
        JsonObject a = json.getAsJsonObject("settings"), b = other.json.getAsJsonObject("settings");
        if (a.equals(b)) return null;
        List<String> keys = new ArrayList<>(a.keySet());
        for (String k : b.keySet()) if (!keys.contains(k)) keys.add(k);
        for (String k : keys) {
            if (!setting(k).equals(other.setting(k))) return k;
        }
        return null;
    }

    /** A setting as batch.json spells it ("null" when absent). */
    String setting(String key) {
        return String.valueOf(json.getAsJsonObject("settings").get(key));
    }

    /** The output folder of the slide at a 1-based index of the full list. */
    String output(int index) {
        return json.getAsJsonArray("slides").get(index - 1).getAsJsonObject().get("output").getAsString();
    }

    void write(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME), tmp = dir.resolve(FILE_NAME + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            GSON.toJson(json, w);
            w.write('\n');
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads dir/batch.json; the message names the folder when it is missing or not a batch manifest. */
    public static BatchManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + ": not a batch output folder (no " + FILE_NAME + "; was it written by the batch command?)");
        }
        try {
            JsonElement e = JsonParser.parseString(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            JsonObject o = e.getAsJsonObject();
            for (String k : new String[] {"version", "shard", "settings", "slides"}) {
                if (!o.has(k)) throw new IOException(file + ": not a batch manifest (no '" + k + "')");
            }
            BatchManifest m = new BatchManifest(o);
            m.shard();
            return m;
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new IOException(file + ": not a valid batch manifest (" + e.getMessage() + ")");
        }
    }
}
