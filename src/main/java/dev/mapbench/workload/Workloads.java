package dev.mapbench.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Resolves what a cell names as its workload: a preset's name, or a workload file's path. The runner copies a
 * workload file into the run folder as {@code workloads/<name>.yaml} and names that copy, so a result's
 * workload parameter says its name without the file being read.
 */
public final class Workloads {

    private Workloads() {
    }

    /** A preset by name, else the workload file at that path (a name with a {@code /} or a {@code .}). */
    public static WorkloadSpec resolve(String nameOrFile) {
        if (Presets.exists(nameOrFile)) {
            return Presets.named(nameOrFile);
        }
        if (nameOrFile.contains("/") || nameOrFile.contains(".")) {
            try {
                return WorkloadFile.read(Path.of(nameOrFile));
            } catch (IOException e) {
                throw new UncheckedIOException(nameOrFile + ": " + e.getMessage(), e);
            }
        }
        return Presets.named(nameOrFile); // says which presets there are
    }

    /** The workload's name in a cell's parameter: the preset's name, or the file's name without its extension. */
    public static String nameOf(String nameOrFile) {
        if (Presets.exists(nameOrFile) || !(nameOrFile.contains("/") || nameOrFile.contains("."))) {
            return nameOrFile;
        }
        String file = Path.of(nameOrFile).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
