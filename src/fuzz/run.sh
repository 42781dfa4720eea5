#!/bin/bash
# Coverage-guided fuzzing with Jazzer (not part of `mvn test`): each target for MINUTES (default 10), one after
# the other on one core. Usage, from the project folder:
#   bash src/fuzz/run.sh [MINUTES] [TiffParserFuzz|JpegTileFuzz ...]
# Jazzer's command-line driver is used rather than `JAZZER_FUZZ=1 mvn -Pfuzz test`, because only it stops an
# input that hangs (-timeout) and keeps that input. The generated corpus goes to target/fuzz/corpus-TARGET,
# findings (crash-*, timeout-*, oom-*) to target/fuzz/TARGET-*; a finding is minimised with
#   bash src/fuzz/run.sh minimise TARGET FILE      (bash src/fuzz/run.sh reproduce TARGET FILE runs it once)
# and then kept as a plain test in src/test (e.g. TiffBadInputTest.jpeg2000TileCutShortIsAnError); findings not
# yet fixed are listed in src/fuzz/findings/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -Pfuzz test-compile
mvn -q -Pfuzz dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz-classpath.txt
CP="target/test-classes:target/classes:$(cat target/fuzz-classpath.txt)"
mkdir -p target/fuzz
run() { # target, extra libFuzzer arguments...
    local t=$1; shift
    java -Xmx1g -cp "$CP" com.code_intelligence.jazzer.Jazzer --target_class=necroptosis.slide.tiff.$t \
        --instrumentation_includes='necroptosis.**:jj2000.**:ome.codecs.**:com.sun.media.imageioimpl.**' \
        -timeout=10 -rss_limit_mb=3000 -artifact_prefix=target/fuzz/$t- "$@"
}
if [ "${1:-}" = reproduce ]; then
    run "$2" "$3"
    exit
fi
if [ "${1:-}" = minimise ]; then
    run "$2" -minimize_crash=1 -runs=20000 "$3"
    exit
fi
MINUTES=${1:-10}
shift || true
TARGETS=${*:-TiffParserFuzz JpegTileFuzz}
for t in $TARGETS; do
    mkdir -p target/fuzz/corpus-$t
    echo "== $t for $MINUTES minutes"
    # -fork=1 -ignore_timeouts=1: a known hang in the JPEG 2000 decoder (jj2000, src/fuzz/findings)
    # would otherwise end the run at its first occurrence; the hanging input is still kept.
    run "$t" -fork=1 -ignore_timeouts=1 -max_total_time=$((MINUTES * 60)) target/fuzz/corpus-$t src/fuzz/resources/necroptosis/slide/tiff/${t}Inputs/*/
done
