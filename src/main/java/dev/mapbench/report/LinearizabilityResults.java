package dev.mapbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Lincheck outcomes the linearizability tests left in {@code target/correctness/linearizability.json}
 * (written by the test-scope {@code LinearizabilityRecorder}): per strategy and mode, passed or failed.
 *
 * @param source the file read
 * @param generatedAt when the tests wrote it
 * @param commit the git commit the tests ran at
 * @param scenarios what Lincheck explored, in words
 * @param checks one per strategy and mode
 */
public record LinearizabilityResults(Path source, String generatedAt, String commit, String scenarios, List<Check> checks) {

    /** The file's name; it sits beside hazard-rates.json. */
    public static final String FILE_NAME = "linearizability.json";

    /** Copies the list. */
    public LinearizabilityResults {
        checks = List.copyOf(checks);
    }

    /** One Lincheck check of one strategy. */
    public record Check(String strategy, String check, boolean passed, double seconds, String test, String detail) {
    }

    /** The file beside {@code hazardRates}, if it is there; a file that is there but unreadable is bad input. */
    public static Optional<LinearizabilityResults> besides(Path hazardRates) throws BadInputException {
        Path parent = hazardRates.toAbsolutePath().getParent();
        Path file = parent == null ? Path.of(FILE_NAME) : parent.resolve(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Reads the file. */
    public static LinearizabilityResults read(Path file) throws BadInputException {
        JsonNode root;
        try {
            root = Json.readTree(file);
        } catch (IOException e) {
            throw new BadInputException(file, "not a linearizability result: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.path("checks").isArray()) {
            throw new BadInputException(file, "not a linearizability result: expected an object with a \"checks\" array");
        }
        List<Check> checks = new ArrayList<>();
        for (JsonNode check : root.path("checks")) {
            checks.add(new Check(check.path("strategy").asText(""), check.path("check").asText(""),
                    check.path("passed").asBoolean(false), check.path("seconds").asDouble(Double.NaN),
                    check.path("test").asText(""), check.path("detail").asText("")));
        }
        return new LinearizabilityResults(file, root.path("generatedAt").asText(""), root.path("commit").asText(""),
                root.path("scenarios").asText(""), checks);
    }
}
