#!/usr/bin/env bash
# Whole-run benchmark: generated slides (0.5 um/px, JPEG, pyramidal; made at benchmark time under
# BENCH_DIR, never committed), `score` with 1 and 2 threads in pixel and cell mode, default JVM
# settings (no -Xmx), timed with /usr/bin/time -v; the decode-only baseline (every tissue tile of the
# analysis level read through the same reader and threads); results compared between thread counts.
# Usage: src/bench/whole_run.sh            (all of it: 10k and 40k slides, about 30 min on 2 cores)
#        SIDES="10000" MODES="pixel" THREADS="1 2" src/bench/whole_run.sh   (a subset)
#        REPEATS=3 ...: each score run three times, medians (and the largest peak RSS)
# Prints one table row per run; see src/bench/BENCHMARKS.md.
source "$(dirname "$0")/common.sh"
SIDES="${SIDES:-10000 40000}"
MODES="${MODES:-pixel cells}"
THREADS="${THREADS:-1 2}"
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
build
machine
OUT="$BENCH_DIR/out"
LOG="$BENCH_DIR/log"
mkdir -p "$OUT" "$LOG"

# timed NAME CMD...: runs CMD under /usr/bin/time -v; sets WALL (s) and RSS (MB).
timed() {
  local name="$1"; shift
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v "$@" >"$LOG/$name.out" 2>"$LOG/$name.err" || { echo "FAILED: $name (see $LOG/$name.err)" >&2; tail -3 "$LOG/$name.err" >&2; exit 1; }
  WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$LOG/$name.err")
  RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$LOG/$name.err")
  LOAD="$load"
}

# REPEATS=N runs each score configuration N times: wall time is then the median, RSS the median with the
# largest in brackets (G1's heap sizing makes single peaks vary by tens of percent between identical runs).
REPEATS="${REPEATS:-1}"
median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# timed_repeated NAME CMD...: timed REPEATS times (the output directory is the command's own: the caller
# empties it); sets WALL (median), RSS (median), RSS_MAX.
timed_repeated() {
  local name="$1"; shift
  local walls="" rsss="" i
  for i in $(seq 1 "$REPEATS"); do
    timed "$name-r$i" "$@"
    walls="$walls $WALL"; rsss="$rsss $RSS"
  done
  WALL=$(echo "$walls" | median)
  RSS_MAX=$(echo "$rsss" | tr ' ' '\n' | sed '/^$/d' | sort -n | tail -1)
  RSS=$(echo "$rsss" | median | awk '{ printf "%.0f", $1 }')
}

# Everything but run time and thread count must match between thread counts.
comparable() { grep -v -e '"run_seconds"' -e '"threads"' "$1"; }

printf "%-6s %-6s %-7s %8s %8s %9s %8s %7s %s\n" slide mode threads wall_s tiss_Mpx Mpx/s rss_MB load notes
for side in $SIDES; do
  SLIDE="$(slide "$side")"
  declare -A DEC=() DECT=()
  for t in $THREADS; do
    timed "decode-$side-$t" java -cp "$CP" necroptosis.bench.DecodeOnly "$SLIDE" "$t"
    DEC[$t]=$WALL
    tiles_s=$(sed -n 's/.*decode_tiles_s=\([0-9.]*\).*/\1/p' "$LOG/decode-$side-$t.out")
    printf "%-6s %-6s %-7s %8.1f %8s %9s %8s %7s %s\n" "$side" decode "$t" "$WALL" - - "$RSS" "$LOAD" "tile reads alone ${tiles_s} s"
    DECT[$t]=$tiles_s
  done
  for mode in $MODES; do
    flag=""; [ "$mode" = cells ] && flag="--cells"
    first=""
    for t in $THREADS; do
      dir="$OUT/$side-$mode-$t"
      rm -rf "$dir"
      timed_repeated "score-$side-$mode-$t" java -jar "$JAR" score $flag --threads="$t" --out="$dir" "$SLIDE"
      [ "$REPEATS" -gt 1 ] && RSS="$RSS[$RSS_MAX]"
      sum=$(ls "$dir"/*/summary.json)
      tissue_mm2=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['areas_mm2']['tissue'])" "$sum")
      # Tissue megapixels at the analysis resolution (0.5 um/px: 4 Mpx per mm2).
      mpx=$(awk -v a="$tissue_mm2" 'BEGIN { printf "%.1f", a * 4 }')
      notes=$(awk -v w="$WALL" -v d="${DEC[$t]}" -v dt="${DECT[$t]}" 'BEGIN { printf "score/decode %.1fx (run), %.1fx (tile reads)", w / d, w / dt }')
      if [ -z "$first" ]; then
        first="$dir"; w1="$WALL"
      else
        same="identical"
        cmp -s <(comparable "$(ls "$first"/*/summary.json)") <(comparable "$sum") || same="summary.json DIFFERS"
        cmp -s "$(ls "$first"/*/tiles.csv)" "$(ls "$dir"/*/tiles.csv)" || same="$same, tiles.csv DIFFERS"
        notes="$notes; speed-up vs 1st: $(awk -v a="$w1" -v b="$WALL" 'BEGIN { printf "%.2fx", a / b }'); outputs $same"
      fi
      printf "%-6s %-6s %-7s %8.1f %8s %9.2f %8s %7s %s\n" "$side" "$mode" "$t" "$WALL" "$mpx" "$(awk -v m="$mpx" -v w="$WALL" 'BEGIN { print m / w }')" "$RSS" "$LOAD" "$notes"
    done
  done
done

# Optional (BOUNDED_HEAP=1g): the largest slide once more with a bounded heap, to tell the live data
# from the heap the collector chooses to keep under default settings (which is what peak RSS shows).
if [ -n "${BOUNDED_HEAP:-}" ]; then
  side="${SIDES##* }"
  SLIDE="$(slide "$side")"
  timed "score-$side-xmx" java -Xmx"$BOUNDED_HEAP" -jar "$JAR" score --threads=2 --out="$OUT/$side-xmx" "$SLIDE"
  same="identical"
  cmp -s <(comparable "$(ls "$OUT/$side-pixel-2"/*/summary.json 2>/dev/null || echo /dev/null)") <(comparable "$(ls "$OUT/$side-xmx"/*/summary.json)") || same="DIFFERENT from the default-heap run"
  printf "%-6s %-6s %-7s %8.1f %8s %9s %8s %7s %s\n" "$side" pixel 2 "$WALL" - - "$RSS" "$LOAD" "with -Xmx$BOUNDED_HEAP; outputs $same"
fi

# The Fiji command on the 10k slide, headless with macro options, beside the command line (2 threads,
# pixel mode): the same analysis, so it should take the same time.
# FIJI_JAR may name another build of this project's command-line jar that has the command (e.g. the
# fiji branch); the command-line run beside it then uses that jar too.
FJAR="${FIJI_JAR:-$JAR}"
if unzip -l "$FJAR" | grep 'necroptosis/ij/ScoreSlideCommand.class' >/dev/null; then  # not grep -q: pipefail
  SLIDE="$(slide 10000)"
  t=2
  dir="$OUT/fiji-10000"
  rm -rf "$dir"
  mkdir -p "$dir"
  MACRO="$BENCH_DIR/score.ijm"
  echo "run(\"Score Slide...\", \"slide=[$SLIDE] threads=$t output=[$dir]\");" >"$MACRO"
  timed fiji-10000 java -Djava.awt.headless=true -cp "$FJAR" necroptosis.ij.HeadlessMacro "$MACRO"
  fw=$WALL; frss=$RSS
  timed cli-10000 java -jar "$FJAR" score --threads="$t" --out="$OUT/cli-10000" "$SLIDE"
  printf "%-6s %-6s %-7s %8.1f %8s %9s %8s %7s %s\n" 10000 fiji "$t" "$fw" - - "$frss" "$LOAD" \
    "Fiji command (HeadlessMacro) / command line: $(awk -v a="$fw" -v b="$WALL" 'BEGIN { printf "%.2fx (CLI %.1f s)", a / b, b }'); tiles.csv $(cmp -s "$(ls "$dir"/*/tiles.csv)" "$(ls "$OUT/cli-10000"/*/tiles.csv)" && echo identical || echo DIFFERS)"
else
  echo "Fiji command: necroptosis.ij.ScoreSlideCommand is not in $FJAR; not timed (FIJI_JAR=... names a build that has it)"
fi
