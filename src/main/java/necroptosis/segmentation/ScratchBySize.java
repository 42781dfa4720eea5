package necroptosis.segmentation;

import java.util.function.IntFunction;

/**
 * Work arrays per thread and image size, reused from tile to tile. A slide's tile windows come in up to
 * nine sizes (the margin is cut at the slide's edges: first and last column and row, corners), and a row
 * of tiles alternates between three of them; keeping the last {@value #SIZES} sizes a thread has seen
 * stops it from reallocating its arrays at every change. Those arrays are several MB each, "humongous"
 * objects for the G1 collector, and allocating them per tile made the heap, and with it the resident
 * memory, grow with the allocation rate. Sizes must be exact because ImageJ's processors refuse arrays
 * longer than width x height.
 * <p>
 * The arrays live as long as their thread: the slide analysis' worker threads end with the run; another
 * thread (a Fiji command calling a detector directly) keeps those of its last sizes.
 *
 * @param <T> the arrays for one size
 */
public final class ScratchBySize<T> {
    /** Sizes kept per thread: the three of a row of tiles and one more for the change between rows. */
    static final int SIZES = 4;

    private final IntFunction<T> create;
    /** Per thread: pixel counts and their arrays, most recently used first. */
    private final ThreadLocal<Slots> slots = ThreadLocal.withInitial(Slots::new);

    /** @param create makes the arrays for a pixel count */
    public ScratchBySize(IntFunction<T> create) {
        this.create = create;
    }

    private static final class Slots {
        final int[] sizes = new int[SIZES];
        final Object[] values = new Object[SIZES];
    }

    /** The calling thread's arrays for {@code n} pixels; made on first use, dropping the least recently used size. */
    @SuppressWarnings("unchecked")
    public T get(int n) {
        Slots s = slots.get();
        int found = SIZES - 1;
        for (int i = 0; i < SIZES; i++) {
            if (s.values[i] != null && s.sizes[i] == n) {
                found = i;
                break;
            }
        }
        Object value = s.values[found];
        if (value == null || s.sizes[found] != n) {
            s.values[found] = null; // the evicted arrays can go before the new ones are made
            value = create.apply(n);
        }
        System.arraycopy(s.sizes, 0, s.sizes, 1, found);
        System.arraycopy(s.values, 0, s.values, 1, found);
        s.sizes[0] = n;
        s.values[0] = value;
        return (T) value;
    }
}
