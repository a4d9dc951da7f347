#!/usr/bin/env python3
"""PyTorch 1.13 reference data for the edges where the app must behave as torch does (issue 12).

Needs PyTorch (Debian: apt-get install python3-torch, then /usr/bin/python3). The build does not: the tests read the
committed torch_edge_cases.json. Every number comes from torch itself in float64: nn.CrossEntropyLoss on logits / T
and its autograd gradient; torch.optim.SGD / Adam stepping a Linear layer whose loss is undefined (NaN) or whose
targets are partly or wholly ignored. NaN is written as the string "NaN".

Run:  /usr/bin/python3 src/test/resources/reference/make_torch_edges.py
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


def eval_case(name, logits, targets, weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0,
              temperature=1.0):
    z = torch.tensor(logits, requires_grad=True)
    t = torch.tensor(targets)
    w = None if weight is None else torch.tensor(weight)
    loss_fn = torch.nn.CrossEntropyLoss(weight=w, ignore_index=ignore_index, reduction=reduction,
                                        label_smoothing=label_smoothing)
    loss = loss_fn(z / temperature, t)
    loss.sum().backward()
    inp = {"logits": logits, "targets": targets, "ignore_index": ignore_index, "reduction": reduction,
           "label_smoothing": label_smoothing, "temperature": temperature}
    if weight is not None:
        inp["weight"] = weight
    out = {"loss": clean(loss.detach().tolist()), "grad_logits": clean(z.grad.tolist())}
    return {"name": name, "input": inp, "expected": out}


def train_case(name, x, targets, weight, bias, optimizer, steps, loss_opts):
    X = torch.tensor(x)
    y = torch.tensor(targets)
    layer = torch.nn.Linear(len(x[0]), len(weight), bias=bias is not None)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(weight))
        if bias is not None:
            layer.bias.copy_(torch.tensor(bias))
    opt_name = optimizer["name"]
    kwargs = {k: v for k, v in optimizer.items() if k != "name"}
    if "betas" in kwargs:
        kwargs["betas"] = tuple(kwargs["betas"])
    opt = (torch.optim.SGD if opt_name == "sgd" else torch.optim.Adam)(layer.parameters(), **kwargs)
    w = loss_opts.get("weight")
    loss_fn = torch.nn.CrossEntropyLoss(weight=None if w is None else torch.tensor(w),
                                        ignore_index=loss_opts.get("ignore_index", -100),
                                        reduction=loss_opts.get("reduction", "mean"),
                                        label_smoothing=loss_opts.get("label_smoothing", 0.0))
    losses, accuracies = [], []
    for _ in range(steps):
        opt.zero_grad()
        z = layer(X)
        loss = loss_fn(z, y)
        counted = y != loss_opts.get("ignore_index", -100)
        correct = (z.argmax(dim=1) == y) & counted
        accuracies.append(float("nan") if int(counted.sum()) == 0 else float(correct.sum()) / int(counted.sum()))
        losses.append(loss.item())
        loss.backward()
        opt.step()
    inp = {"x": x, "targets": targets, "init": {"weight": weight}, "bias": bias is not None,
           "optimizer": optimizer, "loss": loss_opts, "steps": steps}
    if bias is not None:
        inp["init"]["bias"] = bias
    return {"name": name, "input": inp, "expected": {
        "losses": clean(losses), "accuracies": clean(accuracies),
        "weight": clean(layer.weight.detach().tolist()),
        "bias": None if bias is None else clean(layer.bias.detach().tolist())}}


Z = [[2.0, 1.0, 0.1, -0.5], [0.0, 5.0, 0.2, 1.0], [-1.0, 0.3, 0.3, 2.2]]
evals = [
    eval_case("every target ignored", Z, [-100, -100, -100]),
    eval_case("every target ignored, smoothing", Z, [-100, -100, -100], label_smoothing=0.1),
    eval_case("counted weights sum to 0", Z, [0, -100, 0], weight=[0.0, 1.0, 1.0, 1.0]),
    eval_case("counted weights sum to 0, smoothing and T", Z, [0, 1, -100], weight=[0.0, 0.0, 2.0, 1.0],
              label_smoothing=0.2, temperature=2.0),
    eval_case("every target ignored, sum", Z, [-100, -100, -100], reduction="sum"),
    eval_case("every target ignored, none", Z, [-100, -100, -100], reduction="none"),
    eval_case("custom ignore_index, all ignored", Z, [3, 3, 3], ignore_index=3),
    eval_case("some ignored, defined", Z, [1, -100, 3], weight=[1.0, 2.0, 0.5, 3.0], label_smoothing=0.05),
]
X = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [-1.0, 0.5]]
W = [[0.2, -0.4], [0.5, 0.1], [-0.3, 0.3]]
B = [0.1, -0.2, 0.05]
trains = [
    train_case("all ignored, SGD momentum and weight decay", X, [-100] * 4, W, B,
               {"name": "sgd", "lr": 0.1, "momentum": 0.9, "dampening": 0.1, "nesterov": False,
                "weight_decay": 0.05}, 4, {}),
    train_case("all ignored, Adam with weight decay", X, [-100] * 4, W, B,
               {"name": "adam", "lr": 0.01, "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.1}, 4, {}),
    train_case("some ignored, SGD nesterov", X, [0, -100, 2, -100], W, B,
               {"name": "sgd", "lr": 0.5, "momentum": 0.5, "dampening": 0.0, "nesterov": True,
                "weight_decay": 0.01}, 5, {"label_smoothing": 0.1}),
    train_case("weights sum to 0: NaN gradient", X, [0, 0, -100, 0], W, None,
               {"name": "sgd", "lr": 0.1, "momentum": 0.0, "dampening": 0.0, "nesterov": False,
                "weight_decay": 0.0}, 2, {"weight": [0.0, 1.0, 1.0]}),
]
with open(os.path.join(HERE, "torch_edge_cases.json"), "w") as f:
    json.dump({"torch_version": torch.__version__, "eval": evals, "train": trains}, f, indent=1)
print("wrote", len(evals), "eval and", len(trains), "train cases with torch", torch.__version__)
