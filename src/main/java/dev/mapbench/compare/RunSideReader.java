package dev.mapbench.compare;

import dev.mapbench.results.BadInputException;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.Metric;
import dev.mapbench.results.ResultSet;
import dev.mapbench.results.RunEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Turns JMH JSON files or run folders (read by {@link JmhResultReader}) into a {@link RunSide}: per
 * cell, the primary score and bytes per op ({@code gc.alloc.rate.norm}) as per-fork means.
 */
public final class RunSideReader {

    private RunSideReader() {
    }

    /** Reads one side of a comparison from its inputs. */
    public static RunSide read(List<Path> inputs) throws BadInputException {
        return fromResults(JmhResultReader.read(inputs), sideLabel(inputs));
    }

    /** How a side is named in the output: its inputs as given. */
    public static String sideLabel(List<Path> inputs) {
        return inputs.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /** One side of a comparison from results already read, so a caller that has them reads nothing twice. */
    public static RunSide fromResults(ResultSet results, String sideLabel) {
        List<CellSample> samples = new ArrayList<>();
        for (BenchmarkCell cell : results.cells()) {
            String label = label(cell);
            String strategy = cell.param("strategy").orElse(cell.className() + "." + cell.methodName());
            samples.add(sample(label, strategy, CellSample.PRIMARY, cell.threads(), cell.primary()));
            cell.secondary(BenchmarkCell.ALLOCATION_PER_OP).ifPresent(bytes ->
                    samples.add(sample(label, strategy, BenchmarkCell.ALLOCATION_PER_OP, cell.threads(), bytes)));
        }
        List<RunEnvironment> environments = results.distinctEnvironments();
        Map<String, String> identity = environments.isEmpty() ? Map.of() : identity(environments.get(0));
        OptionalInt envCores = environments.stream().map(RunEnvironment::cores).filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt).min();
        return new RunSide(sideLabel, samples, identity,
                envCores.orElse(Runtime.getRuntime().availableProcessors()), envCores.isEmpty());
    }

    /** A short, stable id of the environment: equal for runs on the same CPU, JVM, GC and settings. */
    public static String environmentId(Map<String, String> identity) {
        if (identity.isEmpty()) {
            return "unknown";
        }
        String canonical = RunComparator.ENVIRONMENT_IDENTITY.stream()
                .map(key -> key + "=" + identity.getOrDefault(key, "")).collect(Collectors.joining("\n"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }

    private static Map<String, String> identity(RunEnvironment environment) {
        Map<String, String> identity = new LinkedHashMap<>();
        for (String key : RunComparator.ENVIRONMENT_IDENTITY) {
            environment.property(key).ifPresent(value -> identity.put(key, value));
        }
        environment.property("git.commit").ifPresent(value -> identity.put("git.commit", value));
        environment.property("runId").ifPresent(value -> identity.put("runId", value));
        environment.property("startedAt").ifPresent(value -> identity.put("startedAt", value));
        return identity;
    }

    private static CellSample sample(String label, String strategy, String metric, int threads, Metric values) {
        return new CellSample(label, strategy, metric, values.unit(), threads, values.forkMeans());
    }

    /** {@code Class.method mode k=v ... threads=n}: short enough for a table, unique within a run. */
    static String label(BenchmarkCell cell) {
        StringBuilder label = new StringBuilder(cell.className()).append('.').append(cell.methodName())
                .append(' ').append(cell.mode().label());
        cell.params().forEach((name, value) -> label.append(' ').append(name).append('=').append(value));
        return label.append(" threads=").append(cell.threads()).toString();
    }
}
