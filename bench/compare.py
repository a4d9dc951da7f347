#!/usr/bin/env python3
"""Prints two bench/run results side by side: every figure of either, the earlier value, the new one and their ratio.

Usage: bench/compare.py BEFORE.json AFTER.json [NAME-OF-BEFORE]
A ratio below 1 is faster or smaller for times and sizes (ms, MB), slower for rates (steps/s, fps): the last column
says which way each figure went. Judge a change against a baseline measured on the same machine in the same hour.
"""
import json
import sys

HIGHER_IS_BETTER = ("steps_per_s", "fps")


def flatten(node, prefix=""):
    """{"a": {"b": 1}} -> {"a.b": 1}: every number of a results.json by its path (date and machine left out)."""
    out = {}
    for key, value in node.items():
        if prefix == "" and key in ("date", "machine"):
            continue
        path = prefix + key
        if isinstance(value, dict):
            out.update(flatten(value, path + "."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[path] = float(value)
    return out


def verdict(path, ratio):
    if ratio == 1:
        return "same"
    better = ratio > 1 if any(h in path for h in HIGHER_IS_BETTER) else ratio < 1
    return "better" if better else "worse"


def main():
    before_raw, after_raw = (json.load(open(p)) for p in sys.argv[1:3])
    name = sys.argv[3] if len(sys.argv) > 3 else sys.argv[1]
    before, after = flatten(before_raw), flatten(after_raw)
    print(f"\ncompared with {name} ({before_raw.get('date', '?')}) -> this run ({after_raw.get('date', '?')})")
    width = max([len(k) for k in list(before) + list(after)] + [6])
    print(f"{'figure':<{width}} {'before':>12} {'now':>12} {'now/before':>10}")
    for path in list(before) + [k for k in after if k not in before]:
        b, a = before.get(path), after.get(path)
        if b is None or a is None:
            shown_b = "-" if b is None else f"{b:12.4g}"
            shown_a = "-" if a is None else f"{a:12.4g}"
            print(f"{path:<{width}} {shown_b:>12} {shown_a:>12} {'(one run only)':>10}")
            continue
        ratio = a / b if b != 0 else float("inf") if a != 0 else 1.0
        print(f"{path:<{width}} {b:12.4g} {a:12.4g} {ratio:10.2f}  {verdict(path, ratio)}")


if __name__ == "__main__":
    main()
