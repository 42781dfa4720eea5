package necroptosis.stain;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Assumptions;

/** Reads the shared real test images (skipping when absent) as packed RGB. */
final class RealImages {
    private RealImages() {
    }

    static Path dir() {
        Path dir = Paths.get(System.getProperty("necroptosis.realImages", "../shared/real-images"));
        Assumptions.assumeTrue(Files.isDirectory(dir), "real images not found at " + dir);
        return dir;
    }

    static Path file(String relative) {
        Path p = dir().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "real image not found: " + p);
        return p;
    }

    /** Pixels of the rectangle (x, y, w, h) of an image, row by row. */
    static int[] rgb(Path file, int x, int y, int w, int h) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) throw new IOException(file + ": not readable by ImageIO");
        return img.getRGB(x, y, w, h, null, 0, w);
    }
}
