package org.softmaxlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.softmaxlab.engine.Softmax;

/** Number formatting, the dataset and optimiser facts, the setup's default initialisation and the parameter table. */
class ModelFactsTest {
    @Test
    void numbersShownToPeopleNeverHideATinyValueBehindZeros() {
        assertEquals("0.2159", Numbers.fixed4(0.21589));
        assertEquals("1.2346e-05", Numbers.fixed4(1.23456e-5));
        assertEquals("-5.0000e-07", Numbers.fixed4(-5e-7));
        assertEquals("0.0000", Numbers.fixed4(0.0));
        assertEquals("0.0000", Numbers.fixed4(-0.0));
        assertEquals("0.0001", Numbers.fixed4(1e-4));
        assertEquals("1.0000e+06", Numbers.fixed4(1e6));
        assertEquals("0.500", Numbers.decimals(0.5, 3));
        assertEquals("5.000e-04", Numbers.decimals(5e-4, 3));
        assertEquals("87.5%", Numbers.percent(0.875));
    }

    @Test
    void fixedDecimalsAreWrittenAsStringFormatWritesThemWithoutASignedZero() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            // Values of every size the charts and panels show, halves and ties included.
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 6);
            if (i % 4 == 0) {
                v = Math.round(v * 1e4) / 1e4 + 0.00005 * (random.nextBoolean() ? 1 : -1);
            }
            int digits = random.nextInt(7);
            String expected = String.format(java.util.Locale.ROOT, "%." + digits + "f", v);
            if (expected.matches("-0(\\.0*)?")) {
                expected = expected.substring(1);
            }
            assertEquals(expected, Numbers.fixed(v, digits), v + " with " + digits + " decimals");
        }
        assertEquals("0.13", Numbers.fixed(0.125, 2));
        assertEquals("1.01", Numbers.fixed(1.005, 2));
        assertEquals("0.000", Numbers.fixed(-0.0001, 3));
    }

    @Test
    void editableNumbersAreWrittenAsStringFormatsSixSignificantDigitsWithoutTrailingZeros() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 20_000; i++) {
            // Every size a field holds (decimal and scientific forms, the switch at 1e-4 and 1e6), ties included.
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
            if (i % 4 == 0) {
                v = Math.round(v * 1e5) / 1e5 + 0.000005 * (random.nextBoolean() ? 1 : -1);
            }
            if (i % 7 == 0) {
                v = (random.nextBoolean() ? 1 : -1) * (999_999.5 + random.nextDouble());
            }
            String formatted = String.format(java.util.Locale.ROOT, "%.6g", v).trim();
            String expected = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                    : formatted.contains("e")
                    ? stripZeros(formatted.split("e")[0]) + "e" + Integer.parseInt(formatted.split("e")[1])
                    : stripZeros(formatted);
            assertEquals(expected, Numbers.editable(v), "editable form of " + v);
        }
        assertEquals("0.3", Numbers.editable(0.1 + 0.2));
        assertEquals("1e6", Numbers.editable(999_999.9));
        assertEquals("-1.23457e-5", Numbers.editable(-0.0000123456789));
        assertEquals("Infinity", Numbers.editable(Double.POSITIVE_INFINITY));
    }

    private static String stripZeros(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    @Test
    void listsOfNumbersAreParsedAgainstTheirRange() {
        Numbers.ParsedList ok = Numbers.parseList("10, 1 1", 3, "class weights", Limits.CLASS_WEIGHT);
        assertArrayEquals(new double[] {10, 1, 1}, ok.values(), 0);
        assertEquals("10, 1, 1", Numbers.list(ok.values()));
        assertEquals("class weights: enter 3 numbers separated by commas",
                Numbers.parseList("1, 2", 3, "class weights", Limits.CLASS_WEIGHT).error());
        assertTrue(Numbers.parseList("1, -2, 3", 3, "class weights", Limits.CLASS_WEIGHT).error()
                .contains(">= 0"));
    }

    @Test
    void datasetKindsCarryTheirFacts() {
        assertEquals(3, DatasetKind.NOTEBOOK.features());
        assertEquals(3, DatasetKind.NOTEBOOK.classes(6), "the notebook's sample fixes K");
        assertEquals(5, DatasetKind.SPIRAL.classes(5));
        assertTrue(DatasetKind.BLOBS.isPlanar());
        assertFalse(DatasetKind.NOTEBOOK.isPlanar());
        assertEquals(DatasetKind.IMBALANCED, DatasetKind.fromLabel("Imbalanced blobs").orElseThrow());
        assertEquals(OptimizerKind.ADAM, OptimizerKind.fromName("adam").orElseThrow());
        assertTrue(OptimizerKind.fromName("rmsprop").isEmpty());
    }

    @Test
    void theNotebookWithInitSeedZeroStartsFromItsPrintedLogits() {
        TrainingSetup notebook = TrainingSetup.notebook();
        double[][] w = notebook.initWeight();
        for (int k = 0; k < 3; k++) {
            assertEquals(TrainingSetup.NOTEBOOK_LOGITS[k], w[k][0], 0, "x = [1, 0, 0] picks column 0");
        }
        assertArrayEquals(new double[3], notebook.initBias(), 0);
        assertNull(notebook.withInit(null, null).withDefaultInit().withDataset(DatasetKind.BLOBS).withDefaultInit()
                .initWeight(), "other datasets use the seeded initialisation");
        assertEquals(2.0499, notebook.build().step().loss(), 5e-5);
    }

    @Test
    void theParameterTableNamesEveryCell() {
        ParameterTable t = ParameterTable.of(new double[][] {{1, 2}, {3, 4}}, new double[] {5, 6});
        assertArrayEquals(new String[] {"x0", "x1", "b"}, t.columns());
        ParameterTable.Entry bias = t.entry(5);
        assertTrue(bias.bias());
        assertEquals("b[1]", bias.name());
        assertEquals(6, bias.value(), 0);
        assertEquals("W[1][0]", t.entry(3).name());
        assertFalse(ParameterTable.of(new double[][] {{1, 2}}, null).hasBias());
    }

    @Test
    void aPlateauShortOfTheTopOnPlanarDataGetsAHint() {
        double[] steps = {0, 500, 1000, 1500, 2000};
        assertEquals("", TrainingHints.plateau(steps, new double[] {0.3, 0.5, 0.53, 0.531, 0.53}, false));
        assertEquals("", TrainingHints.plateau(steps, new double[] {0.3, 0.5, 0.6, 0.7, 0.8}, true), "still rising");
        assertEquals("", TrainingHints.plateau(steps, new double[] {0.3, 0.97, 0.97, 0.97, 0.97}, true), "done");
        String hint = TrainingHints.plateau(steps, new double[] {0.3, 0.5, 0.53, 0.531, 0.53}, true);
        assertTrue(hint.startsWith("Accuracy has stayed near 53.0% for 1,000 steps"), hint);
    }

    @Test
    void thePlanarClassifierAgreesWithSoftmax() {
        double[][] w = {{1, 0}, {0, 1}, {-1, -1}};
        double[] b = {0, 0.5, 0};
        PlanarClassifier model = new PlanarClassifier(w, b, 2);
        double x0 = 0.3;
        double x1 = -0.2;
        double[] z = {w[0][0] * x0 + w[0][1] * x1 + b[0], w[1][0] * x0 + w[1][1] * x1 + b[1],
                w[2][0] * x0 + w[2][1] * x1 + b[2]};
        double[] p = Softmax.softmax(z, 2);
        int best = Softmax.argmax(p);
        assertEquals(best, model.classify(x0, x1));
        assertEquals((p[best] - 1.0 / 3) / (1 - 1.0 / 3), model.certainty(), 1e-12);
        assertEquals(PlanarClassifier.UNDEFINED, new PlanarClassifier(new double[][] {{1e308, 1e308}}, null, 1)
                .classify(1e308, 1e308));
    }
}
