package dev.mapbench.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An A/B's {@code ab.json}: what it compared, how, and what it decided, for scripts (the nightly job reads the
 * commits) and for merging the A/B's shards. {@link #read} and {@link #write} are its one reader and writer; a file
 * without {@code version} is version 1, a newer version or a field of the wrong type is bad input naming the
 * file, and unknown fields are kept.
 *
 * @param version the format version ({@link #VERSION} when written)
 * @param baselineRef the baseline ref as given
 * @param candidateRef the candidate ref as given
 * @param baselineCommit the commit the baseline ref named
 * @param candidateCommit the commit the candidate ref named
 * @param baselineProperties {@code -D} properties given to the baseline's forks only
 * @param candidateProperties {@code -D} properties given to the candidate's forks only
 * @param seed the seed of the interleaved schedule
 * @param forks forks a side per cell
 * @param timing one fork's iterations, in words
 * @param cells cells compared (ruler included)
 * @param shard the shard measured ({@code 1/1}; {@code 1/2+2/2} when merged)
 * @param rulerComparable whether the ruler's code was the same on both sides
 * @param machine CPU model, cores and JVM of each shard
 * @param buildSeconds wall time of both builds
 * @param measureSeconds wall time of the interleaved forks
 * @param meanForkSeconds measured wall time per fork
 * @param exit the A/B's exit code
 * @param outcome the decision, in words
 * @param failedForks forks that failed, one line each
 * @param unstableShards shards whose ruler differed between the sides
 * @param regressedCells ids of the workload cells shown regressed, so a bisection can measure exactly those
 * @param unknown fields this version does not know, kept and written back
 */
@JsonPropertyOrder({"version", "baselineRef", "candidateRef", "baselineCommit", "candidateCommit", "baselineProperties",
    "candidateProperties", "seed", "forks", "timing", "cells", "shard", "rulerComparable", "machine", "buildSeconds",
    "measureSeconds", "meanForkSeconds", "exit", "outcome", "failedForks", "unstableShards", "regressedCells"})
public record AbJson(int version, String baselineRef, String candidateRef, String baselineCommit,
        String candidateCommit, List<String> baselineProperties, List<String> candidateProperties, Long seed,
        Integer forks, String timing, Integer cells, String shard, Boolean rulerComparable, String machine,
        Double buildSeconds, Double measureSeconds, Double meanForkSeconds, Integer exit, String outcome,
        List<String> failedForks, List<String> unstableShards, List<String> regressedCells, @JsonIgnore Map<String, JsonNode> unknown) {

    /** The file's name in an A/B folder. */
    public static final String FILE = "ab.json";
    /** The version this class writes and the newest it reads. */
    public static final int VERSION = 1;

    /** Copies the collections. */
    public AbJson {
        baselineProperties = copy(baselineProperties);
        candidateProperties = copy(candidateProperties);
        failedForks = copy(failedForks);
        unstableShards = copy(unstableShards);
        regressedCells = copy(regressedCells);
        unknown = unknown == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unknown));
    }

    /** Reads {@code file}. */
    public static AbJson read(Path file) throws BadInputException {
        JsonNode root = TypedJson.readObject(file, AbJson.FILE);
        int version = TypedJson.version(file, root, VERSION);
        AbJson read = TypedJson.bind(file, root, "", AbJson.class);
        Map<String, JsonNode> unknown = new LinkedHashMap<>();
        ObjectNode known = Json.mapper().valueToTree(read);
        root.properties().forEach(field -> {
            if (!known.has(field.getKey())) {
                unknown.put(field.getKey(), field.getValue());
            }
        });
        return new AbJson(version, read.baselineRef, read.candidateRef, read.baselineCommit, read.candidateCommit,
                read.baselineProperties, read.candidateProperties, read.seed, read.forks, read.timing, read.cells,
                read.shard, read.rulerComparable, read.machine, read.buildSeconds, read.measureSeconds,
                read.meanForkSeconds, read.exit, read.outcome, read.failedForks, read.unstableShards, read.regressedCells,
                unknown);
    }

    /** Writes this to {@code file} as the current version, whole or not at all. */
    public void write(Path file) throws IOException {
        AbJson current = new AbJson(VERSION, baselineRef, candidateRef, baselineCommit, candidateCommit,
                baselineProperties, candidateProperties, seed, forks, timing, cells, shard, rulerComparable, machine,
                buildSeconds, measureSeconds, meanForkSeconds, exit, outcome, failedForks, unstableShards,
                regressedCells, unknown);
        AtomicFile.write(file, Json.pretty(current));
    }

    /** The unknown fields, written after the known ones. */
    @JsonAnyGetter
    Map<String, JsonNode> unknownFields() {
        return unknown;
    }

    private static List<String> copy(List<String> list) {
        return list == null ? null : List.copyOf(list);
    }
}
