#!/usr/bin/env python3
"""numpy float64 reference for `calibrate` (issue 37), written from the definitions in the issue, not from the app.

Bins: uniform bin m holds confidences in ((m-1)/M, m/M] with the edges the doubles m/M (numpy's m / M), the first
also 0; adaptive bins split the confidences sorted ascending with a stable sort (np.argsort kind="stable") into M
runs, the first n mod M one larger. The fitted temperature comes from a golden-section search on log T (an
independent 1-D minimiser: no derivatives), to 1e-13 in log T, then refined by bisection on the
derivative of the NLL computed with numpy (function values alone pin a minimum to about 1e-8). Cases include confidences exactly on bin edges
(two equal logits give 0.5; four equal give 0.25), ties, C = 2 and C = 1000, n = 1, and rows whose targets are all
their arg-max (no minimum: fitted_temperature null).

Run:  python3 src/test/resources/reference/make_calibration_cases.py
"""
import json
import math
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def softmax(z, t):
    s = z / t
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def log_softmax(z, t):
    s = z / t
    m = s.max(axis=1, keepdims=True)
    return s - m - np.log(np.exp(s - m).sum(axis=1, keepdims=True))


def uniform_bin(p, m):
    for b in range(1, m + 1):
        if p <= b / m:
            return b
    return m


def bins_uniform(value, hit, m):
    out = []
    idx = np.array([uniform_bin(v, m) for v in value])
    for b in range(1, m + 1):
        sel = idx == b
        cnt = int(sel.sum())
        out.append({"lo": (b - 1) / m, "hi": b / m, "count": cnt,
                    "confidence": float(value[sel].mean()) if cnt else None,
                    "accuracy": float(hit[sel].mean()) if cnt else None})
    return out


def bins_adaptive(value, hit, m):
    n = len(value)
    order = np.argsort(value, kind="stable")
    out = []
    start = 0
    for b in range(m):
        size = n // m + (1 if b < n % m else 0)
        sel = order[start:start + size]
        out.append({"lo": float(value[sel[0]]), "hi": float(value[sel[-1]]), "count": size,
                    "confidence": float(value[sel].mean()), "accuracy": float(hit[sel].mean())})
        start += size
    return out


def ece_of(bins, n):
    return sum(b["count"] / n * abs(b["accuracy"] - b["confidence"]) for b in bins if b["count"])


def report(z, y, t, m, binning):
    n, c = z.shape
    p = softmax(z, t)
    pred = p.argmax(axis=1)
    conf = p[np.arange(n), pred]
    hit = (pred == y).astype(float)
    onehot = np.eye(c)[y]
    bins = bins_uniform(conf, hit, m) if binning == "uniform" else bins_adaptive(conf, hit, m)
    classwise = np.mean([ece_of(bins_uniform(p[:, k], (y == k).astype(float), m), n) for k in range(c)])
    return {"temperature": t, "accuracy": float(hit.mean()), "nll": float(-log_softmax(z, t)[np.arange(n), y].mean()),
            "brier": float(((p - onehot) ** 2).sum(axis=1).mean()), "ece": ece_of(bins, n),
            "mce": max([abs(b["accuracy"] - b["confidence"]) for b in bins if b["count"]]), "bins": bins,
            "classwise_ece": float(classwise)}


def nll(z, y, t):
    return float(-log_softmax(z, t)[np.arange(len(y)), y].mean())


def fit(z, y):
    if all(z[i, y[i]] == z[i].max() for i in range(len(y))):
        return None
    lo, hi = math.log(1e-4), math.log(1e4)
    g = (math.sqrt(5) - 1) / 2
    a, b = hi - g * (hi - lo), lo + g * (hi - lo)
    fa, fb = nll(z, y, math.exp(a)), nll(z, y, math.exp(b))
    while hi - lo > 1e-13:
        if fa < fb:
            hi, b, fb = b, a, fa
            a = hi - g * (hi - lo)
            fa = nll(z, y, math.exp(a))
        else:
            lo, a, fa = a, b, fb
            b = lo + g * (hi - lo)
            fb = nll(z, y, math.exp(b))
    t = math.exp((lo + hi) / 2)
    # At the search's bounds the NLL still falls: no minimum at a finite T > 0.
    if not 1.001e-4 < t < 0.999e4:
        return None
    # Function values pin a minimum to about sqrt(eps) only: refine by bisection on the analytic derivative,
    # mean(E_p[z] - z_y) in b = 1/T, inside a bracket the golden section found.
    def slope(b):
        p = softmax(z, 1 / b)
        return float(((p * z).sum(axis=1) - z[np.arange(len(y)), y]).mean())
    lo_b, hi_b = 1 / t * (1 - 1e-5), 1 / t * (1 + 1e-5)
    while slope(lo_b) > 0:
        lo_b /= 1.01
    while slope(hi_b) < 0:
        hi_b *= 1.01
    for _ in range(200):
        mid = (lo_b + hi_b) / 2
        if mid in (lo_b, hi_b):
            break
        if slope(mid) < 0:
            lo_b = mid
        else:
            hi_b = mid
    return 1 / ((lo_b + hi_b) / 2)


def case(name, z, y, bins=15, binning="uniform", temperature=1.0, fit_t=True):
    z = np.asarray(z, dtype=float)
    y = np.asarray(y, dtype=int)
    inp = {"logits": z.tolist(), "targets": y.tolist(), "bins": bins, "binning": binning,
           "temperature": temperature, "fit": fit_t}
    exp = report(z, y, temperature, bins, binning)
    if fit_t:
        t = fit(z, y)
        exp["fitted_temperature"] = t
        if t is not None:
            exp["after"] = report(z, y, t, bins, binning)
    return {"name": name, "input": inp, "expected": exp}


def main():
    rng = np.random.default_rng(37)
    cases = []

    def model(n, c, scale, noise, seed_shift=0):
        y = rng.integers(0, c, size=n)
        z = rng.normal(0, noise, size=(n, c))
        z[np.arange(n), y] += scale
        return np.round(z, 6), y

    for n, c in ((50, 3), (200, 10), (37, 2), (500, 5)):
        for scale, noise in ((4.0, 1.0), (1.0, 1.0), (0.5, 0.3)):
            z, y = model(n, c, scale, noise)
            for binning, bins in (("uniform", 15), ("uniform", 10), ("adaptive", 7)):
                cases.append(case(f"n={n} C={c} scale={scale} {binning} M={bins}", z, y, bins, binning))
    z, y = model(300, 4, 3.0, 1.0)
    cases.append(case("temperature 2 given", z, y, 15, "uniform", 2.0))
    cases.append(case("temperature 0.5 given, adaptive", z, y, 8, "adaptive", 0.5))
    cases.append(case("no fit", z, y, 15, "uniform", 1.0, False))
    z, y = model(40, 1000, 6.0, 2.0)
    cases.append(case("C = 1000", z, y, 15, "uniform"))
    cases.append(case("n = 1, target below its row's mean: no minimum", [[0.3, 2.0, -1.0]], [0], 15, "uniform"))
    cases.append(case("n = 1, wrong", [[1.0, 2.0, -1.0]], [0], 15, "uniform"))
    cases.append(case("n = 1, adaptive M = 1", [[0.3, 2.0, -1.0]], [0], 1, "adaptive"))
    # Confidences on edges: two equal logits give exactly 0.5 (bin ending at 0.5 with M = 10, 2, 4);
    # four equal give 0.25.
    edge_z = [[1.0, 1.0], [0.0, 0.0], [2.0, 2.0, -50.0], [0.0, 0.0, 0.0, 0.0], [3.0, 0.0], [0.0, 0.0]]
    edge_z = [row + [-60.0] * (4 - len(row)) for row in edge_z]
    edge_y = [0, 1, 1, 2, 0, 0]
    for m in (10, 2, 4):
        cases.append(case(f"confidences on bin edges M={m}", edge_z, edge_y, m, "uniform"))
    cases.append(case("ties in adaptive order", edge_z, edge_y, 3, "adaptive"))
    cases.append(case("every target its strict arg-max: no minimum", [[3.0, 1.0], [0.0, 2.0], [5.0, 4.9]],
                      [0, 1, 0], 15, "uniform"))
    with open(os.path.join(HERE, "calibration_cases.json"), "w") as f:
        json.dump({"made_by": "make_calibration_cases.py (numpy " + np.__version__ + ", float64)", "cases": cases}, f)
        f.write("\n")
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
