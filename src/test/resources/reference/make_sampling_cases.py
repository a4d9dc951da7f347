#!/usr/bin/env python3
"""PyTorch 1.13 float64 reference for `sample` (issue 36): Hugging Face transformers' logits processors, written out
from generation/logits_process.py (RepetitionPenaltyLogitsProcessor, TemperatureLogitsWarper, TopKLogitsWarper,
TopPLogitsWarper, MinPLogitsWarper, TypicalLogitsWarper, EpsilonLogitsWarper) with torch ops.

Ties: HF's sort/topk leave the order of equal values open; where it matters (the tokens min_tokens_to_keep rescues,
the order of a cumulative sum) the lower index goes first, so every sort here is stable: top-p sorts descending
(stable) and flips, so that among equal scores the lower index sits later in the ascending order it cuts.

Needs PyTorch (Debian: apt-get install python3-torch, then /usr/bin/python3); the build reads the committed
sampling_cases.json. Run:  /usr/bin/python3 src/test/resources/reference/make_sampling_cases.py
"""
import json
import math
import os
import random

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
NEG = -float("inf")
HF = ["repetition_penalty", "temperature", "top_k", "top_p", "min_p", "typical_p", "epsilon"]
LLAMA = ["repetition_penalty", "top_k", "typical_p", "top_p", "min_p", "temperature"]


def stable_sort(x, descending):
    # torch 1.13: torch.sort(stable=True) keeps equal values in index order.
    return torch.sort(x, descending=descending, stable=True)


def repetition_penalty(scores, penalty, previous):
    if penalty == 1.0 or not previous:
        return scores
    ids = torch.tensor([previous])
    score = torch.gather(scores, 1, ids)
    score = torch.where(score < 0, score * penalty, score / penalty)
    return scores.scatter(1, ids, score)


def temperature(scores, t):
    if t == 1.0:
        return scores
    if t == 0.0:
        best = int(torch.argmax(scores[0]))  # first maximum
        out = torch.full_like(scores, NEG)
        out[0, best] = scores[0, best]
        return out
    return scores / t


def top_k(scores, k, keep):
    if k == 0:
        return scores
    k = min(max(k, keep), scores.size(-1))
    remove = scores < torch.topk(scores, k)[0][..., -1, None]
    return scores.masked_fill(remove, NEG)


def top_p(scores, p, keep):
    if p == 1.0:
        return scores
    desc_vals, desc_idx = stable_sort(scores, True)
    sorted_logits, sorted_indices = desc_vals.flip(-1), desc_idx.flip(-1)
    cumulative = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    sorted_remove = cumulative <= (1 - p)
    sorted_remove[..., -keep:] = 0
    remove = sorted_remove.scatter(1, sorted_indices, sorted_remove)
    return scores.masked_fill(remove, NEG)


def min_p(scores, p, keep):
    if p == 0.0:
        return scores
    probs = torch.softmax(scores, dim=-1)
    top = probs.amax(dim=-1, keepdim=True)
    remove = probs < p * top
    sorted_indices = stable_sort(scores, True)[1]
    sorted_remove = torch.gather(remove, dim=-1, index=sorted_indices)
    sorted_remove[..., :keep] = False
    remove = sorted_remove.scatter(1, sorted_indices, sorted_remove)
    return scores.masked_fill(remove, NEG)


def typical(scores, mass, keep):
    if mass == 1.0:
        return scores
    normalized = torch.nn.functional.log_softmax(scores, dim=-1)
    p = torch.exp(normalized)
    ent = -(normalized * p).nansum(-1, keepdim=True)
    shifted = torch.abs((-normalized) - ent)
    sorted_scores, sorted_indices = stable_sort(shifted, False)
    sorted_logits = scores.gather(-1, sorted_indices)
    cumulative = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    last_ind = (cumulative < mass).sum(dim=1)
    last_ind.clamp_(max=sorted_scores.shape[-1] - 1)
    sorted_remove = sorted_scores > sorted_scores.gather(1, last_ind.view(-1, 1))
    sorted_remove[..., :keep] = 0
    remove = sorted_remove.scatter(1, sorted_indices, sorted_remove)
    return scores.masked_fill(remove, NEG)


def epsilon(scores, eps, keep):
    if eps == 0.0:
        return scores
    probs = scores.softmax(dim=-1)
    remove = probs < eps
    k = min(keep, scores.size(-1))
    remove = remove & (scores < torch.topk(scores, k)[0][..., -1, None])
    return scores.masked_fill(remove, NEG)


def run(row, s):
    keep = s.get("min_tokens_to_keep", 1)
    order = s.get("order", HF)
    order = HF if order == "hf" else LLAMA if order == "llama.cpp" else order
    scores = torch.tensor([row])
    for step in order:
        if step == "repetition_penalty":
            scores = repetition_penalty(scores, s.get("repetition_penalty", 1.0), s.get("previous", []))
        elif step == "temperature":
            scores = temperature(scores, s.get("temperature", 1.0))
        elif step == "top_k":
            scores = top_k(scores, s.get("top_k", 0), keep)
        elif step == "top_p":
            scores = top_p(scores, s.get("top_p", 1.0), keep)
        elif step == "min_p":
            scores = min_p(scores, s.get("min_p", 0.0), keep)
        elif step == "typical_p":
            scores = typical(scores, s.get("typical_p", 1.0), keep)
        elif step == "epsilon":
            scores = epsilon(scores, s.get("epsilon", 0.0), keep)
    after = scores[0]
    probs = torch.softmax(after, -1)
    finite = torch.isfinite(after)
    kept = [int(i) for i in stable_sort(after, True)[1] if bool(finite[i])]
    before = torch.softmax(torch.tensor(row), -1)
    logp = torch.log_softmax(after, -1)
    ent = float(-(probs[finite] * logp[finite]).sum())
    logb = torch.log_softmax(torch.tensor(row), -1)
    ent_before = float(-(before * logb).sum())
    return after, probs, kept, ent, ent_before, float(before[kept].sum())


def clean(x):
    if isinstance(x, list):
        return [clean(v) for v in x]
    if isinstance(x, float) and math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def case(name, row, settings, big=False):
    after, probs, kept, ent, ent_before, mass = run(row, settings)
    inp = dict(settings)
    expected = {"kept": kept, "entropy": ent, "perplexity": math.exp(ent), "entropy_before": ent_before,
                "mass_kept": mass}
    if big:
        # Logits made by a formula the test repeats exactly; the expected arrays would be megabytes.
        inp["generated"] = row_formula_name
        expected["kept_count"] = len(kept)
        expected["kept"] = kept[:200]
        expected["probs_of_kept"] = [float(probs[i]) for i in kept[:200]]
    else:
        inp["logits"] = row
        expected["logits_after"] = clean(after.tolist())
        expected["probs"] = probs.tolist()
    return {"name": name, "input": inp, "expected": expected}


row_formula_name = "((i * 7919) % 10007) / 1000.0 - 5"


def big_row(v):
    return [((i * 7919) % 10007) / 1000.0 - 5 for i in range(v)]


def main():
    rng = random.Random(36)
    cases = []

    def rand_row(v, spread=3.0, ties=False):
        if ties:
            return [float(rng.randint(-3, 3)) for _ in range(v)]
        return [round(rng.gauss(0, spread), 6) for _ in range(v)]

    settings_alone = [
        {"temperature": 0.7}, {"temperature": 2.5}, {"temperature": 0.0},
        {"top_k": 1}, {"top_k": 3}, {"top_k": 50},
        {"top_p": 0.9}, {"top_p": 0.5}, {"top_p": 0.05},
        {"min_p": 0.1}, {"min_p": 0.5}, {"min_p": 1.0},
        {"typical_p": 0.9}, {"typical_p": 0.2},
        {"epsilon": 0.05}, {"epsilon": 0.3},
        {"repetition_penalty": 1.3, "previous": [0, 2, 2]}, {"repetition_penalty": 0.8, "previous": [1]},
    ]
    for s in settings_alone:
        for v, ties in ((5, False), (12, True), (40, False)):
            for keep in (1, 3):
                st = dict(s)
                if keep != 1:
                    st["min_tokens_to_keep"] = keep
                if "previous" in st:
                    st["previous"] = [p for p in st["previous"] if p < v]
                cases.append(case(f"{sorted(s)} V={v} ties={ties} keep={keep}", rand_row(v, ties=ties), st))
    chains = [
        {"temperature": 0.7, "top_p": 0.9},
        {"temperature": 1.5, "top_k": 10, "top_p": 0.95, "min_p": 0.05},
        {"temperature": 0.5, "min_p": 0.2, "typical_p": 0.8},
        {"repetition_penalty": 1.2, "previous": [0, 1], "temperature": 0.8, "top_k": 5, "top_p": 0.8},
        {"temperature": 3.0, "min_p": 0.1, "epsilon": 0.01},
        {"top_k": 4, "top_p": 0.6, "min_p": 0.3, "typical_p": 0.7, "temperature": 0.3},
    ]
    for s in chains:
        for order in ("hf", "llama.cpp", ["top_p", "temperature", "top_k", "min_p", "repetition_penalty",
                                          "typical_p", "epsilon"]):
            st = dict(s)
            st["order"] = order
            if order == "llama.cpp" and "epsilon" in st:
                continue
            for v, ties in ((8, False), (30, True)):
                cases.append(case(f"chain {sorted(s)} order={order} V={v} ties={ties}", rand_row(v, ties=ties), st))
    # Ties and rescues made on purpose.
    cases.append(case("top-p cuts one of two equal logits", [0.0, 0.0], {"top_p": 0.5}))
    cases.append(case("top-p four equal", [1.0, 1.0, 1.0, 1.0], {"top_p": 0.5}))
    cases.append(case("top-k keeps ties with the k-th", [3.0, 2.0, 2.0, 2.0, 1.0], {"top_k": 2}))
    cases.append(case("min-p rescues the lower index", [1.0, 5.0, 1.0, 1.0], {"min_p": 0.9, "min_tokens_to_keep": 2}))
    cases.append(case("typical rescue among ties", [2.0, 2.0, 2.0, 0.0], {"typical_p": 0.1, "min_tokens_to_keep": 2}))
    cases.append(case("greedy picks the first maximum", [1.0, 4.0, 4.0, 0.0], {"temperature": 0.0}))
    cases.append(case("greedy last in llama.cpp order", [1.0, 4.0, 4.0, 0.0], {"temperature": 0.0, "top_k": 3,
                                                                               "order": "llama.cpp"}))
    cases.append(case("V = 1", [2.5], {"temperature": 0.5, "top_k": 1, "top_p": 0.1, "min_p": 0.9,
                                       "typical_p": 0.3, "epsilon": 0.5}))
    cases.append(case("neutral values", rand_row(20), {}))
    cases.append(case("bits", rand_row(10), {"units": "bits", "top_p": 0.8}))
    big = big_row(262_144)
    cases.append(case("V = 262,144, top-p 0.9", big, {"top_p": 0.9, "temperature": 0.8}, big=True))
    cases.append(case("V = 262,144, top-k 40 then min-p", big, {"top_k": 40, "min_p": 0.5}, big=True))
    for c in cases:
        if c["input"].get("units") == "bits":
            e = c["expected"]
            e["entropy"] /= math.log(2)
            e["entropy_before"] /= math.log(2)
    with open(os.path.join(HERE, "sampling_cases.json"), "w") as f:
        json.dump({"made_by": "make_sampling_cases.py (PyTorch " + torch.__version__ + ", float64)",
                   "big_row": row_formula_name, "cases": cases}, f)
        f.write("\n")
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
