package dev.mapbench.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The one JSON setup of mapbench: every file it reads or writes (JMH JSON, run-folder files, footprint,
 * correctness and profiler files) goes through this mapper, so they all parse and print alike.
 *
 * <p>Reading: {@code NaN} and {@code Infinity} are numbers (JMH writes them for undefined errors), trailing
 * content after the value is an error (a file with two documents is broken, not half-read), unknown fields are
 * ignored (a newer writer may add fields), a fraction is never silently truncated into a whole number, and
 * doubles use Jackson's fast exact parser (JMH files are mostly numbers). {@link Instant}s are ISO-8601 text.
 * Writing: {@link #pretty(Object)}, Jackson's default pretty printer and a final newline.
 *
 * <p>The mapper is shared and must not be reconfigured; a reader that needs stricter rules asks for an
 * {@link ObjectReader} ({@link #everyFieldRequired(Class)}).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .addModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, new InstantText())
                    .addDeserializer(Instant.class, new InstantParser()))
            .build();

    private Json() {
    }

    /** The shared mapper (trees, binding, writing); never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a file into a tree. */
    public static JsonNode readTree(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    /** {@code value} as pretty-printed JSON with a final newline: how mapbench writes its JSON files. */
    public static String pretty(Object value) throws JsonProcessingException {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    }

    /**
     * A reader of {@code type} for files where an absent field is an error rather than a default: a missing
     * constructor property and a null for a primitive fail (a footprint without its byte counts must not read
     * as 0 bytes).
     */
    public static ObjectReader everyFieldRequired(Class<?> type) {
        return MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private static final class InstantText extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toString());
        }
    }

    private static final class InstantParser extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
            String text = in.getValueAsString();
            if (text == null) {
                return (Instant) context.handleUnexpectedToken(Instant.class, in);
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 instant");
            }
        }
    }
}
