#!/bin/bash
# Coverage-guided fuzzing with Jazzer (not part of `mvn test`): each target for MINUTES (default 10), one after
# the other on one core. Usage, from the project folder:
#   bash src/fuzz/run.sh [MINUTES] [TARGET ...]
# A TARGET is a class name from the list below or a fully qualified class with a fuzzerTestOneInput method.
# Jazzer's command-line driver is used rather than `JAZZER_FUZZ=1 mvn -Pfuzz test`, because only it stops an
# input that hangs (-timeout) and keeps that input. The generated corpus goes to target/fuzz/corpus-TARGET,
# findings (crash-*, timeout-*, oom-*) to target/fuzz/TARGET-*; a finding is minimised with
#   bash src/fuzz/run.sh minimise TARGET FILE      (bash src/fuzz/run.sh reproduce TARGET FILE runs it once)
# and then kept as a plain test in src/test (e.g. TiffBadInputTest.jpeg2000TileCutShortIsAnError); the runs' results
# and every finding are listed in src/fuzz/findings/README.md. An input taking over 30 s is a timeout finding
# (generous: the machine may be shared, and the first input of a decoder waits for its classes to be instrumented).
set -euo pipefail
cd "$(dirname "$0")/../.."
ALL="necroptosis.slide.tiff.TiffParserFuzz necroptosis.slide.tiff.JpegTileFuzz necroptosis.regions.GeoJsonRegionsFuzz
     necroptosis.regions.ImageJRoiFuzz necroptosis.ij.MacroOptionsFuzz"
qualified() { # a short or fully qualified target name -> the fully qualified class
    case $1 in
        *.*) echo "$1" ;;
        *) for c in $ALL; do [ "${c##*.}" = "$1" ] && { echo "$c"; return; }; done
           echo "unknown fuzz target $1; known: $(for c in $ALL; do printf '%s ' "${c##*.}"; done)" >&2; exit 2 ;;
    esac
}
mvn -q -Pfuzz test-compile
mvn -q -Pfuzz dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt
CP="target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)"
mkdir -p target/fuzz
run() { # fully qualified target, extra libFuzzer arguments...
    local c=$1; shift
    java -Xmx1g -Xss1m -cp "$CP" com.code_intelligence.jazzer.Jazzer --target_class="$c" \
        --instrumentation_includes='necroptosis.**:jj2000.**:ome.codecs.**:com.sun.media.imageioimpl.**:com.google.gson.**:ij.io.**:ij.gui.**' \
        -timeout=30 -rss_limit_mb=3000 -artifact_prefix="target/fuzz/${c##*.}-" "$@"
}
if [ "${1:-}" = reproduce ]; then
    run "$(qualified "$2")" "$3"
    exit
fi
if [ "${1:-}" = minimise ]; then
    run "$(qualified "$2")" -minimize_crash=1 -runs=20000 "$3"
    exit
fi
MINUTES=${1:-10}
shift || true
for t in ${*:-$ALL}; do
    c=$(qualified "$t")
    s=${c##*.}
    mkdir -p "target/fuzz/corpus-$s"
    echo "== $s for $MINUTES minutes"
    # One process, no -fork: in fork mode libFuzzer ignores timeouts and restarts the JVM (and its instrumentation)
    # for every job, which left a few hundred executions in 10 minutes; here a hang stops the run as a finding.
    run "$c" -max_total_time=$((MINUTES * 60)) "target/fuzz/corpus-$s" "src/fuzz/resources/$(echo "${c%.*}" | tr . /)/${s}Inputs"/*/
done
