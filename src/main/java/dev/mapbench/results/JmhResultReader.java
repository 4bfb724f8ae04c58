package dev.mapbench.results;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads JMH JSON result files and mapbench run folders into a {@link ResultSet}.
 *
 * <p>An input is either a JMH JSON file ({@code -rf json}) or a run folder: its
 * {@code jmh-result.json} when present, otherwise every {@code cells/*.json} in name order (a run
 * killed before JMH wrote its summary keeps the cells it finished), plus {@code env.json} when
 * present. Inputs are merged in order; a cell found twice is kept from the later input and listed
 * in {@link ResultSet#duplicates()}. Cells of one benchmark and mode must share one score unit.
 *
 * <p>A run folder merged from shards ({@code env.json} with a {@code shards} list) is read cell file by
 * cell file, and each cell gets the env.json of the shard that measured it ({@code shards/<i>/env.json}),
 * so cells from different machines are never labelled with one environment.
 */
public final class JmhResultReader {

    /** JMH's own result file in a run folder. */
    public static final String RUN_RESULT_FILE = "jmh-result.json";
    /** Per-cell result files of a run folder, written as each cell finishes. */
    public static final String RUN_CELLS_FOLDER = "cells";
    /** The run environment file of a run folder. */
    public static final String RUN_ENVIRONMENT_FILE = EnvJsonFile.FILE;

    private JmhResultReader() {
    }

    /** Reads and merges every input (JMH JSON file or run folder) in order. */
    public static ResultSet read(List<Path> inputs) throws BadInputException {
        Map<CellKey, BenchmarkCell> cells = new LinkedHashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        Map<Path, RunEnvironment> environments = new HashMap<>();
        List<Path> filesRead = new ArrayList<>();
        List<Path> runFolders = new ArrayList<>();
        for (Path input : inputs) {
            List<Path> files;
            Optional<RunEnvironment> environment = Optional.empty();
            Map<Path, RunEnvironment> shardEnvironments = Map.of();
            if (Files.isDirectory(input)) {
                files = resultFilesOfRunFolder(input);
                environment = readEnvironment(input.resolve(RUN_ENVIRONMENT_FILE));
                shardEnvironments = shardEnvironments(input, environment);
                if (!shardEnvironments.isEmpty()) {
                    files = List.copyOf(shardEnvironments.keySet());
                }
                runFolders.add(input);
            } else {
                files = List.of(input);
            }
            for (Path file : files) {
                filesRead.add(file);
                RunEnvironment own = shardEnvironments.get(file);
                if (own != null) {
                    environments.put(file, own);
                } else {
                    environment.ifPresent(env -> environments.put(file, env));
                }
                for (BenchmarkCell cell : readFile(file)) {
                    BenchmarkCell previous = cells.put(cell.key(), cell);
                    if (previous != null) {
                        duplicates.add(new Duplicate(cell.key(), cell.source(), previous.source()));
                    }
                }
            }
        }
        List<BenchmarkCell> unique = List.copyOf(cells.values());
        checkOneUnitPerBenchmark(unique);
        return new ResultSet(unique, duplicates, environments, filesRead, runFolders);
    }

    /** Reads one JMH JSON file. */
    public static List<BenchmarkCell> readFile(Path file) throws BadInputException {
        return new JmhJsonParser(file).parse(readJson(file));
    }

    /** The result files of a run folder: jmh-result.json, or else cells/*.json of a killed run. */
    static List<Path> resultFilesOfRunFolder(Path folder) throws BadInputException {
        Path summary = folder.resolve(RUN_RESULT_FILE);
        if (Files.exists(summary)) {
            return List.of(summary);
        }
        Path cellsFolder = folder.resolve(RUN_CELLS_FOLDER);
        if (Files.isDirectory(cellsFolder)) {
            try (Stream<Path> listing = Files.list(cellsFolder)) {
                List<Path> cellFiles = listing
                        .filter(path -> path.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .toList();
                if (!cellFiles.isEmpty()) {
                    return cellFiles;
                }
            } catch (IOException e) {
                throw new BadInputException(cellsFolder, "cannot list folder: " + e.getMessage(), e);
            }
        }
        throw new BadInputException(folder, "no results: folder has neither " + RUN_RESULT_FILE
                + " nor " + RUN_CELLS_FOLDER + "/*.json");
    }

    /**
     * For a run folder merged from shards: each cell file (in name order) with the env.json of the shard
     * that measured it; empty for any other folder, or when the merged folder's cells/ is gone (a
     * promoted baseline keeps only jmh-result.json: its cells then carry the merged env.json, whose
     * differing machine fields read "mixed: ...").
     */
    static Map<Path, RunEnvironment> shardEnvironments(Path folder, Optional<RunEnvironment> merged)
            throws BadInputException {
        Path cellsFolder = folder.resolve(RUN_CELLS_FOLDER);
        if (merged.isEmpty() || merged.get().env().merge() == null || !Files.isDirectory(cellsFolder)) {
            return Map.of();
        }
        Path envFile = merged.get().source();
        Map<Path, RunEnvironment> byFile = new java.util.TreeMap<>();
        for (EnvJson.Shard shard : merged.get().env().merge().shards() == null ? List.<EnvJson.Shard>of()
                : merged.get().env().merge().shards()) {
            String envPath = shard.env() == null ? "" : shard.env();
            if (envPath.isEmpty() || envPath.contains("..")) {
                throw new BadInputException(envFile, "shards entry without a usable env path: "
                        + (shard.env() == null ? "null" : "\"" + shard.env() + "\""));
            }
            RunEnvironment environment = readEnvironment(folder.resolve(envPath)).orElseThrow(() ->
                    new BadInputException(folder.resolve(envPath), "no such file: the shard's env.json is missing"));
            for (String cell : shard.cells() == null ? List.<String>of() : shard.cells()) {
                Path file = cellsFolder.resolve(cell);
                if (!Files.exists(file)) {
                    throw new BadInputException(file, "listed in " + envFile + " for shard " + shard.shard()
                            + " but missing");
                }
                byFile.put(file, environment);
            }
        }
        return byFile;
    }

    /** Reads an env.json if it exists; a present but broken env.json is bad input. */
    public static Optional<RunEnvironment> readEnvironment(Path envJson) throws BadInputException {
        if (!Files.exists(envJson)) {
            return Optional.empty();
        }
        return Optional.of(EnvJsonFile.readEnvironment(envJson));
    }

    static JsonNode readJson(Path file) throws BadInputException {
        byte[] content;
        try {
            if (Files.isDirectory(file)) {
                throw new BadInputException(file, "is a folder, expected a JMH JSON file");
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file or folder", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(file, "cannot read file: permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read file: " + e.getMessage(), e);
        }
        if (new String(content, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new BadInputException(file, "empty file");
        }
        try {
            return Json.mapper().readTree(content);
        } catch (JsonEOFException e) {
            throw new BadInputException(file, "truncated JSON: input ends at line "
                    + e.getLocation().getLineNr() + " inside an unfinished value", e);
        } catch (JsonParseException e) {
            throw new BadInputException(file, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + " at line " + e.getLocation().getLineNr(), e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (CharConversionException e) {
            throw new BadInputException(file, "not valid JSON: not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read file: " + e.getMessage(), e);
        }
    }

    /** Different score units within one benchmark and mode cannot be charted or compared. */
    private static void checkOneUnitPerBenchmark(List<BenchmarkCell> cells) throws BadInputException {
        Map<String, BenchmarkCell> firstByBenchmark = new HashMap<>();
        for (BenchmarkCell cell : cells) {
            String benchmarkAndMode = cell.benchmark() + " (" + cell.mode().label() + ")";
            BenchmarkCell first = firstByBenchmark.putIfAbsent(benchmarkAndMode, cell);
            if (first != null && !first.primary().unit().equals(cell.primary().unit())) {
                String elsewhere = first.source().equals(cell.source()) ? "" : " (" + first.primary().unit()
                        + " in " + first.source() + ")";
                throw new BadInputException(cell.source(), "mixed units for one benchmark: "
                        + benchmarkAndMode + " has scores in " + first.primary().unit() + " and in "
                        + cell.primary().unit() + elsewhere);
            }
        }
    }
}
