package necroptosis;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;

/** Small images made by tests, and the real images in ../shared (skipped when absent). */
public final class TestImages {
    private TestImages() {}

    public static Path writePng(Path file, int w, int h, long seed) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt(0x1000000));
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** The shared real-images folder; skips the calling test, with a message, when it is absent. */
    public static Path realImages() {
        Path dir = Paths.get(System.getProperty("necroptosis.realImages", "../shared/real-images"));
        Assumptions.assumeTrue(Files.isDirectory(dir), "real images not found at " + dir.toAbsolutePath() + "; skipped");
        return dir;
    }
}
