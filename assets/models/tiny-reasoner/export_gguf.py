#!/usr/bin/env python3
"""Writes the trained checkpoint as a GGUF file that llama.cpp runs as architecture "llama".

GGUF v3 (llama.cpp docs/gguf.md): header, key/values, tensor table, then the tensors, each
aligned to 32 bytes. Dimensions are listed innermost first, so a PyTorch Linear weight
[out, in] is written unchanged with dims (in, out).

    /usr/bin/python3 export_gguf.py checkpoint.pt tiny-reasoner.gguf
"""
import struct
import sys

import numpy as np
import torch

import tokenizer as T
from model import Config

ALIGN = 32
U32, I32, F32, BOOL, STRING, ARRAY, U64 = 4, 5, 6, 7, 8, 9, 10

CHAT_TEMPLATE = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"
)


def s(text):
    b = text.encode("utf-8")
    return struct.pack("<Q", len(b)) + b


def kv(key, vtype, value):
    out = s(key) + struct.pack("<I", vtype)
    if vtype == STRING:
        return out + s(value)
    if vtype == ARRAY:
        etype, items = value
        out += struct.pack("<IQ", etype, len(items))
        if etype == STRING:
            return out + b"".join(s(x) for x in items)
        fmt = {F32: "<f", I32: "<i", U32: "<I"}[etype]
        return out + b"".join(struct.pack(fmt, x) for x in items)
    fmt = {U32: "<I", I32: "<i", F32: "<f", BOOL: "<?", U64: "<Q"}[vtype]
    return out + struct.pack(fmt, value)


def tensors(state, c):
    yield "token_embd.weight", state["embed.weight"]
    for i in range(c.n_layers):
        p = f"blocks.{i}."
        yield f"blk.{i}.attn_norm.weight", state[p + "attn_norm.weight"]
        yield f"blk.{i}.attn_q.weight", state[p + "wq.weight"]
        yield f"blk.{i}.attn_k.weight", state[p + "wk.weight"]
        yield f"blk.{i}.attn_v.weight", state[p + "wv.weight"]
        yield f"blk.{i}.attn_output.weight", state[p + "wo.weight"]
        yield f"blk.{i}.ffn_norm.weight", state[p + "ffn_norm.weight"]
        yield f"blk.{i}.ffn_gate.weight", state[p + "gate.weight"]
        yield f"blk.{i}.ffn_up.weight", state[p + "up.weight"]
        yield f"blk.{i}.ffn_down.weight", state[p + "down.weight"]
    yield "output_norm.weight", state["norm.weight"]
    yield "output.weight", state["output.weight"]


def main(checkpoint, out_path):
    ck = torch.load(checkpoint, map_location="cpu")
    c = Config(**ck["config"])
    meta = [
        kv("general.architecture", STRING, "llama"),
        kv("general.name", STRING, "Ponder tiny reasoner"),
        kv("general.file_type", U32, 0),
        kv("general.alignment", U32, ALIGN),
        kv("llama.context_length", U32, c.context_length),
        kv("llama.embedding_length", U32, c.dim),
        kv("llama.block_count", U32, c.n_layers),
        kv("llama.feed_forward_length", U32, c.ffn_dim),
        kv("llama.attention.head_count", U32, c.n_heads),
        kv("llama.attention.head_count_kv", U32, c.n_heads),
        kv("llama.rope.dimension_count", U32, c.dim // c.n_heads),
        kv("llama.rope.freq_base", F32, c.rope_base),
        kv("llama.attention.layer_norm_rms_epsilon", F32, c.norm_eps),
        kv("llama.vocab_size", U32, c.vocab_size),
        kv("tokenizer.ggml.model", STRING, "llama"),
        kv("tokenizer.ggml.tokens", ARRAY, (STRING, T.TOKENS)),
        kv("tokenizer.ggml.scores", ARRAY, (F32, [0.0] * len(T.TOKENS))),
        kv("tokenizer.ggml.token_type", ARRAY, (I32, T.TYPES)),
        kv("tokenizer.ggml.unknown_token_id", U32, T.UNK),
        kv("tokenizer.ggml.bos_token_id", U32, T.BOS),
        kv("tokenizer.ggml.eos_token_id", U32, T.IM_END),
        kv("tokenizer.ggml.padding_token_id", U32, T.BOS),
        kv("tokenizer.ggml.add_bos_token", BOOL, False),
        kv("tokenizer.ggml.add_eos_token", BOOL, False),
        kv("tokenizer.ggml.add_space_prefix", BOOL, False),
        kv("tokenizer.chat_template", STRING, CHAT_TEMPLATE),
    ]
    arrays = [(name, t.detach().float().numpy().astype("<f4")) for name, t in tensors(ck["model"], c)]
    table, offset = [], 0
    for name, a in arrays:
        dims = a.shape[::-1]
        table.append(s(name) + struct.pack("<I", len(dims)) + b"".join(struct.pack("<Q", d) for d in dims)
                     + struct.pack("<IQ", 0, offset))
        offset += (a.nbytes + ALIGN - 1) // ALIGN * ALIGN
    with open(out_path, "wb") as f:
        f.write(b"GGUF" + struct.pack("<IQQ", 3, len(arrays), len(meta)))
        for m in meta + table:
            f.write(m)
        f.write(b"\0" * (-f.tell() % ALIGN))
        for _, a in arrays:
            f.write(np.ascontiguousarray(a).tobytes())
            f.write(b"\0" * (-a.nbytes % ALIGN))
    print(f"wrote {out_path}: {len(arrays)} tensors, {sum(a.size for _, a in arrays):,} parameters")


if __name__ == "__main__":
    main(*sys.argv[1:3])
