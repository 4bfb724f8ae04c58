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

    /**
     * A replayed trace's workload name: {@code trace-} and the file's name without its extension, lower case, every
     * run of other characters a dash, at most 40 characters ({@code service.trace} is {@code trace-service}).
     */
    public static String traceName(String traceFile) {
        String file = Path.of(traceFile).getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = (dot > 0 ? file.substring(0, dot) : file).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String name = "trace" + (stem.isEmpty() ? "" : "-" + stem);
        return name.length() > 40 ? name.substring(0, 40).replaceAll("-$", "") : name;
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
