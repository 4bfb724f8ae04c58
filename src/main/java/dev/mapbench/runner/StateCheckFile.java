package dev.mapbench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.bench.StateCheck;
import dev.mapbench.results.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a fork's tear-down wrote where {@code -D}{@value StateCheck#PROPERTY} pointed ({@link StateCheck}): whether
 * the map was corrupted, the evidence, and what the check cost.
 *
 * @param corrupted whether the check found the map's state wrong
 * @param evidence what it found, one line (blank when it passed)
 * @param millis how long the check took, outside the timed part
 */
record StateCheckFile(boolean corrupted, String evidence, double millis) {

    /** The JVM argument that makes a fork write its state check to {@code file}. */
    static String jvmArg(Path file) {
        return "-D" + StateCheck.PROPERTY + "=" + file.toAbsolutePath();
    }

    /**
     * The JVM arguments of a fork of this run: {@link #jvmArg}, and with {@code bench.stateCheck=false} the one that
     * leaves the check out ({@value StateCheck#SKIP_ARGUMENT}), which the fork's JMH result then records.
     */
    static List<String> jvmArgs(Path file) {
        return checking() ? List.of(jvmArg(file)) : List.of(jvmArg(file), StateCheck.SKIP_ARGUMENT);
    }

    /** Whether this run's forks check the map's state ({@code bench.stateCheck}, on unless set false). */
    static boolean checking() {
        return BenchProperty.STATE_CHECK.get(System.getProperties(), Effort.DEFAULT);
    }

    /** The outcome in {@code file}, if the fork got as far as its tear-down and wrote one. */
    static Optional<StateCheckFile> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return Optional.empty();
            }
            JsonNode node = Json.mapper().readTree(file.toFile());
            return Optional.of(new StateCheckFile(node.path("corrupted").asBoolean(false),
                    node.path("evidence").asText(""), node.path("millis").asDouble(Double.NaN)));
        } catch (IOException e) {
            return Optional.empty(); // half a file: the fork died while writing it, which its exit code tells
        }
    }
}
