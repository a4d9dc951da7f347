package org.softmaxlab.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The public element ids, tab by tab: the contract users' TestFX tests and scripts depend on, written out in
 * docs/IDS.md (IdsTest checks that page against these lists, and every id against the running app). An id with a
 * part in angle brackets is a family: {@code <c>} a class index from 0, {@code <format>} one of float64, float32,
 * bfloat16, float16, {@code <name>} a loss's name.
 */
public final class Ids {
    /** Explorer. */
    public static final List<String> EXPLORER = List.of(
            "explorerTab", "classCount", "manyClassesToggle", "sampleCount", "sampleSelector", "targetSelector",
            "logitSlider-<c>", "logitField-<c>", "weightSlider-<c>", "weightField-<c>", "weightsEnabled",
            "temperatureSlider", "temperatureField", "labelSmoothingSlider", "labelSmoothingField",
            "reductionChoice", "presetChoice", "explorerResetButton", "addConstantField",
            "addConstantButton", "lossValue", "bannerLoss", "prob-<c>", "grad-<c>", "logit-<c>", "probabilityChart",
            "logScaleToggle", "gradientChart", "lossChart", "logitChart", "lossCurve", "formulaMath",
            "derivationPane", "derivationMath", "sweepChoice", "stabilityPanel", "messageLabel", "predictToggle",
            "revealButton", "predictVerdict", "lossHistogram", "worstSamples", "sampleSearch", "datasetSummary");

    /** Losses. */
    public static final List<String> LOSSES = List.of(
            "lossesTab", "lossValue-<name>", "lossGradient-<name>", "focalGammaSlider", "ceVsMseButton",
            "saturationChart", "saturationValue-<name>", "informationChart", "unitsChoice", "binaryChart",
            "binaryText", "posWeightSlider");

    /** Lesson. */
    public static final List<String> LESSON = List.of(
            "lessonTab", "lessonIndex", "lessonTitle", "lessonText", "lessonPrev", "lessonNext", "lessonPosition");

    /** Training. */
    public static final List<String> TRAINING = List.of(
            "trainingTab", "datasetChoice", "playButton", "stepButton", "resetButton", "newSeedButton",
            "speedSlider", "stopLossField", "stopStepsField", "lrSlider", "lrField", "momentumSlider",
            "nesterovToggle", "optimizerChoice", "batchSpinner", "trainWeightsEnabled", "classWeightsField",
            "trainLabelSmoothingSlider", "trainTemperatureSlider", "stepValue", "trainLossValue", "accuracyValue",
            "gradNormValue", "trainingMessage", "resetLowerLrButton", "trainingHint", "lossHistoryChart",
            "lossLogScale", "decisionRegions", "logitBars", "probabilityBars", "weightHeatMap", "trainingLog",
            "weightsViewToggle", "logViewToggle", "classesSpinner", "perClassSpinner", "noiseSlider",
            "dataSeedSpinner", "biasToggle", "weightDecaySlider", "stagesToggle", "stageName", "stagePrev",
            "stageNext", "stageFormula", "stageNumbers", "historySlider", "raceToggle", "raceLossChoice",
            "raceRegions", "drawClassChoice", "clearPointsButton", "trainingPrecision", "lossScale", "masterWeights",
            "formatRunNote");

    /** Sampling. */
    public static final List<String> SAMPLING = List.of(
            "samplingTab", "samplingSource", "samplingPrompt", "generate", "samplingSeed", "samplingGenerated",
            "samplingTemperature", "samplingGreedy", "samplingTopK", "samplingTopP", "samplingMinP",
            "samplingTypicalP", "samplingEpsilon", "samplingPenalty", "samplingOrder", "orderHf", "orderLlama",
            "samplingStatus", "samplingKept", "samplingEntropy", "samplingPerplexity", "samplingSourceText",
            "samplingChart", "samplingMassChart", "drawOne", "drawMany", "drawCount", "drawChart", "drawnTokens",
            "samplingCompare", "samplingFormula");

    /** Calibration. */
    public static final List<String> CALIBRATION = List.of(
            "calibrationTab", "calibrationSource", "heldOutShare", "calibrationPlay", "calibrationBins",
            "calibrationBinning", "calibrationTemperature", "fitTemperature", "resetTemperature", "fitNote",
            "eceValue", "mceValue", "nllValue", "brierValue", "calibrationAccuracy", "calibrationVerdict",
            "calibrationSourceText", "reliabilityChart", "calibrationHistory", "calibrationHistoryNote",
            "calibrationStatus");

    /** Attention. */
    public static final List<String> ATTENTION = List.of(
            "attentionTab", "attentionTokens", "attentionDim", "attentionSeed", "attentionSpread", "attentionScale",
            "attentionScaleSlider", "attentionMask", "attentionTemperature", "attentionQuery", "attentionVectors",
            "attentionEntropy", "jacobianMax", "attentionScaleText", "attentionVerdict", "attentionWeights",
            "attentionScores", "attentionRow", "attentionJacobian", "attentionSweep", "attentionStatus");

    /** Explorer's precision panel. */
    public static final List<String> PRECISION_PANEL = List.of(
            "precisionPanel", "precisionAlgorithm", "precisionAccumulate", "logitScale", "logitScaleValue",
            "firstOverflow", "precisionVerdict", "prec-<format>-<c>", "prec-<format>-loss", "grad-<format>-<c>");

    /** Window. */
    public static final List<String> WINDOW = List.of(
            "statusBar", "presentationToggle", "controlsToggle", "numbersToggle", "trainingControlsToggle",
            "openItem", "saveItem", "saveAsItem", "presentationItem", "darkThemeItem", "zoomInItem", "zoomOutItem",
            "zoomResetItem", "exportPng1", "exportPng2", "exportPng4", "exportSvg", "exportExplorerCsv",
            "exportHistoryCsv", "exportPointsItem", "importItem", "importPointsItem", "openLessonItem", "undoItem",
            "redoItem", "pasteItem", "copyPyTorchItem", "recentMenu", "examplesMenu");

    private Ids() {
    }

    /** Every list above, in the order docs/IDS.md gives them. */
    public static List<List<String>> tabs() {
        return List.of(EXPLORER, LOSSES, LESSON, TRAINING, SAMPLING, CALIBRATION, ATTENTION, PRECISION_PANEL, WINDOW);
    }

    /** Every public id once. */
    public static List<String> all() {
        List<String> all = new ArrayList<>();
        tabs().forEach(all::addAll);
        return Collections.unmodifiableList(all);
    }
}
