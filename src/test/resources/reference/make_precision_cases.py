#!/usr/bin/env python3
"""Reference for `eval` with "precision", "accumulate" and "algorithm" (issue 38): softmax, log-softmax,
cross-entropy and its gradient computed one operation at a time in a format.

float16 and float32 are numpy scalars (numpy computes each float16 operation in float32 and rounds once: exact for
+ - x / since 24 >= 2 * 11 + 2, within an ulp for exp and log; float32's exp and log are Python's, rounded); bfloat16 is PyTorch 1.13 0-d tensors, op by op
(computed in float32, rounded to bfloat16); float64 is Python floats. Sums run left to right from 0; with
accumulate "float32" the sum and e / s are float32 and each probability is then rounded to the format.

    stable:      d = z - max(z); e = exp(d); s = sum(e); p = e / s; log p = log(p); loss = -log(p_y)
    naive:       e = exp(z); then as stable
    log_softmax: d, s as stable; log p = d - log(s); p = exp(log p); loss = -(log p_y)
    gradient:    g = p - onehot(y); for "mean" g / count (rows not ignored)
    loss:        per-row losses summed left to right in the accumulation format, rounded to the format, / count
    flags:       overflow = the rounded logit, d or e infinite; underflow = e or p rounded to 0

Needs numpy and PyTorch (Debian: apt-get install python3-torch, then /usr/bin/python3); the build reads
precision_cases.json. Run:  /usr/bin/python3 src/test/resources/reference/make_precision_cases.py
"""
import json
import math
import os
import random

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


class Fmt:
    """One format's rounding and its operations on its own values."""

    def __init__(self, name, torch_backend=False):
        self.name = name
        self.torch = torch_backend or name == "bfloat16"

    def r(self, x):
        if self.name == "float64":
            return float(x)
        if self.torch:
            dtype = torch.bfloat16 if self.name == "bfloat16" else torch.float32
            if isinstance(x, torch.Tensor):
                return x.to(dtype)
            return torch.tensor(float(x), dtype=torch.float32).to(dtype)
        with np.errstate(all="ignore"):
            return np.float32(x) if self.name == "float32" else np.float16(x)

    def exp(self, x):
        """float16 (numpy) and bfloat16 (torch) compute exp in float32, far finer than their own ulp; float32 and
        float64 take Python's double exp, rounded after (numpy's float32 exp is off by up to a few ulps)."""
        if self.torch and self.name == "bfloat16":
            return torch.exp(x)
        if self.name == "float16":
            with np.errstate(all="ignore"):
                return np.exp(x)
        v = float(x)
        return math.nan if math.isnan(v) else math.inf if v > 709.78 else math.exp(v)

    def log(self, x):
        if self.torch and self.name == "bfloat16":
            return torch.log(x)
        if self.name == "float16":
            with np.errstate(all="ignore"):
                return np.log(x)
        v = float(x)
        return math.nan if math.isnan(v) or v < 0 else -math.inf if v == 0 else math.inf if math.isinf(v) \
            else math.log(v)

    def zero(self):
        return self.r(0.0)


def num(x):
    v = float(x)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def ulp(fmt, x):
    digits, emin, emax = {"float64": (53, -1022, 1023), "float32": (24, -126, 127), "bfloat16": (8, -126, 127),
                          "float16": (11, -14, 15)}[fmt]
    e = emin if x == 0 or not math.isfinite(x) else math.frexp(x)[1] - 1
    e = max(emin, min(emax, e))
    return 2.0 ** (e - (digits - 1))


def exact_softmax(z):
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


def op(fmt, f):
    """f() with numpy's overflow and invalid-value warnings off (they are what is being shown)."""
    with np.errstate(all="ignore"):
        return f()


def row(z64, F, A, algorithm):
    z = [F.r(v) for v in z64]
    over = [math.isinf(float(v)) for v in z]
    m = z[0]
    for v in z[1:]:
        m = v if float(v) > float(m) else m
    d, e = [], []
    s = A.zero()
    for k, v in enumerate(z):
        dk = v if algorithm == "naive" else op(F, lambda: F.r(v - m))
        ek = F.r(F.exp(dk))
        over[k] = over[k] or (math.isinf(float(dk)) and float(dk) > 0) or float(ek) == math.inf
        d.append(dk)
        e.append(ek)
        s = op(A, lambda: A.r(A.r(s) + A.r(ek)))
    under = [float(v) == 0 for v in e]
    if algorithm == "log_softmax":
        ls = F.r(F.log(F.r(s)))
        logp = [op(F, lambda: F.r(dk - ls)) for dk in d]
        p = [F.r(F.exp(v)) for v in logp]
    else:
        p = [F.r(op(A, lambda: A.r(A.r(ek) / s))) for ek in e]
        logp = [F.r(F.log(v)) for v in p]
    under = [u or float(v) == 0 for u, v in zip(under, p)]
    return z, p, logp, over, under


def evaluate(logits, targets, precision, accumulate, algorithm, reduction, ignore_index=-100):
    F = Fmt(precision)
    A = Fmt("float32", precision == "bfloat16") if accumulate == "float32" else F
    probs, logps, losses, overs, unders, ulps = [], [], [], [], [], []
    counted = 0
    for z64, y in zip(logits, targets):
        z, p, logp, over, under = row(z64, F, A, algorithm)
        exact = exact_softmax(z64)
        probs.append(p)
        logps.append(logp)
        overs.append(over)
        unders.append(under)
        ulps.append([math.nan if math.isnan(float(a)) else 0.0 if float(a) == b else abs(float(a) - b) / ulp(precision, b)
                     for a, b in zip(p, exact)])
        if y == ignore_index:
            losses.append(F.zero())
        else:
            counted += 1
            losses.append(-(logp[y] if algorithm == "log_softmax" else F.r(F.log(p[y]))))
    if reduction == "none":
        loss = None
    else:
        s = A.zero()
        for l, y in zip(losses, targets):
            if y != ignore_index:
                s = op(A, lambda: A.r(A.r(s) + A.r(l)))
        s = F.r(s)
        loss = s if reduction == "sum" else F.r(float(s) / counted if counted else math.nan)
    grads = []
    for p, y in zip(probs, targets):
        g = []
        for c, pc in enumerate(p):
            if y == ignore_index:
                g.append(0.0)
                continue
            gc = op(F, lambda: F.r(pc - F.r(1.0 if c == y else 0.0)))
            if reduction == "mean":
                gc = F.r(float(gc) / counted)
            g.append(gc)
        grads.append(g)
    out = {"probs": [[num(v) for v in r] for r in probs], "log_probs": [[num(v) for v in r] for r in logps],
           "per_sample_loss": [num(v) for v in losses], "grad_logits": [[num(v) for v in r] for r in grads],
           "ulp_error": [[num(v) for v in r] for r in ulps], "overflow": overs, "underflow": unders}
    out["loss"] = [num(v) for v in losses] if loss is None else num(loss)
    return out


def main():
    rnd = random.Random(38)
    cases = []

    def add(name, logits, targets, precision, accumulate="same", algorithm="stable", reduction="mean",
            ignore_index=-100):
        inp = {"logits": logits, "targets": targets, "precision": precision, "accumulate": accumulate,
               "algorithm": algorithm, "reduction": reduction}
        if ignore_index != -100:
            inp["ignore_index"] = ignore_index
        cases.append({"name": name, "input": inp,
                      "expected": evaluate(logits, targets, precision, accumulate, algorithm, reduction,
                                           ignore_index)})

    formats = ["float64", "float32", "bfloat16", "float16"]
    algorithms = ["stable", "naive", "log_softmax"]
    for precision in formats:
        for algorithm in algorithms:
            for accumulate in ["same", "float32"]:
                for scale in [1, 4, 12]:
                    n = rnd.choice([1, 2, 4])
                    c = rnd.choice([2, 3, 5, 10, 32])
                    # float32 values: their conversion to bfloat16 rounds once, whichever way a reference converts.
                    z = [[float(np.float32(rnd.gauss(0, scale))) for _ in range(c)] for _ in range(n)]
                    y = [rnd.randrange(c) for _ in range(n)]
                    add("random %s %s %s scale %d" % (precision, algorithm, accumulate, scale), z, y, precision,
                        accumulate, algorithm, rnd.choice(["mean", "sum", "none"]))
    # float16's exp overflows at log(65520) = 11.09035...: naive softmax turns to NaN there, stable does not.
    for x in [11.0, 11.0859375, 11.09, 11.0898, 11.09375, 11.1, 12.0]:
        for algorithm in algorithms:
            add("float16 overflow edge %s %s" % (x, algorithm), [[x, 11.0, 0.0]], [0], "float16", "same", algorithm)
            add("float16 overflow edge %s %s float32 sum" % (x, algorithm), [[x, 0.0]], [1], "float16", "float32",
                algorithm)
    add("the float16 overflow preset, naive", [[12.0, 11.0, 0.0]], [0], "float16", "same", "naive")
    add("the float16 overflow preset, stable", [[12.0, 11.0, 0.0]], [0], "float16", "same", "stable")
    add("float32 exp overflow, naive", [[88.8, 0.0], [88.7, 1.0]], [0, 1], "float32", "same", "naive")
    add("bfloat16 never overflows at 12, naive", [[12.0, 11.0, 0.0]], [0], "bfloat16", "same", "naive")
    add("float64 naive overflows past 709.78", [[710.0, 0.0], [709.0, 0.0]], [0, 0], "float64", "same", "naive")
    add("float16 logits past 65504 are infinite", [[70000.0, 0.0], [65504.0, 65519.0]], [1, 0], "float16")
    # Subnormal results: float16's normals end at 6.1e-5, its subnormals at 6e-8 (below half of that: 0).
    for gap in [9.0, 10.0, 12.0, 14.0, 16.0, 16.6, 17.0, 20.0]:
        for algorithm in algorithms:
            add("float16 subnormal probability at -%s %s" % (gap, algorithm), [[0.0, -gap]], [1], "float16", "same",
                algorithm, "sum")
    for gap in [80.0, 90.0, 100.0, 104.0, 110.0]:
        add("float32 subnormal at -%s" % gap, [[0.0, -gap]], [1], "float32", "same", "stable", "sum")
        add("bfloat16 subnormal at -%s" % gap, [[0.0, -gap]], [1], "bfloat16", "same", "log_softmax", "sum")
    # Ties: halfway between two float16 (bfloat16) values, to the even one.
    h16 = 2.0 ** -11
    add("float16 ties to even", [[1 + h16, 1 + 3 * h16, 2 + 2 * 3 * h16, 0.0]], [0], "float16")
    h8 = 2.0 ** -8
    add("bfloat16 ties to even", [[1 + h8, 1 + 3 * h8, 0.0]], [2], "bfloat16")
    add("float32 ties to even", [[1 + 2.0 ** -24, 1 + 3 * 2.0 ** -24, 0.0]], [1], "float32")
    # ignore_index and reductions.
    for precision in formats:
        add("%s ignore_index" % precision, [[1.0, 2.0, 3.0], [3.0, 1.0, 0.5], [0.0, 0.0, 0.0]], [2, -100, 1],
            precision)
        add("%s ignore_index 1 sum" % precision, [[1.0, 2.0, 3.0], [3.0, 1.0, 0.5]], [1, 0], precision, "float32",
            "stable", "sum", 1)
        add("%s every row ignored" % precision, [[1.0, 2.0]], [-100], precision)
    # Many classes: the sum's rounding grows with C.
    for precision in ["float16", "bfloat16"]:
        for accumulate in ["same", "float32"]:
            z = [[float(np.float32(rnd.gauss(0, 2))) for _ in range(500)]]
            add("%s 500 classes %s sum" % (precision, accumulate), z, [7], precision, accumulate)
    with open(os.path.join(HERE, "precision_cases.json"), "w") as f:
        json.dump({"generator": "make_precision_cases.py", "torch": torch.__version__, "numpy": np.__version__,
                   "cases": cases}, f, separators=(",", ":"))
    print(len(cases), "cases")


main()
