package org.softmaxlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Import of logits and targets from files written by NumPy itself (make_import_files.py) and from pasted text: every
 * dtype, shape and header version read, and every bad file refused with a message naming its problem.
 */
class LogitImportTest {
    private static final Path DIR = Path.of("src/test/resources/import");
    private static final LogitImport IMPORT = new LogitImport(10_000, 1000);
    private static double[][] logits;
    private static double[][] logits32;
    private static int[] targets;
    private static double[][] probabilities;

    @BeforeAll
    static void readExpected() throws IOException {
        JsonNode e = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        ObjectMapper m = new ObjectMapper();
        logits = m.convertValue(e.get("logits"), double[][].class);
        logits32 = m.convertValue(e.get("logits_float32"), double[][].class);
        targets = m.convertValue(e.get("targets"), int[].class);
        probabilities = m.convertValue(e.get("probability_targets"), double[][].class);
    }

    private static ImportedBatch read(String file) throws ImportException {
        return IMPORT.readFile(DIR.resolve(file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"logits_f8_v1.npy", "logits_f8_v2.npy", "logits_f8_v3.npy"})
    void float64InEveryHeaderVersion(String file) throws ImportException {
        ImportedBatch b = read(file);
        assertArrayEquals(logits, b.logits(), file);
        assertFalse(b.flat());
        assertFalse(b.hasTargets());
    }

    @ParameterizedTest
    @ValueSource(strings = {"logits_f4_v1.npy", "logits_f4_v2.npy"})
    void float32IsWidenedExactly(String file) throws ImportException {
        assertArrayEquals(logits32, read(file).logits(), file);
    }

    @ParameterizedTest
    @CsvSource({"logits_1d_f8.npy, false", "logits_1d_f4.npy, true"})
    void aOneDimensionalArrayIsOneSample(String file, boolean single) throws ImportException {
        ImportedBatch b = read(file);
        assertTrue(b.flat());
        assertEquals(1, b.samples());
        assertArrayEquals(single ? logits32[0] : logits[0], b.logits()[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"targets_i8.npy", "targets_i4.npy", "targets_u1.npy", "targets.csv"})
    void integerTargetsFromASecondFile(String file) throws ImportException {
        ImportedBatch b = IMPORT.readTargets(read("logits_f8_v1.npy"), DIR.resolve(file));
        assertArrayEquals(targets, b.targets(), file);
    }

    @Test
    void probabilityRowsAsTargets() throws ImportException {
        ImportedBatch b = IMPORT.readTargets(read("logits_f8_v1.npy"), DIR.resolve("targets_probabilities.npy"));
        assertNull(b.targets());
        assertArrayEquals(probabilities, b.targetRows());
    }

    @Test
    void npzHoldsLogitsAndTargets() throws ImportException {
        ImportedBatch b = read("batch.npz");
        assertArrayEquals(logits, b.logits());
        assertArrayEquals(targets, b.targets());
        ImportedBatch compressed = read("batch_compressed.npz");
        assertArrayEquals(logits32, compressed.logits());
        assertArrayEquals(probabilities, compressed.targetRows());
        assertFalse(read("logits_only.npz").hasTargets());
    }

    @ParameterizedTest
    @ValueSource(strings = {"batch.csv", "batch.tsv"})
    void csvAndTsvWithAHeaderAndATargetColumn(String file) throws ImportException {
        ImportedBatch b = read(file);
        assertArrayEquals(logits, b.logits(), file);
        assertArrayEquals(targets, b.targets(), file + ": the column named target/label is the class");
    }

    @Test
    void csvWithoutAHeader() throws ImportException {
        ImportedBatch b = read("logits_no_header.csv");
        assertArrayEquals(logits, b.logits());
        assertFalse(b.hasTargets());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bad_big_endian.npy | big-endian",
            "bad_fortran.npy | Fortran order",
            "bad_object.npy | object array",
            "bad_complex.npy | dtype <c16",
            "bad_3d.npy | 3 dimensions",
            "bad_too_many_samples.npy | 10001 samples",
            "bad_too_many_classes.npy | 1001 classes",
            "bad_nan.npy | NaN at row 0, column 1",
            "bad_truncated.npy | shorter than its header says",
            "bad_not_numpy.npy | not a NumPy .npy file",
            "bad_ragged.csv | row 2 has 2 numbers but row 1 has 3",
            "bad_cell.csv | row 3, column 2: 'five' is not a number",
            "no_logits.npz | no array named 'logits'"})
    void everyBadFileIsRefusedByName(String file, String problem) {
        ImportException e = assertThrows(ImportException.class, () -> read(file));
        assertTrue(e.getMessage().contains(problem), file + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(file.replace(".npz", "")), "the message names the file: " + e.getMessage());
    }

    @Test
    void pastedPythonListsNumpyPrintsSpreadsheetCellsAndJson() throws ImportException {
        double[][] expected = {{2.0, 1.0, 0.1}, {0.0, 5.0, 0.2}};
        String[] pasted = {
            "[[2.0, 1.0, 0.1], [0.0, 5.0, 0.2]]",
            "array([[2. , 1. , 0.1],\n       [0. , 5. , 0.2]])",
            "[[2.  1.  0.1]\n [0.  5.  0.2]]",
            "tensor([[2.0000, 1.0000, 0.1000],\n        [0.0000, 5.0000, 0.2000]], dtype=torch.float64)",
            "2.0\t1.0\t0.1\n0.0\t5.0\t0.2\n",
            "2.0,1.0,0.1\r\n0.0,5.0,0.2",
            "2.0 1.0 0.1\n0.0 5.0 0.2",
        };
        for (String text : pasted) {
            assertArrayEquals(expected, IMPORT.parseText(text, "pasted text").logits(), text);
        }
        ImportedBatch flat = IMPORT.parseText("[2.0, 1.0, 0.1]", "pasted text");
        assertTrue(flat.flat());
        assertArrayEquals(new double[] {2.0, 1.0, 0.1}, flat.logits()[0]);
        ImportedBatch withLabels = IMPORT.parseText("z0\tz1\tlabel\n1\t2\t1\n3\t0\t0", "pasted text");
        assertArrayEquals(new int[] {1, 0}, withLabels.targets());
    }

    @Test
    void pastedTextThatIsNotNumbersSaysWhere() {
        assertTrue(assertThrows(ImportException.class, () -> IMPORT.parseText("[[1, 2], [3, x]]", "pasted text"))
                .getMessage().contains("row 2, column 2"));
        assertTrue(assertThrows(ImportException.class, () -> IMPORT.parseText("[[1, 2], [3]]", "pasted text"))
                .getMessage().contains("ragged"));
        assertTrue(assertThrows(ImportException.class, () -> IMPORT.parseText("  ", "pasted text"))
                .getMessage().contains("empty"));
    }
}
