"""The notebook cell a researcher writes for the first figures of an lm-evaluation-harness --log_samples file.

Load the JSONL with pandas, one row per sample; extract the last \\boxed{...} of each response; grade it against the
gold by the same rules as Ponder's default grader on this file (both sides stripped of spaces and of a "$...$"
wrapping, compared as text: the synthetic answers are integers, where ponder-math's MATH normalisation changes
nothing); then sample-level accuracy, pass@k with the unbiased estimator (Chen et al. 2021) and maj@k over each
problem's first k samples (ties to the answer seen first), at k = 1, 2, 4, ..., and the largest n.

    python3 first_figures.py FILE [--json]

With --json it prints the figures and the seconds each step took, for `bench first-figures` to compare with
Ponder's.
"""

import json
import re
import sys
import time

import numpy as np
import pandas as pd

BOXED = re.compile(r"\\boxed\{([^{}]*)\}")


def extract(text):
    found = BOXED.findall(text)
    return found[-1] if found else None


def normalize(answer):
    if answer is None:
        return None
    answer = answer.strip()
    if answer.startswith("$") and answer.endswith("$"):
        answer = answer[1:-1]
    return answer.replace(" ", "")


def pass_at_k(n, c, k):
    if n - c < k:
        return 1.0
    return 1.0 - np.prod(1.0 - k / np.arange(n - c + 1, n + 1))


def majority_first_k(answers, correct, k):
    counts = {}
    first = {}
    for i, answer in enumerate(answers[:k]):
        if answer is None:
            continue
        counts[answer] = counts.get(answer, 0) + 1
        first.setdefault(answer, i)
    if not counts:
        return 0.0
    winner = max(counts, key=lambda a: (counts[a], -first[a]))
    return float(correct[first[winner]])


def main():
    path = sys.argv[1]
    as_json = "--json" in sys.argv
    started = time.perf_counter()
    frame = pd.read_json(path, lines=True)
    samples = pd.DataFrame({
        "doc_id": frame["doc_id"],
        "gold": frame["doc"].map(lambda doc: doc["answer"]),
        "response": frame["resps"].map(lambda responses: responses[0]),
    }).explode("response", ignore_index=True)
    samples["answer"] = samples["response"].map(extract).map(normalize)
    samples["correct"] = samples["answer"] == samples["gold"].map(normalize)
    read_and_graded = time.perf_counter()

    problems = samples.groupby("doc_id", sort=False)
    n = problems.size().to_numpy()
    c = problems["correct"].sum().to_numpy()
    largest = int(n.max())
    ks = [k for k in (2 ** i for i in range(32)) if k <= largest]
    if ks[-1] != largest:
        ks.append(largest)
    answers = problems["answer"].apply(list).to_numpy()
    verdicts = problems["correct"].apply(list).to_numpy()
    figures = {
        "accuracy": float(samples["correct"].mean()),
        "pass_at_k": {k: float(np.mean([pass_at_k(ni, ci, k) for ni, ci in zip(n, c) if ni >= k])) for k in ks},
        "maj_at_k_first": {
            k: float(np.mean([majority_first_k(a, v, k) for a, v in zip(answers, verdicts) if len(a) >= k]))
            for k in ks
        },
    }
    done = time.perf_counter()
    if as_json:
        print(json.dumps({
            "samples": int(len(samples)),
            "problems": int(len(n)),
            "read_and_grade_seconds": read_and_graded - started,
            "figures_seconds": done - read_and_graded,
            "figures": figures,
        }))
    else:
        print(f"{len(samples):,} samples of {len(n):,} problems: read and graded in {read_and_graded - started:.1f} s, "
              f"figures in {done - read_and_graded:.1f} s")
        print(f"accuracy {figures['accuracy']:.4f}")
        for k in ks:
            print(f"k={k}: pass@k {figures['pass_at_k'][k]:.4f}  maj@k (first k) {figures['maj_at_k_first'][k]:.4f}")


if __name__ == "__main__":
    main()
