package org.softmaxlab.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.softmaxlab.engine.Reduction;
import org.softmaxlab.io.AtomicFiles;
import org.softmaxlab.model.DatasetKind;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.OptimizerKind;
import org.softmaxlab.model.TrainingSetup;

/**
 * The scenario file format (JSON, version 1), read and written with explicit types: no class names, no Java
 * serialisation. Reading validates every field and its range; unknown fields are ignored with a warning and missing
 * ones take defaults. See README "Scenario files" for the format.
 */
public final class ScenarioJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16)
                .maxNumberLength(400).maxStringLength(10_000).build());
    }

    private static final Set<String> TOP = Set.of("version", "tab", "explorer", "training");
    private static final Set<String> EXPLORER = Set.of("logits", "targets", "weights", "weights_enabled",
            "temperature", "label_smoothing", "reduction", "selected_sample");
    private static final Set<String> TRAINING = Set.of("dataset", "classes", "per_class", "noise", "data_seed",
            "init_seed", "bias", "init", "optimizer", "batch_size", "loss", "steps");
    private static final Set<String> OPTIMIZER = Set.of("name", "lr", "momentum", "nesterov", "weight_decay");
    private static final Set<String> LOSS = Set.of("weights", "label_smoothing", "temperature");
    private static final Set<String> INIT = Set.of("weight", "bias");

    private ScenarioJson() {
    }

    /** Reads and validates a scenario file. */
    public static Scenario read(Path file) throws ScenarioFormatException {
        try {
            long size = Files.size(file);
            if (size > Limits.MAX_SCENARIO_BYTES) {
                throw new ScenarioFormatException(String.format(java.util.Locale.ROOT,
                        "%s is %.1f MB; scenario files are at most %d MB", file.getFileName(), size / 1e6,
                        Limits.MAX_SCENARIO_BYTES >> 20));
            }
            return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ScenarioFormatException("file not found: " + file);
        } catch (IOException e) {
            throw new ScenarioFormatException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Parses and validates scenario text. */
    public static Scenario parse(String text) throws ScenarioFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            throw new ScenarioFormatException("not valid JSON: " + oneLine(e.getOriginalMessage()) + where);
        }
        if (root == null || root.isMissingNode()) {
            throw new ScenarioFormatException("the file is empty");
        }
        if (!root.isObject()) {
            throw new ScenarioFormatException("a scenario is a JSON object, not " + kind(root));
        }
        List<String> warnings = new ArrayList<>();
        Reader r = new Reader(warnings);
        r.known(root, "", TOP);
        int version = root.has("version") ? r.integer(root.get("version"), "version",
                new Limits.IntRange(1, Integer.MAX_VALUE)) : 1;
        if (version > Scenario.VERSION) {
            throw new ScenarioFormatException("version " + version + " is newer than this app reads ("
                    + Scenario.VERSION + "); update Softmax Lab");
        }
        String tab = root.has("tab") ? r.text(root.get("tab"), "tab") : Scenario.EXPLORER_TAB;
        if (!tab.equals(Scenario.EXPLORER_TAB) && !tab.equals(Scenario.TRAINING_TAB)) {
            throw new ScenarioFormatException("tab must be \"explorer\" or \"training\", not \"" + tab + "\"");
        }
        Scenario.Explorer explorer = readExplorer(r, root.path("explorer"));
        Scenario.Training training = readTraining(r, root.path("training"));
        return new Scenario(tab, explorer, training, List.copyOf(warnings));
    }

    private static Scenario.Explorer readExplorer(Reader r, JsonNode e) throws ScenarioFormatException {
        if (e.isMissingNode()) {
            return defaultExplorer();
        }
        r.object(e, "explorer");
        r.known(e, "explorer.", EXPLORER);
        double[][] logits = e.has("logits") ? r.matrix(e.get("logits"), "explorer.logits", Limits.SAMPLES.max(),
                Limits.CLASSES.max())
                : defaultExplorer().logits();
        int n = logits.length;
        int c = logits[0].length;
        if (c < Limits.CLASSES.min()) {
            throw new ScenarioFormatException("explorer.logits needs at least " + Limits.CLASSES.min()
                    + " classes, got " + c);
        }
        int[] targets = new int[n];
        if (e.has("targets")) {
            JsonNode t = e.get("targets");
            if (!t.isArray() || t.size() != n) {
                throw new ScenarioFormatException("explorer.targets must hold " + n + " class indices (one per row "
                        + "of logits), not " + (t.isArray() ? t.size() + " values" : kind(t)));
            }
            for (int i = 0; i < n; i++) {
                targets[i] = r.integer(t.get(i), "explorer.targets[" + i + "]",
                        new Limits.IntRange(Limits.IGNORE_INDEX, c - 1));
                if (targets[i] < 0 && targets[i] != Limits.IGNORE_INDEX) {
                    throw new ScenarioFormatException("explorer.targets[" + i + "] = " + targets[i]
                            + " is not a class (0.." + (c - 1) + ", or " + Limits.IGNORE_INDEX + " for ignored)");
                }
            }
        }
        double[] weights = new double[c];
        java.util.Arrays.fill(weights, 1.0);
        if (e.has("weights") && !e.get("weights").isNull()) {
            weights = r.vector(e.get("weights"), "explorer.weights", c);
            for (int k = 0; k < c; k++) {
                if (!Limits.CLASS_WEIGHT.contains(weights[k])) {
                    throw new ScenarioFormatException("explorer.weights[" + k + "] = " + weights[k]
                            + "; weights must be >= 0");
                }
            }
        }
        boolean enabled = e.has("weights_enabled") ? r.bool(e.get("weights_enabled"), "explorer.weights_enabled")
                : e.has("weights") && !e.get("weights").isNull();
        double t = e.has("temperature") ? r.number(e.get("temperature"), "explorer.temperature", Limits.TEMPERATURE) : 1;
        double eps = e.has("label_smoothing") ? r.number(e.get("label_smoothing"), "explorer.label_smoothing",
                Limits.LABEL_SMOOTHING)
                : 0;
        Reduction reduction = Reduction.MEAN;
        if (e.has("reduction")) {
            try {
                reduction = Reduction.parse(r.text(e.get("reduction"), "explorer.reduction"));
            } catch (IllegalArgumentException ex) {
                throw new ScenarioFormatException("explorer." + ex.getMessage());
            }
        }
        int selected = e.has("selected_sample") ? r.integer(e.get("selected_sample"), "explorer.selected_sample",
                new Limits.IntRange(0, n - 1)) : 0;
        return new Scenario.Explorer(logits, targets, weights, enabled, t, eps, reduction, selected);
    }

    private static Scenario.Training readTraining(Reader r, JsonNode t) throws ScenarioFormatException {
        if (t.isMissingNode()) {
            return new Scenario.Training(TrainingSetup.notebook(), 0);
        }
        r.object(t, "training");
        r.known(t, "training.", TRAINING);
        String datasetName = t.has("dataset") ? r.text(t.get("dataset"), "training.dataset")
                : DatasetKind.NOTEBOOK.label();
        DatasetKind dataset = DatasetKind.fromLabel(datasetName).orElseThrow(() -> new ScenarioFormatException(
                "training.dataset must be one of " + DatasetKind.labels() + ", not \"" + datasetName + "\""));
        TrainingSetup d = TrainingSetup.forDataset(dataset);
        int classes = dataset.classes(t.has("classes") ? r.integer(t.get("classes"), "training.classes",
                Limits.TRAINING_CLASSES) : d.classes());
        int perClass = t.has("per_class") ? r.integer(t.get("per_class"), "training.per_class",
                Limits.POINTS_PER_CLASS) : d.perClass();
        double noise = t.has("noise") ? r.number(t.get("noise"), "training.noise", Limits.NOISE) : d.noise();
        long dataSeed = t.has("data_seed") ? r.integer(t.get("data_seed"), "training.data_seed", Limits.SEED)
                : d.dataSeed();
        long initSeed = t.has("init_seed") ? r.integer(t.get("init_seed"), "training.init_seed", Limits.SEED)
                : d.initSeed();
        boolean bias = t.has("bias") ? r.bool(t.get("bias"), "training.bias") : d.bias();
        OptimizerKind optimizer = d.optimizer();
        double lr = d.lr();
        double momentum = d.momentum();
        boolean nesterov = d.nesterov();
        double weightDecay = d.weightDecay();
        JsonNode o = t.path("optimizer");
        if (!o.isMissingNode()) {
            r.object(o, "training.optimizer");
            r.known(o, "training.optimizer.", OPTIMIZER);
            if (o.has("name")) {
                String name = r.text(o.get("name"), "training.optimizer.name");
                optimizer = OptimizerKind.fromName(name).orElseThrow(() -> new ScenarioFormatException(
                        "training.optimizer.name must be \"SGD\" or \"Adam\", not \"" + name + "\""));
            }
            lr = o.has("lr") ? r.number(o.get("lr"), "training.optimizer.lr", Limits.LEARNING_RATE) : lr;
            momentum = o.has("momentum") ? r.number(o.get("momentum"), "training.optimizer.momentum",
                    Limits.MOMENTUM)
                    : momentum;
            nesterov = o.has("nesterov") ? r.bool(o.get("nesterov"), "training.optimizer.nesterov") : nesterov;
            weightDecay = o.has("weight_decay") ? r.number(o.get("weight_decay"), "training.optimizer.weight_decay",
                    Limits.WEIGHT_DECAY) : weightDecay;
        }
        int batch = t.has("batch_size") ? r.integer(t.get("batch_size"), "training.batch_size", Limits.BATCH_SIZE) : 0;
        double[] lossWeights = null;
        double eps = 0;
        double temperature = 1;
        JsonNode l = t.path("loss");
        if (!l.isMissingNode()) {
            r.object(l, "training.loss");
            r.known(l, "training.loss.", LOSS);
            if (l.has("weights") && !l.get("weights").isNull()) {
                lossWeights = r.vector(l.get("weights"), "training.loss.weights", classes);
                for (double w : lossWeights) {
                    if (!Limits.CLASS_WEIGHT.contains(w)) {
                        throw new ScenarioFormatException("training.loss.weights must be >= 0, got " + w);
                    }
                }
            }
            eps = l.has("label_smoothing") ? r.number(l.get("label_smoothing"), "training.loss.label_smoothing",
                    Limits.LABEL_SMOOTHING)
                    : 0;
            temperature = l.has("temperature") ? r.number(l.get("temperature"), "training.loss.temperature",
                    Limits.TEMPERATURE) : 1;
        }
        TrainingSetup setup = new TrainingSetup(dataset, classes, perClass, noise, dataSeed, initSeed, bias,
                optimizer, lr, momentum, nesterov && momentum > 0, weightDecay, batch, lossWeights, eps, temperature,
                null, null).withDefaultInit();
        JsonNode init = t.path("init");
        if (!init.isMissingNode() && !init.isNull()) {
            r.object(init, "training.init");
            r.known(init, "training.init.", INIT);
            int features = dataset.features();
            double[][] initWeight = r.matrix(init.get("weight") == null ? MAPPER.nullNode() : init.get("weight"),
                    "training.init.weight", classes, features);
            if (initWeight.length != classes || initWeight[0].length != features) {
                throw new ScenarioFormatException("training.init.weight must be " + classes + " x " + features
                        + " (classes x features), not " + initWeight.length + " x " + initWeight[0].length);
            }
            double[] initBias = init.has("bias") && !init.get("bias").isNull()
                    ? r.vector(init.get("bias"), "training.init.bias", classes) : new double[classes];
            setup = setup.withInit(initWeight, bias ? initBias : null);
        }
        int steps = t.has("steps") ? r.integer(t.get("steps"), "training.steps", Limits.STEPS) : 0;
        return new Scenario.Training(setup, steps);
    }

    private static Scenario.Explorer defaultExplorer() {
        return new Scenario.Explorer(new double[][] {{2.0, 1.0, 0.1, -0.5, -1.2}}, new int[] {0},
                new double[] {1, 1, 1, 1, 1}, false, 1, 0, Reduction.MEAN, 0);
    }

    /** The scenario as pretty-printed JSON, version 1. */
    public static String write(Scenario s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", Scenario.VERSION);
        root.put("tab", s.tab());
        Scenario.Explorer e = s.explorer();
        ObjectNode ex = root.putObject("explorer");
        ex.set("logits", matrix(e.logits()));
        ArrayNode targets = ex.putArray("targets");
        for (int y : e.targets()) {
            targets.add(y);
        }
        ex.set("weights", vector(e.weights()));
        ex.put("weights_enabled", e.weightsEnabled());
        ex.put("temperature", e.temperature());
        ex.put("label_smoothing", e.labelSmoothing());
        ex.put("reduction", e.reduction().label());
        ex.put("selected_sample", e.selectedSample());
        TrainingSetup t = s.training().setup();
        ObjectNode tr = root.putObject("training");
        tr.put("dataset", t.dataset().label());
        tr.put("classes", t.classes());
        tr.put("per_class", t.perClass());
        tr.put("noise", t.noise());
        tr.put("data_seed", t.dataSeed());
        tr.put("init_seed", t.initSeed());
        tr.put("bias", t.bias());
        if (t.initWeight() != null) {
            ObjectNode init = tr.putObject("init");
            init.set("weight", matrix(t.initWeight()));
            if (t.initBias() != null) {
                init.set("bias", vector(t.initBias()));
            }
        }
        ObjectNode o = tr.putObject("optimizer");
        o.put("name", t.optimizer().label());
        o.put("lr", t.lr());
        o.put("momentum", t.momentum());
        o.put("nesterov", t.nesterov());
        o.put("weight_decay", t.weightDecay());
        tr.put("batch_size", t.batchSize());
        ObjectNode l = tr.putObject("loss");
        if (t.classWeights() == null) {
            l.putNull("weights");
        } else {
            l.set("weights", vector(t.classWeights()));
        }
        l.put("label_smoothing", t.labelSmoothing());
        l.put("temperature", t.temperature());
        tr.put("steps", s.training().steps());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex2) {
            throw new IllegalStateException(ex2);
        }
    }

    /** Writes the scenario atomically: the old file survives any failure. */
    public static void write(Scenario s, Path file) throws IOException {
        AtomicFiles.writeString(file, write(s));
    }

    private static ArrayNode matrix(double[][] m) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double[] row : m) {
            a.add(vector(row));
        }
        return a;
    }

    private static ArrayNode vector(double[] v) {
        ArrayNode a = MAPPER.createArrayNode();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBER -> "the number " + n.asText();
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }

    /** Typed field access with the field's name in every message. */
    private record Reader(List<String> warnings) {
        static final Limits.Range ANY = new Limits.Range(-Double.MAX_VALUE, Double.MAX_VALUE);

        void known(JsonNode object, String prefix, Set<String> fields) {
            Iterator<String> names = object.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!fields.contains(name)) {
                    warnings.add("unknown field \"" + prefix + name + "\" ignored");
                }
            }
        }

        void object(JsonNode n, String name) throws ScenarioFormatException {
            if (!n.isObject()) {
                throw new ScenarioFormatException(name + " must be an object, not " + kind(n));
            }
        }

        String text(JsonNode n, String name) throws ScenarioFormatException {
            if (!n.isTextual()) {
                throw new ScenarioFormatException(name + " must be a string, not " + kind(n));
            }
            return n.textValue();
        }

        boolean bool(JsonNode n, String name) throws ScenarioFormatException {
            if (!n.isBoolean()) {
                throw new ScenarioFormatException(name + " must be true or false, not " + kind(n));
            }
            return n.booleanValue();
        }

        double number(JsonNode n, String name, Limits.Range range) throws ScenarioFormatException {
            if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
                throw new ScenarioFormatException(name + " must be a finite number, not " + kind(n));
            }
            double v = n.doubleValue();
            if (!range.contains(v)) {
                throw new ScenarioFormatException(name + " = " + n.asText() + " is out of range (" + range.min()
                        + " to " + range.max() + ")");
            }
            return v;
        }

        int integer(JsonNode n, String name, Limits.IntRange range) throws ScenarioFormatException {
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw new ScenarioFormatException(name + " must be a whole number, not " + kind(n));
            }
            int v = n.intValue();
            if (!range.contains(v)) {
                throw new ScenarioFormatException(name + " = " + v + " is out of range (" + range.min() + " to "
                        + range.max() + ")");
            }
            return v;
        }

        double[] vector(JsonNode n, String name, int expected) throws ScenarioFormatException {
            if (!n.isArray()) {
                throw new ScenarioFormatException(name + " must be an array of numbers, not " + kind(n));
            }
            if (n.size() != expected) {
                throw new ScenarioFormatException(name + " must hold " + expected + " numbers, not " + n.size());
            }
            double[] v = new double[n.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = number(n.get(i), name + "[" + i + "]", ANY);
            }
            return v;
        }

        double[][] matrix(JsonNode n, String name, int maxRows, int maxColumns) throws ScenarioFormatException {
            if (!n.isArray() || n.isEmpty() || !n.get(0).isArray()) {
                throw new ScenarioFormatException(name + " must be a non-empty array of rows of numbers, not "
                        + (n.isArray() && n.isEmpty() ? "an empty array" : kind(n)));
            }
            if (n.size() > maxRows) {
                throw new ScenarioFormatException(name + " has " + n.size() + " rows; at most " + maxRows
                        + " are allowed");
            }
            int cols = n.get(0).size();
            if (cols == 0 || cols > maxColumns) {
                throw new ScenarioFormatException(name + " has " + cols + " columns; 1 to " + maxColumns
                        + " are allowed");
            }
            double[][] m = new double[n.size()][];
            for (int i = 0; i < m.length; i++) {
                JsonNode row = n.get(i);
                if (!row.isArray() || row.size() != cols) {
                    throw new ScenarioFormatException(name + "[" + i + "] must hold " + cols + " numbers like row 0, "
                            + "not " + (row.isArray() ? row.size() : kind(row)));
                }
                m[i] = vector(row, name + "[" + i + "]", cols);
            }
            return m;
        }
    }
}
