package necroptosis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.Overview;
import necroptosis.report.ResultWriter;
import necroptosis.slide.Level;
import necroptosis.slide.PixelSize;
import necroptosis.slide.Regions;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;
import necroptosis.stain.BackgroundEstimator;
import necroptosis.stain.ColorDeconvolution;
import necroptosis.stain.StainEstimator;
import necroptosis.stain.StainVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stains SLIDE --out DIR}: the stain optical densities of one region as 32-bit TIFFs, the images
 * Fiji's Colour Deconvolution shows, so a user can check the separation the analysis works with. I0 and
 * the vectors are found as {@code score} finds them (from the 8 µm/px overview), so the values match.
 */
@Command(name = "stains", description = "Write the haematoxylin, DAB (or eosin) and residual optical densities of a region as 32-bit TIFFs "
        + "(coordinates in that level's pixels; default the whole level if at most " + StainsCommand.MAX_SIDE + "x" + StainsCommand.MAX_SIDE + ").")
final class StainsCommand implements Callable<Integer> {
    /** Side of the largest whole level written by default; regions may have any shape of up to MAX_SIDE² pixels. */
    static final int MAX_SIDE = 4096;
    /** Largest region: the RGB and three float images take 16 bytes per pixel, 256 MB here. */
    static final long MAX_PIXELS = (long) MAX_SIDE * MAX_SIDE;

    @Parameters(paramLabel = "SLIDE", description = "slide file")
    Path slide;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--level", defaultValue = "0", description = "pyramid level (0 = full resolution)")
    int level;

    @Option(names = "--x", description = "left edge, level pixels; default 0")
    Integer x;

    @Option(names = "--y", description = "top edge, level pixels; default 0")
    Integer y;

    @Option(names = "--width", description = "width, level pixels; default to the right edge of the level")
    Integer width;

    @Option(names = "--height", description = "height, level pixels; default to the bottom edge of the level")
    Integer height;

    @Mixin
    OpenOptionsMixin open;

    @Mixin
    StainOptions stainOptions;

    @Override
    public Integer call() throws Exception {
        StainVectors preset = stainOptions.vectors(); // bad vectors fail before the slide is opened
        try (SlideSource s = SlideSources.open(slide, open.options())) {
            if (level < 0 || level >= s.levels().size()) Regions.check(s, level, 0, 0, 1, 1); // throws the shared message
            Level lv = s.levels().get(level);
            int x0 = x == null ? 0 : x, y0 = y == null ? 0 : y;
            // At least 1 so that an edge beyond the level is reported as outside it, not as a zero size.
            int w = width != null ? width : (int) Math.max(1, Math.min(Integer.MAX_VALUE, lv.width() - x0));
            int h = height != null ? height : (int) Math.max(1, Math.min(Integer.MAX_VALUE, lv.height() - y0));
            Regions.check(s, level, x0, y0, w, h);
            if ((long) w * h > MAX_PIXELS) {
                boolean whole = x == null && y == null && width == null && height == null;
                throw new IllegalArgumentException(s.path() + ": " + (whole ? "level " + level + " is " : "region ") + w + "x" + h
                        + " pixels, more than the " + MAX_PIXELS + " (" + MAX_SIDE + "x" + MAX_SIDE + ") written at once; give a smaller region with --x --y --width --height"
                        + (whole && level + 1 < s.levels().size() ? " or a coarser --level" : ""));
            }
            int[] rgb = s.readRegion(level, x0, y0, w, h);

            // I0 and vectors as the analysis finds them: from the overview; without a pixel size there is
            // no overview scale, so from the region itself.
            PixelSize px = s.pixelSize();
            int[] sample = px.isKnown() ? Overview.read(s, AnalysisSettings.DEFAULT_OVERVIEW_PIXEL_UM).rgb : rgb;
            String from = px.isKnown() ? "overview at " + AnalysisSettings.DEFAULT_OVERVIEW_PIXEL_UM + " um/px" : "region (pixel size unknown)";
            BackgroundEstimator.Background bg = new BackgroundEstimator().estimate(sample);
            StainVectors stains = bg.applyTo(preset);
            String stainsHow = "preset " + preset.name();
            if (stainOptions.estimateStains()) {
                StainEstimator.Result est = new StainEstimator().estimate(sample, stains);
                stains = est.stains();
                stainsHow = est.how();
            }
            System.err.println("I0 (" + bg.red() + ", " + bg.green() + ", " + bg.blue() + ") from the " + from + ": " + bg.how());
            System.err.println("stain vectors " + stains + " (" + stainsHow + ")");

            float[][] od = new float[3][w * h];
            new ColorDeconvolution(stains).deconvolve(rgb, od[0], od[1], od[2]);

            Files.createDirectories(out);
            String base = ResultWriter.safeName(s.path()) + "_" + x0 + "_" + y0 + "_" + w + "x" + h + "_L" + level;
            double pixelUm = px.isKnown() ? px.micrometers() * lv.downsample() : Double.NaN;
            for (int stain = 1; stain <= 3; stain++) {
                String info = String.format(Locale.ROOT, "%s optical density (stain %d of %s), colour deconvolution of %s, level %d, region %d,%d %dx%d\n"
                                + "stain vectors: %s (%s)\nI0 from the %s: %s\n",
                        stains.stainName(stain), stain, stains.name(), s.path(), level, x0, y0, w, h, stains, stainsHow, from, bg.how());
                Path file = out.resolve(base + "_" + suffix(stains, stain) + ".tif");
                writeTiff(file, base + " " + stains.stainName(stain) + " OD", od[stain - 1], w, h, pixelUm, info);
                od[stain - 1] = null;
                System.err.println(file);
            }
        }
        return 0;
    }

    /** File suffix of a stain: the names the task's users know ("hematoxylin", "dab", "eosin", "residual"). */
    static String suffix(StainVectors stains, int stain) {
        String name = stains.stainName(stain).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return name.equals("haematoxylin") ? "hematoxylin" : name;
    }

    private static void writeTiff(Path file, String title, float[] pixels, int w, int h, double pixelUm, String info) throws IOException {
        FloatProcessor fp = new FloatProcessor(w, h, pixels);
        fp.resetMinAndMax();
        ImagePlus imp = new ImagePlus(title, fp);
        if (!Double.isNaN(pixelUm)) {
            Calibration cal = imp.getCalibration();
            cal.pixelWidth = pixelUm;
            cal.pixelHeight = pixelUm;
            cal.setUnit("\u00b5m");
        }
        imp.setProperty("Info", info); // saved in the TIFF; Fiji shows it under Image > Show Info
        imp.getStack().setSliceLabel(title, 1);
        Path abs = file.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        if (!new FileSaver(imp).saveAsTiff(tmp.toString())) {
            Files.deleteIfExists(tmp);
            throw new IOException(abs + ": could not write the TIFF");
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
    }
}
