#!/usr/bin/env python3
"""PyTorch 1.13 reference data for the loss lab (issue 15) and train's gradient and optimiser-state keys (issue 16).

Needs PyTorch (Debian: apt-get install python3-torch, then /usr/bin/python3). The build does not: the tests read the
committed torch_loss_cases.json. Every number is torch's own, in float64:
  eval:  each case is an `eval` input and torch's probs, per_sample_loss, loss and autograd grad_logits (of the loss,
         or of its sum for reduction none); for cross_entropy also H(Y) and KL(Y || P) per sample.
  train: each case is a `train` input and, per step, torch's loss, param.grad after backward() and optimizer.state
         after step(), named as torch.optim names them.
NaN is written as the string "NaN".

Run:  /usr/bin/python3 src/test/resources/reference/make_torch_losses.py
"""
import json
import math
import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
LN2 = math.log(2.0)


def clean(x):
    if isinstance(x, list):
        return [clean(v) for v in x]
    if isinstance(x, float) and math.isnan(x):
        return "NaN"
    return x


def target_distribution(t, C, eps, ignore_index=-100):
    """The smoothed target distribution (rows of 0 for ignored samples)."""
    if t.dtype == torch.int64:
        counted = t != ignore_index
        safe = torch.where(counted, t, torch.zeros_like(t))
        y = F.one_hot(safe, C).to(torch.float64)
        y = (1 - eps) * y + eps / C
        return y * counted.unsqueeze(-1)
    return (1 - eps) * t + eps / C


def torch_loss(inp):
    """Torch's output for one `eval` input (see EvalCommand), as the keys eval prints."""
    name = inp.get("loss", "cross_entropy")
    z = torch.tensor(inp["logits"], requires_grad=True)
    T = inp.get("temperature", 1.0)
    eps = inp.get("label_smoothing", 0.0)
    reduction = inp.get("reduction", "batchmean" if name == "kl_div" else "mean")
    raw_t = inp["targets"]
    index_targets = name in ("multi_margin", "focal") or (
        name != "bce_with_logits" and not (isinstance(raw_t, list) and raw_t and isinstance(raw_t[0], list))
        and not (z.dim() == 1 and isinstance(raw_t, list)))
    t = torch.tensor(raw_t) if index_targets else torch.tensor(raw_t, dtype=torch.float64)
    w = inp.get("weight", inp.get("alpha"))
    w = None if w is None else torch.tensor(w)
    u = z / T
    C = z.shape[-1]
    out = {}
    if name == "bce_with_logits":
        pw = inp.get("pos_weight")
        fn = torch.nn.BCEWithLogitsLoss(weight=w, pos_weight=None if pw is None else torch.tensor(pw),
                                        reduction=reduction)
        loss = fn(z, t)
        elems = torch.nn.BCEWithLogitsLoss(weight=w, pos_weight=None if pw is None else torch.tensor(pw),
                                           reduction="none")(z, t).detach()
        per = elems if z.dim() == 1 else elems.sum(-1)
        probs = torch.sigmoid(z)
    else:
        probs = F.softmax(u, -1)
        if name == "cross_entropy":
            fn = torch.nn.CrossEntropyLoss(weight=w, ignore_index=inp.get("ignore_index", -100),
                                           reduction=reduction, label_smoothing=eps)
            loss = fn(u, t)
            per = torch.nn.CrossEntropyLoss(weight=w, ignore_index=inp.get("ignore_index", -100), reduction="none",
                                            label_smoothing=eps)(u.detach(), t)
            y = target_distribution(t, C, eps, inp.get("ignore_index", -100))
            logp = F.log_softmax(u.detach(), -1)
            h = -torch.xlogy(y, y).sum(-1)
            kl = F.kl_div(logp, y, reduction="none").sum(-1)
            out["target_entropy"] = h.reshape(-1).tolist()
            out["kl"] = kl.reshape(-1).tolist()
        elif name == "mse":
            y = target_distribution(t, C, eps)
            loss = F.mse_loss(probs, y, reduction=reduction)
            per = F.mse_loss(probs.detach(), y, reduction="none").sum(-1)
        elif name == "kl_div":
            y = target_distribution(t, C, eps)
            loss = F.kl_div(F.log_softmax(u, -1), y, reduction=reduction)
            per = F.kl_div(F.log_softmax(u.detach(), -1), y, reduction="none").sum(-1)
        elif name == "multi_margin":
            fn = torch.nn.MultiMarginLoss(p=inp.get("p", 1), margin=inp.get("margin", 1.0), weight=w,
                                          reduction=reduction)
            loss = fn(u, t)
            per = torch.nn.MultiMarginLoss(p=inp.get("p", 1), margin=inp.get("margin", 1.0), weight=w,
                                           reduction="none")(u.detach(), t)
        elif name == "focal":
            gamma = inp.get("gamma", 2.0)
            ignore = inp.get("ignore_index", -100)
            logp = F.log_softmax(u, -1)
            tt = t.reshape(-1)
            lp = logp.reshape(-1, C)
            counted = tt != ignore
            safe = torch.where(counted, tt, torch.zeros_like(tt))
            lpy = lp.gather(1, safe.unsqueeze(1)).squeeze(1)
            a = torch.ones(C) if w is None else w
            per_t = -a[safe] * (-torch.expm1(lpy)) ** gamma * lpy * counted  # 1 - p_y without cancellation
            loss = {"sum": per_t.sum(), "none": per_t, "mean": per_t.sum() / counted.sum()}[reduction]
            per = per_t.detach()
        else:
            raise ValueError(name)
    loss.sum().backward()
    scale = 1 / LN2 if inp.get("units") == "bits" else 1.0
    out["probs"] = probs.detach().tolist()
    out["per_sample_loss"] = (per.reshape(-1) * scale).tolist()
    out["loss"] = (loss.detach() * scale).tolist()
    out["grad_logits"] = (z.grad * scale).tolist()
    for k in ("target_entropy", "kl"):
        if k in out:
            out[k] = [v * scale for v in out[k]]
    return {k: clean(v) for k, v in out.items()}


rng = np.random.RandomState(20261130)


def logits(n, C, spread=2.0):
    return np.round(rng.randn(n, C) * spread, 6).tolist()


def probability_rows(n, C):
    p = rng.rand(n, C) + 0.05
    return (p / p.sum(1, keepdims=True)).tolist()


evals = []


def case(name, inp):
    evals.append({"name": name, "input": inp, "expected": torch_loss(inp)})


A = [[2.0, 1.0, 0.1], [0.0, 5.0, 0.2]]
case("notebook example A, cross_entropy", {"logits": A, "targets": [0, 1]})
case("notebook example A, bits", {"logits": A, "targets": [0, 1], "units": "bits"})
for r in ("mean", "sum", "none"):
    for n, C in ((1, 3), (4, 5)):
        z = logits(n, C)
        y = rng.randint(0, C, n).tolist()
        case(f"cross_entropy {r} smoothing weight T {n}x{C}",
             {"logits": z, "targets": y, "reduction": r, "label_smoothing": 0.15,
              "weight": np.round(rng.rand(C) + 0.2, 3).tolist(), "temperature": 1.7})
        case(f"cross_entropy {r} probability rows bits {n}x{C}",
             {"logits": z, "targets": probability_rows(n, C), "reduction": r, "label_smoothing": 0.1,
              "units": "bits"})
        case(f"mse {r} {n}x{C}", {"loss": "mse", "logits": z, "targets": y, "reduction": r})
        case(f"mse {r} smoothing T probability rows {n}x{C}",
             {"loss": "mse", "logits": z, "targets": probability_rows(n, C), "reduction": r,
              "label_smoothing": 0.2, "temperature": 0.6})
        for p in (1, 2):
            case(f"multi_margin {r} p={p} {n}x{C}",
                 {"loss": "multi_margin", "logits": z, "targets": y, "reduction": r, "p": p, "margin": 1.3,
                  "weight": np.round(rng.rand(C) + 0.3, 3).tolist(), "temperature": 0.8})
        for gamma in (0.0, 0.5, 2.0, 3.5):
            case(f"focal {r} gamma={gamma} {n}x{C}",
                 {"loss": "focal", "logits": z, "targets": y, "reduction": r, "gamma": gamma,
                  "alpha": np.round(rng.rand(C) + 0.1, 3).tolist(), "temperature": 1.2})
        bt = np.round(rng.rand(n, C), 3).tolist()
        case(f"bce_with_logits {r} weight pos_weight {n}x{C}",
             {"loss": "bce_with_logits", "logits": z, "targets": bt, "reduction": r,
              "weight": np.round(rng.rand(C) + 0.5, 3).tolist(),
              "pos_weight": np.round(rng.rand(C) * 3, 3).tolist()})
        case(f"bce_with_logits {r} plain {n}x{C}", {"loss": "bce_with_logits", "logits": z, "targets": bt,
                                                     "reduction": r})
    for rr in ("batchmean", "sum", "mean", "none"):
        z = logits(3, 4)
        case(f"kl_div {rr} indices smoothing", {"loss": "kl_div", "logits": z, "targets": [2, 0, 3],
                                                "reduction": rr, "label_smoothing": 0.1, "temperature": 1.5})
        case(f"kl_div {rr} probability rows", {"loss": "kl_div", "logits": z, "targets": probability_rows(3, 4),
                                               "reduction": rr})
        case(f"kl_div {rr} one flat row", {"loss": "kl_div", "logits": logits(1, 4)[0],
                                           "targets": probability_rows(1, 4)[0], "reduction": rr})
case("focal with ignore_index", {"loss": "focal", "logits": logits(4, 3), "targets": [0, -100, 2, 1],
                                 "gamma": 1.5})
# (Far beyond p_y = 1 - 1e-6 torch's own log_softmax loses digits in log(1 + rest); the engine keeps them.)
case("focal, a confidently right sample", {"loss": "focal", "logits": [[12.0, 0.0, -2.0], [0.0, 1.0, 0.5]],
                                           "targets": [0, 2], "gamma": 2.0})
case("bce_with_logits 1-D", {"loss": "bce_with_logits", "logits": [1.5, -0.3, 4.0, -6.0], "targets": [1, 0, 0.25, 1],
                             "pos_weight": [2.5]})
case("bce_with_logits 1-D none", {"loss": "bce_with_logits", "logits": [1.5, -0.3, 40.0, -60.0],
                                  "targets": [1, 0, 0.5, 1], "reduction": "none", "weight": [0.7]})
case("multi_margin one flat row", {"loss": "multi_margin", "logits": [0.5, 1.2, -0.3, 0.9], "targets": 2})
case("mse one flat row", {"loss": "mse", "logits": [0.5, 1.2, -0.3, 0.9], "targets": 1})
case("cross_entropy with ignored samples", {"logits": logits(4, 3), "targets": [0, -100, 2, 1],
                                            "label_smoothing": 0.3})


def train_case(name, x, targets, weight, bias, optimizer, steps, loss_opts):
    X = torch.tensor(x)
    y = torch.tensor(targets)
    layer = torch.nn.Linear(len(x[0]), len(weight), bias=bias is not None)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(weight))
        if bias is not None:
            layer.bias.copy_(torch.tensor(bias))
    kwargs = {k: v for k, v in optimizer.items() if k != "name"}
    if "betas" in kwargs:
        kwargs["betas"] = tuple(kwargs["betas"])
    opt = (torch.optim.SGD if optimizer["name"] == "sgd" else torch.optim.Adam)(layer.parameters(), **kwargs)
    name_of = {id(layer.weight): "weight"}
    if bias is not None:
        name_of[id(layer.bias)] = "bias"
    lines = []
    for _ in range(steps):
        opt.zero_grad()
        z = layer(X)
        inp = dict(loss_opts, logits=z, targets=y)
        loss = loss_value(z, y, loss_opts)
        loss.backward()
        line = {"loss": loss.item(), "grad_weight": layer.weight.grad.tolist()}
        if bias is not None:
            line["grad_bias"] = layer.bias.grad.tolist()
        opt.step()
        state = {}
        for p in layer.parameters():
            for key, value in opt.state[p].items():
                if value is None:
                    continue
                if key == "step":
                    state["step"] = int(value)
                else:
                    state.setdefault(key, {})[name_of[id(p)]] = value.tolist()
        line["optimizer_state"] = state
        lines.append(clean(line))
    inp = {"x": x, "targets": targets, "init": {"weight": weight}, "bias": bias is not None,
           "optimizer": optimizer, "loss": loss_opts, "steps": steps}
    if bias is not None:
        inp["init"]["bias"] = bias
    return {"name": name, "input": inp, "expected": lines}


def loss_value(z, y, opts):
    name = opts.get("name", "cross_entropy")
    r = opts.get("reduction", "mean")
    w = opts.get("weight")
    w = None if w is None else torch.tensor(w)
    C = z.shape[1]
    if name == "cross_entropy":
        return torch.nn.CrossEntropyLoss(weight=w, reduction=r, label_smoothing=opts.get("label_smoothing", 0.0))(
            z / opts.get("temperature", 1.0), y)
    if name == "mse":
        return F.mse_loss(F.softmax(z, -1), F.one_hot(y, C).to(torch.float64), reduction=r)
    if name == "multi_margin":
        return torch.nn.MultiMarginLoss(p=opts.get("p", 1), margin=opts.get("margin", 1.0), weight=w, reduction=r)(
            z, y)
    if name == "focal":
        lp = F.log_softmax(z, -1).gather(1, y.unsqueeze(1)).squeeze(1)
        a = torch.ones(C) if w is None else w
        per = -a[y] * (-torch.expm1(lp)) ** opts.get("gamma", 2.0) * lp
        return per.sum() if r == "sum" else per.mean()
    raise ValueError(name)


X = np.round(rng.randn(6, 3), 4).tolist()
Y = [0, 1, 2, 1, 0, 2]
W = np.round(rng.randn(3, 3) * 0.5, 4).tolist()
B = np.round(rng.randn(3) * 0.1, 4).tolist()
sgd = {"name": "sgd", "lr": 0.1, "momentum": 0.0, "dampening": 0.0, "nesterov": False, "weight_decay": 0.0}
trains = [
    train_case("plain SGD", X, Y, W, B, sgd, 4, {}),
    train_case("SGD momentum dampening weight decay", X, Y, W, B,
               dict(sgd, momentum=0.9, dampening=0.2, weight_decay=0.05), 5, {"label_smoothing": 0.1}),
    train_case("SGD nesterov, no bias", X, Y, W, None, dict(sgd, lr=0.3, momentum=0.7, nesterov=True,
                                                              weight_decay=0.01), 5, {"weight": [1.0, 2.0, 0.5]}),
    train_case("Adam", X, Y, W, B, {"name": "adam", "lr": 0.05, "betas": [0.9, 0.999], "eps": 1e-8,
                                    "weight_decay": 0.0}, 5, {"reduction": "sum"}),
    train_case("Adam weight decay, no bias", X, Y, W, None, {"name": "adam", "lr": 0.02, "betas": [0.8, 0.99],
                                                              "eps": 1e-6, "weight_decay": 0.1}, 5, {}),
    train_case("mse with SGD momentum", X, Y, W, B, dict(sgd, lr=0.5, momentum=0.5), 5, {"name": "mse"}),
    train_case("multi_margin p=2", X, Y, W, B, sgd, 5, {"name": "multi_margin", "p": 2, "margin": 0.8,
                                                       "weight": [1.0, 0.5, 2.0]}),
    train_case("focal gamma 2 with Adam", X, Y, W, B, {"name": "adam", "lr": 0.05, "betas": [0.9, 0.999],
                                                        "eps": 1e-8, "weight_decay": 0.0}, 5,
               {"name": "focal", "gamma": 2.0, "weight": [0.25, 1.0, 0.75]}),
]

with open(os.path.join(HERE, "torch_loss_cases.json"), "w") as f:
    json.dump({"torch_version": torch.__version__, "eval": evals, "train": trains}, f, indent=1)
print("wrote", len(evals), "eval and", len(trains), "train cases with torch", torch.__version__)
