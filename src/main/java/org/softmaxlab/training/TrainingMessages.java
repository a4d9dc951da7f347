package org.softmaxlab.training;

import java.util.Locale;
import org.softmaxlab.engine.TrainingStep;
import org.softmaxlab.model.Numbers;

/** The texts the training thread writes: the log's lines and why a run stopped by itself. */
final class TrainingMessages {
    private TrainingMessages() {
    }

    /** The log line of {@code step} in the notebook's format, with the sample's logits when the batch is one row. */
    static String logLine(long step, double loss, double[] logits) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Step %2d | Loss: %.4f", step, loss));
        if (logits != null) {
            line.append(" | Logits: [");
            for (int k = 0; k < logits.length; k++) {
                line.append(k > 0 ? " " : "").append(String.format(Locale.ROOT, "%6.3f", logits[k]));
            }
            line.append(']');
        }
        return line.toString();
    }

    /** Why training stopped by itself, about the step shown (the one after the update that blew up). */
    static String divergence(TrainingStep current, double learningRate, double firstLoss) {
        String lr = Numbers.editable(learningRate);
        if (!Double.isFinite(current.loss())) {
            return "Training diverged at step " + current.step() + ": the loss is "
                    + (Double.isNaN(current.loss()) ? "NaN" : "infinite") + ". The learning rate " + lr
                    + " is too large.";
        }
        return "Training diverged at step " + current.step() + ": the loss is " + Numbers.fixed4(current.loss())
                + ", more than " + Numbers.editable(TrainingWorker.DIVERGENCE_FACTOR) + " times its start ("
                + Numbers.fixed4(firstLoss) + "). The learning rate " + lr + " is too large.";
    }
}
