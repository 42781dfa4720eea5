package necroptosis.slide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.numeric.ARGBType;

/**
 * A pyramid level as an ImgLib2 {@link LazyCellImg}: one cell per file tile, read on first access and kept
 * in a small least-recently-used cache, so memory stays bounded while a view pans across the slide.
 */
final class LazyLevelImg {
    /** Cells kept in memory per level image (a 512x512 cell is 1 MiB). */
    static final int CACHED_CELLS = 64;

    private LazyLevelImg() {}

    static LazyCellImg<ARGBType, IntArray> of(SlideSource slide, int level) {
        Level l = slide.levels().get(level);
        int cw = (int) Math.min(slide.tileWidth(level), l.width());
        int ch = (int) Math.min(slide.tileHeight(level), l.height());
        CellGrid grid = new CellGrid(new long[] {l.width(), l.height()}, new int[] {cw, ch});
        return new LazyCellImg<>(grid, new ARGBType(), new CachedLoader(slide, level, grid));
    }

    private static final class CachedLoader implements LazyCellImg.Get<Cell<IntArray>> {
        private final SlideSource slide;
        private final int level;
        private final CellGrid grid;
        private final Map<Long, Cell<IntArray>> cache = new LinkedHashMap<Long, Cell<IntArray>>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Cell<IntArray>> eldest) {
                return size() > CACHED_CELLS;
            }
        };

        CachedLoader(SlideSource slide, int level, CellGrid grid) {
            this.slide = slide;
            this.level = level;
            this.grid = grid;
        }

        @Override
        public Cell<IntArray> get(long index) {
            synchronized (cache) {
                Cell<IntArray> cell = cache.get(index);
                if (cell != null) return cell;
            }
            long[] min = new long[2];
            int[] dims = new int[2];
            grid.getCellDimensions(index, min, dims);
            int[] argb;
            try {
                argb = slide.readRegion(level, (int) min[0], (int) min[1], dims[0], dims[1]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Cell<IntArray> cell = new Cell<>(dims, min, new IntArray(argb));
            synchronized (cache) {
                cache.put(index, cell);
            }
            return cell;
        }
    }
}
