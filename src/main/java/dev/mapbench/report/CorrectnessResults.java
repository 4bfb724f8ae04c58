package dev.mapbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hazard rates the correctness tests left in {@code target/correctness/hazard-rates.json}
 * (contract 3): for each hazard and strategy, whether it was observed and how often.
 *
 * @param source the file read
 * @param generatedAt when the tests wrote it (ISO-8601 text)
 * @param jvm the JVM the tests ran on
 * @param cores the cores of the machine the tests ran on (0 when absent)
 * @param hazards one entry per hazard and strategy
 * @param commit the git commit the tests ran at ("" when the file predates recording it)
 */
public record CorrectnessResults(Path source, String generatedAt, String jvm, int cores, List<Hazard> hazards, String commit) {

    /** The default location, relative to the working directory. */
    public static final Path DEFAULT_LOCATION = Path.of("target", "correctness", "hazard-rates.json");

    /** Copies the list. */
    public CorrectnessResults {
        hazards = List.copyOf(hazards);
    }

    /** One hazard measured against one strategy. */
    public record Hazard(String hazard, String strategy, boolean observed, long trials, double seconds,
            double rate, String rateUnit, String detail) {
    }

    /** Reads the file; anything that is not a contract-3 document is bad input. */
    public static CorrectnessResults read(Path file) throws BadInputException {
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
        List<Hazard> hazards = new ArrayList<>();
        for (JsonNode hazard : root.path("hazards")) {
            hazards.add(new Hazard(hazard.path("hazard").asText(""), hazard.path("strategy").asText(""),
                    hazard.path("observed").asBoolean(false), hazard.path("trials").asLong(0),
                    hazard.path("seconds").asDouble(Double.NaN), hazard.path("rate").asDouble(Double.NaN),
                    hazard.path("rateUnit").asText(""), hazard.path("detail").asText("")));
        }
        return new CorrectnessResults(file, root.path("generatedAt").asText(""), root.path("jvm").asText(""),
                root.path("cores").asInt(0), hazards, root.path("commit").asText(""));
    }
}
