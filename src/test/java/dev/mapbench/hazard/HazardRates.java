package dev.mapbench.hazard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the hazard tests' observed rates into {@code target/correctness/hazard-rates.json}.
 *
 * <p>Surefire runs every test class in one JVM, so this holds every observation made so far in the
 * run and rewrites the whole file after each one: the file always lists all hazards tested, whichever
 * class ran last. A repeated observation of the same hazard on the same strategy replaces the older
 * one. The file is written to a temporary sibling and moved into place, so a reader never sees half of it.
 */
public final class HazardRates {

    /** Where the file goes; a system property lets a test point it elsewhere. */
    static final Path DEFAULT_FILE = Path.of("target", "correctness", "hazard-rates.json");

    private static final Map<String, HazardObservation> OBSERVATIONS = new LinkedHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HazardRates() {
    }

    /** Adds {@code observation} and rewrites the file with everything seen so far in this JVM. */
    public static synchronized void record(HazardObservation observation) {
        OBSERVATIONS.put(observation.hazard() + "|" + observation.strategy(), observation);
        write(DEFAULT_FILE, OBSERVATIONS.values());
    }

    static void write(Path file, Iterable<HazardObservation> observations) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generatedAt", Instant.now().toString());
        root.put("jvm", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        // Which code the rates hold for: the report shows it beside the benchmark run's own commit.
        root.put("commit", String.valueOf(dev.mapbench.runner.Environment.git(Path.of(".")).commit()));
        ArrayNode hazards = root.putArray("hazards");
        for (HazardObservation observation : observations) {
            hazards.addPOJO(observation);
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            JSON.writeValue(temp.toFile(), root);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
