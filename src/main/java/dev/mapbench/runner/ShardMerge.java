package dev.mapbench.runner;

import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.ForkRow;
import dev.mapbench.results.ForksCsv;
import dev.mapbench.results.Json;
import dev.mapbench.workload.CellId;
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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Merges the run folders of shards ({@code -Dbench.shard=i/n}) into one run folder:
 * {@code -Dbench.merge=<folder>,<folder>...}, optionally {@code -Dbench.runId=<id>}.
 *
 * <p>The shards must come from the same matrix (same effort, threads, strategies, include and shard
 * count, distinct shard numbers); a workload cell present in two folders is an error. Calibration cells
 * are in every shard (each machine measures its own ruler): the merged {@code cells/} keeps the copy of
 * the shard that ran the 100 %-read 1-thread workload of the same size and keys (so the harness-overhead
 * ratio divides numbers from one machine), every shard's copies stay under {@code shards/<i>/cells/}.
 * Cells are copied as they are (their file names carry the matrix position, so they sort back into
 * matrix order), then jmh-result.json and alloc-per-op.csv are rebuilt.
 *
 * <p>Each shard's env.json is kept as {@code shards/<i>/env.json}. The merged env.json is the first
 * shard's with {@code shard} = e.g. {@code "1/3+2/3+3/3"}, {@code mergedFrom} = the shards' run ids,
 * the earliest start and the latest finish (null if a shard did not finish), and {@code shards}: per
 * shard its env file, CPU model, JVM and the cell files it contributed, so every cell keeps the
 * environment it was measured in ({@code JmhResultReader} attaches it). When shards differ in CPU
 * model, cores, JVM or OS, {@code environmentsDiffer} lists how, and those top-level fields say
 * {@code "mixed: ..."} instead of naming one machine for all cells.
 */
final class ShardMerge {

    private static final List<String> SAME_MATRIX = List.of("effort", "threads", "strategies", "include", "cores");
    /** The env.json fields (JSON pointers) that make two shards different machines or JVMs. */
    static final List<String> MACHINE_FIELDS = List.of("/cpuModel", "/cores", "/jvm/vendor", "/jvm/version",
            "/jvm/name", "/os/name", "/os/arch", "/gc", "/heapMaxBytes");
    /** Where a merged run keeps each shard's env.json and its copies of the calibration cells. */
    static final String SHARDS = "shards";

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
        Map<String, Map<String, Path>> calibrationCopies = new LinkedHashMap<>();
        Map<String, Integer> shardOfWorkload = new HashMap<>();
        Map<Integer, List<String>> cellsOfShard = new TreeMap<>();
        for (int i = 0; i < settings.merge().size(); i++) {
            Path folder = settings.merge().get(i);
            int shardIndex = shardIndex(envs.get(i));
            Path shardCopy = target.resolve(SHARDS).resolve(Integer.toString(shardIndex));
            Files.createDirectories(shardCopy.resolve(RunFolder.CELLS));
            Files.copy(folder.resolve(RunFolder.ENV), shardCopy.resolve(RunFolder.ENV));
            List<String> contributed = cellsOfShard.computeIfAbsent(shardIndex, k -> new ArrayList<>());
            for (Map.Entry<String, Path> cell : new RunFolder(folder).finishedCells().entrySet()) {
                if (CellId.parse(cell.getKey()).orElse(null) instanceof CellId.Calibration) {
                    calibrationCopies.computeIfAbsent(cell.getKey(), k -> new TreeMap<>())
                            .put(Integer.toString(shardIndex), cell.getValue());
                    Files.copy(cell.getValue(), shardCopy.resolve(RunFolder.CELLS).resolve(cell.getValue().getFileName()));
                    continue;
                }
                Path earlier = seen.putIfAbsent(cell.getKey(), cell.getValue());
                if (earlier != null) {
                    throw new IllegalArgumentException(cell.getValue() + ": cell " + cell.getKey()
                            + " is also in " + earlier + "; shards overlap");
                }
                shardOfWorkload.putIfAbsent(CellId.parse(cell.getKey()).map(CellId::workload).orElse(cell.getKey()),
                        shardIndex);
                Files.copy(cell.getValue(), merged.cells().resolve(cell.getValue().getFileName()));
                contributed.add(cell.getValue().getFileName().toString());
            }
            DeepMeasurements.copyArtifacts(folder, target);
            FootprintStep.copyFiles(folder, target);
        }
        Map<String, String> calibrationShard = new HashMap<>();
        for (Map.Entry<String, Map<String, Path>> copies : calibrationCopies.entrySet()) {
            String shard = calibratedShard(copies.getKey(), shardOfWorkload, copies.getValue().keySet());
            Path chosen = copies.getValue().get(shard);
            Files.copy(chosen, merged.cells().resolve(chosen.getFileName()));
            cellsOfShard.get(Integer.parseInt(shard)).add(chosen.getFileName().toString());
            calibrationShard.put(copies.getKey(), shard);
        }
        mergeForkLogs(settings.merge(), envs, calibrationShard, merged);
        int cells = merged.assembleResult();
        int cores = envs.get(0).path("cores").asInt();
        AtomicFile.write(merged.file(RunFolder.ALLOCATION),
                AllocationPerOp.csv(List.copyOf(merged.finishedCells().values()), cores));
        AtomicFile.write(merged.file(RunFolder.ENV), Json.pretty(mergedEnv(envs, target, cellsOfShard)));
        console.printf("merged %d cells from %d shard folders into %s%n", cells, envs.size(), target);
        for (String difference : differences(envs)) {
            console.println("WARNING: shards measured on different machines or JVMs: " + difference
                    + " (each cell keeps its shard's environment; see shards/ in the merged env.json)");
        }
        return target;
    }

    private static JsonNode readEnv(Path folder) {
        Path env = folder.resolve(RunFolder.ENV);
        try {
            return Json.mapper().readTree(env.toFile());
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

    /**
     * The shards' fork provenance: every kept cell's {@code forks/} folder and its rows of {@code forks.csv},
     * renumbered in shard order (a calibration cell's rows only from the shard whose copy was kept).
     */
    private static void mergeForkLogs(List<Path> folders, List<JsonNode> envs, Map<String, String> calibrationShard,
            RunFolder merged) throws IOException {
        List<ForkRow> kept = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            RunFolder shard = new RunFolder(folders.get(i));
            String index = Integer.toString(shardIndex(envs.get(i)));
            Map<String, Path> cellFiles = shard.finishedCells();
            for (ForkRow record : ForkLog.open(shard).records()) {
                String chosen = calibrationShard.get(record.cellId());
                if (chosen == null || chosen.equals(index)) {
                    kept.add(record.withOrder(kept.size() + 1));
                }
            }
            for (Map.Entry<String, Path> cell : cellFiles.entrySet()) {
                String chosen = calibrationShard.get(cell.getKey());
                String name = cell.getValue().getFileName().toString();
                Path forks = folders.get(i).resolve(ForkLog.FORKS).resolve(name.substring(0, name.length() - 5));
                if ((chosen == null || chosen.equals(index)) && Files.isDirectory(forks)) {
                    Path target = merged.root().resolve(ForkLog.FORKS).resolve(forks.getFileName().toString());
                    Files.createDirectories(target);
                    try (var files = Files.list(forks)) {
                        for (Path file : files.toList()) {
                            Files.copy(file, target.resolve(file.getFileName().toString()));
                        }
                    }
                }
            }
        }
        if (kept.isEmpty()) {
            return;
        }
        ForksCsv.write(merged.file(ForkLog.CSV), kept);
    }

    private static int shardIndex(JsonNode env) {
        return Integer.parseInt(env.path("shard").asText().split("/")[0].trim());
    }

    /**
     * The shard whose calibration copy the merged run keeps: the one that ran the 100 %-read 1-thread
     * workload of the same size and keys (what the harness-overhead ratio divides), else the lowest.
     */
    static String calibratedShard(String calibrationId, Map<String, Integer> shardOfWorkload, Set<String> shards) {
        String sizeAndKeys = calibrationId.replaceFirst("^CALIBRATION(_CHM)?", "").replaceFirst("-t\\d+$", "");
        Integer shard = shardOfWorkload.get("*-r100" + sizeAndKeys + "-t1");
        if (shard != null && shards.contains(shard.toString())) {
            return shard.toString();
        }
        return shards.stream().min(Comparator.comparingInt(Integer::parseInt)).orElseThrow();
    }

    /** How the shards' machines differ, one line per field, e.g. {@code cpuModel: 1/2 AMD EPYC, 2/2 Intel Xeon}. */
    static List<String> differences(List<JsonNode> envs) {
        List<String> differences = new ArrayList<>();
        for (String field : MACHINE_FIELDS) {
            Set<String> values = new LinkedHashSet<>();
            envs.forEach(env -> values.add(env.at(field).asText("(absent)")));
            if (values.size() > 1) {
                differences.add(field.substring(1).replace('/', '.') + ": " + envs.stream()
                        .map(env -> env.path("shard").asText() + " " + env.at(field).asText("(absent)"))
                        .collect(Collectors.joining(", ")));
            }
        }
        return differences;
    }

    private static ObjectNode mergedEnv(List<JsonNode> envs, Path target, Map<Integer, List<String>> cellsOfShard) {
        ObjectNode env = envs.get(0).deepCopy();
        ArrayNode shardList = env.putArray("shards");
        for (JsonNode shardEnv : envs) {
            int index = shardIndex(shardEnv);
            ObjectNode entry = shardList.addObject();
            entry.put("shard", shardEnv.path("shard").asText());
            entry.put("runId", shardEnv.path("runId").asText());
            entry.put("env", SHARDS + "/" + index + "/" + RunFolder.ENV);
            entry.put("cpuModel", shardEnv.path("cpuModel").asText("unknown"));
            entry.put("jvm", shardEnv.at("/jvm/vendor").asText("") + " " + shardEnv.at("/jvm/version").asText(""));
            ArrayNode cells = entry.putArray("cells");
            cellsOfShard.getOrDefault(index, List.of()).stream().sorted().forEach(cells::add);
        }
        List<String> differences = differences(envs);
        ArrayNode differ = env.putArray("environmentsDiffer");
        differences.forEach(differ::add);
        for (String field : MACHINE_FIELDS) {
            Set<String> values = new LinkedHashSet<>();
            envs.forEach(shardEnv -> values.add(shardEnv.at(field).asText("(absent)")));
            if (values.size() > 1) {
                // Never label cells from several machines with one of them.
                String mixed = "mixed: " + envs.stream().map(shardEnv -> shardEnv.at(field).asText("(absent)")
                        + " (" + shardEnv.path("shard").asText() + ")").collect(Collectors.joining(", "));
                String parent = field.substring(0, field.lastIndexOf('/'));
                String name = field.substring(field.lastIndexOf('/') + 1);
                JsonNode holder = parent.isEmpty() ? env : env.at(parent);
                if (holder instanceof ObjectNode object) {
                    object.put(name, mixed);
                }
            }
        }
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
