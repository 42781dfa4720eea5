package necroptosis.segmentation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Step 3 of the nucleus detection: the split mask's 4-connected components measured on the unsmoothed
 * OD ({@link Measurement}) and classified ({@link NucleusClassifier}), with the second looks the
 * classifier asks for at dark objects ({@link LymphocyteClumps}).
 * <p>
 * Size, shape and darkness come from a component's unsmoothed pixels at or above half its typical peak
 * (and its basin's threshold): smoothing, and a halo of counterstained cytoplasm or membrane, would
 * otherwise inflate small dark nuclei such as lymphocytes.
 */
final class NucleusMeasurer {
    /** A component's typical peak darkness is this quantile of its values (see {@link Component#robustPeak}). */
    static final double PEAK_QUANTILE = 0.9;

    private final OdImages images;
    private final NucleusClassifier classifier;
    private final double minAreaUm2;
    private final ObjectScratch scratch;
    private final LymphocyteClumps clumps;

    NucleusMeasurer(OdImages images, NucleusClassifier classifier, double minAreaUm2, ObjectScratch scratch) {
        this.images = images;
        this.classifier = classifier;
        this.minAreaUm2 = minAreaUm2;
        this.scratch = scratch;
        this.clumps = new LymphocyteClumps(images, classifier, minAreaUm2, scratch);
    }

    /**
     * The nuclei of at least the minimum area, in raster order of their component's first pixel (a clump's
     * pieces in its place). {@code labels} is work space of the image's size; with {@code keepLabels} it
     * receives each pixel's nucleus, 1-based into the result (0 = none). {@code inMask} is work space of
     * the image's size.
     */
    List<Nucleus> measure(NucleusMask nuclei, int[] labels, boolean keepLabels, boolean[] inMask) {
        byte[] mask = nuclei.mask;
        for (int i = 0; i < mask.length; i++) inMask[i] = mask[i] != 0;
        Labeling components = Labeling.of4(inMask, images.width, images.height, labels, scratch.labelling);
        int count = components.count;
        int[] pixelsByComponent = scratch.pixelList(components.labelled());
        int[] start = byComponent(labels, components, pixelsByComponent);
        int[] bounds = bounds(components.count, start, pixelsByComponent);
        Found found = new Found(count, labels);
        Component component = new Component(pixelsByComponent, images.width);
        for (int c = 1; c <= count; c++) {
            component.id = c;
            component.from = start[c];
            component.to = start[c + 1];
            int b = 4 * c;
            component.box = new Box(bounds[b], bounds[b + 1], bounds[b + 2] - bounds[b] + 1, bounds[b + 3] - bounds[b + 1] + 1);
            // One call per component (thousands per tile), which the JIT compiles after the first few rather
            // than compiling this tile-long loop again at each of its loops (see BasinSplit).
            measure(component, nuclei.cuts[component.first()], found);
        }
        return found.kept(keepLabels);
    }

    /**
     * The nuclei found so far, each with its provisional label: a component's own (1..count) or, for a
     * clump's pieces, count + 1, count + 2, ... (null for a component replaced by its pieces or with
     * nothing at its cut).
     */
    private final class Found {
        final List<Nucleus> nuclei;
        final int[] labels;
        int[] labelOf;
        int nextLabel;

        Found(int components, int[] labels) {
            nuclei = new ArrayList<>(components);
            labelOf = new int[components + 16];
            nextLabel = components + 1;
            this.labels = labels;
        }

        void add(Nucleus n, int label) {
            if (nuclei.size() == labelOf.length) labelOf = Arrays.copyOf(labelOf, 2 * labelOf.length);
            labelOf[nuclei.size()] = label;
            nuclei.add(n);
        }

        /** Those of at least the minimum area, with the labels renumbered to index them when {@code keepLabels}. */
        List<Nucleus> kept(boolean keepLabels) {
            int[] remap = new int[nextLabel];
            List<Nucleus> kept = new ArrayList<>(nuclei.size());
            for (int i = 0; i < nuclei.size(); i++) {
                Nucleus n = nuclei.get(i);
                if (n != null && n.areaUm2 >= minAreaUm2) {
                    kept.add(n);
                    remap[labelOf[i]] = kept.size();
                }
            }
            if (keepLabels) for (int i = 0, n = images.width * images.height; i < n; i++) labels[i] = remap[labels[i]];
            return kept;
        }
    }

    /**
     * The mask's pixels grouped by component, each group in raster order, into {@code out}; component
     * {@code c}'s are {@code out[start[c] .. start[c + 1])}.
     */
    private int[] byComponent(int[] labels, Labeling components, int[] out) {
        int count = components.count, n = images.width * images.height;
        int[] start = new int[count + 2], next = new int[count + 1];
        for (int c = 1; c <= count; c++) start[c + 1] = start[c] + components.sizes[c];
        System.arraycopy(start, 0, next, 0, count + 1);
        for (int p = 0; p < n; p++) {
            int c = labels[p];
            if (c != 0) out[next[c]++] = p;
        }
        return start;
    }

    /** Each component's bounds {x0, y0, x1, y1} (inclusive) at {@code 4 * c}, from its pixels in raster order. */
    private int[] bounds(int count, int[] start, int[] pixels) {
        int[] bounds = scratch.bounds(4 * (count + 1));
        int width = images.width;
        for (int c = 1; c <= count; c++) {
            int x0 = width, x1 = -1;
            for (int k = start[c]; k < start[c + 1]; k++) {
                int x = pixels[k] % width;
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
            }
            int b = 4 * c;
            bounds[b] = x0;
            bounds[b + 1] = pixels[start[c]] / width;
            bounds[b + 2] = x1;
            bounds[b + 3] = pixels[start[c + 1] - 1] / width;
        }
        return bounds;
    }

    /**
     * Adds the nucleus of a component whose basin's threshold is {@code threshold}, measured at half its
     * typical peak (at least that threshold), or null when nothing of it is at that cut (a smoothing
     * artefact), or the second looks' result where the classifier asks for them.
     */
    private void measure(Component component, float threshold, Found found) {
        int members = component.members();
        float[] values = scratch.peakValues(members);
        float cut = Math.max(threshold, 0.5f * component.robustPeak(images.flat, PEAK_QUANTILE, values));
        Nucleus nucleus = measureAt(cut, component);
        float darkest = values[members - 1]; // robustPeak left the largest value last
        float lymphCut = Math.max(threshold, 0.5f * darkest);
        if (classifier.mayHideLymphocyte(nucleus) && lymphCut > cut) {
            Nucleus dark = measureAt(lymphCut, component);
            if (dark != null && classifier.revealsLymphocyte(nucleus, dark)) nucleus = dark;
        }
        if (classifier.mayBeLymphocyteClump(nucleus)) {
            List<Nucleus> pieces = clumps.splitDarkCore(cut, component, found.labels, found.nextLabel);
            if (pieces != null) {
                found.add(null, component.id);
                for (Nucleus piece : pieces) found.add(piece, found.nextLabel++);
                return;
            }
            if (classifier.mayCarryDust(nucleus)) {
                Nucleus trimmed = clumps.withoutDust(cut, component);
                if (trimmed != null) nucleus = trimmed;
            }
        }
        found.add(nucleus, component.id);
    }

    /** The nucleus formed by the component's pixels at or above {@code cut}; null when there are none. */
    private Nucleus measureAt(float cut, Component component) {
        int[] boxLabels = scratch.boxLabels(component.box.pixels());
        int label = scratch.stamp();
        if (component.labelAtOrAbove(cut, images.flat, boxLabels, label) == 0) return null;
        return Measurement.of(boxLabels, label, component.box, images, classifier);
    }
}
