#!/usr/bin/env python3
"""Assembles bench/run's measurements (target/bench/*.json, probe.txt) into results.json and prints the table.

Usage: bench/report.py OUT_DIR RSS_SECONDS STARTUP_MS...
"""
import json, os, platform, statistics, subprocess, sys, datetime
out, rss_seconds, startups = sys.argv[1], int(sys.argv[2]), [int(s) for s in sys.argv[3:] if s.strip()]
jmh = json.load(open(os.path.join(out, "jmh.json")))
engine = {r["params"]["shape"]: r["primaryMetric"]["score"] for r in jmh}
numpy = json.load(open(os.path.join(out, "numpy.json")))
sampling_path = os.path.join(out, "jmh-sampling.json")
sampling = ({str(r["params"]["vocabulary"]): r["primaryMetric"]["score"] for r in json.load(open(sampling_path))}
            if os.path.exists(sampling_path) else {})
ui = json.load(open(os.path.join(out, "ui.json")))
# One training step of the engine under JMH -prof gc: microseconds and bytes allocated per step, by batch size.
step_path = os.path.join(out, "jmh-training.json")
training_step = ({("full batch" if r["params"]["batchSize"] == "0" else "batch " + r["params"]["batchSize"]):
                  {"us": r["primaryMetric"]["score"],
                   "bytes": next(v["score"] for k, v in r["secondaryMetrics"].items()
                                 if k.endswith("gc.alloc.rate.norm"))}
                  for r in json.load(open(step_path))} if os.path.exists(step_path) else {})
# The newer tabs' slider changes, each to its frame (UiBenchmark), with the target each is held to.
FRAME_FIGURES = {
    "sampling_slider_v131072_ms": "Sampling temperature, V = 131,072, every step on (issue 36: Explorer's target)",
    "calibration_temperature_100k_ms": "Calibration temperature, 100,000 rows (issue 37: Explorer's target)",
    "explorer_c10_precision_shown_ms": "Explorer C = 10, precision panel shown",
    "explorer_c10_precision_hidden_ms": "Explorer C = 10, precision panel hidden (issue 38: shown adds <= 1 ms)",
}
lab_path = os.path.join(out, "lab.json")
lab = json.load(open(lab_path)) if os.path.exists(lab_path) else {}
probe = {}
for line in open(os.path.join(out, "probe.txt")):
    key, _, value = line.removeprefix("probe ").strip().partition("=")
    try:
        probe[key] = float(value)
    except ValueError:
        pass  # text lines such as the status bar's
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
results = {
    "date": datetime.date.today().isoformat(),
    "machine": {"cores": os.cpu_count(), "java": java, "os": platform.platform()},
    "engine_ce_ms": engine,
    "numpy_ce_ms": numpy["numpy_ce_ms"],
    "ratio_engine_over_numpy": {k: engine[k] / numpy["numpy_ce_ms"][k] for k in engine},
    "sampling_chain_ms": sampling,
    "explorer_update_ms": ui["explorer_update_ms"],
    "explorer_update_losses_tab_ms": ui.get("explorer_update_losses_tab_ms"),
    "tab_frames_ms": {k: ui[k] for k in FRAME_FIGURES if k in ui},
    "training_steps_per_s": ui["training_steps_per_s"],
    "training_step_jmh": training_step,
    "training_fps": ui["training_fps"],
    "training_fps_steps_per_s": ui["training_fps_steps_per_s"],
    "lab_ms": lab,
    "startup_ms": statistics.median(startups) if startups else None,
    "rss_mb": probe.get("rss_mb"),
    "rss_after_seconds": rss_seconds,
}
json.dump(results, open(os.path.join(out, "results.json"), "w"), indent=2)
print(f"Softmax Lab benchmark, {results['date']}, {os.cpu_count()} cores, {java}")
print(f"{'shape':>10} {'engine ms':>10} {'numpy ms':>10} {'ratio':>7}   (target ratio <= 0.6 at 1024x1000, 4096x1000)")
for k in engine:
    print(f"{k:>10} {engine[k]:>10.4f} {numpy['numpy_ce_ms'][k]:>10.4f} {results['ratio_engine_over_numpy'][k]:>7.2f}")
for v, ms in sampling.items():
    print(f"sampling chain, every step on, V = {int(v):,}: {ms:.2f} ms   (target <= 5 at V = 131,072)")
for c, v in ui["explorer_update_ms"].items():
    print(f"explorer_update_ms {c:>7}: median {v['median']:.2f}, p95 {v['p95']:.2f} (view-model and engine "
          f"{v['model_ms']:.2f}, CSS and layout {v['css_layout_ms']:.2f}, frame {v['render_ms']:.2f})   "
          f"(target median <= 8 at C=10, <= 16 at C=1000)")
for c, v in ui.get("explorer_update_losses_tab_ms", {}).items():
    print(f"explorer_update_ms {c:>7} with the Losses tab shown: median {v['median']:.2f}, p95 {v['p95']:.2f}   "
          f"(target median <= 8 at C=10)")
for k, label in FRAME_FIGURES.items():
    if k in ui:
        v = ui[k]
        print(f"{label}: median {v['median']:.2f}, p95 {v['p95']:.2f} (view-model and engine {v['model_ms']:.2f}, "
              f"CSS and layout {v['css_layout_ms']:.2f}, frame {v['render_ms']:.2f})")
if "explorer_c10_precision_shown_ms" in ui and "explorer_c10_precision_hidden_ms" in ui:
    added = ui["explorer_c10_precision_shown_ms"]["median"] - ui["explorer_c10_precision_hidden_ms"]["median"]
    print(f"the precision panel adds {added:.2f} ms to a C = 10 logit change (median)   (target <= 1, issue 38)")
targets = {"precision_panel_c10_ms": "<= 1 (issue 38)", "calibration_ece_and_fit_1m_ms": "<= 1000 (issue 37)",
           "calibration_temperature_change_100k_ms": "within a frame, 16.7 (issue 37)",
           "sampling_change_v131072_ms": "within a frame, 16.7 (issue 36)",
           "attention_change_16_tokens_ms": "within a frame", "attention_sweep_16_tokens_ms": "once per seed or mask"}
for k, v in lab.items():
    print(f"{k}: {v:.3f} ms   (target {targets.get(k, '-')})")
print(f"training_steps_per_s (engine): {ui['training_steps_per_s']:,.0f}   (target >= 130,000, issue 40)")
for k, v in training_step.items():
    print(f"training step (JMH -prof gc), {k}: {v['us']:.2f} us, {v['bytes']:.2f} bytes allocated per step   "
          f"(target 0, issue 40: below 16, the smallest object, is the profiler's own noise)")
print(f"training_fps: {ui['training_fps']:.1f} with {ui['training_fps_steps_per_s']:,.0f} steps/s   (target >= 55 fps with >= 10,000 steps/s)")
print(f"startup_ms: {results['startup_ms']}   (target <= 1500)")
print(f"rss_mb after {rss_seconds} s of training animation: {results['rss_mb']}   (target <= 300)")
print(f"wrote {os.path.join(out, 'results.json')}")
