package org.softmaxlab.cli;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import org.softmaxlab.engine.LossSpec;
import org.softmaxlab.engine.Precision;
import org.softmaxlab.engine.RoundedCrossEntropy;
import org.softmaxlab.engine.SoftmaxAlgorithm;
import org.softmaxlab.engine.Targets;
import org.softmaxlab.json.Fields;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.json.JsonRecords;

/**
 * What {@code eval} reads: logits (n rows of C numbers, or one flat row), targets (class indices or probability rows;
 * for one flat row also a bare index or one flat probability row) and the loss options.
 */
record EvalInput(JsonNode logits, JsonNode targets, String loss, @JsonAlias("weights") double[] weight,
                 double[] alpha, Integer ignoreIndex, String reduction, Double labelSmoothing, Double temperature,
                 Integer p, Double margin, Double gamma, double[] posWeight, String units, String precision,
                 String accumulate, String algorithm) {

    /** Whether the input asks for a format's arithmetic ({@code precision}, {@code accumulate} or {@code algorithm}). */
    boolean rounded() {
        return precision != null || accumulate != null || algorithm != null;
    }

    /** The format, its sum's format and the algorithm: float64, the same and stable unless given. */
    RoundedCrossEntropy.Settings roundedSettings() throws JsonInputException {
        try {
            Precision f = precision == null ? Precision.FLOAT64 : Precision.parse(precision);
            Precision sum;
            if (accumulate == null || accumulate.equalsIgnoreCase("same")) {
                sum = f;
            } else if (accumulate.equalsIgnoreCase("float32")) {
                sum = Precision.FLOAT32;
            } else {
                throw new IllegalArgumentException("accumulate must be \"same\" or \"float32\", got \"" + accumulate
                        + "\"");
            }
            return new RoundedCrossEntropy.Settings(f, sum, algorithm == null ? SoftmaxAlgorithm.STABLE
                    : SoftmaxAlgorithm.parse(algorithm));
        } catch (IllegalArgumentException e) {
            throw new JsonInputException(e.getMessage());
        }
    }

    /** The options a format's arithmetic does not take: named, so that nothing is silently dropped. */
    void checkRoundedOptions() throws JsonInputException {
        String refused = loss != null && !loss.equals("cross_entropy") ? "loss \"" + loss + "\""
                : weight != null ? "weight" : labelSmoothing != null && labelSmoothing != 0 ? "label_smoothing"
                : temperature != null && temperature != 1 ? "temperature" : units != null && !units.equals("nats")
                ? "units \"" + units + "\"" : null;
        if (refused != null) {
            throw new JsonInputException("precision, accumulate and algorithm compute cross_entropy with class-index "
                    + "targets in nats, without weight, label_smoothing or temperature; the input has " + refused);
        }
    }

    /** Whether the logits are one flat row (a single sample, written without the outer brackets). */
    boolean single() {
        return logits != null && logits.isArray() && !logits.isEmpty() && !logits.get(0).isArray();
    }

    double[][] logitMatrix() throws JsonInputException {
        JsonNode z = Fields.required(logits, "logits");
        if (single()) {
            return new double[][] {Fields.finite(JsonRecords.convert(z, double[].class, "logits"), "logits")};
        }
        if (!z.isArray() || z.isEmpty()) {
            throw new JsonInputException("logits must be a non-empty array of rows, not "
                    + (z.isArray() ? "an empty array" : JsonRecords.kind(z)));
        }
        return Fields.matrix(JsonRecords.convert(z, double[][].class, "logits"), "logits", Integer.MAX_VALUE,
                Integer.MAX_VALUE);
    }

    Targets targetValues(int classes) throws JsonInputException {
        JsonNode t = Fields.required(targets, "targets");
        if (single() && t.isIntegralNumber()) {
            return Targets.indices(JsonRecords.convert(t, int.class, "targets"));
        }
        if (!t.isArray() || t.isEmpty()) {
            throw new JsonInputException("targets must be a non-empty array of class indices or of probability "
                    + "rows, not " + (t.isArray() ? "an empty array" : JsonRecords.kind(t)));
        }
        if (t.get(0).isArray()) {
            return Targets.probabilities(Fields.matrix(JsonRecords.convert(t, double[][].class, "targets"),
                    "targets", Integer.MAX_VALUE, Integer.MAX_VALUE));
        }
        if (single()) {
            // One sample: a bare index, or one row of C probabilities; whole numbers only would be a guess.
            if (t.size() != classes || allIntegers(t)) {
                throw new JsonInputException("for one flat row of logits, targets is a class index (a number) or one "
                        + "row of " + classes + " probabilities written with decimals, not "
                        + (allIntegers(t) ? "an array of whole numbers" : "an array of " + t.size() + " numbers"));
            }
            return Targets.probabilities(new double[][] {Fields.finite(JsonRecords.convert(t, double[].class,
                    "targets"), "targets")});
        }
        return Targets.indices(JsonRecords.convert(t, int[].class, "targets"));
    }

    private static boolean allIntegers(JsonNode array) {
        for (JsonNode v : array) {
            if (!v.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    /** The loss and its options. */
    LossSpec spec() throws JsonInputException {
        return new LossOptionsInput(loss, weight, alpha, ignoreIndex, reduction, labelSmoothing, temperature, p, margin,
                gamma, posWeight, units).validate("", "loss");
    }

    /**
     * bce_with_logits' targets: one number in [0, 1] per logit, the logits' shape (whole numbers allowed); for flat
     * logits (n outputs of one unit each) a flat array of n.
     */
    double[][] multiLabelTargets(double[][] logitRows, boolean flat) throws JsonInputException {
        JsonNode t = Fields.required(targets, "targets");
        if (!t.isArray() || t.isEmpty()) {
            throw new JsonInputException("targets must be a non-empty array with the logits' shape, not "
                    + (t.isArray() ? "an empty array" : JsonRecords.kind(t)));
        }
        double[][] rows;
        if (flat) {
            double[] v = Fields.finite(JsonRecords.convert(t, double[].class, "targets"), "targets");
            rows = new double[v.length][];
            for (int i = 0; i < v.length; i++) {
                rows[i] = new double[] {v[i]};
            }
        } else {
            rows = Fields.matrix(JsonRecords.convert(t, double[][].class, "targets"), "targets", Integer.MAX_VALUE,
                    Integer.MAX_VALUE);
        }
        if (rows.length != logitRows.length) {
            throw new JsonInputException("targets have " + rows.length + " entries but logits have "
                    + logitRows.length);
        }
        return rows;
    }
}
