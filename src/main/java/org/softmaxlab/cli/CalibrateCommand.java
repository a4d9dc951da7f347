package org.softmaxlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.softmaxlab.engine.Calibration;
import org.softmaxlab.io.ImportException;
import org.softmaxlab.io.ImportedBatch;
import org.softmaxlab.io.LogitImport;
import org.softmaxlab.json.JsonInputException;
import org.softmaxlab.json.JsonRecords;
import org.softmaxlab.model.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calibrate [FILE|-]}: reliability, ECE, NLL, Brier and the fitted temperature of a classifier's logits. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"How honest softmax confidences are: reads one JSON object, prints one JSON object.",
                "In:  {\"logits\": [[..],..], \"targets\": [i,..], \"bins\": 15, \"binning\": \"uniform\"|\"adaptive\",",
                "      \"temperature\": 1.0, \"fit\": true}",
                "Out: {\"accuracy\", \"nll\", \"brier\", \"ece\", \"mce\", \"bins\", \"classwise_ece\",",
                "      \"fitted_temperature\", \"after\": {the same at the fitted T}} or a \"note\" why none"})
final class CalibrateCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON input file, or - (default) for standard input")
    String file;

    @Option(names = "--logits", paramLabel = "FILE", description = "n x C logits from a .npy, .npz or .csv file")
    Path logitsFile;

    @Option(names = "--targets", paramLabel = "FILE", description = "n class indices from a .npy, .npz or .csv file")
    Path targetsFile;

    @Option(names = "--options", paramLabel = "JSON", description = "the options as inline JSON, e.g. "
            + "'{\"bins\": 10, \"binning\": \"adaptive\"}'")
    String options;

    private final Cli cli;

    CalibrateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        CalibrateInput in;
        double[][] logits;
        int[] targets;
        if (logitsFile != null) {
            if (file != null) {
                throw new BadInputException("give either a JSON input FILE or --logits, not both");
            }
            in = options();
            ImportedBatch batch = fromFiles();
            logits = batch.logits();
            targets = batch.targets();
        } else {
            in = JsonInput.read(file, cli.in(), CalibrateInput.class);
            logits = JsonInput.checked(in::logitMatrix);
            targets = JsonInput.checked(in::targetIndices);
        }
        int bins = JsonInput.checked(in::binCount);
        Calibration.Binning binning = JsonInput.checked(in::binningKind);
        double t = JsonInput.checked(in::temperatureValue);
        Calibration c = new Calibration(logits, targets);
        JsonOutput out = new JsonOutput();
        write(out, c.report(t, bins, binning));
        if (in.fitting()) {
            Calibration.Fit fit = c.fitTemperature();
            if (fit.found()) {
                out.number("fitted_temperature", fit.temperature()).beginObject("after");
                write(out, c.report(fit.temperature(), bins, binning));
                out.endObject();
            } else {
                out.nullField("fitted_temperature").text("note", fit.note());
            }
        }
        cli.out().println(out.finish());
        return 0;
    }

    private CalibrateInput options() {
        if (options == null) {
            return new CalibrateInput(null, null, null, null, null, null);
        }
        try {
            CalibrateInput in = JsonRecords.read(options.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    CalibrateInput.class, "--options", JsonRecords.Unknown.REFUSE, List.of());
            if (in.logits() != null || in.targets() != null) {
                throw new BadInputException("--options holds the options; logits and targets come from --logits "
                        + "and --targets");
            }
            return in;
        } catch (JsonInputException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private ImportedBatch fromFiles() {
        LogitImport reader = new LogitImport(Limits.CALIBRATION_ROWS, Limits.IMPORT_CLASSES);
        try {
            ImportedBatch batch = reader.readFile(logitsFile);
            if (targetsFile != null) {
                batch = reader.readTargets(batch, targetsFile);
            }
            if (batch.targets() == null) {
                throw new BadInputException(logitsFile.getFileName() + " holds no class indices as targets: give "
                        + "--targets FILE (or a target column, or 'targets' in the .npz)");
            }
            return batch;
        } catch (ImportException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    static void write(JsonOutput out, Calibration.Report r) {
        out.number("temperature", r.temperature()).number("accuracy", r.accuracy()).number("nll", r.nll())
                .number("brier", r.brier()).number("ece", r.ece()).number("mce", r.mce());
        out.beginArray("bins");
        for (Calibration.Bin b : r.bins()) {
            out.beginElement().number("lo", b.lo()).number("hi", b.hi()).integer("count", b.count())
                    .number("confidence", b.confidence()).number("accuracy", b.accuracy()).endObject();
        }
        out.endArray();
        out.number("classwise_ece", r.classwiseEce());
    }
}
