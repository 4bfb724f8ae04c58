package dev.mapbench.runner;

import dev.mapbench.results.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The run folder {@code results/runs/<run-id>/}: env.json, cells/NNNN-id.json (one JMH JSON array per
 * finished cell), jmh-result.json (every cell's array concatenated) and alloc-per-op.csv.
 *
 * <p>Every file is written with {@link AtomicFile}, so a reader or a killed run never sees half a file.
 */
public final class RunFolder {

    static final String ENV = "env.json";
    static final String RESULT = "jmh-result.json";
    static final String ALLOCATION = "alloc-per-op.csv";
    static final String CELLS = "cells";
    static final String JMH_LOG = "jmh-output.txt";

    private static final Pattern CELL_FILE = Pattern.compile("(\\d{4})-(.+?)(-oversubscribed)?\\.json");

    private final Path root;

    public RunFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path cells() {
        return root.resolve(CELLS);
    }

    public Path file(String name) {
        return root.resolve(name);
    }

    /** Creates the folder and its cells/ sub-folder. */
    public void create() throws IOException {
        Files.createDirectories(cells());
    }

    /** Finished cells, by cell id, in file-name (matrix) order. */
    public Map<String, Path> finishedCells() throws IOException {
        Map<String, Path> finished = new LinkedHashMap<>();
        if (!Files.isDirectory(cells())) {
            return finished;
        }
        try (Stream<Path> files = Files.list(cells())) {
            for (Path file : files.sorted().toList()) {
                Matcher matcher = CELL_FILE.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    finished.put(matcher.group(2), file);
                }
            }
        }
        return finished;
    }

    /** The cell id a cell file name holds, or null if it is not a cell file. */
    static String cellId(String fileName) {
        Matcher matcher = CELL_FILE.matcher(fileName);
        return matcher.matches() ? matcher.group(2) : null;
    }

    /**
     * Writes jmh-result.json: the elements of every cell's JMH array, byte for byte, in one array.
     * Returns the number of cells included.
     */
    public int assembleResult() throws IOException {
        List<String> elements = new ArrayList<>();
        for (Path cell : finishedCells().values()) {
            String text = Files.readString(cell, StandardCharsets.UTF_8).strip();
            if (!text.startsWith("[") || !text.endsWith("]")) {
                throw new IOException(cell + ": not a JMH JSON array");
            }
            String inner = text.substring(1, text.length() - 1).strip();
            if (!inner.isEmpty()) {
                elements.add(inner);
            }
        }
        AtomicFile.write(file(RESULT), "[\n" + String.join(",\n", elements) + "\n]\n");
        return elements.size();
    }
}
