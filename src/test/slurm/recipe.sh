#!/bin/bash
# Runs the README's SLURM recipe as written on a (single-node) SLURM: the job script and the submit lines
# are taken from the README, with two tasks and a three-slide cohort. Skips (exit 0) where sbatch is absent,
# so it is never part of CI; run it by hand on a machine with SLURM after changing the recipe:
#   mvn -q package -DskipTests && bash src/test/slurm/recipe.sh
# --extract-only writes the two scripts and prints them without submitting anything.
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)
jar=$here/target/necroptosis-scorer.jar
extract_only=false
[ "${1:-}" = "--extract-only" ] && extract_only=true
if ! $extract_only && ! command -v sbatch >/dev/null; then
    echo "recipe.sh: sbatch not found: skipped"
    exit 0
fi
[ -f "$jar" ] || { echo "recipe.sh: $jar missing: run mvn package first" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/slurm-recipe.XXXXXX")
cd "$work"

# The README's code blocks after "A SLURM job array": the job script, then the submit lines.
awk '/^A SLURM job array/ {on = 1} on && /^```/ {n++; next} on && n == 1 {print > "score.sbatch"} on && n == 3 {print > "submit.sh"} n == 4 {exit}' \
    "$here/README.md"
grep -q '^#SBATCH --array=1-20' score.sbatch && grep -q 'merge results/shard-\*' submit.sh \
    || { echo "recipe.sh: the README's recipe was not found where expected" >&2; exit 2; }
sed -i 's/^#SBATCH --array=1-20.*/#SBATCH --array=1-2/; s/^N=20$/N=2/; s/--mem=16G/--mem=2G/; s/-Xmx12g/-Xmx1g/; s/--cpus-per-task=8/--cpus-per-task=1/' score.sbatch
sed -i "s#necroptosis-scorer.jar#$jar#g" score.sbatch submit.sh
if $extract_only; then
    cat score.sbatch submit.sh
    rm -rf "$work"
    exit 0
fi

for i in 1 2 3; do
    java -jar "$jar" generate --out "slide$i.tif" --width 2048 --height 2048 --seed $i --quiet >/dev/null 2>&1
done
printf 'slide3.tif\nslide1.tif\nslide2.tif\n' > cohort.txt
bash submit.sh
# Wait for the array and the merge to leave the queue.
while [ -n "$(squeue -h -u "$(id -un)" -n necroptosis -o %i)" ] || [ -n "$(squeue -h -u "$(id -un)" -n wrap -o %i)" ]; do sleep 5; done
fail() { echo "recipe.sh: $*" >&2; echo "work folder: $work" >&2; exit 1; }
[ -f logs/shard-1.log ] && [ -f logs/shard-2.log ] || fail "no task logs in logs/"
[ -f results/batch_summary.csv ] || fail "the merge wrote no results/batch_summary.csv (logs/merge.log)"
[ "$(wc -l < results/batch_summary.csv)" -eq 4 ] || fail "batch_summary.csv does not have the three slides"
for s in slide1 slide2 slide3; do [ -f "results/$s/summary.json" ] || fail "results/$s was not moved into results/"; done
awk -F, 'NR > 1 {print $2}' results/batch_summary.csv | tr -d '"' | xargs -n1 basename | paste -sd' ' | grep -qx 'slide3.tif slide1.tif slide2.tif' \
    || fail "rows are not in the text file's order"
echo "recipe.sh: the README's SLURM recipe works ($work)"
rm -rf "$work"
