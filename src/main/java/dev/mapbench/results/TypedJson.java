package dev.mapbench.results;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;

/**
 * Reading a run folder's JSON files into typed records: the version check and one wording for every problem,
 * {@code <file>: field cores is "two", expected a whole number}.
 */
final class TypedJson {

    /** Where every run-folder JSON file keeps its format version. */
    static final String VERSION_FIELD = "version";

    private TypedJson() {
    }

    /** The JSON object in {@code file} ({@code what} names the kind of file in the error), else bad input. */
    static JsonNode readObject(Path file, String what) throws BadInputException {
        JsonNode root = JmhResultReader.readJson(file);
        if (!root.isObject()) {
            throw new BadInputException(file, "not a mapbench " + what + ": expected a JSON object");
        }
        return root;
    }

    /** The format version of {@code root}: 1 without the field; bad input if no whole number or newer than {@code newest}. */
    static int version(Path file, JsonNode root, int newest) throws BadInputException {
        JsonNode version = root.path(VERSION_FIELD);
        if (version.isMissingNode()) {
            return 1;
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new BadInputException(file, "field version is " + abbreviate(version) + ", expected a whole number");
        }
        return SchemaVersion.check(file, version.asInt(), newest);
    }

    static <T> T bind(Path file, JsonNode node, String prefix, Class<T> type) throws BadInputException {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw wrongType(file, node, prefix, e);
        }
    }

    /** {@code <file>: field cores is "two", expected a whole number}. */
    static BadInputException wrongType(Path file, JsonNode node, String prefix, Exception e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return new BadInputException(file, "unreadable: " + firstLine(e), e);
        }
        StringBuilder name = new StringBuilder(prefix);
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                name.append(name.isEmpty() || name.charAt(name.length() - 1) == '.' ? "" : ".")
                        .append(reference.getFieldName());
                pointer.append('/').append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                name.append('[').append(reference.getIndex()).append(']');
                pointer.append('/').append(reference.getIndex());
            }
        }
        JsonNode value = node.at(JsonPointer.compile(pointer.toString()));
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return new BadInputException(file, "field " + name + " is " + abbreviate(value) + ", expected "
                + expected(target), e);
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "another type";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "a whole number";
        }
        if (target == Double.class || target == double.class) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (target == String.class) {
            return "text";
        }
        if (target == Instant.class) {
            return "an ISO-8601 instant, e.g. 2026-12-01T21:31:30Z";
        }
        if (Collection.class.isAssignableFrom(target)) {
            return "a list";
        }
        return "an object";
    }

    private static String abbreviate(JsonNode value) {
        String text = value.isMissingNode() ? "absent" : value.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

}
