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
    public final int nuclei;
    public final int immuneCells;
    /** Immune cell centres, interleaved x, y in analysis-scale pixels (for QC and accuracy checks). */
    public final float[] immunePositions;

    TileResult(int index, int x, int y, int width, int height, PixelScore score, int nuclei, int immuneCells, float[] immunePositions) {
        this.index = index;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.score = score;
        this.nuclei = nuclei;
        this.immuneCells = immuneCells;
        this.immunePositions = immunePositions;
    }
}
