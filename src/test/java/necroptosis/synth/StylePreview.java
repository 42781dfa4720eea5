package necroptosis.synth;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;

import javax.imageio.ImageIO;

import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * Looking at the styles, not a test: {@code StylePreview DIR SIZE SEED...} prints each seed's varied look and
 * writes DIR/varied-SEED.png (the whole slide, level 2) and DIR/varied-SEED-crop*.png (full-resolution crops
 * at the first core's edge and in each keratin, collagen or fat patch). With no seeds it prints the looks of
 * seeds 9001-9040 only.
 */
public final class StylePreview {
    private StylePreview() { }

    public static void main(String[] args) throws IOException {
        Path dir = Paths.get(args[0]);
        int size = Integer.parseInt(args[1]);
        if (args.length == 2) {
            for (long seed = 9001; seed <= 9040; seed++) System.out.println(seed + " " + Appearance.varied(seed));
            return;
        }
        for (int a = 2; a < args.length; a++) {
            long seed = Long.parseLong(args[a]);
            SyntheticSlideSettings s = SyntheticSlideSettings.builder().size(size, size).pixelSizeUm(0.5).seed(seed)
                    .cores(1).coreRadiusUm(160).style(SlideStyle.VARIED).build();
            Path tif = dir.resolve("varied-" + seed + ".tif");
            new SyntheticSlideGenerator(s, 2, null).generate(tif, SyntheticSlideGenerator.defaultTruthPath(tif));
            SlideLayout layout = new SlideLayout(s);
            System.out.println(seed + " " + layout.look + " patches " + layout.patches.size());
            try (SlideSource src = SlideSources.open(tif)) {
                int level = Math.min(2, src.levels().size() - 1);
                int w = (int) src.levels().get(level).width(), h = (int) src.levels().get(level).height();
                write(src.readRegion(level, 0, 0, w, h), w, h, dir.resolve("varied-" + seed + ".png"));
                int n = 0;
                if (!layout.cores.isEmpty()) {
                    SynthPolygon c = layout.cores.get(0);
                    crop(src, (int) c.maxX, (int) ((c.minY + c.maxY) / 2), size, dir.resolve("varied-" + seed + "-crop" + n++ + "-core-edge.png"));
                }
                for (SlideLayout.Patch p : layout.patches) {
                    crop(src, (int) p.cx, (int) p.cy, size, dir.resolve("varied-" + seed + "-crop" + n++ + "-" + p.kindName() + ".png"));
                }
            }
        }
    }

    private static void crop(SlideSource src, int cx, int cy, int size, Path out) throws IOException {
        int c = 512;
        int x = Math.max(0, Math.min(size - c, cx - c / 2)), y = Math.max(0, Math.min(size - c, cy - c / 2));
        write(src.readRegion(0, x, y, c, c), c, c, out);
    }

    private static void write(int[] px, int w, int h, Path out) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, px, 0, w);
        ImageIO.write(img, "png", new File(out.toString()));
    }
}
