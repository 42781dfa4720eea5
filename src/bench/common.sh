# Shared by the benchmark scripts (sourced, not run): paths, build, slides, machine description.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Generated slides and outputs: never in the repository. BENCH_DIR may point elsewhere (needs ~1 GB).
BENCH_DIR="${BENCH_DIR:-$ROOT/target/bench}"
JAR="$BENCH_DIR/necroptosis-scorer.jar"
CP="$JAR:$ROOT/target/test-classes"
mkdir -p "$BENCH_DIR"

# Builds the jar and the benchmark classes (-Pbench adds JMH), and copies the jar so that a rebuild
# during a long run cannot change the classes under a running JVM.
build() {
  (cd "$ROOT" && mvn -q -Pbench -DskipTests package test-compile ${MVN_OFFLINE:+-o})
  cp "$ROOT/target/necroptosis-scorer.jar" "$JAR"
}

# slide SIDE: path of a generated SIDE x SIDE slide (0.5 um/px, JPEG, pyramidal), made once per BENCH_DIR.
slide() {
  local f="$BENCH_DIR/slide${1}.tif"
  if [ ! -f "$f" ]; then
    echo "generating $f" >&2
    java -jar "$JAR" generate --width="$1" --height="$1" --pixel-size=0.5 --seed=1 --out="$f" --quiet >&2
  fi
  echo "$f"
}

machine() {
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "python: $(/usr/bin/python3 --version 2>&1), scikit-image $(/usr/bin/python3 -c 'import skimage; print(skimage.__version__)' 2>/dev/null || echo absent)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
