#!/usr/bin/env python3
"""PyTorch 1.13 float64 reference for `attention` (issue 39): the formula written out and differentiated by autograd.

    s = scale * (q @ k.T); s = s.masked_fill(mask, -inf); w = torch.softmax(s / temperature, -1); out = w @ v

with loss (out * grad_output).sum() backward for grad_q, grad_k, grad_v. "causal" is torch.ones(L, S).triu(1) (key j
masked for query i when j > i, as is_causal aligns it, also for L != S). NaN and infinities are written as strings.

Needs PyTorch (Debian: apt-get install python3-torch, then /usr/bin/python3); the build reads attention_cases.json.
Run:  /usr/bin/python3 src/test/resources/reference/make_attention_cases.py
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


def clean(x):
    if isinstance(x, list):
        return [clean(v) for v in x]
    if isinstance(x, float) and math.isnan(x):
        return "NaN"
    if isinstance(x, float) and math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def case(name, q, k, v, scale=None, mask="none", temperature=1.0, grad=True, gen=None):
    q = torch.tensor(q, requires_grad=True)
    k = torch.tensor(k, requires_grad=True)
    v = torch.tensor(v, requires_grad=True)
    L, d = q.shape
    S = k.shape[0]
    a = 1 / math.sqrt(d) if scale is None else scale
    if mask == "causal":
        m = torch.ones(L, S, dtype=torch.bool).triu(1)
    elif mask == "none":
        m = torch.zeros(L, S, dtype=torch.bool)
    else:
        m = torch.tensor(mask)
    s = a * (q @ k.T)
    s = s.masked_fill(m, float("-inf"))
    w = torch.softmax(s / temperature, -1)
    out = w @ v
    logw = torch.where(w > 0, torch.log(w), torch.zeros_like(w))
    ent = -(w * logw).sum(-1)
    undefined = [i for i in range(L) if bool(m[i].all())]
    inp = {"q": q.tolist(), "k": k.tolist(), "v": v.tolist(), "scale": scale, "mask": mask,
           "temperature": temperature}
    exp = {"scores": clean(s.tolist()), "weights": clean(w.tolist()), "output": clean(out.tolist()),
           "entropy": clean(ent.tolist()), "undefined_rows": undefined}
    if grad:
        g = torch.randn(L, v.shape[1], generator=gen)
        (out * g).sum().backward()
        inp["grad_output"] = g.tolist()
        exp["grad_q"] = clean(q.grad.tolist())
        exp["grad_k"] = clean(k.grad.tolist())
        exp["grad_v"] = clean(v.grad.tolist())
    return {"name": name, "input": inp, "expected": exp}


def main():
    gen = torch.Generator().manual_seed(39)

    def rnd(*shape, spread=1.0):
        return (torch.randn(*shape, generator=gen) * spread).tolist()

    cases = []
    for L, S, d, dv in ((3, 3, 2, 2), (4, 6, 8, 3), (5, 2, 16, 4), (2, 7, 1, 1), (6, 6, 512, 2)):
        for mask in ("none", "causal"):
            for scale in (None, 1.0, 0.05, 10.0):
                if d == 512 and scale not in (None, 1.0):
                    continue  # keeps the file small; d = 512 is there for the 1/sqrt(d) scale and the unscaled
                cases.append(case(f"L={L} S={S} d={d} mask={mask} scale={scale}", rnd(L, d), rnd(S, d), rnd(S, dv),
                                  scale, mask, 1.0, True, gen))
        cases.append(case(f"L={L} S={S} d={d} temperature 0.3", rnd(L, d), rnd(S, d), rnd(S, dv), None, "none", 0.3,
                          True, gen))
        cases.append(case(f"L={L} S={S} d={d} temperature 4, no grad", rnd(L, d), rnd(S, d), rnd(S, dv), None,
                          "causal", 4.0, False, gen))
    # Boolean masks, one with a row of every key masked (NaN weights, a zero row of grad_q, NaN grad_v).
    cases.append(case("boolean mask", rnd(3, 4), rnd(4, 4), rnd(4, 2), None,
                      [[False, True, False, True], [True, False, False, False], [False, False, False, True]],
                      1.0, True, gen))
    cases.append(case("a row with every key masked", rnd(3, 4), rnd(4, 4), rnd(4, 2), None,
                      [[False, True, False, True], [True, True, True, True], [False, False, False, False]],
                      1.0, True, gen))
    cases.append(case("causal with more queries than keys: rows past S see every key", rnd(5, 3), rnd(3, 3),
                      rnd(3, 2), None, "causal", 1.0, True, gen))
    cases.append(case("extreme scale: saturated", rnd(4, 8, spread=3), rnd(5, 8, spread=3), rnd(5, 3), 100.0,
                      "none", 1.0, True, gen))
    cases.append(case("d = 1", rnd(4, 1), rnd(4, 1), rnd(4, 1), None, "causal", 1.0, True, gen))
    with open(os.path.join(HERE, "attention_cases.json"), "w") as f:
        json.dump({"made_by": "make_attention_cases.py (PyTorch " + torch.__version__ + ", float64)",
                   "cases": cases}, f)
        f.write("\n")
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
