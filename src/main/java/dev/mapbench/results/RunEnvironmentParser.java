package dev.mapbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Builds a {@link RunEnvironment} from a parsed env.json, tolerating missing fields. */
final class RunEnvironmentParser {

    private RunEnvironmentParser() {
    }

    static RunEnvironment parse(Path source, JsonNode root) throws BadInputException {
        if (!root.isObject()) {
            throw new BadInputException(source, "not a mapbench env.json: expected a JSON object");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        flatten("", root, properties);
        List<Integer> threads = new ArrayList<>();
        root.path("threads").forEach(count -> threads.add(count.asInt()));
        return new RunEnvironment(source,
                root.path("runId").asText(""),
                optionalInt(root.path("cores")),
                root.path("effort").asText(""),
                optionalInt(root.path("forks")),
                optionalInt(root.path("warmupIterations")),
                optionalInt(root.path("measurementIterations")),
                threads,
                properties);
    }

    private static OptionalInt optionalInt(JsonNode node) {
        return node.canConvertToInt() && (node.isNumber() || node.asText().matches("\\d+"))
                ? OptionalInt.of(node.asInt()) : OptionalInt.empty();
    }

    /** Objects become dotted keys; arrays of scalars become one comma-separated value. */
    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), into);
            }
        } else if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(element -> values.add(element.isValueNode() ? element.asText() : element.toString()));
            into.put(prefix, String.join(" ", values));
        } else if (!node.isNull()) {
            into.put(prefix, node.asText());
        }
    }
}
