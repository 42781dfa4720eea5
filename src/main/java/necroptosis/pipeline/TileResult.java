package necroptosis.pipeline;

import java.util.Arrays;
import java.util.function.IntPredicate;

import necroptosis.scoring.PixelScore;

/** What one tile contributed, before zones are known. Positions in analysis-scale pixels. */
public final class TileResult {
    public final int index;
    public final int x;
    public final int y;
    public final int width;
    public final int height;
    public final PixelScore score;
    /** Immune calls and the other intact nuclei (at least the debris size), without debris: cells.csv's immune and tumour rows. */
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
    /**
     * Per immune cell, whether it still counts inside a necrotic core ({@code NucleusClassifier.holdsInNecrosis}):
     * there, where pyknotic nuclei abound, only a whole round lymphocyte does (see {@link CoreImmuneCells}).
     */
    public final boolean[] immuneHoldsInNecrosis;

    TileResult(int index, int x, int y, int width, int height, PixelScore score, int nuclei, int immuneCells, double[] immunePositions,
            int[] immuneIntactNeighbours, boolean[] immuneHoldsInNecrosis) {
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
        this.immuneHoldsInNecrosis = immuneHoldsInNecrosis;
    }

    /**
     * This tile without the immune cells {@code drop} names (by index, in {@link #immunePositions}' order); they
     * no longer count as immune cells nor as intact nuclei. This tile itself when none is dropped.
     */
    TileResult withoutImmuneCells(IntPredicate drop) {
        int cells = immuneCells, n = 0;
        double[] xy = new double[2 * cells];
        int[] neighbours = new int[cells];
        boolean[] holds = new boolean[cells];
        for (int i = 0; i < cells; i++) {
            if (drop.test(i)) continue;
            xy[2 * n] = immunePositions[2 * i];
            xy[2 * n + 1] = immunePositions[2 * i + 1];
            neighbours[n] = immuneIntactNeighbours[i];
            holds[n] = immuneHoldsInNecrosis[i];
            n++;
        }
        if (n == cells) return this;
        return new TileResult(index, x, y, width, height, score, nuclei - (cells - n), n, Arrays.copyOf(xy, 2 * n),
                Arrays.copyOf(neighbours, n), Arrays.copyOf(holds, n));
    }
}
