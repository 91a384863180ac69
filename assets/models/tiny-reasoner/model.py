"""A llama-architecture transformer, written so that llama.cpp computes exactly the same function.

RMSNorm, SwiGLU, no biases, rotary embeddings on adjacent pairs (x0,x1),(x2,x3)... -- llama.cpp's
"normal" rope for the llama architecture, so the exporter writes q/k weights without permuting.
"""
import math
from dataclasses import dataclass, asdict

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class Config:
    vocab_size: int = 358
    dim: int = 192
    n_layers: int = 4
    n_heads: int = 6
    ffn_dim: int = 512
    context_length: int = 1024
    rope_base: float = 10000.0
    norm_eps: float = 1e-5

    def to_dict(self):
        return asdict(self)


class RMSNorm(nn.Module):
    def __init__(self, dim, eps):
        super().__init__()
        self.eps, self.weight = eps, nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def rope(x, positions, base):
    """x: (batch, heads, seq, head_dim); rotates adjacent pairs like llama.cpp's GGML_ROPE_TYPE_NORM."""
    d = x.shape[-1]
    inv = base ** (-torch.arange(0, d, 2, dtype=torch.float32) / d)
    angles = positions[:, None].float() * inv[None, :]          # (seq, d/2)
    cos, sin = angles.cos(), angles.sin()
    x0, x1 = x[..., 0::2], x[..., 1::2]
    out = torch.stack((x0 * cos - x1 * sin, x0 * sin + x1 * cos), dim=-1)
    return out.flatten(-2)


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.attn_norm, self.ffn_norm = RMSNorm(c.dim, c.norm_eps), RMSNorm(c.dim, c.norm_eps)
        self.wq, self.wk, self.wv, self.wo = (nn.Linear(c.dim, c.dim, bias=False) for _ in range(4))
        self.gate, self.up = nn.Linear(c.dim, c.ffn_dim, bias=False), nn.Linear(c.dim, c.ffn_dim, bias=False)
        self.down = nn.Linear(c.ffn_dim, c.dim, bias=False)

    def forward(self, x, positions, cache=None):
        b, t, _ = x.shape
        h, hd = self.c.n_heads, self.c.dim // self.c.n_heads
        y = self.attn_norm(x)
        q, k, v = (w(y).view(b, t, h, hd).transpose(1, 2) for w in (self.wq, self.wk, self.wv))
        q, k = rope(q, positions, self.c.rope_base), rope(k, positions, self.c.rope_base)
        if cache is not None:           # generation: keys and values of the earlier positions
            if cache:
                k, v = torch.cat((cache[0], k), 2), torch.cat((cache[1], v), 2)
            cache[:] = [k, v]
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(hd)
        mask = torch.ones(t, k.shape[2], dtype=torch.bool).triu(k.shape[2] - t + 1)
        a = scores.masked_fill(mask, float("-inf")).softmax(-1) @ v
        x = x + self.wo(a.transpose(1, 2).reshape(b, t, -1))
        y = self.ffn_norm(x)
        return x + self.down(F.silu(self.gate(y)) * self.up(y))


class TinyReasoner(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.c = c
        self.embed = nn.Embedding(c.vocab_size, c.dim)
        self.blocks = nn.ModuleList(Block(c) for _ in range(c.n_layers))
        self.norm = RMSNorm(c.dim, c.norm_eps)
        self.output = nn.Linear(c.dim, c.vocab_size, bias=False)
        self.apply(self._init)
        for blk in self.blocks:   # GPT-2 style scaled init of the residual projections
            nn.init.normal_(blk.wo.weight, std=0.02 / math.sqrt(2 * c.n_layers))
            nn.init.normal_(blk.down.weight, std=0.02 / math.sqrt(2 * c.n_layers))

    @staticmethod
    def _init(m):
        if isinstance(m, (nn.Linear, nn.Embedding)):
            nn.init.normal_(m.weight, std=0.02)

    def forward(self, ids, caches=None, start=0):
        positions = torch.arange(start, start + ids.shape[1])
        x = self.embed(ids)
        for i, blk in enumerate(self.blocks):
            x = blk(x, positions, caches[i] if caches is not None else None)
        return self.output(self.norm(x))

    @torch.no_grad()
    def generate(self, ids, max_new, stop_ids):
        """Greedy decoding with a key/value cache."""
        caches = [[] for _ in self.blocks]
        logits = self(torch.tensor([list(ids)]), caches)
        pos, out = len(ids), []
        for _ in range(max_new):
            nxt = int(logits[0, -1].argmax())
            out.append(nxt)
            if nxt in stop_ids:
                break
            logits = self(torch.tensor([[nxt]]), caches, pos)
            pos += 1
        return out
