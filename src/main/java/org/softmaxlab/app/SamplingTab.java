package org.softmaxlab.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.stage.Window;
import org.softmaxlab.engine.NgramModel;
import org.softmaxlab.io.ImportException;
import org.softmaxlab.io.ImportedBatch;
import org.softmaxlab.io.LogitImport;
import org.softmaxlab.io.TokenList;
import org.softmaxlab.model.Limits;
import org.softmaxlab.sampling.SamplingView;
import org.softmaxlab.sampling.SamplingViewModel;

/**
 * The Sampling tab: its view-model (over the bundled word model and the Explorer's sample), its view built when first
 * shown, and File > Import Logits while it is the tab shown (a row of next-token logits, then an optional token list).
 */
final class SamplingTab {
    /** The bundled corpus: Shakespeare's plays (public domain), as char-rnn's tinyshakespeare collects them. */
    static final String CORPUS = "/org/softmaxlab/sampling/tinyshakespeare.txt";

    private final Tab tab = new Tab("Sampling");
    private final SamplingViewModel model;
    private final Lazy<Node> content;
    private final Workspace workspace;

    SamplingTab(Workspace workspace) {
        this.workspace = workspace;
        model = workspace.sampling();
        tab.setId("samplingTab");
        content = new Lazy<>(() -> SamplingView.load(model));
    }

    Tab tab() {
        return tab;
    }

    Lazy<Node> content() {
        return content;
    }

    SamplingViewModel model() {
        return model;
    }

    /** The word model of the bundled corpus (a second or so: run it off the FX thread). */
    static NgramModel shakespeare() {
        try (InputStream in = SamplingTab.class.getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IllegalStateException("the bundled corpus " + CORPUS + " is missing");
            }
            return NgramModel.train(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Imports one row of logits from {@code logits}, then the token list the user picks (or none). */
    boolean importRow(Path logits, FileDialogs dialogs, Supplier<Window> window) {
        try {
            ImportedBatch batch = new LogitImport(1, Limits.VOCABULARY.max()).readFile(logits);
            double[] row = batch.logits()[0];
            String[] tokens = null;
            Path tokenFile = dialogs.chooseOpen(window.get()).orElse(null);
            if (tokenFile != null) {
                tokens = TokenList.read(tokenFile);
                if (tokens.length != row.length) {
                    return workspace.fail(tokenFile.getFileName() + " has " + tokens.length + " tokens but "
                            + logits.getFileName() + " has " + row.length + " logits");
                }
            }
            model.importRow(row, tokens, logits.getFileName().toString());
            return workspace.ok("Sampling tab: " + row.length + " logits from " + logits.getFileName()
                    + (tokens == null ? " (no token list: tokens are numbered)" : ", tokens from "
                    + tokenFile.getFileName()));
        } catch (ImportException e) {
            return workspace.fail(e.getMessage());
        }
    }
}
