package necroptosis.scoring;

import java.util.Locale;

/**
 * The part of a cell whose mean DAB OD decides whether it is positive. MLKL defaults to the cytoplasm
 * (which includes the membrane: activated MLKL moves to the plasma membrane); nuclear markers such as
 * Ki67 use the nucleus.
 */
public enum CellCompartment {
    NUCLEUS, CYTOPLASM, MEMBRANE, CELL;

    public static CellCompartment parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("compartment must be one of nucleus, cytoplasm, membrane, cell; got '" + s + "'");
        }
    }

    public String key() { return name().toLowerCase(Locale.ROOT); }
}
