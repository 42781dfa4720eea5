package necroptosis.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import necroptosis.summary.SlideSummary;
import necroptosis.summary.SummaryJson;

/** {@code --marker NAME} names the scored stain in the summary and its provenance; a bad name is refused. */
class MarkerNameTest {
    @TempDir
    Path dir;

    @Test
    void theMarkerNamesTheScoredStainInTheSummary() throws Exception {
        Path slide = Paths.get("test-images", "synthetic-2048-0.25um.tif");
        EdgeSlides.Cli c = EdgeSlides.run("score", slide.toString(), "--out", dir.toString(), "--marker", "Ki67", "--quiet");
        assertEquals(0, c.code, c.err);
        Path summary = dir.resolve("synthetic-2048-0.25um").resolve("summary.json");
        JsonObject j = JsonParser.parseString(new String(Files.readAllBytes(summary), StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals("Ki67", j.get("marker").getAsString());
        assertEquals("Ki67", j.getAsJsonObject("provenance").getAsJsonObject("parameters").get("marker").getAsString());
        assertEquals("Ki67", SummaryJson.read(summary).marker);
    }

    @Test
    void aSummaryWithoutAMarkerIsAnMlklOne() throws Exception {
        Path slide = Paths.get("test-images", "synthetic-2048-0.25um.tif");
        assertEquals(0, EdgeSlides.run("score", slide.toString(), "--out", dir.toString(), "--quiet").code);
        Path summary = dir.resolve("synthetic-2048-0.25um").resolve("summary.json");
        String text = new String(Files.readAllBytes(summary), StandardCharsets.UTF_8);
        String older = text.replaceFirst("\n  \"marker\": \"MLKL\",", "");
        assertFalse(older.equals(text), "the default summary names MLKL");
        Files.write(summary, older.getBytes(StandardCharsets.UTF_8));
        SlideSummary s = SummaryJson.read(summary);
        assertEquals(AnalysisSettings.DEFAULT_MARKER, s.marker);
    }

    @Test
    void aMarkerThatCannotBeALabelIsRefused() {
        for (String bad : new String[] {"", "a,b", "two\nlines", "../x", "a name much longer than thirty-two characters"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AnalysisSettings.builder().marker(bad).build(), bad);
            assertTrue(e.getMessage().startsWith("marker must be"), e.getMessage());
        }
        assertEquals("CD8", AnalysisSettings.builder().marker(" CD8 ").build().marker);
    }
}
