package org.softmaxlab.sampling;

import java.util.Arrays;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.softmaxlab.engine.SamplingChain;
import org.softmaxlab.model.Limits;
import org.softmaxlab.model.Numbers;
import org.softmaxlab.model.SamplingSettings;
import org.softmaxlab.model.SamplingSource;
import org.softmaxlab.model.SamplingState;
import org.softmaxlab.ui.Bind;
import org.softmaxlab.ui.Help;
import org.softmaxlab.ui.LabView;

/** The Sampling tab's control column: the source, the prompt and its continuation, every step's knob and the order. */
final class SamplingControls {
    private static final Limits.IntRange TOP_K = new Limits.IntRange(0, Limits.VOCABULARY.max());
    private final SamplingViewModel model;
    private final GridPane knobs = new GridPane();
    private int row;

    SamplingControls(SamplingViewModel model) {
        this.model = model;
    }

    VBox build() {
        ChoiceBox<String> source = new ChoiceBox<>();
        source.setId("samplingSource");
        source.setMaxWidth(Double.MAX_VALUE);
        Bind.choice(source, Arrays.asList(SamplingSource.values()), SamplingSource::label, model.stateProperty(),
                SamplingState::source, model::chooseSource);
        Help.set(source, "Where the next-token logits come from: the app's own word model, an example, the "
                + "Explorer's sample, or your model's logits (File > Import Logits on this tab).");
        VBox box = new VBox(8, title("Logits from"), source, prompt(), title("The chain"), knobs());
        box.getChildren().addAll(orderTitle(), order(), LabView.status("samplingStatus", model.refusalProperty(),
                model.statusProperty()));
        return box;
    }

    private VBox prompt() {
        TextField prompt = new TextField(model.state().prompt());
        prompt.setId("samplingPrompt");
        prompt.setPromptText("a prompt for the word model");
        prompt.textProperty().addListener((o, a, b) -> model.setPrompt(b));
        Help.set(prompt, "The model's next word is conditioned on the prompt's last two words (trigram).");
        Button generate = new Button("Generate");
        generate.setId("generate");
        generate.setOnAction(e -> model.generate());
        Help.set(generate, "Continues the prompt word by word, each word drawn through the chain with the seed.");
        Spinner<Integer> seed = new Spinner<>();
        seed.setId("samplingSeed");
        seed.setPrefWidth(110);
        Bind.spinner(seed, Limits.SEED, model.stateProperty(), s -> (int) s.seed(),
                v -> model.edit(s -> s.withSeed(v)));
        Help.set(seed, "The seed of every draw and of the generated text: the same seed, the same words.");
        Label continuation = new Label();
        continuation.setId("samplingGenerated");
        continuation.setWrapText(true);
        continuation.getStyleClass().add("generated-text");
        continuation.textProperty().bind(model.generatedProperty());
        HBox actions = new HBox(8, generate, new Label("seed"), seed);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, prompt, actions, continuation);
        box.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.state().source() == SamplingSource.LANGUAGE_MODEL, model.stateProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private GridPane knobs() {
        knobs.setHgap(8);
        knobs.setVgap(4);
        CheckBox greedy = new CheckBox("greedy (T = 0)");
        greedy.setId("samplingGreedy");
        greedy.setSelected(model.state().settings().temperature() == 0);
        Slider temperature = new Slider();
        temperature.setId("samplingTemperature");
        Bind.logSlider(temperature, SamplingSettings.TEMPERATURE, model.stateProperty(),
                s -> s.settings().temperature() == 0 ? temperature.getValue() : s.settings().temperature(),
                v -> model.editSettings(s -> s.withTemperature(v)));
        greedy.selectedProperty().addListener((o, a, on) -> model.editSettings(s -> s.withTemperature(on ? 0
                : Math.pow(10, temperature.getValue()))));
        model.stateProperty().addListener((o, a, s) -> greedy.setSelected(s.settings().temperature() == 0));
        knob("temperature", temperature, s -> s.temperature() == 0 ? "greedy" : Numbers.decimals(s.temperature(), 2),
                "Divides every logit by T: below 1 sharper, above 1 flatter. Log scale, 0.05 to 5.");
        knobs.add(greedy, 1, row++, 2, 1);
        Spinner<Integer> topK = new Spinner<>();
        topK.setId("samplingTopK");
        topK.setMaxWidth(Double.MAX_VALUE);
        Bind.spinner(topK, TOP_K, model.stateProperty(), s -> s.settings().topK(),
                v -> model.editSettings(s -> s.withTopK(v)));
        knob("top-k", topK, s -> s.topK() == 0 ? "off" : Integer.toString(s.topK()),
                "Keeps the k highest logits (and every logit equal to the k-th); 0 is off.");
        slider("top-p", "samplingTopP", 0.01, 1, SamplingSettings::topP, v -> s -> s.withTopP(v),
                "Nucleus: keeps the most probable tokens until their mass reaches p; 1 is off.");
        slider("min-p", "samplingMinP", 0, 1, SamplingSettings::minP, v -> s -> s.withMinP(v),
                "Keeps tokens at least min-p times as probable as the most probable one; 0 is off.");
        slider("typical-p", "samplingTypicalP", 0.01, 1, SamplingSettings::typicalP, v -> s -> s.withTypicalP(v),
                "Locally typical: keeps the tokens whose surprise -log p is closest to the entropy; 1 is off.");
        slider("epsilon", "samplingEpsilon", 0, 0.2, SamplingSettings::epsilon, v -> s -> s.withEpsilon(v),
                "Truncation: removes tokens less probable than epsilon; 0 is off.");
        slider("penalty", "samplingPenalty", 0.5, 2, SamplingSettings::penalty,
                v -> s -> s.withPenalty(v), "Divides the prompt's words' positive logits by it (multiplies "
                        + "negative ones); 1 is off.");
        return knobs;
    }

    private void slider(String name, String id, double min, double max, ToDoubleFunction<SamplingSettings> read,
                        DoubleFunction<UnaryOperator<SamplingSettings>> write, String help) {
        Slider slider = new Slider(min, max, read.applyAsDouble(model.state().settings()));
        slider.setId(id);
        slider.setBlockIncrement((max - min) / 50);
        Bind.slider(slider, model.stateProperty(), s -> read.applyAsDouble(s.settings()),
                v -> model.editSettings(write.apply(Math.round(v * 1000) / 1000.0)));
        knob(name, slider, s -> Numbers.decimals(read.applyAsDouble(s), 3), help);
    }

    private void knob(String name, javafx.scene.control.Control control,
                      java.util.function.Function<SamplingSettings, String> value, String help) {
        Label label = new Label(name);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label shown = new Label();
        shown.getStyleClass().add("number");
        shown.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        shown.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> value.apply(model.state().settings()), model.stateProperty()));
        Help.set(control, help);
        GridPane.setHgrow(control, Priority.ALWAYS);
        control.setMinWidth(40);
        knobs.addRow(row++, label, control, shown);
    }

    private Label orderTitle() {
        Label order = title("Order");
        order.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Order: " + model.state().settings().orderName(), model.stateProperty()));
        return order;
    }

    private VBox order() {
        OrderList list = new OrderList(o -> model.editSettings(s -> s.withOrder(o)));
        list.show(model.state().order());
        model.stateProperty().addListener((o, a, s) -> list.show(s.order()));
        Button hf = new Button("Hugging Face");
        hf.setId("orderHf");
        hf.setOnAction(e -> model.editSettings(s -> s.withOrder(SamplingChain.HF_ORDER)));
        Help.set(hf, "transformers' order: repetition penalty, temperature, top-k, top-p, min-p, typical, epsilon.");
        Button llama = new Button("llama.cpp");
        llama.setId("orderLlama");
        llama.setOnAction(e -> model.editSettings(s -> s.withOrder(SamplingChain.LLAMA_CPP_ORDER)));
        Help.set(llama, "llama.cpp's default chain: penalties, top-k, typical, top-p, min-p, temperature last.");
        Label hint = new Label("Drag a step, or select it and press Alt+\u2191 / Alt+\u2193.");
        hint.setWrapText(true);
        hint.getStyleClass().add("note");
        return new VBox(6, hint, list.view(), new HBox(8, hf, llama));
    }

    private static Label title(String text) {
        return LabView.title(text);
    }
}
