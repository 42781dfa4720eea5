package necroptosis.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import necroptosis.summary.SlideSummary;
import necroptosis.summary.SummaryJson;
import necroptosis.summary.SummaryJsonTest;

/** batch_summary.csv reads back to the rows that were written, and rewriting it gives the same bytes. */
class BatchSummaryCsvTest {
    @TempDir
    Path dir;

    @Test
    void roundTripIsByteExactWithCommasQuotesAndUnicode() throws Exception {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("necrosis_fraction", "0.0840925336402367");
        v.put("notes", "analysed at 1 um/px, coarser; \"unreliable\"");
        BatchRow ok = new BatchRow(2, "slides/caf\u00e9, 1.svs", "caf_-1", BatchRow.OK, "", v, false, 3);
        BatchRow bad = BatchRow.failed(1, "a\"b.svs", "a_b", "a\"b.svs: no such file", 0);
        Path f = dir.resolve("batch_summary.csv");
        BatchSummaryCsv.write(f, Arrays.asList(ok, bad));
        byte[] first = Files.readAllBytes(f);
        List<BatchRow> back = BatchSummaryCsv.read(f);
        assertEquals(1, back.get(0).index, "sorted by index");
        assertEquals("a\"b.svs: no such file", back.get(0).reason);
        assertEquals("slides/caf\u00e9, 1.svs", back.get(1).slide);
        assertEquals(0.0840925336402367, back.get(1).number("necrosis_fraction"));
        assertEquals(v.get("notes"), back.get(1).get("notes"));
        assertEquals("", back.get(1).get("mlkl_immune_spearman"));
        BatchSummaryCsv.write(f, back);
        assertArrayEquals(first, Files.readAllBytes(f));
        assertFalse(Files.exists(dir.resolve("batch_summary.csv.part")));
        String text = new String(first, StandardCharsets.UTF_8);
        assertEquals(3, text.split("\n").length, "one line per row: " + text);
    }

    @Test
    void aRowFromTheSummaryInMemoryEqualsTheRowReadBackFromItsFile() throws Exception {
        for (SlideSummary s : new SlideSummary[] {SummaryJsonTest.sample(true, -0.0891277834434863), SummaryJsonTest.sample(false, null)}) {
            Path f = dir.resolve(SummaryJson.FILE_NAME);
            try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
                SummaryJson.write(s, w);
            }
            Map<String, String> fresh = BatchSummaryCsv.values(s);
            assertEquals(fresh, BatchSummaryCsv.values(SummaryJson.read(f)));
            assertEquals(BatchSummaryCsv.RESULT_COLUMNS, new ArrayList<>(fresh.keySet()));
            assertEquals("no immune cells found; two lines", fresh.get("notes"));
            assertEquals("-0.0", fresh.get("rim_area_mm2"), "spelt as summary.json spells it");
            assertEquals("12.573775999999999", fresh.get("tissue_area_mm2"));
            assertEquals("2", fresh.get("necrotic_core_count"));
            assertEquals(s.mlklImmuneSpearman == null ? "" : "-0.0891277834434863", fresh.get("mlkl_immune_spearman"));
        }
    }

    @Test
    void somethingElseIsRefusedNamingTheFile() throws Exception {
        Path f = dir.resolve("x.csv");
        Files.write(f, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> BatchSummaryCsv.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }
}
