#!/usr/bin/env python3
"""scikit-image half of kernel_vs_skimage.sh: rgb2hed plus the same tissue test and DAB binning in numpy.

Times, single-threaded, on one RGB image: HED = skimage.color.rgb2hed(rgb); the tissue test (OD summed
over r, g, b >= 0.15, OD = -log10(I / I0) with the Java side's I0); the DAB bins (weak/moderate/strong at 0.15/0.35/0.60)
counted over tissue pixels. Prints the median of the repeats as numpy_median_s=... numpy_mpx_per_s=...
"""
import os
import sys
import time

# One thread, like the Java side (numpy's matrix product may otherwise use a threaded BLAS).
for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[v] = "1"

import numpy as np  # noqa: E402
from skimage import io  # noqa: E402
from skimage.color import rgb2hed  # noqa: E402


def per_pixel_path(rgb, i0):
    hed = rgb2hed(rgb)
    dab = hed[..., 2]
    od = -np.log10(np.minimum(np.maximum(rgb, 1), i0) / i0)
    tissue = od.sum(axis=2) >= 0.15
    d = dab[tissue]
    counts = (np.count_nonzero(d < 0.15), np.count_nonzero((d >= 0.15) & (d < 0.35)),
              np.count_nonzero((d >= 0.35) & (d < 0.60)), np.count_nonzero(d >= 0.60))
    return tissue, counts, d.sum()


def main():
    rgb = io.imread(sys.argv[1])[..., :3]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    # Glass intensity per channel as the Java side estimated it, so both test the same pixels for tissue.
    i0 = np.array([float(v) for v in sys.argv[3].split(",")]) if len(sys.argv) > 3 else np.array([255.0] * 3)
    per_pixel_path(rgb, i0)  # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        tissue, counts, _ = per_pixel_path(rgb, i0)
        times.append(time.perf_counter() - t0)
    times.sort()
    median = times[len(times) // 2]
    n = rgb.shape[0] * rgb.shape[1]
    print("numpy_median_s=%.5f numpy_mpx_per_s=%.2f tissue_fraction=%.4f" % (median, n / median / 1e6, tissue.mean()))


if __name__ == "__main__":
    main()
