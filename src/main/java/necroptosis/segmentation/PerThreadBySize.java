package necroptosis.segmentation;

import java.util.function.IntFunction;

/**
 * Per-thread work arrays for images of a given pixel count, kept for the last few sizes a thread has
 * seen. A slide's tiles have one size inside and others on its right and bottom edges; keeping each size
 * stops a worker from reallocating its multi-megabyte arrays whenever it moves between an edge tile and an
 * inner one. (Arrays of several MB are "humongous" for the G1 collector, and allocating them per tile
 * made the heap, and so the resident memory, grow over a run.)
 */
public final class PerThreadBySize<T> {
    /** Sizes kept per thread: inner tiles, right column, bottom row, corner. */
    static final int SIZES = 4;

    private final IntFunction<T> create;
    private final ThreadLocal<Object[]> slots = ThreadLocal.withInitial(() -> new Object[2 * SIZES]);

    /** @param create makes the arrays for a pixel count (each exactly that long, as ImageJ's processors want) */
    public PerThreadBySize(IntFunction<T> create) {
        this.create = create;
    }

    /** This thread's arrays for {@code n} pixels, made on first use; the least recently used size is dropped. */
    @SuppressWarnings("unchecked")
    public T get(int n) {
        Object[] s = slots.get(); // {size, arrays} pairs, most recently used first
        int found = SIZES - 1;
        for (int i = 0; i < SIZES; i++) {
            if (s[2 * i] != null && (Integer) s[2 * i] == n) {
                found = i;
                break;
            }
        }
        Object size = s[2 * found], value = s[2 * found + 1];
        if (size == null || (Integer) size != n) {
            size = n;
            value = create.apply(n);
        }
        System.arraycopy(s, 0, s, 2, 2 * found);
        s[0] = size;
        s[1] = value;
        return (T) value;
    }
}
