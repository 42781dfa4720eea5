package necroptosis.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Shard k of n of a batch ({@code --shard k/n}, k from 1, as SLURM's {@code --array=1-N} numbers tasks):
 * the slides at 0-based positions i with {@code i % n == k - 1} of the full list. Dealing the list out
 * round-robin, rather than cutting it into blocks, spreads a cohort whose names sort by size or by site
 * evenly over the shards. Immutable.
 */
public final class Shard {
    /** The whole batch. */
    public static final Shard ALL = new Shard(1, 1);

    public final int k;
    public final int n;

    private Shard(int k, int n) {
        this.k = k;
        this.n = n;
    }

    public static Shard of(int k, int n) {
        if (n < 1) throw new IllegalArgumentException("shard must be k/n with n at least 1; got " + k + "/" + n);
        if (k < 1 || k > n) throw new IllegalArgumentException("shard must be k/n with 1 <= k <= n; got " + k + "/" + n);
        return new Shard(k, n);
    }

    /** Parses "k/n", e.g. "3/10". */
    public static Shard parse(String s) {
        String t = s == null ? "" : s.trim();
        int slash = t.indexOf('/');
        try {
            if (slash < 0) throw new NumberFormatException();
            return of(Integer.parseInt(t.substring(0, slash).trim()), Integer.parseInt(t.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("shard must be k/n, e.g. 2/8 (k from 1 to n); got '" + s + "'");
        }
    }

    /** Whether the item at this 0-based position of the full list belongs to this shard. */
    public boolean contains(int position) {
        return position % n == k - 1;
    }

    /** This shard's items, in the full list's order. */
    public <T> List<T> select(List<T> all) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (contains(i)) out.add(all.get(i));
        return out;
    }

    public boolean isAll() { return n == 1; }

    @Override
    public String toString() { return k + "/" + n; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shard && ((Shard) o).k == k && ((Shard) o).n == n;
    }

    @Override
    public int hashCode() { return 31 * k + n; }
}
