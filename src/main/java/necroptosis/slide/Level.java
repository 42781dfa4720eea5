package necroptosis.slide;

/** Size of one pyramid level and its downsample relative to level 0. Immutable. */
public final class Level {
    private final long width;
    private final long height;
    private final double downsample;

    public Level(long width, long height, double downsample) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("level size must be positive: " + width + "x" + height);
        if (!(downsample >= 1)) throw new IllegalArgumentException("downsample must be >= 1: " + downsample);
        this.width = width;
        this.height = height;
        this.downsample = downsample;
    }

    public long width() { return width; }

    public long height() { return height; }

    public double downsample() { return downsample; }

    @Override
    public String toString() {
        return width + "x" + height + " (downsample " + downsample + ")";
    }
}
