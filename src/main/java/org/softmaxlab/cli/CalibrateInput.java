package org.softmaxlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.softmaxlab.engine.Calibration;
import org.softmaxlab.json.Fields;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.json.JsonRecords;

/**
 * What {@code calibrate} reads: n rows of C logits, n target indices, and the options (bins, binning, temperature,
 * whether to fit a temperature). With {@code --logits} files the arrays come from the files and the options from
 * {@code --options}.
 */
record CalibrateInput(JsonNode logits, JsonNode targets, Integer bins, String binning, Double temperature,
                      Boolean fit) {

    double[][] logitMatrix() throws JsonInputException {
        JsonNode z = Fields.required(logits, "logits");
        if (!z.isArray() || z.isEmpty() || !z.get(0).isArray()) {
            throw new JsonInputException("logits must be a non-empty array of rows (n x C), not "
                    + (z.isArray() ? (z.isEmpty() ? "an empty array" : "one flat row") : JsonRecords.kind(z)));
        }
        return Fields.matrix(JsonRecords.convert(z, double[][].class, "logits"), "logits", Integer.MAX_VALUE,
                Integer.MAX_VALUE);
    }

    int[] targetIndices() throws JsonInputException {
        JsonNode t = Fields.required(targets, "targets");
        if (!t.isArray()) {
            throw new JsonInputException("targets must be an array of class indices, not " + JsonRecords.kind(t));
        }
        return JsonRecords.convert(t, int[].class, "targets");
    }

    int binCount() throws JsonInputException {
        int m = Fields.or(bins, 15);
        if (m < 1) {
            throw new JsonInputException("bins = " + m + " is out of range: at least 1");
        }
        return m;
    }

    Calibration.Binning binningKind() throws JsonInputException {
        String b = Fields.or(binning, "uniform");
        return switch (b) {
            case "uniform" -> Calibration.Binning.UNIFORM;
            case "adaptive" -> Calibration.Binning.ADAPTIVE;
            default -> throw new JsonInputException("binning is \"" + b + "\"; it must be \"uniform\" or "
                    + "\"adaptive\"");
        };
    }

    double temperatureValue() throws JsonInputException {
        double t = Fields.or(temperature, 1.0);
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new JsonInputException("temperature = " + t + " is out of range: it must be a positive number");
        }
        return t;
    }

    boolean fitting() {
        return Fields.or(fit, true);
    }
}
