package necroptosis.synth;

/**
 * Hash-seeded random numbers (splitmix64). Every random choice on a synthetic slide is drawn from a
 * generator seeded by a hash of (slide seed, grid position, purpose), so any tile can be rendered alone,
 * in any order, on any thread, and come out the same.
 */
final class SplitMix {
    private long state;

    SplitMix(long seed) { state = seed; }

    /** A generator for one purpose ({@code salt}) at one grid position. */
    static SplitMix at(long seed, long a, long b, long salt) { return new SplitMix(hash(seed, a, b, salt)); }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long a, long b, long salt) {
        long h = mix(seed + 0x9E3779B97F4A7C15L);
        h = mix(h ^ (a * 0xC2B2AE3D27D4EB4FL));
        h = mix(h ^ (b * 0x165667B19E3779F9L));
        return mix(h ^ (salt * 0xD6E8FEB86659FD93L));
    }

    /** Cheap per-pixel hash (two rounds), for noise and texture. */
    static long pixelHash(long seed, int x, int y) {
        long h = seed ^ (((long) x << 32) | (y & 0xFFFFFFFFL));
        return mix(h * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() { return (nextLong() >>> 11) * 0x1.0p-53; }

    double uniform(double lo, double hi) { return lo + (hi - lo) * nextDouble(); }

    int nextInt(int n) { return (int) (((nextLong() >>> 33) * n) >>> 31); }

    /** Poisson-distributed count (inversion; fine for the small means used per grid cell). */
    int poisson(double mean) {
        if (mean <= 0) return 0;
        if (mean > 50) {
            // normal approximation keeps the loop short for very dense settings
            double g = gaussian();
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * g));
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = nextDouble();
        while (p > l) {
            k++;
            p *= nextDouble();
        }
        return k;
    }

    double gaussian() {
        double u = Math.max(1e-300, nextDouble());
        double v = nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
