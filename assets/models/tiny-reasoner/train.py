#!/usr/bin/env python3
"""Trains the tiny reasoner on CPU (Debian's python3-torch; about half an hour on 2 cores).

    /usr/bin/python3 train.py            # writes checkpoint.pt, then run export_gguf.py
"""
import argparse
import math
import random
import time

import torch
import torch.nn.functional as F

import data
import tokenizer as T
from model import Config, TinyReasoner


def encode_example(ex, rng):
    """Token ids and a mask of the tokens the loss counts (the assistant's turn only)."""
    p = T.encode(data.prompt(ex["question"]))
    c = T.encode(data.completion(ex, rng))
    return p + c, [0] * len(p) + [1] * len(c)


def batches(rng, batch_size, pool=2048):
    """Endless batches; each drawn from a pool sorted by length so that little is padding."""
    seed = 0
    while True:
        seed += 1
        exs = [encode_example(e, rng) for e in data.dataset(10_000 + seed, pool)]
        exs.sort(key=lambda e: len(e[0]))
        chunks = [exs[i:i + batch_size] for i in range(0, len(exs), batch_size)]
        rng.shuffle(chunks)
        for chunk in chunks:
            n = max(len(ids) for ids, _ in chunk)
            ids = torch.full((len(chunk), n), T.BOS, dtype=torch.long)
            mask = torch.zeros((len(chunk), n))
            for i, (x, m) in enumerate(chunk):
                ids[i, :len(x)], mask[i, :len(m)] = torch.tensor(x), torch.tensor(m, dtype=torch.float)
            yield ids, mask


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=1200)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default="checkpoint.pt")
    args = ap.parse_args()
    torch.manual_seed(1234)
    torch.set_num_threads(args.threads)
    rng = random.Random(1234)
    config = Config()
    model = TinyReasoner(config)
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.98))
    warmup = 50
    start, seen = time.time(), 0
    for step, (ids, mask) in zip(range(1, args.steps + 1), batches(rng, args.batch)):
        lr = args.lr * min(step / warmup, 0.5 * (1 + math.cos(math.pi * step / args.steps)))
        for g in opt.param_groups:
            g["lr"] = lr
        logits = model(ids[:, :-1])
        m = mask[:, 1:]
        loss = (F.cross_entropy(logits.reshape(-1, config.vocab_size), ids[:, 1:].reshape(-1),
                                reduction="none") * m.reshape(-1)).sum() / m.sum()
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        seen += ids.numel()
        if step % 25 == 0 or step == 1:
            el = time.time() - start
            print(f"step {step:5d}  loss {loss.item():.4f}  lr {lr:.2e}  {seen / el:.0f} tok/s  {el / 60:.1f} min",
                  flush=True)
        if step % 200 == 0:
            torch.save({"config": config.to_dict(), "model": model.state_dict()}, args.out)
    torch.save({"config": config.to_dict(), "model": model.state_dict()}, args.out)
    print(f"saved {args.out} after {(time.time() - start) / 60:.1f} min")


if __name__ == "__main__":
    main()
