package dev.mapbench.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.mapbench.maps.MapOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workload file ({@code -Dbench.workload=<file>}, {@code scripts/workload check <file>}): YAML or JSON, read
 * with Jackson, every field checked, and written back ({@code scripts/workload show <preset>}) in the same
 * shape. A file that is not one gets one error: {@code <file>: <field>: <problem>; allowed: ...}.
 *
 * <pre>
 * name: my-cache                     # 1-40 lower-case letters, digits, dashes
 * source: "our catalogue's read path"
 * operations: {get: 0, computeIfAbsent: 90, remove: 10}   # percent, summing to 100 (or roles:)
 * # roles:
 * #   - {name: readers, threads: rest, operations: {get: 100}}
 * #   - {name: writer, threads: 1, operations: {update: 100}}
 * keys: {type: string-built}         # long | string | string-built
 * size: 10000                        # keys in the map when timing starts (0 only with growth: grow)
 * distribution: {type: zipf, constant: 0.99}   # uniform | zipf | latest | hotspot {hotOpsPercent, hotKeysPercent}
 * growth: none                       # none | grow (inserts add keys that were never in the map)
 * presized: true                     # capacity set for the largest size
 * valueBytes: 0                      # 0: Long values; n: shared byte[n] values
 * threads: [1, 2]                    # optional: the thread counts to run it at
 * </pre>
 */
public final class WorkloadFile {

    private static final List<String> FIELDS = List.of("name", "source", "operations", "roles", "keys", "size",
            "distribution", "growth", "presized", "valueBytes", "threads");
    private static final List<String> ROLE_FIELDS = List.of("name", "threads", "operations");
    private static final List<String> KEY_FIELDS = List.of("type");
    private static final Map<String, List<String>> DISTRIBUTION_FIELDS = Map.of("uniform", List.of("type"),
            "zipf", List.of("type", "constant"), "latest", List.of("type", "constant"),
            "hotspot", List.of("type", "hotOpsPercent", "hotKeysPercent"));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private WorkloadFile() {
    }

    /** Reads and checks {@code file}; the exception's message is the one error line (without "error: "). */
    public static WorkloadSpec read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such workload file");
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not YAML or JSON (" + firstLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr()) + ")");
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The workload a parsed document describes; errors name the field. */
    static WorkloadSpec parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a workload file is a mapping of fields; allowed fields: " + FIELDS);
        }
        checkFields("", root, FIELDS);
        String name = text(root, "name", true);
        String source = text(root, "source", false);
        Map<MapOperation, Integer> mix = root.has("operations") ? mix("operations", root.get("operations")) : Map.of();
        List<Role> roles = new ArrayList<>();
        if (root.has("roles")) {
            JsonNode list = root.get("roles");
            if (!list.isArray()) {
                throw new IllegalArgumentException("roles: a list of {name, threads, operations}");
            }
            for (JsonNode role : list) {
                checkFields("roles[].", role, ROLE_FIELDS);
                String roleName = text(role, "name", true);
                JsonNode threads = role.get("threads");
                int count;
                if (threads == null || (threads.isTextual() && threads.asText().equals("rest"))) {
                    count = 0;
                } else if (threads.isInt()) {
                    count = threads.asInt();
                    if (count < 1) {
                        throw new IllegalArgumentException("roles." + roleName + ".threads: " + count
                                + "; allowed: a count >= 1, or rest");
                    }
                } else {
                    throw new IllegalArgumentException("roles." + roleName + ".threads: '" + threads.asText()
                            + "'; allowed: a count >= 1, or rest");
                }
                roles.add(new Role(roleName, count, mix("roles." + roleName + ".operations", role.get("operations"))));
            }
        }
        KeyType keyType = KeyType.LONG;
        if (root.has("keys")) {
            JsonNode keys = root.get("keys");
            checkFields("keys.", keys, KEY_FIELDS);
            try {
                keyType = KeyType.parse(text(keys, "type", true));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("keys.type: " + e.getMessage());
            }
        }
        int size = integer(root, "size", 10_000);
        Distribution distribution = distribution(root.get("distribution"));
        String growth = root.has("growth") ? root.get("growth").asText() : "none";
        if (!growth.equals("none") && !growth.equals("grow")) {
            throw new IllegalArgumentException("growth: '" + growth + "'; allowed: none, grow");
        }
        boolean presized = bool(root, "presized", !growth.equals("grow"));
        int valueBytes = integer(root, "valueBytes", 0);
        List<Integer> threads = new ArrayList<>();
        if (root.has("threads")) {
            JsonNode list = root.get("threads");
            if (!list.isArray()) {
                throw new IllegalArgumentException("threads: a list of thread counts, e.g. [1, 2]");
            }
            for (JsonNode count : list) {
                if (!count.isInt()) {
                    throw new IllegalArgumentException("threads: '" + count.asText() + "' is not a thread count");
                }
                threads.add(count.asInt());
            }
        }
        return new WorkloadSpec(name, source, mix, roles, keyType, size, distribution, growth.equals("grow"), presized,
                valueBytes, threads);
    }

    private static Distribution distribution(JsonNode node) {
        if (node == null) {
            return new Distribution.Uniform();
        }
        String type = node.isTextual() ? node.asText() : text(node, "type", true);
        List<String> allowed = DISTRIBUTION_FIELDS.get(type);
        if (allowed == null) {
            throw new IllegalArgumentException("distribution.type: '" + type + "'; allowed: uniform, zipf, latest, hotspot");
        }
        if (node.isObject()) {
            checkFields("distribution.", node, allowed);
        }
        double constant = node.has("constant") ? number(node, "constant") : Distribution.DEFAULT_ZIPF;
        try {
            return switch (type) {
                case "uniform" -> new Distribution.Uniform();
                case "zipf" -> new Distribution.Zipf(constant);
                case "latest" -> new Distribution.Latest(constant);
                default -> new Distribution.Hotspot(integer(node, "hotOpsPercent", -1), integer(node, "hotKeysPercent", -1));
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("distribution: " + e.getMessage());
        }
    }

    private static Map<MapOperation, Integer> mix(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(field + ": a mapping of operation to weight in percent, e.g. {get: 95, "
                    + "update: 5}");
        }
        Map<MapOperation, Integer> mix = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            MapOperation operation;
            try {
                operation = MapOperation.parse(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + "." + entry.getKey() + ": " + e.getMessage());
            }
            if (!entry.getValue().isInt()) {
                throw new IllegalArgumentException(field + "." + entry.getKey() + ": '" + entry.getValue().asText()
                        + "' is not a whole-number weight");
            }
            mix.put(operation, entry.getValue().asInt());
        }
        return mix;
    }

    private static void checkFields(String prefix, JsonNode node, List<String> allowed) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(prefix.isEmpty() ? "not a mapping" : prefix.replaceAll("\\.$", "")
                    + ": a mapping of " + allowed);
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(prefix + name + ": unknown field; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + ": missing");
            }
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException(field + ": a text value");
        }
        return value.asText();
    }

    private static int integer(JsonNode node, String field, int fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (fallback < 0) {
                throw new IllegalArgumentException(field + ": missing");
            }
            return fallback;
        }
        if (!value.isInt()) {
            throw new IllegalArgumentException(field + ": '" + value.asText() + "' is not a whole number");
        }
        return value.asInt();
    }

    private static double number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + ": '" + value.asText() + "' is not a number");
        }
        return value.asDouble();
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + ": '" + value.asText() + "'; allowed: true, false");
        }
        return value.asBoolean();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** {@code spec} as a workload file (YAML), every field written, for copying and editing. */
    public static String write(WorkloadSpec spec) {
        ObjectNode root = YAML.createObjectNode();
        root.put("name", spec.name());
        root.put("source", spec.source());
        if (spec.hasRoles()) {
            ArrayNode roles = root.putArray("roles");
            for (Role role : spec.roles()) {
                ObjectNode node = roles.addObject();
                node.put("name", role.name());
                if (role.takesTheRest()) {
                    node.put("threads", "rest");
                } else {
                    node.put("threads", role.threads());
                }
                putMix(node.putObject("operations"), role.mix());
            }
        } else {
            putMix(root.putObject("operations"), spec.mix());
        }
        root.putObject("keys").put("type", spec.keyType().label());
        root.put("size", spec.size());
        ObjectNode distribution = root.putObject("distribution");
        Distribution d = spec.distribution();
        if (d instanceof Distribution.Uniform) {
            distribution.put("type", "uniform");
        } else if (d instanceof Distribution.Zipf zipf) {
            distribution.put("type", "zipf").put("constant", zipf.constant());
        } else if (d instanceof Distribution.Latest latest) {
            distribution.put("type", "latest").put("constant", latest.constant());
        } else if (d instanceof Distribution.Hotspot hotspot) {
            distribution.put("type", "hotspot").put("hotOpsPercent", hotspot.hotOpsPercent())
                    .put("hotKeysPercent", hotspot.hotKeysPercent());
        }
        root.put("growth", spec.grows() ? "grow" : "none");
        root.put("presized", spec.presized());
        root.put("valueBytes", spec.valueBytes());
        if (!spec.threads().isEmpty()) {
            ArrayNode threads = root.putArray("threads");
            spec.threads().forEach(threads::add);
        }
        try {
            return YAML.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putMix(ObjectNode node, Map<MapOperation, Integer> mix) {
        new java.util.EnumMap<>(mix).forEach((operation, weight) -> node.put(operation.label(), weight));
    }

    /** The operations a file may name, as it names them. */
    public static String allowedOperations() {
        List<String> labels = new ArrayList<>();
        for (MapOperation operation : MapOperation.values()) {
            labels.add(operation.label());
        }
        return String.join(", ", labels);
    }

    /** The fields a file may have. */
    public static Set<String> fields() {
        return Set.copyOf(FIELDS);
    }
}
