#!/usr/bin/env python3
"""Reference data for the engine tests, computed independently of the Java code.

Cross-entropy cases are computed with mpmath at 60 significant digits, straight from the definitions
(softmax, log, PyTorch's nn.CrossEntropyLoss reduction and label-smoothing rules), then rounded to double.
Gradients are computed by symbolic formulas in the same high precision, and cross-checked here by a central
finite difference in high precision. Optimiser and training trajectories follow torch.optim.SGD / Adam step by
step in numpy float64.

Run from anywhere:  python3 src/test/resources/reference/make_reference.py
It rewrites cross_entropy_cases.json, optimizer_cases.json and training_cases.json beside itself.
"""
import json
import os

import mpmath as mp
import numpy as np

mp.mp.dps = 60
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261129)


def to_float(x):
    return float(x)


def ce_reference(logits, targets, weight, ignore_index, reduction, eps, temperature):
    """PyTorch nn.CrossEntropyLoss on logits/temperature, in 60-digit arithmetic."""
    n, C = len(logits), len(logits[0])
    T = mp.mpf(temperature)
    w = [mp.mpf(1)] * C if weight is None else [mp.mpf(v) for v in weight]
    soft = isinstance(targets[0], list)
    probs, logps, per, q_rows = [], [], [], []
    denom = mp.mpf(0)
    counted = 0
    for i in range(n):
        u = [mp.mpf(z) / T for z in logits[i]]
        lse = mp.log(mp.fsum(mp.exp(v) for v in u))
        lp = [v - lse for v in u]
        p = [mp.exp(v) for v in lp]
        probs.append(p)
        logps.append(lp)
        if soft:
            t = [mp.mpf(v) * (1 - mp.mpf(eps)) + mp.mpf(eps) / C for v in targets[i]]
            q = [w[c] * t[c] for c in range(C)]
            denom += 1
            counted += 1
        else:
            y = targets[i]
            if y == ignore_index:
                q = [mp.mpf(0)] * C
            else:
                q = [mp.mpf(eps) / C * w[c] for c in range(C)]
                q[y] += (1 - mp.mpf(eps)) * w[y]
                denom += w[y]
                counted += 1
        q_rows.append(q)
        per.append(-mp.fsum(q[c] * lp[c] for c in range(C) if q[c] != 0))
    total = mp.fsum(per)
    undefined = False
    if reduction == "mean":
        if counted == 0 or denom == 0:
            undefined = True
            loss, scale = mp.nan, mp.nan
        else:
            loss, scale = total / denom, 1 / denom
    else:
        loss, scale = total, mp.mpf(1)
    grad = []
    for i in range(n):
        Q = mp.fsum(q_rows[i])
        grad.append([(probs[i][c] * Q - q_rows[i][c]) * scale / T for c in range(C)])
    return dict(probs=[[to_float(v) for v in r] for r in probs],
                log_probs=[[to_float(v) for v in r] for r in logps],
                per_sample_loss=[to_float(v) for v in per],
                loss=None if undefined else to_float(loss),
                grad_logits=None if undefined else [[to_float(v) for v in r] for r in grad],
                undefined=undefined)


def finite_difference_check(case, expect):
    """Central difference of the reduced loss in 60 digits agrees with the analytic gradient."""
    if expect["undefined"]:
        return
    h = mp.mpf(10) ** -20
    for i in range(len(case["logits"])):
        for c in range(len(case["logits"][0])):
            def f(delta):
                z = [[mp.mpf(v) for v in r] for r in case["logits"]]
                z[i][c] += delta
                n, C = len(z), len(z[0])
                T = mp.mpf(case["temperature"])
                w = [mp.mpf(1)] * C if case["weight"] is None else [mp.mpf(v) for v in case["weight"]]
                eps = mp.mpf(case["label_smoothing"])
                soft = isinstance(case["targets"][0], list)
                tot, den = mp.mpf(0), mp.mpf(0)
                for k in range(n):
                    u = [v / T for v in z[k]]
                    lse = mp.log(mp.fsum(mp.exp(v) for v in u))
                    lp = [v - lse for v in u]
                    if soft:
                        tot -= mp.fsum(w[j] * (mp.mpf(case["targets"][k][j]) * (1 - eps) + eps / C) * lp[j]
                                       for j in range(C))
                        den += 1
                    elif case["targets"][k] != case["ignore_index"]:
                        y = case["targets"][k]
                        tot -= (1 - eps) * w[y] * lp[y] + eps / C * mp.fsum(w[j] * lp[j] for j in range(C))
                        den += w[y]
                return tot / den if case["reduction"] == "mean" else tot
            fd = (f(h) - f(-h)) / (2 * h)
            g = expect["grad_logits"][i][c]
            assert abs(float(fd) - g) <= 1e-12 * max(1.0, abs(g)), (case["name"], i, c, float(fd), g)


def random_case(name, n, C, scale=3.0, **opts):
    logits = (rng.standard_normal((n, C)) * scale).round(6).tolist()
    soft = opts.pop("soft", False)
    if soft:
        t = rng.random((n, C))
        targets = (t / t.sum(1, keepdims=True)).tolist()
    else:
        targets = rng.integers(0, C, n).tolist()
    case = dict(name=name, logits=logits, targets=targets, weight=None, ignore_index=-100, reduction="mean",
                label_smoothing=0.0, temperature=1.0)
    case.update(opts)
    return case


def cross_entropy_cases():
    cases = [
        dict(name="notebook A", logits=[[2.0, 1.0, 0.1], [0.0, 5.0, 0.2]], targets=[0, 1], weight=None,
             ignore_index=-100, reduction="mean", label_smoothing=0.0, temperature=1.0),
        dict(name="notebook B", logits=[[2.0, 1.0], [2.0, 1.0]], targets=[1, 1], weight=[1.0, 10.0],
             ignore_index=-100, reduction="mean", label_smoothing=0.0, temperature=1.0),
    ]
    for reduction in ["mean", "sum", "none"]:
        for eps in [0.0, 0.1, 1.0]:
            for weighted in [False, True]:
                for T in [1.0, 0.35, 4.0]:
                    n, C = int(rng.integers(1, 7)), int(rng.integers(2, 9))
                    w = rng.uniform(0.1, 5, C).round(4).tolist() if weighted else None
                    cases.append(random_case(f"index {reduction} eps={eps} w={weighted} T={T}", n, C,
                                             reduction=reduction, label_smoothing=eps, weight=w, temperature=T))
                    cases.append(random_case(f"probs {reduction} eps={eps} w={weighted} T={T}", n, C,
                                             soft=True, reduction=reduction, label_smoothing=eps, weight=w,
                                             temperature=T))
    # ignore_index, including a custom value and a fully ignored batch
    c = random_case("ignore some", 5, 4, weight=[1.0, 2.0, 0.5, 3.0], label_smoothing=0.2)
    c["targets"][1] = -100
    c["targets"][3] = -100
    cases.append(c)
    c = random_case("ignore custom index 2", 6, 4, ignore_index=2, reduction="sum")
    c["targets"] = [0, 2, 1, 2, 3, 0]
    cases.append(c)
    c = random_case("all ignored mean", 3, 3)
    c["targets"] = [-100, -100, -100]
    cases.append(c)
    c = random_case("all ignored sum", 3, 3, reduction="sum")
    c["targets"] = [-100, -100, -100]
    cases.append(c)
    c = random_case("target weights zero", 2, 3, weight=[0.0, 1.0, 2.0])
    c["targets"] = [0, 0]
    cases.append(c)
    c = random_case("zero weight one target", 3, 3, weight=[0.0, 1.0, 2.0], label_smoothing=0.3)
    c["targets"] = [0, 1, 2]
    cases.append(c)
    # extreme but valid logits
    cases.append(dict(name="huge 1e300", logits=[[1e300, -1e300, 0.0], [-1e300, 1e300, 5.0]], targets=[0, 2],
                      weight=None, ignore_index=-100, reduction="sum", label_smoothing=0.0, temperature=1.0))
    cases.append(dict(name="large 1e4", logits=[[1e4, 1e4 - 1, -1e4], [3.0, -1e4, 1e4]], targets=[1, 0],
                      weight=None, ignore_index=-100, reduction="mean", label_smoothing=0.0, temperature=1.0))
    cases.append(dict(name="overflow 1000", logits=[[1000.0, 999.0, 0.0]], targets=[0], weight=None,
                      ignore_index=-100, reduction="mean", label_smoothing=0.0, temperature=1.0))
    cases.append(dict(name="all equal", logits=[[7.0] * 5, [-3.0] * 5], targets=[4, 0], weight=None,
                      ignore_index=-100, reduction="mean", label_smoothing=0.1, temperature=1.0))
    cases.append(dict(name="confident right", logits=[[30.0, 0.0, -5.0]], targets=[0], weight=None,
                      ignore_index=-100, reduction="mean", label_smoothing=0.0, temperature=1.0))
    cases.append(dict(name="single class", logits=[[2.5], [-1.0]], targets=[0, 0], weight=None,
                      ignore_index=-100, reduction="mean", label_smoothing=0.0, temperature=1.0))
    cases.append(random_case("C=50 smoothing weights", 4, 50, reduction="mean", label_smoothing=0.05,
                             weight=rng.uniform(0, 2, 50).round(3).tolist(), temperature=0.7))
    out = []
    for case in cases:
        expect = ce_reference(case["logits"], case["targets"], case["weight"], case["ignore_index"],
                              case["reduction"], case["label_smoothing"], case["temperature"])
        if case["name"] not in ("huge 1e300",):
            finite_difference_check(case, expect)
        case["expect"] = expect
        out.append(case)
    return out


def sgd_run(params, grads, lr, momentum=0.0, dampening=0.0, nesterov=False, weight_decay=0.0):
    """torch.optim.SGD, one parameter array, a fixed gradient sequence."""
    p = np.array(params, dtype=np.float64)
    buf = None
    history = []
    for g in grads:
        d = np.array(g) + weight_decay * p
        if momentum != 0:
            buf = d.copy() if buf is None else momentum * buf + (1 - dampening) * d
            d = d + momentum * buf if nesterov else buf
        p = p - lr * d
        history.append(p.tolist())
    return history


def adam_run(params, grads, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    """torch.optim.Adam (amsgrad off), one parameter array, a fixed gradient sequence."""
    p = np.array(params, dtype=np.float64)
    m = np.zeros_like(p)
    v = np.zeros_like(p)
    history = []
    for t, g in enumerate(grads, start=1):
        d = np.array(g) + weight_decay * p
        m = m + (1 - betas[0]) * (d - m)
        v = betas[1] * v + (1 - betas[1]) * d * d
        step_size = lr / (1 - betas[0] ** t)
        denom = np.sqrt(v) / np.sqrt(1 - betas[1] ** t) + eps
        p = p - step_size * m / denom
        history.append(p.tolist())
    return history


def optimizer_cases():
    out = []
    settings = [
        dict(name="sgd", lr=0.1),
        dict(name="sgd", lr=0.05, momentum=0.9),
        dict(name="sgd", lr=0.05, momentum=0.9, dampening=0.3),
        dict(name="sgd", lr=0.05, momentum=0.8, nesterov=True),
        dict(name="sgd", lr=0.02, momentum=0.5, weight_decay=0.01),
        dict(name="adam", lr=0.01),
        dict(name="adam", lr=0.003, betas=[0.8, 0.99], eps=1e-6, weight_decay=0.05),
    ]
    for s in settings:
        params = rng.standard_normal(5).tolist()
        grads = rng.standard_normal((12, 5)).tolist()
        kw = {k: v for k, v in s.items() if k != "name"}
        if s["name"] == "sgd":
            hist = sgd_run(params, grads, **kw)
        else:
            if "betas" in kw:
                kw["betas"] = tuple(kw["betas"])
            hist = adam_run(params, grads, **kw)
        out.append(dict(optimizer=s, params=params, grads=grads, expect=hist))
    return out


def ce_numpy(z, y, w, eps):
    """Mean cross-entropy (index targets) and its gradient in float64, for the training references."""
    n, C = z.shape
    m = z.max(1, keepdims=True)
    lse = np.log(np.exp(z - m).sum(1, keepdims=True)) + m
    lp = z - lse
    p = np.exp(lp)
    wv = np.ones(C) if w is None else np.array(w)
    onehot = np.eye(C)[y]
    S = wv[y].sum()
    nll = -(wv[y] * lp[np.arange(n), y]).sum()
    smooth = -(lp * wv).sum()
    loss = ((1 - eps) * nll + eps / C * smooth) / S
    g = ((1 - eps) * wv[y][:, None] * (p - onehot) + eps / C * (p * wv.sum() - wv)) / S
    return loss, g, z


def training_cases():
    out = []
    specs = [
        dict(name="notebook C", x=[[1.0, 0.0, 0.0]], y=[2],
             W=[[0.2210, 0, 0], [-1.4186, 0, 0], [-1.5137, 0, 0]], b=[0.0, 0.0, 0.0],
             opt=dict(name="sgd", lr=0.1), loss=dict(), steps=51),
    ]
    for k, (opt, loss) in enumerate([
            (dict(name="sgd", lr=0.5, momentum=0.9), dict()),
            (dict(name="sgd", lr=0.2, momentum=0.5, nesterov=True, weight_decay=0.01),
             dict(weight=[1.0, 3.0, 0.5], label_smoothing=0.1)),
            (dict(name="adam", lr=0.05), dict(label_smoothing=0.2))]):
        x = rng.standard_normal((12, 2)).round(5)
        y = rng.integers(0, 3, 12)
        W = rng.uniform(-0.7, 0.7, (3, 2)).round(5)
        b = rng.uniform(-0.7, 0.7, 3).round(5)
        specs.append(dict(name=f"blobs {k}", x=x.tolist(), y=y.tolist(), W=W.tolist(), b=b.tolist(), opt=opt,
                          loss=loss, steps=30))
    for s in specs:
        x = np.array(s["x"])
        y = np.array(s["y"])
        W = np.array(s["W"], dtype=np.float64)
        b = np.array(s["b"], dtype=np.float64)
        opt = s["opt"]
        lr = opt["lr"]
        losses, logits_hist, acc = [], [], []
        state = {}
        t = 0
        for _ in range(s["steps"]):
            z = x @ W.T + b
            loss, g, _ = ce_numpy(z, y, s["loss"].get("weight"), s["loss"].get("label_smoothing", 0.0))
            losses.append(float(loss))
            logits_hist.append(z.tolist())
            acc.append(float((z.argmax(1) == y).mean()))
            grads = [g.T @ x, g.sum(0)]
            t += 1
            new = []
            for idx, (p, gr) in enumerate(zip([W, b], grads)):
                d = gr + opt.get("weight_decay", 0.0) * p
                if opt["name"] == "sgd":
                    mom = opt.get("momentum", 0.0)
                    if mom:
                        buf = state.get(idx)
                        buf = d.copy() if buf is None else mom * buf + d
                        state[idx] = buf
                        d = d + mom * buf if opt.get("nesterov") else buf
                    new.append(p - lr * d)
                else:
                    m, v = state.get(idx, (np.zeros_like(p), np.zeros_like(p)))
                    m = m + 0.1 * (d - m)
                    v = 0.999 * v + 0.001 * d * d
                    state[idx] = (m, v)
                    new.append(p - (lr / (1 - 0.9 ** t)) * m / (np.sqrt(v) / np.sqrt(1 - 0.999 ** t) + 1e-8))
            W, b = new
        out.append(dict(name=s["name"], x=s["x"], targets=s["y"], weight=s["W"], bias=s["b"], optimizer=opt,
                        loss=s["loss"], steps=s["steps"], expect=dict(loss=losses, logits=logits_hist,
                                                                      accuracy=acc, final_weight=W.tolist(),
                                                                      final_bias=b.tolist())))
    return out


def write(name, data):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    write("cross_entropy_cases.json", cross_entropy_cases())
    write("optimizer_cases.json", optimizer_cases())
    write("training_cases.json", training_cases())
    print("wrote reference data to", HERE)
