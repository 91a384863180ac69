#!/usr/bin/env bash
# Regenerates the sample runs with `ponder replay` against Ponder's own tiny reasoner
# (assets/models/tiny-reasoner) on its 200 held-out problems. About 15 minutes on 2 CPU cores (14 min measured).
#   bash sample-runs/generate.sh
# Each replay's journal is Ponder's own run format with the replay's full provenance: it is the sample run.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PONDER_HOME="$work/home"
out=sample-runs
problems=assets/models/tiny-reasoner/problems.jsonl
ponder() { java -jar target/ponder.jar "$@"; }

# replay NAME_IN_FILES ARGS...: runs one replay and keeps its journals as sample-runs/NAME_IN_FILES[-budget-B].jsonl
replay() {
    local file=$1; shift
    ponder replay -w "$work/runs.ponder" --journal-dir "$work/$file" "$@"
    for journal in "$work/$file"/*.jsonl; do
        budget=$(basename "$journal" | sed -n 's/.*-budget-\([0-9]*\)-[0-9a-f]*\.jsonl$/\1/p')
        cp "$journal" "$out/$file${budget:+-budget-$(printf %03d "$budget")}.jsonl"
    done
}

rm -f "$out"/tiny-reasoner-*.jsonl
replay tiny-reasoner-best-of-16 --problems-file "$problems" --strategy sampling --samples 16 --temperature 0.8 \
    --seed 1 --name "tiny-arith best-of-16"
replay tiny-reasoner-sweep --problems-file "$problems" --limit 100 --budgets 8,16,32,64,128,256 --temperature 0 \
    --name "tiny-arith budget sweep"
replay tiny-reasoner-3-rounds --problems-file "$problems" --limit 100 --strategy multi-round --rounds 3 \
    --temperature 0.8 --seed 2 --name "tiny-arith 3 rounds"
# Branches of three traces that re-check themselves: the first three problems whose best-of-16 samples say "Wait".
keys=$(grep '"type":"sample"' "$out/tiny-reasoner-best-of-16.jsonl" | grep 'Wait' \
    | grep -o '"problem":"tiny-arith/[0-9]*"' | sed 's/.*\/\([0-9]*\)"/\1/' | sort -u | head -3)
for key in $keys; do
    replay "tiny-reasoner-branches-$key" "tiny-arith best-of-16" --strategy branch --branch-sample "tiny-arith/$key" \
        --before "Wait" --samples 6 --temperature 1.0 --seed 3 --name "tiny-arith branches of $key"
done
# The same budget-128 run once more, in lm-evaluation-harness's samples format (s1's fields).
ponder export-run -w "$work/runs.ponder" "tiny-arith budget sweep · budget 128" --format lm-eval \
    -o "$out/tiny-reasoner-budget-128.lm-eval.jsonl"
bash sample-runs/synthetic.sh   # the synthetic R1-style runs and the MCTS search (seconds)
du -ch "$out"/*.json* | tail -1
