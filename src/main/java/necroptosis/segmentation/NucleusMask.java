package necroptosis.segmentation;

/**
 * The split's result: the nuclei's pixels ({@code mask}, 255; 4-connected pieces apart) and each such
 * pixel's threshold ({@code cuts}: its intensity basin's), which the measurement starts from.
 */
final class NucleusMask {
    final byte[] mask;
    final float[] cuts;

    NucleusMask(byte[] mask, float[] cuts) {
        this.mask = mask;
        this.cuts = cuts;
    }
}
