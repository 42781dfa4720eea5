package necroptosis.ij;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;
import necroptosis.pipeline.AnalysisSettings;
import necroptosis.pipeline.Setting;
import necroptosis.pipeline.SettingValues;
import necroptosis.pipeline.SlideAnalysis;
import necroptosis.pipeline.SlideResult;
import necroptosis.regions.ImageJRoiRegions;
import necroptosis.regions.UserRegions;
import necroptosis.report.ResultWriter;
import necroptosis.slide.ImageJSlideSource;
import necroptosis.slide.SlideSource;
import necroptosis.slide.SlideSources;

/**
 * Plugins &gt; Necroptosis &gt; Score Slide...: one slide, from a file or the open image (its area selection
 * restricts the analysis), with every analysis setting in one dialog. With macro options, or headless, no
 * dialog is built: the options are read with the same keys, so a recorded line replays the same analysis,
 * e.g. {@code run("Score Slide...", "slide=[/data/case1.svs] output=[/data/results] weak=0.15")}.
 */
public final class ScoreSlideCommand implements PlugIn {
    static final String TITLE = "Score Slide";

    /** Whether the slide being scored is the open image, which changes how a missing pixel size is given. */
    private boolean fromImage;

    @Override
    public void run(String arg) {
        fromImage = false;
        try {
            score();
        } catch (Throwable e) {
            CommandSupport.fail(TITLE, e, fromImage);
        }
    }

    private void score() throws Exception {
        String options = Macro.getOptions();
        ImagePlus current = WindowManager.getCurrentImage();
        SettingValues v;
        if (options != null) {
            v = Parameters.fromMacro(options, Parameters.scoreSlideAll());
        } else if (CommandSupport.headless()) {
            throw new Parameters.OptionException("headless runs need macro options, e.g. run(\"Score Slide...\", "
                    + "\"slide=[/path/slide.svs] output=[/path/results]\")");
        } else {
            List<Setting> params = Parameters.scoreSlide(current != null);
            v = SettingsDialog.show(TITLE, params, Help.HTML);
            if (v == null) return;
        }
        fromImage = v.has("source") && Parameters.SOURCE_IMAGE.equals(v.choice("source"));
        if (fromImage && current == null) throw new Parameters.OptionException("source=[current image]: no image is open");
        if (!fromImage && v.text("slide").isEmpty()) {
            throw new Parameters.OptionException("slide: no slide file given (slide=[/path/slide.svs]), and source is not the current image");
        }
        if (fromImage && current.getType() != ImagePlus.COLOR_RGB) {
            throw new Parameters.OptionException("source=[current image]: '" + current.getTitle() + "' is not an RGB image; "
                    + "Score Slide needs the brightfield colour image (H-DAB or H&E)");
        }
        UserRegions selection = fromImage ? ImageJRoiRegions.ofSelection(current.getRoi(), current.getTitle()) : null;
        AnalysisSettings settings = Parameters.settings(v, selection);
        Path out = CommandSupport.outputFolder(v.text("output"));
        ResultWriter.removeUnfinished(out);

        IJ.resetEscape();
        long start = System.currentTimeMillis();
        SlideResult result;
        ResultWriter.Written written;
        // The open image is read in place: locked, no other command can change it during the analysis.
        if (fromImage && !current.lockSilently()) throw new Parameters.OptionException("'" + current.getTitle() + "' is in use by another command");
        try (SlideSource slide = fromImage ? imageSource(current, v) : SlideSources.open(Paths.get(v.text("slide")), Parameters.openOptions(v))) {
            String name = ResultWriter.safeName(slide.path());
            result = new SlideAnalysis(settings, CommandSupport.progress(TITLE, name)).run(slide);
            IJ.showStatus(TITLE + ": " + name + ": writing results");
            written = ResultWriter.writeAll(result, out, ResultWriter.safeName(result.slidePath));
        } finally {
            if (fromImage) current.unlock();
        }
        IJ.showProgress(1.0);
        String line = String.format(Locale.ROOT, "%s: %s: %d tiles, %s, %.1f s -> %s", TITLE, result.slidePath,
                result.tiles.size(), result.coresInWords(), (System.currentTimeMillis() - start) / 1000.0, written.dir);
        IJ.log(line);
        IJ.showStatus(TITLE + ": done, " + result.coresInWords());
        if (CommandSupport.showsTables()) ResultsDisplay.show(result, written.summary, written.dir, v.flag("tile_table"), CommandSupport.showsWindows());
    }

    /** The open image; pixel_size, when given, overrides its calibration. */
    private static SlideSource imageSource(ImagePlus imp, SettingValues v) {
        return ImageJSlideSource.of(imp, Parameters.openOptions(v).pixelSizeOverrideUm());
    }
}
