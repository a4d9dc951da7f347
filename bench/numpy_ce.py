#!/usr/bin/env python3
"""numpy float64 reference timing for bench/run: forward + backward of mean cross-entropy.

Same work as the engine benchmark: stable log-softmax, loss = mean(-log p_y), gradient (P - Y)/n.
Prints one JSON object {"numpy_ce_ms": {"1x10": median_ms, ...}, "numpy_version": ...}.
"""
import json
import sys
import time

import numpy as np

SHAPES = [(1, 10), (64, 10), (1024, 1000), (4096, 1000)]


def ce_forward_backward(z, y):
    n = z.shape[0]
    m = z.max(axis=1, keepdims=True)
    e = np.exp(z - m)
    s = e.sum(axis=1, keepdims=True)
    log_p_y = z[np.arange(n), y] - m[:, 0] - np.log(s[:, 0])
    loss = -log_p_y.mean()
    grad = e / s
    grad[np.arange(n), y] -= 1.0
    grad /= n
    return loss, grad


def main():
    quick = "--quick" in sys.argv
    rng = np.random.default_rng(1)
    out = {}
    for n, c in SHAPES:
        z = rng.standard_normal((n, c)) * 3.0
        y = rng.integers(0, c, n)
        budget = 0.5 if quick else 2.0
        for _ in range(5):
            ce_forward_backward(z, y)
        times = []
        start = time.perf_counter()
        while time.perf_counter() - start < budget or len(times) < 7:
            t = time.perf_counter()
            ce_forward_backward(z, y)
            times.append((time.perf_counter() - t) * 1e3)
        out[f"{n}x{c}"] = float(np.median(times))
    print(json.dumps({"numpy_ce_ms": out, "numpy_version": np.__version__}))


if __name__ == "__main__":
    main()
