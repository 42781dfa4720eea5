package necroptosis.pipeline;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import necroptosis.scoring.DabThresholds;
import necroptosis.segmentation.Nucleus;

/**
 * Every detected nucleus of a run, for cells.csv and cells.geojson ({@link AnalysisSettings#exportCells}),
 * so that the calls can be checked cell by cell. A whole slide holds millions of nuclei, more than the heap
 * should: each tile appends its own, as it finishes, to a temporary file and remembers where they are; they
 * are read back tile by tile in the tiles' order once the cores, zones and immune-cell corrections are
 * known, so the files list them in an order that does not depend on the threads, and each nucleus as the
 * summary counted it. {@link #close} deletes the file.
 */
public final class CellRecords implements Closeable {
    /** What a nucleus was counted as; {@link #key} is the name in the files. */
    public enum CellClass {
        /** An immune cell counted in the summary (lymphocyte-like, or marker-positive in marker mode). */
        IMMUNE("immune"),
        /** Any other intact nucleus (at least the debris size): tiles.csv's nuclei, with the immune cells. */
        TUMOUR("tumour"),
        /** A nucleus below the debris size, neither immune nor debris (mostly pale, cut at its tip): a cell, not an intact nucleus. */
        OTHER("other"),
        /** A small dark fragment (karyorrhexis) not called immune (the necrosis input tells debris by its own lymphocyte bar). */
        DEBRIS("debris"),
        /** Looked like an immune cell but lies in a necrotic core and is no whole lymphocyte: not counted. */
        PYKNOTIC("pyknotic");

        public final String key;

        CellClass(String key) {
            this.key = key;
        }
    }

    /** x, y (double), area (float), compartment DAB OD (float), class before the corrections (byte). */
    static final int RECORD_BYTES = 8 + 8 + 4 + 4 + 1;
    /** Class codes as the tiles record them; immune cells are told from pyknotic ones after the cores. */
    private static final byte IMMUNE_CANDIDATE = 0, INTACT = 1, SMALL = 2, DEBRIS = 3;

    private final Path file;
    private final FileChannel channel;
    /** Per tile index with nuclei: {offset, length} in the file. */
    private final Map<Integer, long[]> parts = new HashMap<>();
    private long end;
    /** The tiles after the border duplicates were removed, before the core check ({@link #duplicatesRemoved}). */
    private List<TileResult> afterDuplicates;

    private CellRecords(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Records in a new temporary file (the system's temporary folder). */
    static CellRecords create() throws IOException {
        Path f = Files.createTempFile("necroptosis-cells-", ".bin");
        f.toFile().deleteOnExit();
        try {
            return new CellRecords(f, FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(f);
            throw e;
        }
    }

    /** One tile's nuclei as its analyser finds them, in memory until {@link #append}. */
    static final class TileCells {
        private ByteBuffer buf = ByteBuffer.allocate(256 * RECORD_BYTES);

        /** A nucleus owned by the tile: centre in analysis pixels, its effective kind, whether intact, compartment DAB OD. */
        void add(double x, double y, double areaUm2, Nucleus.Kind kind, boolean intact, double dabOd) {
            if (buf.remaining() < RECORD_BYTES) {
                ByteBuffer b = ByteBuffer.allocate(buf.capacity() * 2);
                buf.flip();
                b.put(buf);
                buf = b;
            }
            byte code = kind == Nucleus.Kind.LYMPHOCYTE ? IMMUNE_CANDIDATE : kind == Nucleus.Kind.DEBRIS ? DEBRIS : intact ? INTACT : SMALL;
            buf.putDouble(x).putDouble(y).putFloat((float) areaUm2).putFloat((float) dabOd).put(code);
        }
    }

    /** Appends a finished tile's nuclei; called by the tiles' threads. */
    synchronized void append(int tile, TileCells cells) throws IOException {
        ByteBuffer b = cells.buf;
        b.flip();
        int length = b.remaining();
        if (length == 0) return;
        long at = end;
        while (b.hasRemaining()) channel.write(b, at + (length - b.remaining()));
        end += length;
        parts.put(tile, new long[] {at, length});
    }

    /** Notes the tiles as {@link BorderDuplicates} left them: an immune cell missing there was another tile's. */
    void duplicatesRemoved(List<TileResult> tiles) {
        afterDuplicates = tiles;
    }

    /** One nucleus as written: level-0 position, measurements, and how the summary counted it. */
    public static final class Cell {
        /** Level-0 pixel coordinates with the origin at the first pixel's top-left corner (QuPath's). */
        public final double x, y;
        public final double areaUm2;
        public final Zone zone;
        public final CellClass cellClass;
        /** Mean DAB OD of the scoring compartment ({@link AnalysisSettings#compartment}). */
        public final double dabOd;
        /** 0 (negative) to 3 (3+) by the run's DAB thresholds. */
        public final int grade;
        /** The tile's index, as in tiles.csv. */
        public final int tile;

        Cell(double x, double y, double areaUm2, Zone zone, CellClass cellClass, double dabOd, int grade, int tile) {
            this.x = x;
            this.y = y;
            this.areaUm2 = areaUm2;
            this.zone = zone;
            this.cellClass = cellClass;
            this.dabOd = dabOd;
            this.grade = grade;
            this.tile = tile;
        }
    }

    /** Receives the nuclei one by one. */
    public interface Visitor {
        void cell(Cell c) throws IOException;
    }

    /**
     * Every nucleus of {@code r} in the tiles' order, each tile's in the order it found them: an immune cell
     * that another tile also reported is left out (counted once, there), an immune cell the core check took
     * off is {@link CellClass#PYKNOTIC}, and an immune cell's zone is the one it counts in after
     * {@link BoundaryCells} (the others' is their block's). May be called more than once.
     */
    public void forEach(SlideResult r, Visitor v) throws IOException {
        forEach(r.tiles, r.analysisScale.level0PerPixel, r.settings.thresholds, (x, y, immune, intactNeighbours) -> r.zones.zone(immune
                ? BoundaryCells.countedBlock(r.grid, r.cores.labels, r.cores.densityRatio, r.zones, r.settings.rimWidthUm, x, y, intactNeighbours)
                : r.grid.blockAt(x, y)), v);
    }

    /** The zone a nucleus at (x, y) (analysis pixels) counts in; an immune cell's may depend on its intact neighbours. */
    interface Zoning {
        Zone zone(double x, double y, boolean immune, int intactNeighbours);
    }

    /** {@link #forEach(SlideResult, Visitor)} over the tiles as finally {@code counted}. */
    void forEach(List<TileResult> counted, double level0PerPixel, DabThresholds thresholds, Zoning zoning, Visitor v) throws IOException {
        if (afterDuplicates == null || afterDuplicates.size() != counted.size()) {
            throw new IllegalStateException("the cell records are not those of this result");
        }
        for (int k = 0; k < counted.size(); k++) {
            TileResult tile = counted.get(k), once = afterDuplicates.get(k);
            long[] part = parts.get(tile.index);
            if (part == null) continue;
            ByteBuffer b = ByteBuffer.allocate((int) part[1]);
            while (b.hasRemaining()) {
                if (channel.read(b, part[0] + b.position()) < 0) throw new IOException(file + ": cell records cut short");
            }
            b.flip();
            int inOnce = 0, inCounted = 0;
            while (b.hasRemaining()) {
                double x = b.getDouble(), y = b.getDouble();
                double area = b.getFloat(), dab = b.getFloat();
                byte code = b.get();
                CellClass c;
                Zone zone;
                if (code == IMMUNE_CANDIDATE) {
                    if (!at(once.immunePositions, inOnce, x, y)) continue; // a border duplicate: the other tile lists it
                    int neighbours = once.immuneIntactNeighbours[inOnce++];
                    if (at(tile.immunePositions, inCounted, x, y)) {
                        c = CellClass.IMMUNE;
                        inCounted++;
                    } else {
                        c = CellClass.PYKNOTIC;
                    }
                    zone = zoning.zone(x, y, true, neighbours);
                } else {
                    c = code == INTACT ? CellClass.TUMOUR : code == SMALL ? CellClass.OTHER : CellClass.DEBRIS;
                    zone = zoning.zone(x, y, false, 0);
                }
                v.cell(new Cell(x * level0PerPixel, y * level0PerPixel, area, zone, c, dab, thresholds.bin(dab), tile.index));
            }
            if (inOnce != once.immuneCells || inCounted != tile.immuneCells) {
                throw new IllegalStateException("tile " + tile.index + ": the cell records do not hold its immune cells");
            }
        }
    }

    /** Whether immune cell {@code i} of {@code xy} (interleaved) lies at (x, y): the corrections copy positions exactly. */
    private static boolean at(double[] xy, int i, double x, double y) {
        return 2 * i < xy.length && xy[2 * i] == x && xy[2 * i + 1] == y;
    }

    /** Deletes the temporary file. */
    @Override
    public synchronized void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
