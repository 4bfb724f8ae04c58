package dev.mapbench.runner;

import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.EnvJson;
import dev.mapbench.results.EnvJsonFile;
import dev.mapbench.results.ForkRow;
import dev.mapbench.results.ForksCsv;
import dev.mapbench.results.Json;
import dev.mapbench.results.Machine;
import dev.mapbench.workload.CellId;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

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
 * environment it was measured in ({@code JmhResultReader} attaches it). When shards are not the same
 * environment ({@link Machine}: CPU model, cores, JVM, GC, heap, fork arguments or OS differ),
 * {@code environmentsDiffer} lists how, and those top-level fields say {@code "mixed: ..."} (or null, for
 * numbers and lists) instead of naming one machine for all cells.
 */
final class ShardMerge {

    /** The env.json fields shards of one matrix share. */
    private static final Map<String, Function<EnvJson, Object>> SAME_MATRIX = sameMatrix();
    /** Where a merged run keeps each shard's env.json and its copies of the calibration cells. */
    static final String SHARDS = "shards";

    private ShardMerge() {
    }

    static Path merge(BenchSettings settings, PrintStream console) throws IOException {
        List<EnvJson> envs = new ArrayList<>();
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
        int cores = envs.get(0).machine().cores() == null ? 0 : envs.get(0).machine().cores();
        AtomicFile.write(merged.file(RunFolder.ALLOCATION),
                AllocationPerOp.csv(List.copyOf(merged.finishedCells().values()), cores));
        EnvJsonFile.write(merged.file(RunFolder.ENV), mergedEnv(envs, target, cellsOfShard));
        console.printf("merged %d cells from %d shard folders into %s%n", cells, envs.size(), target);
        for (String difference : differences(envs)) {
            console.println("WARNING: shards measured on different machines or JVMs: " + difference
                    + " (each cell keeps its shard's environment; see shards/ in the merged env.json)");
        }
        return target;
    }

    private static EnvJson readEnv(Path folder) {
        try {
            return EnvJsonFile.read(folder.resolve(RunFolder.ENV));
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static Map<String, Function<EnvJson, Object>> sameMatrix() {
        Map<String, Function<EnvJson, Object>> fields = new LinkedHashMap<>();
        fields.put("effort", env -> env.plan().effort());
        fields.put("threads", env -> env.plan().threads());
        fields.put("strategies", env -> env.plan().strategies());
        fields.put("include", env -> env.plan().include());
        fields.put("cores", env -> env.machine().cores());
        return fields;
    }

    private static void checkSameMatrix(List<Path> folders, List<EnvJson> envs) throws IOException {
        TreeSet<String> shards = new TreeSet<>();
        String count = null;
        for (int i = 0; i < envs.size(); i++) {
            EnvJson env = envs.get(i);
            for (Map.Entry<String, Function<EnvJson, Object>> field : SAME_MATRIX.entrySet()) {
                Object value = field.getValue().apply(env);
                Object first = field.getValue().apply(envs.get(0));
                if (!Objects.equals(value, first)) {
                    throw new IllegalArgumentException(folders.get(i).resolve(RunFolder.ENV) + ": " + field.getKey()
                            + " " + Json.mapper().writeValueAsString(value) + " differs from "
                            + Json.mapper().writeValueAsString(first) + " in " + folders.get(0));
                }
            }
            String[] shard = Objects.requireNonNullElse(env.plan().shard(), "").split("/");
            if (shard.length != 2 || (count != null && !count.equals(shard[1])) || !shards.add(shard[0])) {
                throw new IllegalArgumentException(folders.get(i).resolve(RunFolder.ENV) + ": shard '"
                        + env.plan().shard() + "' is not a distinct shard of the same split");
            }
            count = shard[1];
        }
    }

    /**
     * The shards' fork provenance: every kept cell's {@code forks/} folder and its rows of {@code forks.csv},
     * renumbered in shard order (a calibration cell's rows only from the shard whose copy was kept).
     */
    private static void mergeForkLogs(List<Path> folders, List<EnvJson> envs, Map<String, String> calibrationShard,
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

    private static int shardIndex(EnvJson env) {
        return Integer.parseInt(env.plan().shard().split("/")[0].trim());
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

    /**
     * How the shards' machines differ ({@link Machine#differences}, mapbench's one definition of the same
     * environment), one line per field, e.g. {@code cpuModel: 1/2 AMD EPYC, 2/2 Intel Xeon}.
     */
    static List<String> differences(List<EnvJson> envs) {
        List<String> differences = new ArrayList<>();
        for (Machine.Difference difference : Machine.differences(envs.stream().map(env -> env.machine().identity())
                .toList())) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < envs.size(); i++) {
                values.add(envs.get(i).plan().shard() + " " + difference.values().get(i));
            }
            differences.add(difference.field() + ": " + String.join(", ", values));
        }
        return differences;
    }

    private static EnvJson mergedEnv(List<EnvJson> envs, Path target, Map<Integer, List<String>> cellsOfShard) {
        List<EnvJson.Shard> shardList = new ArrayList<>();
        List<String> mergedFrom = new ArrayList<>();
        List<String> shards = new ArrayList<>();
        Instant startedAt = null;
        Instant finishedAt = null;
        boolean allFinished = true;
        int planned = 0;
        for (EnvJson shard : envs) {
            int index = shardIndex(shard);
            Machine machine = shard.machine();
            String jvm = machine.jvm() == null ? " " : Objects.requireNonNullElse(machine.jvm().vendor(), "") + " "
                    + Objects.requireNonNullElse(machine.jvm().version(), "");
            shardList.add(new EnvJson.Shard(shard.plan().shard(), shard.run().runId(),
                    SHARDS + "/" + index + "/" + RunFolder.ENV, Objects.requireNonNullElse(machine.cpuModel(), "unknown"),
                    jvm, cellsOfShard.getOrDefault(index, List.of()).stream().sorted().toList()));
            mergedFrom.add(shard.run().runId());
            shards.add(shard.plan().shard());
            Instant started = shard.run().startedAt();
            startedAt = startedAt == null || (started != null && started.isBefore(startedAt)) ? started : startedAt;
            Instant finished = shard.run().finishedAt();
            if (finished != null) {
                finishedAt = finishedAt == null || finished.isAfter(finishedAt) ? finished : finishedAt;
            } else {
                allFinished = false;
            }
            planned += shard.plan().cellsPlanned() == null ? 0 : shard.plan().cellsPlanned();
        }
        EnvJson first = envs.get(0);
        // Never label cells from several machines with one of them.
        Machine common = Machine.common(envs.stream().map(EnvJson::machine).toList(),
                envs.stream().map(env -> env.plan().shard()).toList());
        return first.withRun(first.run().withIdAndTimes(target.getFileName().toString(), startedAt,
                        allFinished ? finishedAt : null))
                .withMachine(common)
                .withPlan(first.plan().withShard(String.join("+", shards), planned))
                .withMerge(new EnvJson.Merge(shardList, differences(envs), mergedFrom));
    }
}
