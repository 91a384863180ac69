#!/usr/bin/env python3
"""The model card's tables and the parity reference for the GGUF file.

    /usr/bin/python3 evaluate.py checkpoint.pt            # accuracy per difficulty and per thinking budget
    /usr/bin/python3 evaluate.py checkpoint.pt --parity ../../../src/test/resources/dev/ponder/core/replay/tiny-reasoner-greedy.jsonl

Held-out problems come from seeds the training never draws (training uses 10001 onwards).
Budget forcing here is s1's: at most B thinking tokens, then the thinking is closed and
"Final Answer:" appended -- the same edit Ponder's replay makes.
"""
import argparse
import json
import re
import random

import torch

import data
import tokenizer as T
from model import Config, TinyReasoner

END_THINK = T.INDEX["</think>"]


def load(path):
    ck = torch.load(path, map_location="cpu")
    m = TinyReasoner(Config(**ck["config"]))
    m.load_state_dict(ck["model"])
    return m.eval()


def boxed(text):
    found = re.findall(r"\\boxed\{([^}]*)\}", text)
    return found[-1] if found else None


def held_out(n, seed, level=None):
    rng = random.Random(seed)
    return [data.problem(rng, level or rng.choice((1, 2, 3, 4))) for _ in range(n)]


@torch.no_grad()
def forced(model, question, budget):
    """Greedy thinking capped at `budget` tokens (None: uncapped), then the answer."""
    ids = T.encode(data.prompt(question))
    think = model.generate(ids, 2, {T.IM_END})             # "<think>" "\n"
    ids += think
    thinking = model.generate(ids, budget or 900, {END_THINK, T.IM_END})
    ids += thinking
    if thinking and thinking[-1] == END_THINK:
        tail = model.generate(ids, 40, {T.IM_END})
        return T.decode(think + thinking + tail), len(thinking) - 1
    ids += T.encode(f"\n</think>\n{data.ANSWER_PROMPT} ")
    tail = model.generate(ids, 40, {T.IM_END})
    return T.decode(ids[len(T.encode(data.prompt(question))):] + tail), len(thinking)


def accuracy(model, problems, budget=None):
    right, tokens = 0, 0
    for q, gold, _ in problems:
        text, n = forced(model, q, budget)
        right += boxed(text) == str(gold)
        tokens += n
    return right / len(problems), tokens / len(problems)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("--parity")
    ap.add_argument("--n", type=int, default=100)
    args = ap.parse_args()
    torch.set_num_threads(2)
    model = load(args.checkpoint)
    if args.parity:
        with open(args.parity, "w") as f:
            for q, gold, _ in held_out(100, 7):
                prompt = data.prompt(q)
                out = model.generate(T.encode(prompt), 600, {T.IM_END})
                f.write(json.dumps({"prompt": prompt, "completion": T.decode(out), "tokens": len(out)}) + "\n")
        print(f"wrote {args.parity}")
        return
    print("| difficulty | problems | accuracy | mean thinking tokens |\n|---|---|---|---|")
    names = {1: "1: 2-digit addition", 2: "2: 3-4 digit addition/subtraction",
             3: "3: multiply by one digit", 4: "4: two-step word problem"}
    for level in (1, 2, 3, 4):
        acc, tok = accuracy(model, held_out(args.n, 100 + level, level))
        print(f"| {names[level]} | {args.n} | {acc:.2f} | {tok:.0f} |", flush=True)
    print("\n| thinking budget (tokens) | accuracy | mean thinking tokens |\n|---|---|---|")
    problems = held_out(args.n * 2, 200)
    for budget in (8, 16, 32, 64, 128, None):
        acc, tok = accuracy(model, problems, budget)
        print(f"| {budget or 'none'} | {acc:.2f} | {tok:.0f} |", flush=True)


if __name__ == "__main__":
    main()
