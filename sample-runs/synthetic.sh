#!/usr/bin/env bash
# Regenerates the synthetic sample runs (sample-runs/README.md): R1-style traces written by a documented recipe
# (sample-runs/Synthetic.java; no model ran), imported with a field mapping and written in Ponder's run format, and
# a 60-iteration MCTS as an llm-reasoners TreeLog. Deterministic, a few seconds.
#   bash sample-runs/synthetic.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/ponder.jar ] || mvn -q -B -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PONDER_HOME="$work/home"
ponder() { java -jar target/ponder.jar "$@"; }
java sample-runs/Synthetic.java "$work"
fields=(--map problem=problem_id --map question=question --map gold=gold --map trace=response --map index=sample_index)
synthetic="Synthetic: written by sample-runs/Synthetic.java from a recipe (no model ran) to show what Ponder finds"
ponder import "$work/overthinking.jsonl" -w "$work/runs.ponder" "${fields[@]}" \
    --set name="synthetic R1-style best-of-8" --set model="synthetic (no model)" --set strategy=best-of-n \
    --set notes="$synthetic: answers found early then re-checked for thousands of tokens, answers talked out of, close votes on the hard third."
ponder import "$work/rounds.jsonl" -w "$work/runs.ponder" "${fields[@]}" --map round=round \
    --set name="synthetic R1-style 3 rounds" --set model="synthetic (no model)" --set strategy=multi-round \
    --set notes="$synthetic: Think Twice rounds in which some right answers are talked out of and some wrong ones repaired."
ponder export-run -w "$work/runs.ponder" "synthetic R1-style best-of-8" -o sample-runs/tiny-r1-synthetic-best-of-8.jsonl
ponder export-run -w "$work/runs.ponder" "synthetic R1-style 3 rounds" -o sample-runs/tiny-r1-synthetic-rounds-3.jsonl
# the runs stand as files of their own, like the replays' journals: no origin in the throw-away folder, no date
for run in sample-runs/tiny-r1-synthetic-best-of-8.jsonl sample-runs/tiny-r1-synthetic-rounds-3.jsonl; do
    sed '1s/,"origin":{[^}]*}//' "$run" >"$work/run.jsonl" && mv "$work/run.jsonl" "$run"
done
cp "$work/tiny-r1-synthetic-mcts.json" sample-runs/tiny-r1-synthetic-mcts.json
du -ch sample-runs/tiny-r1-synthetic-* | tail -1
