package necroptosis.realimages;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import necroptosis.TestImages;

/** The loaders read the real image sets as their SOURCE.md files describe them (skipped when the folder is absent). */
class RealDatasetsTest {
    @Test
    void crchistoHasItsEightyFieldsAndEveryClassifiedCentre() throws IOException {
        List<RealDatasets.PointField> fields = RealDatasets.crchisto(TestImages.realImages());
        assertEquals(80, fields.size());
        int points = 0, classified = 0, inflammatory = 0;
        for (RealDatasets.PointField f : fields) {
            assertTrue(Files.exists(f.image), f.image.toString());
            points += f.points();
            classified += f.classified();
            inflammatory += f.count(RealDatasets.CRCHISTO_IMMUNE);
        }
        // summary.csv: 23,353 marked centres, 4,905 inflammatory; classified.csv files hold 17,598 points,
        // 52 of them not among detection_all (so added as centres).
        assertEquals(23353 + 52, points);
        assertEquals(17598, classified);
        assertEquals(4905, inflammatory);
    }

    @Test
    void nuclsHasTenFieldsEachPointClassed() throws IOException {
        List<RealDatasets.PointField> fields = RealDatasets.nucls(TestImages.realImages());
        assertEquals(10, fields.size());
        assertEquals("train_1", fields.get(0).name);
        assertEquals("train_10", fields.get(9).name);
        for (RealDatasets.PointField f : fields) {
            assertEquals(f.points(), f.classified(), f.name);
            assertTrue(Files.exists(f.image), f.image.toString());
        }
    }

    @Test
    void osteosarcomaHasTenTilesOfEachLabelAndSbuTenPairs() throws IOException {
        Path root = TestImages.realImages();
        List<RealDatasets.LabelledTile> tiles = RealDatasets.osteosarcoma(root);
        assertEquals(30, tiles.size());
        assertEquals(10, tiles.stream().filter(t -> t.necrotic).count());
        assertEquals(10, tiles.stream().filter(t -> "Non-Tumor".equals(t.label)).count());
        for (RealDatasets.LabelledTile t : tiles) assertTrue(Files.exists(t.image), t.image.toString());
        assertEquals(10, RealDatasets.sbu(root).size());
    }
}
