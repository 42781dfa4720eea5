package necroptosis.pipeline;

import necroptosis.scoring.PixelScore;

/** What one tile contributed, before zones are known. Positions in analysis-scale pixels. */
public final class TileResult {
    public final int index;
    public final int x;
    public final int y;
    public final int width;
    public final int height;
    public final PixelScore score;
    /** Intact nuclei (lymphocytes and other nuclei of at least the debris size), without debris. */
    public final int nuclei;
    public final int immuneCells;
    /**
     * Immune cell centres, interleaved x, y in analysis-scale pixels (for QC and accuracy checks). Double:
     * a float has a step of 1/64 pixel beyond 131072 and cannot say on which side of a block edge a
     * centre lies.
     */
    public final double[] immunePositions;
    /**
     * Per immune cell (same order as {@link #immunePositions}), the number of intact non-immune nuclei whose
     * centre lies within {@link TileAnalyzer#CONTACT_UM} of its centre: a cell that touches intact tumour
     * cells lies in living tissue, whatever the block it falls in.
     */
    public final int[] immuneIntactNeighbours;

    TileResult(int index, int x, int y, int width, int height, PixelScore score, int nuclei, int immuneCells, double[] immunePositions,
            int[] immuneIntactNeighbours) {
        this.index = index;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.score = score;
        this.nuclei = nuclei;
        this.immuneCells = immuneCells;
        this.immunePositions = immunePositions;
        this.immuneIntactNeighbours = immuneIntactNeighbours;
    }
}
