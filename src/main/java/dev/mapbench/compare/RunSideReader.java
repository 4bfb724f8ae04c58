package dev.mapbench.compare;

import dev.mapbench.report.model.CellSample;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.EnvJson;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.Machine;
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

    /**
     * One side of a comparison from results already read, so a caller that has them reads nothing twice.
     * Each sample carries the environment of its own cell (a merge of shards has one per shard); the
     * side's environment is the cells' common one, or, when they differ, the fields they share with
     * {@code "mixed: ..."} for the others.
     */
    public static RunSide fromResults(ResultSet results, String sideLabel) {
        List<CellSample> samples = new ArrayList<>();
        Map<RunEnvironment, Map<String, String>> identities = new LinkedHashMap<>();
        for (BenchmarkCell cell : results.cells()) {
            String label = label(cell);
            String strategy = cell.param("strategy").orElse(cell.className() + "." + cell.methodName());
            Map<String, String> identity = results.environmentOf(cell)
                    .map(env -> identities.computeIfAbsent(env, RunSideReader::identity)).orElse(Map.of());
            String environmentId = environmentId(identity);
            String origin = origin(identity);
            samples.add(sample(label, strategy, CellSample.PRIMARY, cell.threads(), cell.primary(), environmentId,
                    origin));
            cell.secondary(BenchmarkCell.ALLOCATION_PER_OP).ifPresent(bytes -> samples.add(sample(label, strategy,
                    BenchmarkCell.ALLOCATION_PER_OP, cell.threads(), bytes, environmentId, origin)));
        }
        List<RunEnvironment> environments = results.distinctEnvironments();
        OptionalInt envCores = environments.stream().map(RunEnvironment::cores).filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt).min();
        return new RunSide(sideLabel, samples, common(List.copyOf(identities.values())),
                envCores.orElse(Runtime.getRuntime().availableProcessors()), envCores.isEmpty());
    }

    /** The identity shared by every environment; a field they disagree on reads {@code mixed: a | b}. */
    static Map<String, String> common(List<Map<String, String>> identities) {
        if (identities.isEmpty()) {
            return Map.of();
        }
        Map<String, String> common = new LinkedHashMap<>(identities.get(0));
        if (identities.size() > 1) {
            for (String key : common.keySet()) {
                List<String> values = identities.stream().map(identity -> identity.getOrDefault(key, "(absent)"))
                        .distinct().toList();
                if (values.size() > 1) {
                    // The earliest start dates a merged side; every other field says it is mixed.
                    common.put(key, "startedAt".equals(key) ? values.stream().sorted().findFirst().orElseThrow()
                            : "mixed: " + String.join(" | ", values));
                }
            }
        }
        return common;
    }

    /** Where a cell came from, e.g. {@code shard 2/4, AMD EPYC 7B13, JVM 17.0.15+6}; empty when unknown. */
    static String origin(Map<String, String> identity) {
        if (identity.isEmpty()) {
            return "";
        }
        String shard = identity.getOrDefault("shard", "");
        return (shard.isEmpty() || "1/1".equals(shard) ? "" : "shard " + shard + ", ")
                + identity.getOrDefault("cpuModel", "unknown CPU") + ", JVM " + identity.getOrDefault("jvm.version", "?");
    }

    /** A short, stable id of the environment: equal for runs in the same environment ({@link Machine}). */
    public static String environmentId(Map<String, String> identity) {
        if (identity.isEmpty()) {
            return "unknown";
        }
        String canonical = Machine.IDENTITY_FIELDS.stream()
                .map(key -> key + "=" + identity.getOrDefault(key, "")).collect(Collectors.joining("\n"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required on every JVM", e);
        }
    }

    /** The environment's identity ({@link Machine#identity()}) and what the outputs name a run by. */
    private static Map<String, String> identity(RunEnvironment environment) {
        EnvJson env = environment.env();
        Map<String, String> identity = new LinkedHashMap<>(env.machine().identity());
        putIfPresent(identity, "git.commit", env.run().git() == null ? null : env.run().git().commit());
        putIfPresent(identity, "runId", env.run().runId());
        putIfPresent(identity, "startedAt", env.run().startedAt());
        putIfPresent(identity, "shard", env.plan().shard());
        return identity;
    }

    private static void putIfPresent(Map<String, String> identity, String key, Object value) {
        if (value != null) {
            identity.put(key, value.toString());
        }
    }

    private static CellSample sample(String label, String strategy, String metric, int threads, Metric values,
            String environmentId, String origin) {
        return new CellSample(label, strategy, metric, values.unit(), threads, values.forkValues(), environmentId,
                origin);
    }

    /** {@code Class.method mode k=v ... threads=n}: short enough for a table, unique within a run. */
    public static String label(BenchmarkCell cell) {
        StringBuilder label = new StringBuilder(cell.className()).append('.').append(cell.methodName())
                .append(' ').append(cell.mode().label());
        cell.params().forEach((name, value) -> label.append(' ').append(name).append('=').append(value));
        return label.append(" threads=").append(cell.threads()).toString();
    }
}
