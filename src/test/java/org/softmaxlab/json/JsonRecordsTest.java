package org.softmaxlab.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The shared JSON layer: strict types, messages naming the field, unknown fields refused or warned about. */
class JsonRecordsTest {
    record Inner(Double rate, @JsonAlias("weights") double[] weight) {
    }

    record Outer(int[] targets, double[][] logits, Boolean flag, String name, Inner inner, Integer count) {
    }

    private static Outer read(String json) throws JsonInputException {
        return JsonRecords.read(json.getBytes(StandardCharsets.UTF_8), Outer.class, "the input",
                JsonRecords.Unknown.REFUSE, List.of());
    }

    @Test
    void snakeCaseFieldsAndAliasesBindToRecords() throws Exception {
        Outer o = read("{\"targets\": [0, 2], \"logits\": [[1, 2.5]], \"flag\": true, \"name\": \"x\","
                + " \"inner\": {\"rate\": 3, \"weights\": [1, 10]}}");
        assertArrayEquals(new int[] {0, 2}, o.targets());
        assertEquals(2.5, o.logits()[0][1]);
        assertEquals(3.0, o.inner().rate());
        assertArrayEquals(new double[] {1, 10}, o.inner().weight(), 0, "weights is read as weight");
        assertEquals(null, o.count(), "an absent field is null, for validate() to default");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a string for a number | {\"inner\": {\"rate\": \"3\"}} | inner.rate must be a finite number, not a string",
            "a float for an index | {\"targets\": [0, 1.5]} | targets[1] must be a whole number that fits in 32 bits,"
                    + " not the number 1.5",
            "a number for a string | {\"name\": 3} | name must be a string, not the number 3",
            "a string for a flag | {\"flag\": \"yes\"} | flag must be true or false, not a string",
            "null in a row | {\"logits\": [[1, null]]} | logits[0][1] must be a finite number, not null",
            "an object for rows | {\"logits\": {\"a\": 1}} | logits must be an array of rows of numbers, not an object",
            "too big for int | {\"count\": 99999999999} | count must be a whole number that fits in 32 bits",
            "unknown nested | {\"inner\": {\"speed\": 1}} | unknown field \"speed\" in \"inner\"; expected one of rate,"
                    + " weight, weights",
            "duplicate key | {\"name\": \"a\", \"name\": \"b\"} | not valid JSON",
            "trailing tokens | {\"name\": \"a\"} {} | not valid JSON",
            "not an object | [1, 2] | the input must hold one JSON object, not an array",
            "empty | '' | the input is empty"})
    void everyProblemNamesItsField(String what, String json, String expected) {
        JsonInputException e = assertThrows(JsonInputException.class, () -> read(json));
        assertTrue(e.getMessage().contains(expected), () -> what + ": \"" + e.getMessage() + "\"");
    }

    @Test
    void nestingIsBounded() {
        String deep = "{\"name\": " + "[".repeat(JsonRecords.MAX_DEPTH + 5) + "]".repeat(JsonRecords.MAX_DEPTH + 5)
                + "}";
        JsonInputException e = assertThrows(JsonInputException.class, () -> read(deep));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void unknownFieldsCanBeWarnedAboutInTheFilesOrder() throws Exception {
        List<String> warnings = new ArrayList<>();
        Outer o = JsonRecords.read("{\"zoom\": 1, \"inner\": {\"speed\": 2, \"rate\": 1}, \"colour\": \"red\"}"
                .getBytes(StandardCharsets.UTF_8), Outer.class, "f", JsonRecords.Unknown.WARN, warnings);
        assertEquals(List.of("unknown field \"zoom\" ignored", "unknown field \"inner.speed\" ignored",
                "unknown field \"colour\" ignored"), warnings);
        assertEquals(1.0, o.inner().rate());
    }

    @Test
    void fieldChecksNameTheField() {
        JsonInputException range = assertThrows(JsonInputException.class,
                () -> Fields.number(0, "explorer.temperature", new org.softmaxlab.model.Limits.Range(1e-6, 1e6)));
        assertEquals("explorer.temperature = 0 is out of range (1e-6 to 1000000)", range.getMessage());
        JsonInputException ragged = assertThrows(JsonInputException.class,
                () -> Fields.matrix(new double[][] {{1, 2}, {3}}, "logits", 8, 1000));
        assertEquals("logits[1] must hold 2 numbers like row 0, not 1", ragged.getMessage());
        JsonInputException weights = assertThrows(JsonInputException.class,
                () -> Fields.weights(new double[] {1, -1}, "weights", 2));
        assertEquals("weights[1] = -1; weights must be >= 0", weights.getMessage());
    }
}
