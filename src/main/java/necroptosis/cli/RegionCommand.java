package necroptosis.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

import necroptosis.slide.SlideException;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code region SLIDE ...}: one region of one level as PNG, to check a reader's pixels. */
@Command(name = "region", description = "Write one region of one pyramid level as a PNG or JPEG (coordinates in that level's pixels).")
final class RegionCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SLIDE", description = "slide file")
    Path slide;

    @Option(names = "--level", defaultValue = "0", description = "pyramid level (0 = full resolution)")
    int level;

    @Option(names = "--x", required = true, description = "left edge, level pixels")
    int x;

    @Option(names = "--y", required = true, description = "top edge, level pixels")
    int y;

    @Option(names = "--width", required = true, description = "width, level pixels")
    int width;

    @Option(names = "--height", required = true, description = "height, level pixels")
    int height;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "output image: .png, or .jpg/.jpeg for JPEG")
    Path out;

    @Mixin
    OpenOptionsMixin open;

    @Override
    public Integer call() throws Exception {
        String format = format(out);
        Path abs = out.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        int[] rgb;
        try (SlideSource s = SlideSources.open(slide, open.options())) {
            rgb = s.readRegion(level, x, y, width, height);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, rgb, 0, width);
        try {
            if (!ImageIO.write(img, format, tmp.toFile())) throw new SlideException(out.toString(), "no " + format + " writer in this Java");
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        } catch (SlideException e) {
            throw e;
        } catch (IOException e) {
            throw new SlideException(out.toString(), "cannot be written (" + SlideSources.describe(e) + ")", e);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return 0;
    }

    /**
     * The image format the name asks for, checked before the slide is read: PNG for .png, JPEG for .jpg and
     * .jpeg; other names are refused rather than given bytes that do not match them.
     */
    private static String format(Path out) throws SlideException {
        String name = out.toString();
        if (Files.isDirectory(out)) throw new SlideException(name, "is a folder; give a file name such as " + out.resolve("region.png"));
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new SlideException(name, Files.exists(parent) ? parent + " is not a folder" : "no such folder " + parent);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) return "png";
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) return "jpg";
        throw new SlideException(name, "give a .png, .jpg or .jpeg file name");
    }
}
