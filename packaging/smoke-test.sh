#!/usr/bin/env bash
# Starts the Linux app image that `mvn -Ppackage package` built in target/installer/Ponder, as a user would:
#  1. its commands, which need every JDK module the trimmed runtime must carry (SQLite through JDBC, the jar's
#     zip file system for the sample runs, llama.cpp's natives for a replay on the built-in tiny reasoner);
#  2. its window on a virtual display (Xvfb, installed here where missing and allowed): it must open the default
#     workspace, import the sample runs and keep running; a screenshot of it lands in target/installer/.
# Everything happens in a throw-away Ponder folder; the user's own is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
app="$PWD/target/installer/Ponder/bin/Ponder"
[ -x "$app" ] || { echo "smoke test: no app image at $app; build it with: mvn -Ppackage package"; exit 1; }
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export PONDER_HOME="$home"

echo "smoke test: $("$app" --version | head -1)"
# the image's class-data archive must map (-Xshare:on makes the JVM fail where it does not), through the native
# launcher and through lib/ponder, which the .deb puts on the PATH
for launcher in "$app" "$(dirname "$app")/../lib/ponder"; do
    JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" --version >/dev/null 2>&1 || {
        echo "smoke test: the class-data archive (lib/app/ponder.jsa) does not map for $launcher:"
        JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" --version; exit 1; }
done
"$app" import --workspace "$home/smoke.ponder" sample-runs/tiny-arith-best-of-4.jsonl
"$app" stats --workspace "$home/smoke.ponder" "tiny-arith best-of-4" | grep -q "pass@k"
"$app" replay --workspace "$home/smoke.ponder" --problems-file assets/models/tiny-reasoner/problems.jsonl \
    --limit 2 --budgets 32 --temperature 0 --threads 1 >/dev/null
"$app" info --workspace "$home/smoke.ponder" | grep -q "tiny-reasoner.gguf"
# qwen-math's symbolic step runs a computer-algebra system: it must start on the trimmed runtime too
printf '%s\n' '{"question": "What is the square root of 117?", "gold": "3\\sqrt{13}", "response": "\\boxed{\\sqrt{117}}"}' \
    > "$home/surd.jsonl"
"$app" import --workspace "$home/surd.ponder" "$home/surd.jsonl" --map question=question --map gold=gold \
    --map trace=response >/dev/null
"$app" stats --workspace "$home/surd.ponder" surd --grader qwen-math --no-overthinking | grep -q "Accuracy         100.0%"
echo "smoke test: commands ran on the trimmed runtime (import, stats, replay on the tiny reasoner, qwen-math's algebra)"

if ! command -v xvfb-run >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo -n"; fi
    echo "smoke test: installing Xvfb for the window check"
    $sudo apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null 2>&1 \
        || { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null; } \
        || { echo "smoke test: cannot install Xvfb; the window was not checked"; exit 1; }
fi
log="$home/logs/ponder-0.log"
xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
    '$app' >'$home/window.out' 2>&1 & pid=\$!
    for i in \$(seq 1 120); do
        grep -q 'Imported .* sample runs' '$log' 2>/dev/null && break
        kill -0 \$pid 2>/dev/null || { echo 'smoke test: the window exited early'; exit 1; }
        sleep 0.5
    done
    grep -q 'Imported .* sample runs' '$log' || { echo 'smoke test: the window did not import the sample runs'; kill \$pid; exit 1; }
    sleep 2
    kill -0 \$pid 2>/dev/null || { echo 'smoke test: the window exited'; exit 1; }
    if command -v import >/dev/null; then import -window root '$PWD/target/installer/smoke-window.png' || true; fi
    kill \$pid; wait \$pid 2>/dev/null || true
"
if grep -q "SEVERE" "$log"; then
    echo "smoke test: the window logged errors:"; grep -A5 SEVERE "$log"; exit 1
fi
echo "smoke test: the window opened the default workspace and imported the sample runs ($(grep -o 'Imported [0-9]* sample runs' "$log"))"
