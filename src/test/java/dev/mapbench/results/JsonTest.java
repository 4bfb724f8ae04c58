package dev.mapbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Cores(int cores) {
    }

    record Started(Instant startedAt) {
    }

    @Test
    void readsJmhNonNumericNumbers() throws JsonProcessingException {
        assertTrue(Double.isNaN(Json.mapper().readTree("{\"scoreError\": NaN}").path("scoreError").asDouble()));
    }

    @Test
    void rejectsTrailingContentAfterTheValue() {
        assertThrows(MismatchedInputException.class, () -> Json.mapper().readTree("{\"a\": 1} {\"b\": 2}"));
    }

    @Test
    void ignoresUnknownFieldsButNeverTruncatesAFractionIntoAWholeNumber() throws JsonProcessingException {
        assertEquals(new Cores(2), Json.mapper().readValue("{\"cores\": 2, \"newer\": true}", Cores.class));
        assertThrows(MismatchedInputException.class, () -> Json.mapper().readValue("{\"cores\": 2.5}", Cores.class));
    }

    @Test
    void everyFieldRequiredRefusesAnAbsentField() throws JsonProcessingException {
        assertEquals(new Cores(0), Json.mapper().readValue("{}", Cores.class));
        assertThrows(MismatchedInputException.class, () -> Json.everyFieldRequired(Cores.class).readValue("{}"));
    }

    @Test
    void instantsAreIsoTextBothWays() throws JsonProcessingException {
        Instant started = Instant.parse("2026-12-01T21:31:30.271904740Z");
        assertEquals("{\n  \"startedAt\" : \"2026-12-01T21:31:30.271904740Z\"\n}\n", Json.pretty(new Started(started)));
        assertEquals(started, Json.mapper().readValue("{\"startedAt\":\"2026-12-01T21:31:30.271904740Z\"}",
                Started.class).startedAt());
        assertThrows(InvalidFormatException.class,
                () -> Json.mapper().readValue("{\"startedAt\":\"yesterday\"}", Started.class));
    }

    @Test
    void prettyEndsWithANewline() throws JsonProcessingException {
        assertEquals("{\n  \"a\" : 1\n}\n", Json.pretty(Map.of("a", 1)));
    }
}
