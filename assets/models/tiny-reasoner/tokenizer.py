"""The tiny reasoner's vocabulary: control tokens, byte fallbacks, one token per printable character.

It is laid out the way llama.cpp's SentencePiece ("llama") tokenizer reads it, so the GGUF file
tokenizes exactly as training did: a space is the piece U+2581, no space is prefixed, special
tokens are matched first, anything outside the characters falls back to <0xXX> byte tokens.
"""
SPACE = "\u2581"
CONTROL = ["<unk>", "<|endoftext|>", "<|im_start|>", "<|im_end|>"]
USER_DEFINED = ["<think>", "</think>"]      # shown in generated text, as Qwen3 shows them
BYTES = [f"<0x{b:02X}>" for b in range(256)]
CHARS = ["\n", SPACE] + [chr(c) for c in range(33, 127)]
TOKENS = CONTROL + USER_DEFINED + BYTES + CHARS
UNK, BOS, IM_START, IM_END = 0, 1, 2, 3
# llama.cpp token types: 1 normal, 2 unknown, 3 control, 4 user-defined, 6 byte
TYPES = [2, 3, 3, 3] + [4, 4] + [6] * 256 + [1] * len(CHARS)
INDEX = {t: i for i, t in enumerate(TOKENS)}
SPECIALS = CONTROL[1:] + USER_DEFINED


def encode(text):
    ids, i = [], 0
    while i < len(text):
        for s in SPECIALS:
            if text.startswith(s, i):
                ids.append(INDEX[s])
                i += len(s)
                break
        else:
            c = text[i]
            piece = SPACE if c == " " else c
            if piece in INDEX:
                ids.append(INDEX[piece])
            else:
                ids.extend(INDEX[f"<0x{b:02X}>"] for b in c.encode("utf-8"))
            i += 1
    return ids


def decode(ids):
    out = bytearray()
    for i in ids:
        t = TOKENS[i]
        if TYPES[i] == 6:
            out.append(int(t[3:5], 16))
        elif TYPES[i] in (1, 4):
            out += t.replace(SPACE, " ").encode("utf-8")
    return out.decode("utf-8", errors="replace")
