package dev.mapbench.report.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.report.model.CorrectnessResults;
import dev.mapbench.report.model.LinearizabilityResults;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.Json;
import dev.mapbench.results.ResultSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the correctness tests left: the hazard rates of {@code target/correctness/hazard-rates.json}
 * and the Lincheck outcomes of {@code linearizability.json} beside it (written by the test-scope
 * {@code LinearizabilityRecorder}).
 */
public final class CorrectnessReader {

    /** The default location of the hazard rates, relative to the working directory. */
    public static final Path DEFAULT_LOCATION = Path.of("target", "correctness", "hazard-rates.json");
    /** The Lincheck outcomes' file name; it sits beside hazard-rates.json. */
    public static final String LINEARIZABILITY_FILE = "linearizability.json";

    private CorrectnessReader() {
    }

    /** The git commits the benchmark run's env.json files recorded, to tell stale test results apart. */
    public static List<String> runCommits(ResultSet results) {
        return results.distinctEnvironments().stream()
                .map(environment -> environment.env().run().git()).filter(git -> git != null && git.commit() != null)
                .map(git -> git.commit()).filter(commit -> !commit.isBlank() && !commit.equals("null")).distinct().toList();
    }

    /** Reads a hazard-rates.json; anything that is not a contract-3 document is bad input. */
    public static CorrectnessResults hazards(Path file) throws BadInputException {
        JsonNode root;
        try {
            if (Files.size(file) == 0) {
                throw new BadInputException(file, "empty file");
            }
            root = Json.readTree(file);
        } catch (BadInputException e) {
            throw e;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException(file, "no such file", e);
        } catch (IOException e) {
            throw new BadInputException(file, "not a correctness result: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.isObject() || !root.path("hazards").isArray()) {
            throw new BadInputException(file, "not a correctness result: expected an object with a \"hazards\" array");
        }
        List<CorrectnessResults.Hazard> hazards = new ArrayList<>();
        for (JsonNode hazard : root.path("hazards")) {
            hazards.add(new CorrectnessResults.Hazard(hazard.path("hazard").asText(""), hazard.path("strategy").asText(""),
                    hazard.path("observed").asBoolean(false), hazard.path("trials").asLong(0),
                    hazard.path("seconds").asDouble(Double.NaN), hazard.path("rate").asDouble(Double.NaN),
                    hazard.path("rateUnit").asText(""), hazard.path("detail").asText("")));
        }
        return new CorrectnessResults(file, root.path("generatedAt").asText(""), root.path("jvm").asText(""),
                root.path("cores").asInt(0), hazards, root.path("commit").asText(""));
    }

    /** The file beside {@code hazardRates}, if it is there; a file that is there but unreadable is bad input. */
    public static Optional<LinearizabilityResults> linearizabilityBesides(Path hazardRates) throws BadInputException {
        Path parent = hazardRates.toAbsolutePath().getParent();
        Path file = parent == null ? Path.of(LINEARIZABILITY_FILE) : parent.resolve(LINEARIZABILITY_FILE);
        return Files.isRegularFile(file) ? Optional.of(linearizability(file)) : Optional.empty();
    }

    /** Reads a linearizability.json. */
    public static LinearizabilityResults linearizability(Path file) throws BadInputException {
        JsonNode root;
        try {
            root = Json.readTree(file);
        } catch (IOException e) {
            throw new BadInputException(file, "not a linearizability result: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (root == null || !root.path("checks").isArray()) {
            throw new BadInputException(file, "not a linearizability result: expected an object with a \"checks\" array");
        }
        List<LinearizabilityResults.Check> checks = new ArrayList<>();
        for (JsonNode check : root.path("checks")) {
            checks.add(new LinearizabilityResults.Check(check.path("strategy").asText(""), check.path("check").asText(""),
                    check.path("passed").asBoolean(false), check.path("seconds").asDouble(Double.NaN),
                    check.path("test").asText(""), check.path("detail").asText("")));
        }
        return new LinearizabilityResults(file, root.path("generatedAt").asText(""), root.path("commit").asText(""),
                root.path("scenarios").asText(""), checks);
    }
}
