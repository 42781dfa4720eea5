#!/bin/bash
# Runs the README's SLURM recipe as written on a (single-node) SLURM: the job script and the submit, resubmit
# and retry lines are taken from the README, with two tasks and small synthetic cohorts. Skips (exit 0) where
# sbatch is absent, so it is never part of CI; run it by hand on a machine with SLURM after changing the
# recipe (src/test/slurm/single-node.sh sets up a one-node SLURM on a Debian machine):
#   mvn -q package -DskipTests && bash src/test/slurm/recipe.sh
# Two runs, each in its own folder:
#   1. every task ends well: both tasks and the merge COMPLETED, the three slides' folders moved into
#      results/, rows in the text file's order;
#   2. task 1 has a slide that fails (the task and every merge exit 3, FAILED), task 2 hits its time limit
#      (its java is stopped with SIGSTOP after its first slide, so it hangs as a slow slide would, and is
#      submitted with --time=1): the merge that follows names the missing slide and moves no folder; task 2
#      is resubmitted as the README says and the merge run again: it re-reads the slide it had finished,
#      keeps its first log (--open-mode=append), and the merge then moves every folder, once; the failed
#      slide is then replaced and the README's retry line scores it alone into the merged folder.
# Takes about four minutes; --quick runs only the first; --keep leaves the work folder. --extract-only
# writes the scripts taken from the README and prints them without submitting anything (SlurmRecipeTest
# runs it in mvn test, so a README edit that recipe.sh no longer finds fails there).
set -euo pipefail
here=$(cd "$(dirname "$0")/../../.." && pwd)
jar=$here/target/necroptosis-scorer.jar
extract_only=false quick=false keep=false
for a in "$@"; do
    case "$a" in
        --extract-only) extract_only=true ;;
        --quick) quick=true ;;
        --keep) keep=true ;;
        *) echo "usage: recipe.sh [--quick] [--keep] | --extract-only" >&2; exit 2 ;;
    esac
done
if ! $extract_only && ! command -v sbatch >/dev/null; then
    echo "recipe.sh: sbatch not found: skipped"
    exit 0
fi
$extract_only || [ -f "$jar" ] || { echo "recipe.sh: $jar missing: run mvn package first" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/slurm-recipe.XXXXXX")
fail() { echo "recipe.sh: $*" >&2; echo "work folder: $work" >&2; exit 1; }

# The README's code blocks after "A SLURM job array": the job script, the submit lines, the resubmit lines
# and the retry line, scaled down to two tasks of one core.
extract() {
    awk '/^A SLURM job array/ {on = 1} on && /^```/ {n++; next}
         on && n == 1 {print > "score.sbatch"} on && n == 3 {print > "submit.sh"}
         on && n == 5 {print > "resubmit.sh"} on && n == 7 {print > "retry.sh"} n == 8 {exit}' "$here/README.md"
    grep -q '^#SBATCH --array=1-20' score.sbatch && grep -q 'merge results/shard-\*' submit.sh \
        && grep -q '^jobid=$(sbatch --parsable score.sbatch)$' submit.sh \
        && grep -q '^jobid=$(sbatch --parsable --array=7 score.sbatch)$' resubmit.sh \
        && grep -q 'merge results/shard-\*' resubmit.sh && grep -q 'batch cohort.txt --out results ' retry.sh \
        || { echo "recipe.sh: the README's recipe was not found where expected" >&2; exit 2; }
    sed -i 's/^#SBATCH --array=1-20.*/#SBATCH --array=1-2/; s/^N=20$/N=2/; s/--mem=16G/--mem=2G/; s/-Xmx12g/-Xmx1g/; s/--cpus-per-task=8/--cpus-per-task=1/' score.sbatch
    sed -i 's/--array=7/--array=2/' resubmit.sh
    sed -i 's/--mem=16G/--mem=2G/; s/-Xmx12g/-Xmx1g/; s/--cpus-per-task=8/--cpus-per-task=1/; s/--threads 8/--threads 1/' retry.sh
    sed -i "s#necroptosis-scorer.jar#$jar#g" score.sbatch submit.sh resubmit.sh retry.sh
    # So that this script knows the job ids.
    echo 'echo "array job $jobid"' >> submit.sh
    echo 'echo "array job $jobid"' >> resubmit.sh
}

if $extract_only; then
    cd "$work" && extract
    for f in score.sbatch submit.sh resubmit.sh retry.sh; do echo "==> $f"; grep -v '^echo "array job' "$f"; done
    rm -rf "$work"
    exit 0
fi

# Waits until none of the given jobs (or array tasks) is pending or running.
# Runs one of the README's submit blocks and shows the queue; sets array_job and merge_job.
submit() {
    bash "$1" | tee "$1.out"
    array_job=$(awk '/^array job/ {print $3}' "$1.out")
    merge_job=$(awk '/^Submitted batch job/ {print $4}' "$1.out")
    squeue -j "$array_job,$merge_job" | sed 's/^/  /'
}
wait_jobs() {
    while [ -n "$(squeue -h -j "$(echo "$*" | tr ' ' ,)" -t PD,CF,R,CG,S -o %i 2>/dev/null)" ]; do sleep 3; done
}
# "STATE EXIT" of a job or one array task (JOB_TASK), from the accounting when it is enabled, else from the
# controller (which forgets ended jobs after MinJobAge, 300 s by default).
state() {
    local s
    s=$(sacct -n -X -P -j "$1" -o State,ExitCode 2>/dev/null | head -1 | tr '|' ' ' | sed 's/ by [0-9]*//')
    if [ -z "$s" ]; then
        s=$(scontrol show job -o "$1" 2>/dev/null | head -1 | tr ' ' '\n' \
            | awk -F= '$1 == "JobState" {st = $2} $1 == "ExitCode" {ex = $2} END {print st, ex}')
    fi
    echo "$s"
}
expect_state() { # JOB WANTED-STATE WANTED-EXIT(a glob) what
    local s
    s=$(state "$1")
    case "$s" in "$2 "$3) ;; *) fail "$4: job $1 is '$s', not '$2 $3'" ;; esac
    echo "  job $1 ($4): $s"
}
generate() { # NAME SEED SIZE
    java -jar "$jar" generate --out "$1" --width "$3" --height "$3" --seed "$2" --quiet >/dev/null 2>&1
}
slides_column() { awk -F, 'NR > 1 {print $2}' "$1" | tr -d '"' | xargs -n1 basename | paste -sd' '; }
status_column() { awk -F, 'NR > 1 {print $4}' "$1" | paste -sd' '; }

echo "recipe.sh: run 1, every task ends well ($work/ok)"
mkdir "$work/ok" && cd "$work/ok"
extract
for i in 1 2 3; do generate "slide$i.tif" $i 2048; done
printf 'slide3.tif\nslide1.tif\nslide2.tif\n' > cohort.txt
submit submit.sh
array=$array_job merge=$merge_job
wait_jobs "$array" "$merge"
expect_state "${array}_1" COMPLETED 0:0 "task 1"
expect_state "${array}_2" COMPLETED 0:0 "task 2"
expect_state "$merge" COMPLETED 0:0 "merge"
[ -f logs/shard-1.log ] && [ -f logs/shard-2.log ] || fail "no task logs in logs/"
[ -f results/batch_summary.csv ] || fail "the merge wrote no results/batch_summary.csv (logs/merge.log)"
[ "$(wc -l < results/batch_summary.csv)" -eq 4 ] || fail "batch_summary.csv does not have the three slides"
for s in slide1 slide2 slide3; do
    [ -f "results/$s/summary.json" ] || fail "results/$s was not moved into results/"
    [ ! -e "results/shard-1/$s" ] && [ ! -e "results/shard-2/$s" ] || fail "$s is still in a shard folder"
done
[ "$(slides_column results/batch_summary.csv)" = 'slide3.tif slide1.tif slide2.tif' ] || fail "rows are not in the text file's order"
[ "$(status_column results/batch_summary.csv)" = 'ok ok ok' ] || fail "not every row is ok"

if $quick; then
    echo "recipe.sh: the README's SLURM recipe works (run 1; --quick left out the time-out and resubmit)"
    $keep || rm -rf "$work"
    exit 0
fi

echo "recipe.sh: run 2, a failed slide and a task that times out, resubmitted ($work/timeout)"
mkdir "$work/timeout" && cd "$work/timeout"
extract
generate slide1.tif 1 2048
generate slide3.tif 3 2048
generate slide4.tif 4 4096
echo "not a slide" > broken.tif
# Task 1 (every 2nd slide from the 1st): slide3, broken; task 2: slide1, slide4.
printf 'slide3.tif\nslide1.tif\nbroken.tif\nslide4.tif\n' > cohort.txt
# The first submission with a one-minute limit; the resubmit has the script's own.
sed -i 's/^jobid=$(sbatch --parsable score.sbatch)$/jobid=$(sbatch --parsable --time=1 score.sbatch)/' submit.sh
submit submit.sh
array=$array_job merge=$merge_job
# Once task 2 has its first slide in its table, freeze its processes: it then runs into its time limit.
task2=""
for _ in $(seq 600); do
    if [ -f results/shard-2/batch_summary.csv ] && [ "$(wc -l < results/shard-2/batch_summary.csv)" -ge 2 ]; then
        task2=$(squeue -h -j "${array}_2" -o %A)
        break
    fi
    sleep 0.2
done
[ -n "$task2" ] || fail "task 2 did not finish its first slide within two minutes"
pids=$(scontrol listpids "$task2" | awk 'NR > 1 && $1 ~ /^[0-9]+$/ {print $1}')
[ -n "$pids" ] || fail "no processes of task 2 (job $task2)"
kill -STOP $pids
echo "  task 2 (job $task2) stopped after its first slide: processes $(echo $pids)"
wait_jobs "$array" "$merge"
expect_state "${array}_1" FAILED 3:0 "task 1, a slide failed"
# The exit code is the signal that ended it (the controller says 0:15, the accounting 0:0).
expect_state "${array}_2" TIMEOUT '0:*' "task 2, time limit"
expect_state "$merge" FAILED 3:0 "merge with a slide missing"
grep -q 'slide4.tif' logs/merge.log || fail "logs/merge.log does not name the missing slide4.tif"
[ "$(status_column results/batch_summary.csv)" = 'ok ok failed missing' ] || fail "the first merge's statuses are not 'ok ok failed missing'"
[ -d results/shard-1/slide3 ] && [ -d results/shard-2/slide1 ] && [ ! -e results/slide3 ] && [ ! -e results/slide1 ] \
    || fail "the merge moved folders while a slide was missing"
first_log=$(cat logs/shard-2.log)

echo "  the README's resubmit lines, for task 2"
submit resubmit.sh
array2=$array_job merge2=$merge_job
wait_jobs "$array2" "$merge2"
expect_state "${array2}_2" COMPLETED 0:0 "task 2 resubmitted"
expect_state "$merge2" FAILED 3:0 "merge, complete but a slide failed"
case "$(cat logs/shard-2.log)" in "$first_log"*) ;; *) fail "logs/shard-2.log lost the first run's lines" ;; esac
grep -q 'slide1.tif: complete from an earlier run' logs/shard-2.log || fail "the resubmitted task did not re-read slide1 (logs/shard-2.log)"
[ "$(slides_column results/batch_summary.csv)" = 'slide3.tif slide1.tif broken.tif slide4.tif' ] || fail "rows are not in the text file's order"
[ "$(status_column results/batch_summary.csv)" = 'ok ok failed ok' ] || fail "the second merge's statuses are not 'ok ok failed ok'"
for s in slide1 slide3 slide4; do
    [ -f "results/$s/summary.json" ] || fail "results/$s was not moved into results/"
done
left=$(find results/shard-1 results/shard-2 -mindepth 1 -maxdepth 1 -type d ! -name '.*')
[ -z "$left" ] || fail "slide folders left in the shard folders: $left"
[ "$(find results -name summary.json | wc -l)" -eq 3 ] || fail "not exactly one folder per scored slide"
cp results/batch_summary.csv merged.csv

echo "  the failed slide replaced, the README's retry line"
generate broken.tif 5 1024
retry=$(bash retry.sh | awk '/^Submitted batch job/ {print $4}')
wait_jobs "$retry"
expect_state "$retry" COMPLETED 0:0 "retry"
[ "$(grep -c ': complete from an earlier run -> ' logs/retry.log)" -eq 3 ] || fail "the retry did not re-read the three complete slides (logs/retry.log)"
[ "$(status_column results/batch_summary.csv)" = 'ok ok ok ok' ] || fail "the retry's statuses are not 'ok ok ok ok'"
diff <(grep -v broken merged.csv) <(grep -v broken results/batch_summary.csv) >/dev/null \
    || fail "the retry changed the rows of the slides that were complete"
[ "$(find results -name summary.json | wc -l)" -eq 4 ] || fail "not exactly one folder per slide after the retry"

echo "recipe.sh: the README's SLURM recipe works, with a time-out, a resubmit and a retry ($work)"
$keep || rm -rf "$work"
