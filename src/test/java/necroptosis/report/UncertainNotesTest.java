package necroptosis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import necroptosis.pipeline.UncertainCores.Doubt;

/** The summary's note on uncertain cores names them as overview.png numbers them, for one core as for several. */
class UncertainNotesTest {
    private static final Doubt N = Doubt.NONE, D = Doubt.NO_DEBRIS, E = Doubt.EMPTY;

    private static String note(Doubt... cores) {
        Doubt[] doubts = new Doubt[cores.length + 1];
        doubts[0] = N;
        System.arraycopy(cores, 0, doubts, 1, cores.length);
        return Summary.uncertainNote(doubts, cores.length, D, "why");
    }

    @Test
    void namesTheCoresWithTheDoubt() {
        assertEquals("the necrotic core is uncertain: why; check it in overview.png (labelled \"1?\")", note(D));
        assertEquals("both necrotic cores are uncertain: why; check them in overview.png (labelled \"N?\")", note(D, D));
        assertEquals("all 3 necrotic cores are uncertain: why; check them in overview.png (labelled \"N?\")", note(D, D, D));
        assertEquals("necrotic core 3 of 4 is uncertain: why; check it in overview.png (labelled \"3?\")", note(N, E, D, N));
        assertEquals("necrotic cores 1, 3 of 4 are uncertain: why; check them in overview.png (labelled \"N?\")", note(D, E, D, N));
    }

    @Test
    void noNoteWithoutTheDoubt() {
        assertNull(note(N, E));
        assertNull(note());
    }
}
