package necroptosis.scoring;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class DabThresholdsTest {

    @Test
    void defaultsAreTheDesignValues() {
        // DESIGN.md: weak/moderate/strong 0.15 / 0.35 / 0.60 OD.
        assertEquals(0.15, DabThresholds.DEFAULT.weak());
        assertEquals(0.35, DabThresholds.DEFAULT.moderate());
        assertEquals(0.60, DabThresholds.DEFAULT.strong());
    }

    @Test
    void invalidSettingsAreRejectedNamingTheSetting() {
        assertMessage(() -> DabThresholds.of(-0.1, 0.35, 0.6), "weak", "negative");
        assertMessage(() -> DabThresholds.of(0.15, Double.NaN, 0.6), "moderate", "finite");
        assertMessage(() -> DabThresholds.of(0.15, 0.35, Double.POSITIVE_INFINITY), "strong", "finite");
        assertMessage(() -> DabThresholds.of(0.35, 0.35, 0.6), "weak", "below moderate");
        assertMessage(() -> DabThresholds.of(0.15, 0.7, 0.6), "moderate", "below strong");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable e, String... parts) {
        String m = assertThrows(IllegalArgumentException.class, e).getMessage();
        for (String p : parts) assertTrue(m.contains(p), "'" + m + "' lacks '" + p + "'");
    }

    @Test
    void binsAreExclusiveAndThresholdsBelongToTheUpperBin() {
        DabThresholds t = DabThresholds.of(0.1, 0.2, 0.4);
        assertEquals(0, t.bin(0.0999));
        assertEquals(1, t.bin(0.1));
        assertEquals(1, t.bin(0.1999));
        assertEquals(2, t.bin(0.2));
        assertEquals(3, t.bin(0.4));
        assertEquals(3, t.bin(5));
        assertEquals(0, t.bin(-0.3));
        assertEquals(0, t.bin(Double.NaN));
        // Float data compare in float: a value that reads 0.35 is moderate, although 0.35f < 0.35.
        DabThresholds d = DabThresholds.DEFAULT;
        assertEquals(2, d.bin(0.35f));
        assertEquals(1, d.bin(Math.nextDown(0.35f)));
        assertEquals(1, d.bin(Math.nextDown(0.35)));
    }
}
