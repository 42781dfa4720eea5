package necroptosis.cli;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code region SLIDE ...}: one region of one level as PNG, to check a reader's pixels. */
@Command(name = "region", description = "Write one region of one pyramid level as a PNG (coordinates in that level's pixels).")
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

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "output PNG")
    Path out;

    @Mixin
    OpenOptionsMixin open;

    @Override
    public Integer call() throws Exception {
        try (SlideSource s = SlideSources.open(slide, open.options())) {
            int[] rgb = s.readRegion(level, x, y, width, height);
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, width, height, rgb, 0, width);
            Path abs = out.toAbsolutePath();
            Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
            if (!ImageIO.write(img, "png", tmp.toFile())) throw new IllegalStateException("no PNG writer");
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
        return 0;
    }
}
