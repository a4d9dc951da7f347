#!/usr/bin/env python3
"""Reference for `train` with "precision", "master_weights" and "loss_scale" (issue 38): full-batch SGD of
Linear(d, K) under cross-entropy, one rounded operation at a time, with master weights and a static loss scale.

float16 and float32 values are numpy scalars: numpy computes each + - x / of two float16 values in float32 and
rounds once, which is correctly rounded (24 >= 2 * 11 + 2); float32's are done in double (exact for a product, and
for the sums here) and rounded by np.float32. exp and log are Python's double functions, rounded to the format.
float64 is Python floats. Per step (the engine's javadoc, RoundedTraining, says the same):

    W, b = the master weights rounded to the format; x is rounded once
    z_ik = (((0 + W_k0 x_i0) + W_k1 x_i1) + ...) + b_k
    stable softmax: d = z - max z; e = exp(d); s = sum e (left to right from 0); p = e / s; loss_i = -log(p_y)
    loss = (sum of loss_i, left to right) / n
    g_ik = ((p_ik - y_ik) * S) / n
    grad_underflow: how many of g's divisions and of the products g_ik x_ij were not 0 exactly but rounded to 0
    grad W_kj = sum_i g_ik x_ij, grad b_k = sum_i g_ik (left to right from 0)
    in the master format: u = grad / S; W = W - lr * u

Every value above is rounded to its format after each operation. Needs numpy only; the build reads
train_precision_cases.json. Run:  python3 src/test/resources/reference/make_train_precision_cases.py
"""
import json
import math
import os
import random

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def rounder(name):
    if name == "float64":
        return float
    kind = np.float16 if name == "float16" else np.float32

    def r(x):
        with np.errstate(all="ignore"):
            return float(kind(x))
    return r


def exp(x):
    return math.inf if x > 709.78 else math.exp(x)


def log(x):
    return -math.inf if x == 0 else math.log(x)


def train(case):
    f = rounder(case["precision"])
    m = rounder(case.get("master_weights", "same") if case.get("master_weights", "same") != "same"
                else case["precision"])
    S = case.get("loss_scale", 1.0)
    lr = case["optimizer"]["lr"]
    xs = [[f(v) for v in row] for row in case["x"]]
    ys = case["targets"]
    W = [[m(v) for v in row] for row in case["init"]["weight"]]
    has_bias = case.get("bias", True)
    b = [m(v) for v in case["init"]["bias"]] if has_bias else [0.0] * len(W)
    n, k, d = len(xs), len(W), len(W[0])
    steps = []
    for step in range(case["steps"]):
        wf = [[f(v) for v in row] for row in W]
        bf = [f(v) for v in b]
        z = []
        for i in range(n):
            zi = []
            for c in range(k):
                s = 0.0
                for j in range(d):
                    s = f(s + f(wf[c][j] * xs[i][j]))
                zi.append(f(s + bf[c]) if has_bias else s)
            z.append(zi)
        probs, total = [], 0.0
        for i in range(n):
            mx = math.nan if any(math.isnan(v) for v in z[i]) else max(z[i])
            e = [f(exp(f(v - mx))) for v in z[i]]
            s = 0.0
            for v in e:
                s = f(s + v)
            p = [f(v / s) for v in e]
            probs.append(p)
            total = f(total + f(-f(log(p[ys[i]]))))
        loss = f(total / f(n))
        flushed = [0]

        def flush(exact):
            rounded = f(exact)
            flushed[0] += 1 if rounded == 0 and exact != 0 else 0
            return rounded
        g = [[flush(f(f(probs[i][c] - (1.0 if c == ys[i] else 0.0)) * f(S)) / f(n)) for c in range(k)]
             for i in range(n)]
        gw = [[0.0] * d for _ in range(k)]
        gb = [0.0] * k
        for c in range(k):
            for j in range(d):
                s = 0.0
                for i in range(n):
                    s = f(s + flush(g[i][c] * xs[i][j]))
                gw[c][j] = s
            s = 0.0
            for i in range(n):
                s = f(s + g[i][c])
            gb[c] = s
        uw = [[m(m(gw[c][j]) / m(S)) for j in range(d)] for c in range(k)]
        ub = [m(m(gb[c]) / m(S)) for c in range(k)]
        step_out = {"loss": loss, "weight": [row[:] for row in W], "bias": b[:] if has_bias else None,
                    "grad_weight": uw, "grad_underflow": flushed[0]}
        if has_bias:
            step_out["grad_bias"] = ub
        steps.append(step_out)
        W = [[m(W[c][j] - m(m(lr) * uw[c][j])) for j in range(d)] for c in range(k)]
        b = [m(b[c] - m(m(lr) * ub[c])) for c in range(k)]
    return steps


def num(v):
    """A number as the CLI writes it: NaN and the infinities as strings."""
    if isinstance(v, list):
        return [num(x) for x in v]
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def blobs(rng, n, k, d, spread, scale):
    x, y = [], []
    for i in range(n):
        c = i % k
        x.append([scale * (c - (k - 1) / 2 + rng.gauss(0, spread)) if j == 0 else scale * rng.gauss(0, 1)
                  for j in range(d)])
        y.append(c)
    return x, y


def main():
    rng = random.Random(38)
    cases = []
    for precision, master, scale, lr, xscale, n, bias in [
            ("float16", "same", 1.0, 0.5, 1.0, 12, True), ("float16", "float32", 1.0, 0.5, 1.0, 40, True),
            ("float32", "same", 1.0, 0.1, 1.0, 12, True), ("float16", "same", 8.0, 2.0, 0.01, 6, True),
            ("float32", "float32", 256.0, 0.3, 1.0, 40, True), ("float16", "float32", 65536.0, 0.5, 1.0, 12, True),
            # Small inputs over a large batch: float16 flushes most products g x; a loss scale brings them back.
            ("float16", "float32", 1.0, 0.5 / 3e-4 ** 2, 3e-4, 1000, False),
            ("float16", "float32", 1024.0, 0.5 / 3e-4 ** 2, 3e-4, 1000, False)]:
        k, d = (3, 2) if n == 1000 else rng.choice([(2, 2), (3, 2), (3, 3), (4, 5)])
        data_rng = random.Random(1000) if n == 1000 else rng
        x, y = blobs(data_rng, n, k, d, 0.3, xscale)
        w = [[data_rng.uniform(-1, 1) / xscale for _ in range(d)] for _ in range(k)]
        bias_init = [data_rng.uniform(-0.5, 0.5) for _ in range(k)]
        case = {"x": x, "targets": y, "bias": bias, "init": {"weight": w, "bias": bias_init if bias else None},
                "optimizer": {"name": "sgd", "lr": lr}, "steps": 8, "precision": precision,
                "master_weights": master, "loss_scale": scale}
        if not bias:
            del case["init"]["bias"]
        case["expected"] = [{key: num(value) if value is not None else None for key, value in step.items()}
                            for step in train(case)]
        case["name"] = "%s, master %s, loss scale %g, x times %g, K %d, d %d, n %d" % (precision, master, scale,
                                                                                  xscale, k, d, n)
        cases.append(case)
    with open(os.path.join(HERE, "train_precision_cases.json"), "w") as out:
        json.dump({"cases": cases}, out)
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
