package necroptosis.summary;

/** The cell-mode results: which compartment was scored, and the cell statistics over tissue and per zone. */
public final class CellSummary {
    /** The compartment's key, e.g. {@code cytoplasm}. */
    public final String compartment;
    public final PerZone<CellStatistics> zones;

    public CellSummary(String compartment, PerZone<CellStatistics> zones) {
        this.compartment = compartment;
        this.zones = zones;
    }
}
