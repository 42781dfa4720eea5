package necroptosis.summary;

import necroptosis.pipeline.Zone;

/**
 * One value for all tissue and one for each tumour zone (summary.json's {@code tissue}, {@code necrosis},
 * {@code rim}, {@code viable}), so a consumer asks for a zone by its enum, never by a string key. Immutable
 * when its values are.
 */
public final class PerZone<T> {
    /** The tissue zones together. */
    public final T tissue;
    public final T necrosis;
    public final T rim;
    public final T viable;

    public PerZone(T tissue, T necrosis, T rim, T viable) {
        this.tissue = tissue;
        this.necrosis = necrosis;
        this.rim = rim;
        this.viable = viable;
    }

    /** The value of one tumour zone; background has none. */
    public T get(Zone z) {
        switch (z) {
            case NECROSIS: return necrosis;
            case RIM: return rim;
            case VIABLE: return viable;
            default: throw new IllegalArgumentException("no summary values for zone " + z.key);
        }
    }
}
