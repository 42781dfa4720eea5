package necroptosis.segmentation;

import java.util.ArrayList;
import java.util.List;

/**
 * The two second looks the measurement takes at a dark object that is no single lymphocyte (when, and
 * what it accepts, is {@link NucleusClassifier}'s): cutting a clump of touching lymphocytes apart, and
 * trimming nuclear dust off one. Each pass over a component's pixels or its box is a method of its own
 * ({@link Component}), so the JIT compiles these methods once rather than each loop in them with all
 * that follows (on-stack replacement).
 */
final class LymphocyteClumps {
    private final OdImages images;
    private final NucleusClassifier classifier;
    private final double minAreaUm2;
    private final ObjectScratch scratch;

    LymphocyteClumps(OdImages images, NucleusClassifier classifier, double minAreaUm2, ObjectScratch scratch) {
        this.images = images;
        this.classifier = classifier;
        this.minAreaUm2 = minAreaUm2;
        this.scratch = scratch;
    }

    /**
     * The pieces of the component's pixels at or above {@code cut} after an EDM watershed, when the
     * classifier takes them for a clump's ({@link NucleusClassifier#enoughClumpPieces}, every piece of at
     * least the minimum area {@link NucleusClassifier#isWholeLymphocyte}); null otherwise. The pieces' pixels
     * are relabelled in {@code labels} {@code firstLabel, firstLabel + 1, ...} in the order returned.
     */
    List<Nucleus> splitDarkCore(float cut, Component component, int[] labels, int firstLabel) {
        Box core = component.boxAtOrAbove(cut, images.flat);
        if (core == null) return null;
        // One pixel of background around the box, so that the EDM sees the object's whole outline.
        Box box = core.grown(1);
        byte[] mask = component.maskAtOrAbove(cut, images.flat, box);
        ShapeSplit.splitByShape(mask, box.w, box.h, scratch);
        Labeling parts = Labeling.of(nonZero(mask), box.w, box.h); // the watershed lines separate 8-connected particles
        if (!classifier.enoughClumpPieces(parts.count)) return null;
        double pixelArea = images.pixelArea();
        List<Nucleus> out = new ArrayList<>();
        int[] newId = new int[parts.count + 1];
        for (int c = 1; c <= parts.count; c++) {
            if (parts.sizes[c] * pixelArea < minAreaUm2) continue;
            Nucleus n = Measurement.of(parts.labels, c, box, images, classifier);
            if (!classifier.isWholeLymphocyte(n)) return null;
            out.add(n);
            newId[c] = firstLabel + out.size() - 1;
        }
        if (!classifier.enoughClumpPieces(out.size())) return null;
        component.relabel(labels, parts.labels, box, newId);
        return out;
    }

    /**
     * The lymphocyte left when the component's pixels at or above {@code cut} are opened with a disc of
     * radius {@value NucleusClassifier#DUST_OPENING_UM} µm (which removes anything narrower than 3 µm),
     * when the classifier accepts it ({@link NucleusClassifier#onlyDustTrimmed}); null otherwise.
     */
    Nucleus withoutDust(float cut, Component component) {
        double pixelArea = images.pixelArea();
        double r = NucleusClassifier.DUST_OPENING_UM / Math.sqrt(pixelArea);
        int pad = (int) Math.ceil(r) + 2;
        Box core = component.boxAtOrAbove(cut, images.flat);
        if (core == null) return null;
        Box box = core.grown(pad);
        int bw = box.w, bh = box.h;
        byte[] object = component.maskAtOrAbove(cut, images.flat, box);
        boolean[] opened = opened(object, bw, bh, r);
        if (opened == null) return null;
        Labeling kept = Labeling.of(opened, bw, bh);
        Labeling dust = Labeling.of(trimmedOff(object, opened), bw, bh);
        int largestDust = 0;
        for (int c = 1; c <= dust.count; c++) largestDust = Math.max(largestDust, dust.sizes[c]);
        if (!classifier.onlyDustTrimmed(kept.count, largestDust * pixelArea)) return null;
        Nucleus n = Measurement.of(kept.labels, 1, box, images, classifier);
        return classifier.isWholeLymphocyte(n) ? n : null;
    }

    /**
     * The object's opening with a disc of radius {@code r}: erosion then dilation by the same disc, each from
     * an exact Euclidean distance map; null when the erosion leaves nothing.
     */
    private static boolean[] opened(byte[] object, int bw, int bh, double r) {
        float[] toOutside = ImageJFilters.distanceToBackground(object, bw, bh);
        byte[] eroded = new byte[bw * bh];
        boolean any = false;
        for (int i = 0; i < eroded.length; i++) if (toOutside[i] > r) { eroded[i] = (byte) 255; any = true; }
        if (!any) return null;
        float[] toEroded = ImageJFilters.distanceTo(eroded, bw, bh);
        boolean[] opened = new boolean[bw * bh];
        for (int i = 0; i < opened.length; i++) opened[i] = object[i] != 0 && toEroded[i] <= r;
        return opened;
    }

    /** The object's pixels outside its opening. */
    private static boolean[] trimmedOff(byte[] object, boolean[] opened) {
        boolean[] trimmed = new boolean[opened.length];
        for (int i = 0; i < trimmed.length; i++) trimmed[i] = object[i] != 0 && !opened[i];
        return trimmed;
    }

    /** Whether each pixel is non-zero. */
    private static boolean[] nonZero(byte[] mask) {
        boolean[] in = new boolean[mask.length];
        for (int i = 0; i < in.length; i++) in[i] = mask[i] != 0;
        return in;
    }
}
