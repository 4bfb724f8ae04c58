package dev.mapbench.results;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.results.EnvJson.AbSide;
import dev.mapbench.results.EnvJson.Deep;
import dev.mapbench.results.EnvJson.LinearizabilityCheck;
import dev.mapbench.results.EnvJson.Merge;
import dev.mapbench.results.EnvJson.Plan;
import dev.mapbench.results.EnvJson.Race;
import dev.mapbench.results.EnvJson.Run;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one reader and writer of {@code env.json} ({@link EnvJson}).
 *
 * <p>Reading: a file without {@code version} is version 1; a newer version than {@link #VERSION}, a field of the
 * wrong type (a word where the cores are, a list where the effort is) or a file that is no JSON object is one
 * {@link BadInputException}: {@code <file>: <problem>}. Absent fields are null, unknown top-level fields are kept,
 * unknown fields inside {@code jvm}, {@code race} and the other nested objects are ignored. Version 1 merges of
 * shards on different machines wrote {@code "mixed: ..."} text into the numeric machine fields; that text reads as
 * absent (the merge's {@code environmentsDiffer} and the shards' own env.json say what each was).
 *
 * <p>Writing: the current version, every field of every recorded group, nulls included (a null
 * {@code finishedAt} says the run has not finished), pretty-printed and written atomically.
 */
public final class EnvJsonFile {

    /** The file's name in a run folder. */
    public static final String FILE = "env.json";
    /** The version this class writes and the newest it reads. */
    public static final int VERSION = 1;

    /** The groups whose fields sit at the top level of the file, in file order. */
    private static final List<Class<? extends Record>> FLAT_GROUPS = List.of(Run.class, Machine.class, Plan.class,
            Deep.class, Merge.class);
    private static final String RACE = "race";
    private static final String AB = "ab";
    private static final String CHECKS = "linearizabilityChecks";
    private static final Set<String> KNOWN = known();

    private EnvJsonFile() {
    }

    /** Reads {@code file}. */
    public static EnvJson read(Path file) throws BadInputException {
        return readEnvironment(file).env();
    }

    /** Reads {@code file} with its fields flattened for display ({@link RunEnvironment#properties()}). */
    static RunEnvironment readEnvironment(Path file) throws BadInputException {
        JsonNode root = TypedJson.readObject(file, "env.json");
        int version = TypedJson.version(file, root, VERSION);
        ObjectNode fields = ((ObjectNode) root).deepCopy();
        if (version == 1) {
            for (String number : List.of("cores", "heapMaxBytes")) {
                if (fields.path(number).asText("").startsWith("mixed: ")) {
                    fields.remove(number);
                }
            }
        }
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        fields.properties().forEach(field -> {
            if (!KNOWN.contains(field.getKey())) {
                unknown.put(field.getKey(), field.getValue());
            }
        });
        EnvJson env = new EnvJson(version, group(file, fields, Run.class), group(file, fields, Machine.class),
                group(file, fields, Plan.class), present(fields, Deep.class) ? group(file, fields, Deep.class) : null,
                field(file, fields, RACE, Race.class), checks(file, fields), field(file, fields, AB, AbSide.class),
                present(fields, Merge.class) ? group(file, fields, Merge.class) : null, unknown);
        Map<String, String> properties = new LinkedHashMap<>();
        flatten("", root, properties);
        return new RunEnvironment(file, env, properties);
    }

    /** Writes {@code env} to {@code file} as the current version, whole or not at all. */
    public static void write(Path file, EnvJson env) throws IOException {
        AtomicFile.write(file, Json.pretty(tree(env)));
    }

    /** The JSON object {@link #write} writes. */
    static ObjectNode tree(EnvJson env) {
        ObjectNode tree = Json.mapper().createObjectNode();
        tree.put(TypedJson.VERSION_FIELD, VERSION);
        tree.setAll((ObjectNode) Json.mapper().valueToTree(env.run()));
        tree.setAll((ObjectNode) Json.mapper().valueToTree(env.machine()));
        tree.setAll((ObjectNode) Json.mapper().valueToTree(env.plan()));
        if (env.deep() != null) {
            tree.setAll((ObjectNode) Json.mapper().valueToTree(env.deep()));
        }
        if (env.race() != null) {
            tree.set(RACE, Json.mapper().valueToTree(env.race()));
        }
        if (env.ab() != null) {
            tree.set(AB, Json.mapper().valueToTree(env.ab()));
        }
        if (env.linearizabilityChecks() != null) {
            tree.set(CHECKS, Json.mapper().valueToTree(env.linearizabilityChecks()));
        }
        if (env.merge() != null) {
            tree.setAll((ObjectNode) Json.mapper().valueToTree(env.merge()));
        }
        env.unknown().forEach((name, value) -> {
            if (!tree.has(name)) {
                tree.set(name, value);
            }
        });
        return tree;
    }

    private static boolean present(JsonNode fields, Class<? extends Record> group) {
        return names(group).stream().anyMatch(fields::has);
    }

    /** A group whose fields sit at the top level of the file. */
    private static <T> T group(Path file, JsonNode fields, Class<T> type) throws BadInputException {
        return TypedJson.bind(file, fields, "", type);
    }

    /** A group that is one nested object of the file. */
    private static <T> T field(Path file, JsonNode fields, String name, Class<T> type) throws BadInputException {
        JsonNode node = fields.path(name);
        return node.isMissingNode() || node.isNull() ? null : TypedJson.bind(file, node, name + ".", type);
    }

    private static Map<String, LinearizabilityCheck> checks(Path file, JsonNode fields) throws BadInputException {
        JsonNode node = fields.path(CHECKS);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        JavaType type = Json.mapper().getTypeFactory().constructMapType(LinkedHashMap.class, String.class,
                LinearizabilityCheck.class);
        try {
            return Json.mapper().readerFor(type).readValue(node);
        } catch (IOException e) {
            throw TypedJson.wrongType(file, node, CHECKS + ".", e);
        }
    }

    private static Set<String> known() {
        Set<String> known = new LinkedHashSet<>(List.of(TypedJson.VERSION_FIELD, RACE, AB, CHECKS));
        FLAT_GROUPS.forEach(group -> known.addAll(names(group)));
        return Set.copyOf(known);
    }

    private static List<String> names(Class<? extends Record> group) {
        return Arrays.stream(group.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** Objects become dotted keys; arrays of scalars become one space-separated value; nulls are left out. */
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
