package necroptosis.synth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The look of one synthetic slide: stain pair, counterstain strength, nucleus sizes and darkness of tumour
 * cells and lymphocytes, glass or none, and how many patches of material that is neither tumour nor necrosis
 * (keratin, collagen, fat) it holds. The classic look is today's constants; the varied look is drawn from
 * the seed on a stream of its own, so the slide's geometry (tissue, cores, cells) stays the classic one.
 */
final class Appearance {
    private static final long SALT_APPEARANCE = 7;

    /** Eosin instead of DAB: the slide has no MLKL stain and its truth no MLKL fractions. */
    final boolean he;
    /** Multiplies every haematoxylin optical density: below 1 a pale counterstain, above 1 a dark one. */
    final float haematoxylinScale;
    /** Multiplies every eosin optical density (H&amp;E only). */
    final float eosinScale;
    /** Tissue to the slide's edges: no glass in the field. */
    final boolean noGlass;
    /** Tumour nucleus semi-axis range in µm and haematoxylin OD range. */
    final double tumourRadiusLo, tumourRadiusHi, tumourOdLo, tumourOdHi;
    /** Lymphocyte nucleus radius range in µm and haematoxylin OD range. */
    final double lymphRadiusLo, lymphRadiusHi, lymphOdLo, lymphOdHi;
    /** Number of patches of each material. */
    final int keratin, collagen, fat;

    private Appearance(boolean he, float hScale, float eScale, boolean noGlass, double[] tumour, double[] lymph,
            int keratin, int collagen, int fat) {
        this.he = he;
        this.haematoxylinScale = hScale;
        this.eosinScale = eScale;
        this.noGlass = noGlass;
        tumourRadiusLo = tumour[0];
        tumourRadiusHi = tumour[1];
        tumourOdLo = tumour[2];
        tumourOdHi = tumour[3];
        lymphRadiusLo = lymph[0];
        lymphRadiusHi = lymph[1];
        lymphOdLo = lymph[2];
        lymphOdHi = lymph[3];
        this.keratin = keratin;
        this.collagen = collagen;
        this.fat = fat;
    }

    static final Appearance CLASSIC = new Appearance(false, 1f, 1f, false, new double[] {3.6, 5.0, 0.22, 0.40},
            new double[] {3.0, 3.6, 0.85, 1.25}, 0, 0, 0);

    static Appearance of(SyntheticSlideSettings s) {
        return s.style() == SlideStyle.CLASSIC ? CLASSIC : varied(s.seed());
    }

    /**
     * The varied look of a seed. Ranges are chosen to overlap where real slides overlap: tumour nuclei
     * 6.5-13 µm across at OD 0.2-1.05 (so some slides have tumour nuclei as dark as lymphocytes, and some
     * the 8-12 µm at OD 0.35-0.6 of other generators), lymphocytes 5-8 µm at OD 0.7-1.4, and a counterstain
     * from half to 1.6 times the classic strength.
     */
    static Appearance varied(long seed) {
        SplitMix r = SplitMix.at(seed, 0, 0, SALT_APPEARANCE);
        boolean he = r.nextDouble() < 0.35;
        float hScale = (float) Math.exp(r.uniform(Math.log(0.55), Math.log(1.6)));
        float eScale = (float) r.uniform(0.7, 1.3);
        boolean noGlass = r.nextDouble() < 0.3;
        double tLo = r.uniform(6.5, 9.0) / 2, tHi = tLo + r.uniform(2.0, 4.0) / 2;
        double tOd = r.uniform(0.2, 0.75), tOdHi = tOd + r.uniform(0.15, 0.3);
        double lLo = r.uniform(2.6, 3.3), lHi = lLo + r.uniform(0.3, 0.7);
        double lOd = r.uniform(0.7, 1.0), lOdHi = lOd + r.uniform(0.2, 0.4);
        int keratin = r.nextDouble() < 0.5 ? 1 + r.nextInt(2) : 0;
        int collagen = r.nextDouble() < 0.5 ? 1 + r.nextInt(2) : 0;
        int fat = r.nextDouble() < 0.5 ? 1 + r.nextInt(2) : 0;
        return new Appearance(he, hScale, he ? eScale : 1f, noGlass, new double[] {tLo, tHi, tOd, tOdHi},
                new double[] {lLo, lHi, lOd, lOdHi}, keratin, collagen, fat);
    }

    /** For the truth file: what the slide looks like, in µm and OD. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("stain", he ? "H&E" : "H-DAB");
        m.put("haematoxylin_scale", round3(haematoxylinScale));
        if (he) m.put("eosin_scale", round3(eosinScale));
        m.put("glass", !noGlass);
        m.put("tumour_nucleus_diameter_um", new double[] {round3(2 * tumourRadiusLo), round3(2 * tumourRadiusHi)});
        m.put("tumour_nucleus_od", new double[] {round3(tumourOdLo), round3(tumourOdHi)});
        m.put("lymphocyte_diameter_um", new double[] {round3(2 * lymphRadiusLo), round3(2 * lymphRadiusHi)});
        m.put("lymphocyte_od", new double[] {round3(lymphOdLo), round3(lymphOdHi)});
        m.put("keratin_patches", keratin);
        m.put("collagen_patches", collagen);
        m.put("fat_patches", fat);
        return m;
    }

    private static double round3(double v) { return Math.round(v * 1000) / 1000.0; }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : toMap().entrySet()) {
            Object v = e.getValue();
            b.append(b.length() == 0 ? "" : ", ").append(e.getKey()).append('=')
                    .append(v instanceof double[] ? Arrays.toString((double[]) v) : String.valueOf(v));
        }
        return b.toString();
    }
}
