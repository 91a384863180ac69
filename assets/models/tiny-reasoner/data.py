"""Arithmetic word problems with step-by-step thinking traces, for the tiny reasoner.

Every trace works the problem column by column inside <think>...</think> and ends with \\boxed{answer}.
Some traces slip on a column and catch it at once ("Wait, let me check ..."); a few leave a slip
uncaught and only find it when they re-check the columns after a "Wait" -- so thinking longer helps,
and budget forcing (capping the thinking, or extending it with "Wait") changes accuracy for real.
"""
import random

IM_START, IM_END, THINK, END_THINK = "<|im_start|>", "<|im_end|>", "<think>", "</think>"
ANSWER_PROMPT = "Final Answer:"
NAMES = ["Ann", "Ben", "Mia", "Leo", "Zoe", "Sam", "Ivy", "Max", "Eva", "Tom"]
THINGS = ["apples", "coins", "cards", "stamps", "beads", "shells", "books", "marbles"]


def prompt(question):
    """The chat-formatted prompt, as Ponder's ChatML template renders it."""
    return f"{IM_START}user\n{question}{IM_END}\n{IM_START}assistant\n"


def digits(n):
    return [int(c) for c in str(n)][::-1]


class Trace:
    """Lines of thinking; each column step may slip (a wrong digit), caught now or later."""

    def __init__(self, rng, slip_rate):
        self.rng, self.slip_rate, self.lines, self.slips = rng, slip_rate, [], []

    def step(self, shown, right, wrong=None):
        """shown: the left side ("7+9"); right: its value; wrong: a plausible wrong value."""
        if wrong is not None and self.rng.random() < self.slip_rate:
            self.lines.append(f"{shown}={wrong}")
            if self.rng.random() < 0.6:
                self.lines.append(f"Wait, let me check: {shown}={right}, not {wrong}.")
                return right, False
            self.slips.append((shown, right, wrong))
            return wrong, True
        self.lines.append(f"{shown}={right}")
        return right, False


def near(rng, v):
    w = v + rng.choice([-1, 1])
    return w if w >= 0 else v + 1


def add_columns(t, a, b):
    """Column addition; returns the (possibly slipped) sum and the column checks."""
    da, db = digits(a), digits(b)
    carry, out, checks = 0, [], []
    for i in range(max(len(da), len(db))):
        x, y = da[i] if i < len(da) else 0, db[i] if i < len(db) else 0
        shown = f"{x}+{y}" + (f"+{carry}" if carry else "")
        s, _ = t.step(shown, x + y + carry, near(t.rng, x + y + carry))
        checks.append((shown, x + y + carry))
        out.append(s % 10)
        carry = s // 10
    if carry:
        out.append(carry)
    return int("".join(str(d) for d in out[::-1])), checks


def sub_columns(t, a, b):
    da, db = digits(a), digits(b)
    borrow, out, checks = 0, [], []
    for i in range(len(da)):
        x, y = da[i] - borrow, db[i] if i < len(db) else 0
        if x < y:
            shown, right, borrow = f"{x + 10}-{y}", x + 10 - y, 1
        else:
            shown, right, borrow = f"{x}-{y}", x - y, 0
        d, _ = t.step(shown, right, near(t.rng, right) % 10)
        checks.append((shown, right))
        out.append(d)
    return int("".join(str(d) for d in out[::-1])), checks


def mul_columns(t, a, m):
    """a times a one-digit m."""
    carry, out, checks = 0, [], []
    da = digits(a)
    for i, x in enumerate(da):
        shown = f"{m}*{x}" + (f"+{carry}" if carry else "")
        p, _ = t.step(shown, m * x + carry, near(t.rng, m * x + carry))
        checks.append((shown, m * x + carry))
        if i == len(da) - 1:
            out.extend(digits(p) if p else [0])
        else:
            out.append(p % 10)
            carry = p // 10
    return int("".join(str(d) for d in out[::-1])), checks


def problem(rng, level):
    """(question, gold answer, list of sub-computations (op, a, b))."""
    if level == 1:
        a, b = rng.randint(10, 99), rng.randint(10, 99)
        return f"What is {a} + {b}?", a + b, [("+", a, b)]
    if level == 2:
        a, b = rng.randint(100, 9999), rng.randint(100, 9999)
        if rng.random() < 0.5:
            return f"What is {a} + {b}?", a + b, [("+", a, b)]
        a, b = max(a, b), min(a, b)
        return f"What is {a} - {b}?", a - b, [("-", a, b)]
    if level == 3:
        a, m = rng.randint(12, 999), rng.randint(2, 9)
        return f"What is {a} * {m}?", a * m, [("*", a, m)]
    name, thing = rng.choice(NAMES), rng.choice(THINGS)
    have, bags, per = rng.randint(10, 99), rng.randint(2, 9), rng.randint(11, 99)
    q = f"{name} has {have} {thing} and buys {bags} bags of {per} {thing}. How many {thing} does {name} have now?"
    return q, have + bags * per, [("*", per, bags), ("+", have, None)]


def solve(rng, question, gold, plan, slip_rate=0.12, recheck_rate=0.8):
    """The thinking trace and the final answer it reaches."""
    t = Trace(rng, slip_rate)
    value, all_checks, summary = None, [], []
    for op, a, b in plan:
        if b is None:          # the next operand is the previous result
            a, b = a, value
        t.lines.append(f"{a}{op}{b}:")
        if op == "+":
            value, checks = add_columns(t, a, b)
        elif op == "-":
            value, checks = sub_columns(t, a, b)
        else:
            value, checks = mul_columns(t, a, b)
        all_checks += checks
        t.lines.append(f"so {a}{op}{b}={value}")
    answer = value
    if (t.slips and rng.random() < recheck_rate) or rng.random() < 0.08:
        t.lines.append("Wait, let me check the columns again.")
        for shown, right in all_checks:
            t.lines.append(f"{shown}={right}")
        # Redo the whole computation cleanly: the model learns that a re-check ends right.
        clean = Trace(rng, 0.0)
        value = None
        for op, a, b in plan:
            if b is None:
                a, b = a, value
            value = {"+": add_columns, "-": sub_columns, "*": mul_columns}[op](clean, a, b)[0]
        t.lines.append(f"so the answer is {value}")
        answer = value
    return "\n".join(t.lines), answer


def example(rng, level):
    question, gold, plan = problem(rng, level)
    thinking, answer = solve(rng, question, gold, plan)
    return {"level": level, "question": question, "gold": gold, "thinking": thinking, "answer": answer}


def completion(ex, rng, truncate_rate=0.15):
    """The assistant turn the model learns; some have their thinking cut, as budget forcing does."""
    thinking = ex["thinking"]
    if rng.random() < truncate_rate:
        cut = rng.randint(0, len(thinking))
        return f"{THINK}\n{thinking[:cut]}\n{END_THINK}\n{ANSWER_PROMPT} \\boxed{{{ex['answer'] if cut > len(thinking) * 0.9 else guess(rng, ex['gold'])}}}{IM_END}"
    return f"{THINK}\n{thinking}\n{END_THINK}\n\\boxed{{{ex['answer']}}}{IM_END}"


def guess(rng, gold):
    """An answer without the work: right in magnitude, usually wrong in the low digits."""
    return max(0, gold + rng.randint(-10, 10))


def dataset(seed, n, levels=(1, 2, 3, 4)):
    rng = random.Random(seed)
    return [example(rng, rng.choice(levels)) for _ in range(n)]


def problem_set(n, seed=500):
    """Held-out problems as JSON lines for `ponder replay --problems-file`: 50 of each level in turn."""
    import json
    rng = random.Random(seed)
    for i in range(n):
        level = i % 4 + 1
        question, gold, _ = problem(rng, level)
        yield json.dumps({"key": f"tiny-arith/{i + 1:03d}", "dataset": "tiny-arith", "level": level,
                          "question": question, "gold": str(gold)})


if __name__ == "__main__":
    import sys
    if sys.argv[1:2] == ["--problems"]:
        for line in problem_set(int(sys.argv[2])):
            print(line)
        sys.exit()
    rng = random.Random(1)
    for level in (1, 2, 3, 4):
        ex = example(rng, level)
        print(prompt(ex["question"]) + completion(ex, rng, 0))
        print("----")
