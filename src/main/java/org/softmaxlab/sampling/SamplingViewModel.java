package org.softmaxlab.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.softmaxlab.engine.NgramModel;
import org.softmaxlab.engine.SamplingChain;
import org.softmaxlab.engine.SamplingResult;
import org.softmaxlab.model.SamplingDisplay;
import org.softmaxlab.model.SamplingExamples;
import org.softmaxlab.model.SamplingSettings;
import org.softmaxlab.model.SamplingSource;
import org.softmaxlab.model.SamplingState;
import org.softmaxlab.state.StateModel;

/**
 * The Sampling tab: a thin adapter over one {@link SamplingState} and its {@link SamplingDisplay}. Every control's
 * change is an {@link #edit}; draws and generated text are commands whose results it keeps beside the state.
 *
 * <p>The language model is trained the first time it is chosen, on a worker, and handed to {@code fxThread}.
 */
public final class SamplingViewModel {
    /** Words {@link #generate()} adds to the prompt. */
    public static final int GENERATED_WORDS = 24;

    private final StateModel<SamplingState, SamplingDisplay> model =
            new StateModel<>(SamplingState.initial(), SamplingDisplay::of);
    private final Supplier<NgramModel> languageModel;
    private final Executor fxThread;
    private final Supplier<double[]> explorerSample;
    private final ReadOnlyObjectWrapper<SamplingDraws> draws = new ReadOnlyObjectWrapper<>(this, "draws");
    private final ReadOnlyStringWrapper generated = new ReadOnlyStringWrapper(this, "generated", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private CompletableFuture<NgramModel> trained;
    private NgramModel ngram;
    private SplittableRandom random;
    /** The imported row, kept so that choosing the source again brings it back. */
    private SamplingExamples.Row imported;

    /**
     * @param languageModel  trains the bundled model (called once, on a worker)
     * @param fxThread       runs the trained model's hand-over on the FX thread ({@code Platform::runLater})
     * @param explorerSample the Explorer's selected sample's logits
     */
    public SamplingViewModel(Supplier<NgramModel> languageModel, Executor fxThread, Supplier<double[]> explorerSample) {
        this.languageModel = languageModel;
        this.fxThread = fxThread;
        this.explorerSample = explorerSample;
        model.stateProperty().addListener((o, a, b) -> {
            if (a == null || a.logits() != b.logits() || a.seed() != b.seed()) {
                resetDraws();
            }
        });
        resetDraws();
    }

    /** One edit of the state; false (and {@link #refusalProperty()} says why) when it is refused. */
    public boolean edit(UnaryOperator<SamplingState> change) {
        return model.edit(change);
    }

    /** One edit of the settings. */
    public boolean editSettings(UnaryOperator<SamplingSettings> change) {
        return model.edit(s -> s.withSettings(change.apply(s.settings())));
    }

    /** Switches the logits' source; the language model is trained on first use. */
    public void chooseSource(SamplingSource source) {
        switch (source) {
            case LANGUAGE_MODEL -> withLanguageModel(this::predict);
            case EXPLORER -> {
                double[] z = explorerSample.get();
                String[] tokens = new String[z.length];
                for (int i = 0; i < z.length; i++) {
                    tokens[i] = "class " + i;
                }
                edit(s -> s.withRow(source, z, tokens, new int[0], ""));
            }
            case IMPORTED -> {
                if (imported == null) {
                    status.set("Nothing imported yet: File > Import Logits on this tab reads a row of logits.");
                } else {
                    edit(s -> s.withRow(source, imported.logits(), imported.tokens(), new int[0], ""));
                }
            }
            default -> {
                SamplingExamples.Row row = SamplingExamples.of(source);
                edit(s -> s.withRow(source, row.logits(), row.tokens(), new int[0], ""));
            }
        }
    }

    /** A user's row of next-token logits (and token strings, or null for "token i"), shown at once. */
    public void importRow(double[] logits, String[] tokens, String name) {
        String[] t = tokens;
        if (t == null) {
            t = new String[logits.length];
            for (int i = 0; i < t.length; i++) {
                t[i] = "token " + i;
            }
        }
        imported = new SamplingExamples.Row(logits.clone(), t);
        status.set("Imported " + name + ": " + logits.length + " tokens");
        chooseSource(SamplingSource.IMPORTED);
    }

    /** The prompt typed; with the language model as source, its next-word distribution follows. */
    public void setPrompt(String prompt) {
        edit(s -> s.withPrompt(prompt));
        if (state().source() == SamplingSource.LANGUAGE_MODEL && ngram != null) {
            predict(ngram);
        }
    }

    /** Continues the prompt {@link #GENERATED_WORDS} words through the chain, seeded (the language model only). */
    public void generate() {
        withLanguageModel(m -> {
            predict(m);
            SamplingState s = state();
            SplittableRandom r = new SplittableRandom(s.seed());
            List<String> history = new ArrayList<>(NgramModel.tokens(s.prompt()));
            List<String> added = new ArrayList<>();
            for (int w = 0; w < GENERATED_WORDS; w++) {
                SamplingResult result = s.settings().chain(ids(m, history)).run(m.logits(history));
                int next = indexOf(SamplingChain.draw(result.probs(), 1, r));
                history.add(m.word(next));
                added.add(m.word(next));
            }
            generated.set(NgramModel.join(added));
        });
    }

    /** {@code n} seeded draws from the current distribution (1 adds the token to the row of recent draws). */
    public void draw(long n) {
        SamplingResult r = model.display().result();
        long[] counts = SamplingChain.draw(r.probs(), n, random);
        SamplingDraws old = draws.get();
        long[] sum = old.counts().clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += counts[i];
        }
        List<String> recent = new ArrayList<>(old.recent());
        if (n == 1) {
            recent.add(state().tokens()[indexOf(counts)]);
            if (recent.size() > SamplingDraws.RECENT) {
                recent.remove(0);
            }
        }
        draws.set(new SamplingDraws(sum, old.total() + n, List.copyOf(recent)));
    }

    private void resetDraws() {
        random = new SplittableRandom(state().seed());
        draws.set(SamplingDraws.none(state().logits().length));
    }

    private void withLanguageModel(java.util.function.Consumer<NgramModel> then) {
        if (ngram != null) {
            then.accept(ngram);
            return;
        }
        if (trained == null) {
            loading.set(true);
            status.set("Counting the words of Shakespeare's plays\u2026");
            trained = CompletableFuture.supplyAsync(languageModel);
        }
        trained.thenAcceptAsync(m -> {
            ngram = m;
            loading.set(false);
            status.set("Shakespeare trigram model: " + m.size() + " words, interpolated Kneser-Ney (D = "
                    + NgramModel.DISCOUNT + ")");
            then.accept(m);
        }, fxThread).exceptionally(e -> {
            fxThread.execute(() -> status.set("The language model could not be trained: " + e.getMessage()));
            return null;
        });
    }

    private void predict(NgramModel m) {
        List<String> history = NgramModel.tokens(state().prompt());
        edit(s -> s.withRow(SamplingSource.LANGUAGE_MODEL, m.logits(history), m.vocabulary(), ids(m, history),
                m.contextOf(history)));
    }

    /** The known words of {@code history} as ids: the repetition penalty's previous tokens. */
    private static int[] ids(NgramModel m, List<String> history) {
        return history.stream().mapToInt(m::id).filter(i -> i >= 0).toArray();
    }

    private static int indexOf(long[] oneDraw) {
        for (int i = 0; i < oneDraw.length; i++) {
            if (oneDraw[i] > 0) {
                return i;
            }
        }
        throw new IllegalStateException("no draw");
    }

    public SamplingState state() { return model.state(); }
    public SamplingDisplay display() { return model.display(); }
    public ReadOnlyObjectProperty<SamplingState> stateProperty() { return model.stateProperty(); }
    public ReadOnlyObjectProperty<SamplingDisplay> displayProperty() { return model.displayProperty(); }
    public ReadOnlyStringProperty refusalProperty() { return model.refusalProperty(); }
    public ReadOnlyObjectProperty<SamplingDraws> drawsProperty() { return draws.getReadOnlyProperty(); }
    public ReadOnlyStringProperty generatedProperty() { return generated.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    /** True while a new state is pushed out: see {@link StateModel#pushing()}. */
    public boolean pushing() { return model.pushing(); }
}
