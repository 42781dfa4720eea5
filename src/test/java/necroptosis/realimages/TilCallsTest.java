package necroptosis.realimages;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import necroptosis.TestImages;

/**
 * Issue 14: on the ten NuCLS breast fields (0.2 µm/px, H&amp;E), immune-cell calls against the marked stromal
 * TILs reach precision and recall of at least 0.7 each, as {@link RealTissueEvaluation} measures them (greedy
 * matching within 4 µm). Skipped, with a message, when ../shared/real-images is absent.
 */
class TilCallsTest {
    @Test
    void tilPrecisionAndRecallReachTheTargets() throws IOException {
        RealTissueEvaluation e = new RealTissueEvaluation(TestImages.realImages(), System.out);
        e.nucls();
        List<Executable> checks = new ArrayList<>();
        int targets = 0;
        for (RealTissueEvaluation.Row r : e.rows) {
            System.out.println("[nucls] " + r.metric + ": " + r.value + " (target " + r.target + ")");
            if (r.met == null) continue;
            targets++;
            checks.add(() -> assertTrue(r.met, r.metric + " " + r.value + ", target " + r.target));
        }
        assertEquals(2, targets, "TIL precision and recall rows");
        assertAll(checks);
    }
}
