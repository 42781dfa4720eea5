package necroptosis.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The stain vectors and glass intensity a slide was unmixed with, and how each was chosen. */
public final class StainProvenance {
    /** One stain's name (lower case, e.g. {@code dab}) and unit optical-density vector (R, G, B). */
    public static final class Vector {
        public final String name;
        private final double[] rgb;

        public Vector(String name, double[] rgb) {
            this.name = name;
            this.rgb = rgb.clone();
        }

        public double[] rgb() { return rgb.clone(); }
    }

    /** The stain set's name, e.g. {@code H-DAB}. */
    public final String name;
    /** How it was chosen, e.g. {@code preset H-DAB} or an estimate's description. */
    public final String how;
    /** The three stains in unmixing order. */
    public final List<Vector> vectors;
    private final double[] backgroundI0;
    public final String backgroundHow;

    public StainProvenance(String name, String how, List<Vector> vectors, double[] backgroundI0, String backgroundHow) {
        this.name = name;
        this.how = how;
        this.vectors = Collections.unmodifiableList(new ArrayList<>(vectors));
        this.backgroundI0 = backgroundI0 == null ? null : backgroundI0.clone();
        this.backgroundHow = backgroundHow;
    }

    /** Glass intensity (R, G, B) used as I0. */
    public double[] backgroundI0() { return backgroundI0 == null ? null : backgroundI0.clone(); }
}
