package necroptosis.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import necroptosis.pipeline.SlideResult;

/**
 * An extra per-slide output file that {@link ResultWriter} writes for every slide, found at run time with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/necroptosis.report.SlideOutput}).
 * It exists so that outputs needing classes the core may not import (the ImageJ ROI set needs
 * {@code ij.gui} ROIs, see ArchitectureTest) are still written by every caller of ResultWriter (the score
 * and batch commands, the Fiji commands) without each caller having to remember to ask for them.
 */
public interface SlideOutput {
    /** The file's name in the slide's output folder, e.g. "rois.zip". */
    String fileName();

    /**
     * Writes the file. {@code outlines} are the result's tissue, rim and core outlines (in that order, as
     * {@link Outlines} makes them), so every output draws the same shapes.
     */
    void write(SlideResult result, List<Outline> outlines, OutputStream out) throws IOException;
}
