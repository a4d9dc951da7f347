package org.softmaxlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.softmaxlab.testing.Reference.assertClose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.softmaxlab.testing.Reference;

/** SGD, Adam and whole training runs against numpy float64 references following torch.optim step by step. */
class OptimizerAndTrainerReferenceTest {

    static Stream<Named<JsonNode>> optimizerCases() {
        return Reference.load("optimizer_cases.json").stream()
                .map(c -> Named.of(c.get("optimizer").toString(), c));
    }

    static Stream<Named<JsonNode>> trainingCases() {
        return Reference.load("training_cases.json").stream().map(c -> Named.of(c.get("name").asText(), c));
    }

    /** An optimiser from its JSON settings (the same keys as the CLI's "optimizer" object). */
    static Optimizer optimizerOf(JsonNode o) {
        double lr = o.get("lr").asDouble();
        double wd = o.path("weight_decay").asDouble(0);
        if (o.get("name").asText().equals("adam")) {
            JsonNode betas = o.get("betas");
            return new Adam(lr, betas == null ? 0.9 : betas.get(0).asDouble(),
                    betas == null ? 0.999 : betas.get(1).asDouble(), o.path("eps").asDouble(1e-8), wd);
        }
        return new Sgd(lr, o.path("momentum").asDouble(0), o.path("dampening").asDouble(0),
                o.path("nesterov").asBoolean(false), wd);
    }

    @ParameterizedTest
    @MethodSource("optimizerCases")
    void optimizerFollowsTorchStepByStep(JsonNode c) {
        Optimizer optimizer = optimizerOf(c.get("optimizer"));
        double[][] params = {Reference.vector(c.get("params"))};
        JsonNode grads = c.get("grads");
        for (int t = 0; t < grads.size(); t++) {
            optimizer.step(params, new double[][] {Reference.vector(grads.get(t))});
            assertClose(Reference.vector(c.get("expect").get(t)), params[0], "parameters after step " + (t + 1));
        }
    }

    @ParameterizedTest
    @MethodSource("trainingCases")
    void trainerFollowsReferenceTrajectory(JsonNode c) {
        JsonNode lossJson = c.get("loss");
        CrossEntropyOptions options = CrossEntropyOptions.defaults()
                .withWeight(lossJson.has("weight") ? Reference.vector(lossJson.get("weight")) : null)
                .withLabelSmoothing(lossJson.path("label_smoothing").asDouble(0));
        double[][] x = Reference.matrix(c.get("x"));
        int[] y = Reference.ints(c.get("targets"));
        Linear model = Linear.of(Reference.matrix(c.get("weight")), Reference.vector(c.get("bias")));
        Dataset data = new Dataset(c.get("name").asText(), x, y, model.outputs());
        Trainer trainer = new Trainer(data, model, optimizerOf(c.get("optimizer")), options, 0, 0);
        JsonNode e = c.get("expect");
        for (int t = 0; t < c.get("steps").asInt(); t++) {
            TrainingStep s = trainer.step();
            // Errors compound over steps; 1e-12 still holds for these short runs.
            assertClose(e.get("loss").get(t).asDouble(), s.loss(), "loss at step " + t);
            assertClose(Reference.matrix(e.get("logits").get(t)), s.logits(), "logits at step " + t);
            assertEquals(e.get("accuracy").get(t).asDouble(), s.accuracy(), "accuracy at step " + t);
        }
        assertClose(Reference.matrix(e.get("final_weight")), model.weight(), "final weight");
        assertClose(Reference.vector(e.get("final_bias")), model.bias(), "final bias");
    }
}
