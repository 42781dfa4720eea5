#!/usr/bin/env bash
# Per-pixel path (colour deconvolution + tissue test + DAB binning) vs scikit-image's rgb2hed and the
# same tests in numpy, single thread, on the same 4096 x 4096 RGB image cut from a generated slide.
# Usage: src/bench/kernel_vs_skimage.sh [REPEATS]   (see src/bench/BENCHMARKS.md)
source "$(dirname "$0")/common.sh"
REPEATS="${1:-7}"
build
SLIDE="$(slide 10000)"
PNG="$BENCH_DIR/region4096.png"
[ -f "$PNG" ] || java -jar "$JAR" region --x=2952 --y=2952 --width=4096 --height=4096 --out="$PNG" "$SLIDE"
machine
echo "image: $PNG (4096 x 4096 RGB, centre of $(basename "$SLIDE")), repeats: $REPEATS, median"
echo "load before java: $(cut -d' ' -f1-3 /proc/loadavg)"
# One core for the JVM's own threads too, so only the timed thread does work.
J=$(taskset -c 0 java -XX:ActiveProcessorCount=1 -cp "$CP" necroptosis.bench.KernelVsSkimage "$PNG" "$REPEATS")
echo "$J"
echo "load before numpy: $(cut -d' ' -f1-3 /proc/loadavg)"
I0=$(sed -n 's/.*i0=\([0-9.,]*\).*/\1/p' <<<"$J")
P=$(taskset -c 0 /usr/bin/python3 "$ROOT/src/bench/kernel_vs_skimage.py" "$PNG" "$REPEATS" "$I0")
echo "$P"
jm=$(sed -n 's/.*java_mpx_per_s=\([0-9.]*\).*/\1/p' <<<"$J")
pm=$(sed -n 's/.*numpy_mpx_per_s=\([0-9.]*\).*/\1/p' <<<"$P")
awk -v j="$jm" -v p="$pm" 'BEGIN { r = j / p; v = "missed"; if (r >= 10) v = "met"; printf "ratio java/skimage: %.1fx (target >= 10x: %s)\n", r, v }'
