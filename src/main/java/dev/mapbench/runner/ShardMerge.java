package dev.mapbench.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Merges the run folders of shards ({@code -Dbench.shard=i/n}) into one run folder:
 * {@code -Dbench.merge=<folder>,<folder>...}, optionally {@code -Dbench.runId=<id>}.
 *
 * <p>The shards must come from the same matrix (same effort, threads, strategies, include and shard
 * count, distinct shard numbers); a cell present in two folders is an error. Cells are copied as they
 * are (their file names carry the matrix position, so they sort back into matrix order), then
 * jmh-result.json and alloc-per-op.csv are rebuilt, and env.json is the first shard's with
 * {@code shard} = e.g. {@code "1/3+2/3+3/3"}, {@code mergedFrom} = the shards' run ids, the earliest
 * start and the latest finish (null if a shard did not finish).
 */
final class ShardMerge {

    private static final List<String> SAME_MATRIX = List.of("effort", "threads", "strategies", "include", "cores");

    private ShardMerge() {
    }

    static Path merge(BenchSettings settings, PrintStream console) throws IOException {
        List<JsonNode> envs = new ArrayList<>();
        for (Path folder : settings.merge()) {
            envs.add(readEnv(folder));
        }
        checkSameMatrix(settings.merge(), envs);
        Path target = settings.resultsRoot().resolve(settings.runId());
        if (Files.exists(target)) {
            throw new IllegalArgumentException(target + ": already exists; choose another bench.runId");
        }
        RunFolder merged = new RunFolder(target);
        merged.create();
        Map<String, Path> seen = new HashMap<>();
        for (Path folder : settings.merge()) {
            for (Map.Entry<String, Path> cell : new RunFolder(folder).finishedCells().entrySet()) {
                Path earlier = seen.putIfAbsent(cell.getKey(), cell.getValue());
                if (earlier != null) {
                    throw new IllegalArgumentException(cell.getValue() + ": cell " + cell.getKey()
                            + " is also in " + earlier + "; shards overlap");
                }
                Files.copy(cell.getValue(), merged.cells().resolve(cell.getValue().getFileName()));
            }
            DeepMeasurements.copyArtifacts(folder, target);
            FootprintStep.copyFiles(folder, target);
        }
        int cells = merged.assembleResult();
        int cores = envs.get(0).path("cores").asInt();
        RunFolder.writeAtomically(merged.file(RunFolder.ALLOCATION),
                AllocationPerOp.csv(List.copyOf(merged.finishedCells().values()), cores));
        RunFolder.writeAtomically(merged.file(RunFolder.ENV), BenchRunner.JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(mergedEnv(envs, target)) + "\n");
        console.printf("merged %d cells from %d shard folders into %s%n", cells, envs.size(), target);
        return target;
    }

    private static JsonNode readEnv(Path folder) {
        Path env = folder.resolve(RunFolder.ENV);
        try {
            return BenchRunner.JSON.readTree(env.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(env + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static void checkSameMatrix(List<Path> folders, List<JsonNode> envs) {
        TreeSet<String> shards = new TreeSet<>();
        String count = null;
        for (int i = 0; i < envs.size(); i++) {
            JsonNode env = envs.get(i);
            for (String field : SAME_MATRIX) {
                if (!env.path(field).equals(envs.get(0).path(field))) {
                    throw new IllegalArgumentException(folders.get(i).resolve(RunFolder.ENV) + ": " + field + " "
                            + env.path(field) + " differs from " + envs.get(0).path(field) + " in " + folders.get(0));
                }
            }
            String[] shard = env.path("shard").asText("").split("/");
            if (shard.length != 2 || (count != null && !count.equals(shard[1])) || !shards.add(shard[0])) {
                throw new IllegalArgumentException(folders.get(i).resolve(RunFolder.ENV) + ": shard '"
                        + env.path("shard").asText() + "' is not a distinct shard of the same split");
            }
            count = shard[1];
        }
    }

    private static ObjectNode mergedEnv(List<JsonNode> envs, Path target) {
        ObjectNode env = envs.get(0).deepCopy();
        env.put("runId", target.getFileName().toString());
        ArrayNode from = env.putArray("mergedFrom");
        List<String> shards = new ArrayList<>();
        String startedAt = null;
        String finishedAt = null;
        boolean allFinished = true;
        int planned = 0;
        for (JsonNode shard : envs) {
            from.add(shard.path("runId").asText());
            shards.add(shard.path("shard").asText());
            String started = shard.path("startedAt").asText();
            startedAt = startedAt == null || started.compareTo(startedAt) < 0 ? started : startedAt;
            if (shard.path("finishedAt").isTextual()) {
                String finished = shard.path("finishedAt").asText();
                finishedAt = finishedAt == null || finished.compareTo(finishedAt) > 0 ? finished : finishedAt;
            } else {
                allFinished = false;
            }
            planned += shard.path("cellsPlanned").asInt();
        }
        env.put("shard", String.join("+", shards));
        env.put("startedAt", startedAt);
        env.put("finishedAt", allFinished ? finishedAt : null);
        env.put("cellsPlanned", planned);
        return env;
    }
}
