package necroptosis.segmentation;

import java.util.function.IntFunction;

/**
 * Work arrays per thread for one image size, reused from tile to tile while the size stays the same and
 * replaced when it changes. Those arrays are several MB each, "humongous" objects for the G1 collector:
 * allocating them per tile made the heap, and with it the resident memory, grow with the allocation rate,
 * while keeping several sizes per thread (a slide's tile windows come in up to nine: the margin is cut at
 * the slide's edges) kept a few hundred MB alive. The slide analysis therefore runs the tiles grouped by
 * window size, so a worker changes size a few times per run. Sizes are exact: the callers take the image
 * size from the arrays' length.
 * <p>
 * The arrays live as long as their thread: the slide analysis' worker threads end with the run; another
 * thread (a Fiji command calling a detector directly) keeps those of its last size.
 *
 * @param <T> the arrays for one size
 */
public final class ScratchBySize<T> {
    private final IntFunction<T> create;
    /** Per thread: the pixel count and its arrays. */
    private final ThreadLocal<Slot> slot = ThreadLocal.withInitial(Slot::new);

    /** @param create makes the arrays for a pixel count */
    public ScratchBySize(IntFunction<T> create) {
        this.create = create;
    }

    private static final class Slot {
        int size;
        Object value;
    }

    /** The calling thread's arrays for {@code n} pixels: those of its last call when it asked for the same size. */
    @SuppressWarnings("unchecked")
    public T get(int n) {
        Slot s = slot.get();
        if (s.value == null || s.size != n) {
            s.value = null; // the old arrays can go before the new ones are made
            s.value = create.apply(n);
            s.size = n;
        }
        return (T) s.value;
    }
}
