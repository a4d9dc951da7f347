package org.softmaxlab.model;

import org.softmaxlab.engine.CrossEntropyOptions;

/**
 * Every bound the app enforces, in one place: the views size their controls from these, the view-models and the
 * scenario files refuse values outside them, and the CLI takes its size limits from here. A change to a rule is a
 * change to one line.
 */
public final class Limits {
    /** A closed range [min, max] of allowed numbers. */
    public record Range(double min, double max) {
        public boolean contains(double v) {
            return v >= min && v <= max;
        }
    }

    /** A closed range [min, max] of allowed whole numbers. */
    public record IntRange(int min, int max) {
        public boolean contains(long v) {
            return v >= min && v <= max;
        }

        /** The nearest allowed value to {@code v}. */
        public int clamp(int v) {
            return Math.max(min, Math.min(max, v));
        }
    }

    /** A class-index target equal to this counts nowhere (PyTorch's default {@code ignore_index}). */
    public static final int IGNORE_INDEX = CrossEntropyOptions.DEFAULT_IGNORE_INDEX;

    // ---- Explorer -------------------------------------------------------------------------------------------

    /** Classes C of the Explorer (with "many classes" on; each class gets an editor row up to MAX_SLIDER_CLASSES). */
    public static final IntRange CLASSES = new IntRange(2, 1000);
    /** Classes with a slider row of their own; above this the panels list the most probable. */
    public static final int MAX_SLIDER_CLASSES = 20;
    /** Samples n of the Explorer's batch. */
    public static final IntRange SAMPLES = new IntRange(1, 8);
    /** Temperature T accepted anywhere (typed, files). */
    public static final Range TEMPERATURE = new Range(1e-6, 1e6);
    /** Temperature on the sliders (log scale); typed values outside it are still accepted. */
    public static final Range TEMPERATURE_SLIDER = new Range(0.05, 20);
    /** Label smoothing eps. */
    public static final Range LABEL_SMOOTHING = new Range(0, 1);
    /** Class weights: finite and at least 0. */
    public static final Range CLASS_WEIGHT = new Range(0, Double.MAX_VALUE);
    /** Half-width of the logit sliders and top of the weight sliders before typed values widen them. */
    public static final double DEFAULT_LOGIT_RANGE = 10;
    public static final double DEFAULT_WEIGHT_RANGE = 10;

    // ---- Training -------------------------------------------------------------------------------------------

    /** Classes K of the 2-D datasets. */
    public static final IntRange TRAINING_CLASSES = new IntRange(2, 6);
    /** Points per class of the 2-D datasets. */
    public static final IntRange POINTS_PER_CLASS = new IntRange(1, 1000);
    /** Spread of the 2-D datasets (files); the slider shows the useful part. */
    public static final Range NOISE = new Range(0, 10);
    public static final Range NOISE_SLIDER = new Range(0, 2);
    /** Dataset and initialisation seeds. */
    public static final IntRange SEED = new IntRange(0, Integer.MAX_VALUE);
    /** Learning rate accepted anywhere; the slider (log scale) shows the useful part. */
    public static final Range LEARNING_RATE = new Range(1e-8, 1000);
    public static final Range LEARNING_RATE_SLIDER = new Range(1e-4, 100);
    /** SGD momentum (files); the slider stops a little lower. */
    public static final Range MOMENTUM = new Range(0, 0.999);
    public static final Range MOMENTUM_SLIDER = new Range(0, 0.99);
    /** L2 weight decay (files); the slider shows the useful part. */
    public static final Range WEIGHT_DECAY = new Range(0, 10);
    public static final Range WEIGHT_DECAY_SLIDER = new Range(0, 0.1);
    /** Mini-batch size, 0 for the full batch. */
    public static final IntRange BATCH_SIZE = new IntRange(0, 100_000);
    /** Classes of a layer the CLI's {@code train} initialises itself. */
    public static final IntRange CLI_CLASSES = new IntRange(1, 100_000);
    /** Steps a scenario or the CLI may ask for. */
    public static final IntRange STEPS = new IntRange(0, 10_000_000);
    /** Speed slider: log10 of steps per second; the top means "as fast as possible". */
    public static final Range SPEED_EXPONENT = new Range(0, 6);

    // ---- Attention tab ----------------------------------------------------------------------------------------

    /** Tokens of the Attention tab (queries and keys are the same tokens). */
    public static final IntRange ATTENTION_TOKENS = new IntRange(2, 16);
    /** The query and key vectors' dimension d. */
    public static final IntRange ATTENTION_DIM = new IntRange(2, 512);
    /** The standard deviation of the random vectors' entries. */
    public static final Range ATTENTION_SPREAD = new Range(0.1, 3);
    /** The scale slider's range (log). */
    public static final Range ATTENTION_SCALE = new Range(0.01, 10);

    // ---- Files ----------------------------------------------------------------------------------------------

    /** Samples and classes of imported logits (NumPy, CSV, pasted); more than 8 samples is the Explorer's dataset view. */
    public static final int IMPORT_SAMPLES = 10_000;
    public static final int IMPORT_CLASSES = 1000;

    /** Tokens in one row of the Sampling tab's and {@code sample}'s logits (Llama 3 has 128,256; Gemma 262,144). */
    public static final IntRange VOCABULARY = new IntRange(1, 262_144);
    /** Rows of a validation set {@code calibrate} and the Calibration tab import. */
    public static final int CALIBRATION_ROWS = 1_000_000;
    /** Seeded draws {@code sample} takes from one row. */
    public static final IntRange DRAWS = new IntRange(0, 10_000_000);
    /** Scenario files larger than this are refused before parsing. */
    public static final long MAX_SCENARIO_BYTES = 10L * 1024 * 1024;
    /** CLI input larger than this is refused while reading. */
    public static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

    private Limits() {
    }
}
