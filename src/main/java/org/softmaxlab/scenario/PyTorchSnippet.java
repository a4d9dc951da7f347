package org.softmaxlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.softmaxlab.engine.Trainer;
import org.softmaxlab.model.AppTab;
import org.softmaxlab.model.OptimizerKind;
import org.softmaxlab.model.TrainingSetup;

/**
 * A self-contained Python program that reproduces a scenario with PyTorch (>= 1.10; nothing else needed): for the
 * Explorer, the loss and its gradient with every option set; for the Training tab, the data, the initial layer, the
 * optimiser and the loop. The program's last line of output is one JSON object: {@code {"loss", "grad_logits"}} or
 * {@code {"losses", "weight", "bias"}}. Used by {@code snippet} and Edit > Copy as PyTorch code.
 */
public final class PyTorchSnippet {
    private PyTorchSnippet() {
    }

    /** The program for the scenario's shown tab; training runs {@code steps} steps. */
    public static String of(Scenario s, int steps) {
        return s.tab() == AppTab.TRAINING ? training(s.training().setup(), steps) : explorer(s.explorer());
    }

    /** The Explorer's batch: loss and d(loss)/d(logits), as the app computes them. */
    public static String explorer(Scenario.Explorer e) {
        StringBuilder py = header("the Explorer's loss and its gradient with respect to the logits");
        py.append("logits = torch.tensor(").append(matrix(e.logits())).append(", requires_grad=True)\n");
        py.append("targets = torch.tensor(").append(ints(e.targets())).append(")  # -100: ignored\n");
        py.append("weight = ").append(e.weightsEnabled() ? "torch.tensor(" + vector(e.weights()) + ")" : "None")
                .append("\n");
        py.append("T = ").append(number(e.temperature())).append("  # temperature: the loss sees logits / T\n");
        py.append("loss_fn = torch.nn.CrossEntropyLoss(weight=weight, ignore_index=-100, reduction=\"")
                .append(e.reduction().label()).append("\", label_smoothing=").append(number(e.labelSmoothing()))
                .append(")\n");
        py.append("loss = loss_fn(logits / T, targets)\n");
        py.append("loss.sum().backward()  # for reduction \"none\", the gradient of the sum\n");
        py.append("print(\"softmax:\", torch.softmax(logits.detach() / T, dim=1).tolist())\n");
        py.append("print(json.dumps({\"loss\": loss.tolist(), \"grad_logits\": logits.grad.tolist()}))\n");
        return py.toString();
    }

    /** The Training tab's run: {@code steps} steps from the setup's data and initial layer. */
    public static String training(TrainingSetup setup, int steps) {
        Trainer trainer = setup.build();
        double[][] x = trainer.dataset().x();
        int[] y = trainer.dataset().labels();
        double[][] w = trainer.model().weight();
        double[] b = trainer.model().bias();
        boolean miniBatch = trainer.batchSize() < x.length;
        List<int[]> batches = new ArrayList<>();
        if (miniBatch) {
            // The app's seeded shuffle, replayed: the samples each step uses.
            for (int k = 0; k < steps; k++) {
                trainer.stepLoss();
                batches.add(trainer.lastBatch());
            }
        }
        StringBuilder py = header("the Training tab: Linear(" + x[0].length + ", " + w.length + ") trained for "
                + steps + " steps");
        py.append("X = torch.tensor(").append(matrix(x)).append(")\n");
        py.append("y = torch.tensor(").append(ints(y)).append(")\n");
        py.append("model = torch.nn.Linear(").append(x[0].length).append(", ").append(w.length).append(", bias=")
                .append(b != null ? "True" : "False").append(")\n");
        py.append("with torch.no_grad():\n");
        py.append("    model.weight.copy_(torch.tensor(").append(matrix(w)).append("))\n");
        if (b != null) {
            py.append("    model.bias.copy_(torch.tensor(").append(vector(b)).append("))\n");
        }
        py.append(optimizer(setup));
        double[] cw = setup.classWeights();
        py.append("loss_fn = torch.nn.CrossEntropyLoss(weight=").append(cw == null ? "None"
                : "torch.tensor(" + vector(cw) + ")").append(", label_smoothing=")
                .append(number(setup.labelSmoothing())).append(")\n");
        py.append("T = ").append(number(setup.temperature())).append("  # temperature: the loss sees logits / T\n");
        if (miniBatch) {
            py.append("# The samples of each step (the app's seeded shuffle, batch size ").append(setup.batchSize())
                    .append(")\n");
            py.append("batches = [");
            for (int k = 0; k < batches.size(); k++) {
                py.append(k > 0 ? ", " : "").append(ints(batches.get(k)));
            }
            py.append("]\n");
        }
        py.append("losses = []\n");
        py.append("for step in range(").append(steps).append("):\n");
        py.append(miniBatch ? "    idx = torch.tensor(batches[step])\n" : "");
        py.append("    optimizer.zero_grad()\n");
        py.append(miniBatch ? "    loss = loss_fn(model(X[idx]) / T, y[idx])\n" : "    loss = loss_fn(model(X) / T, y)\n");
        py.append("    losses.append(loss.item())\n");
        py.append("    loss.backward()\n");
        py.append("    optimizer.step()\n");
        py.append("print(\"loss at the first and last step:\", losses[:1], losses[-1:])\n");
        py.append("print(json.dumps({\"losses\": losses, \"weight\": model.weight.tolist(), \"bias\": ")
                .append(b != null ? "model.bias.tolist()" : "None").append("}))\n");
        return py.toString();
    }

    /** The optimizer's line: torch.optim.Adam or SGD with the setup's settings. */
    private static String optimizer(TrainingSetup setup) {
        if (setup.optimizer() == OptimizerKind.ADAM) {
            return "optimizer = torch.optim.Adam(model.parameters(), lr=" + number(setup.lr())
                    + ", betas=(0.9, 0.999), eps=1e-08, weight_decay=" + number(setup.weightDecay()) + ")\n";
        }
        boolean nesterov = setup.nesterov() && setup.momentum() > 0;
        return "optimizer = torch.optim.SGD(model.parameters(), lr=" + number(setup.lr()) + ", momentum="
                + number(setup.momentum()) + ", nesterov=" + (nesterov ? "True" : "False") + ", weight_decay="
                + number(setup.weightDecay()) + ")\n";
    }

    private static StringBuilder header(String what) {
        StringBuilder py = new StringBuilder();
        py.append("# Softmax Lab: ").append(what).append(", with PyTorch (>= 1.10).\n");
        py.append("# Every number is the app's, in float64. The last line printed is one JSON object.\n");
        py.append("import json\n\nimport torch\n\ntorch.set_default_dtype(torch.float64)\n\n");
        return py;
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return Double.toString(v);
    }

    private static String vector(double[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i > 0 ? ", " : "").append(number(v[i]));
        }
        return s.append(']').toString();
    }

    private static String matrix(double[][] m) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            s.append(i > 0 ? ", " : "").append(vector(m[i]));
        }
        return s.append(']').toString();
    }

    private static String ints(int[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i > 0 ? ", " : "").append(v[i]);
        }
        return s.append(']').toString();
    }
}
