package dev.mapbench.runner;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the run's memory footprint ({@code footprint.json} / {@code .csv}, see
 * {@code dev.mapbench.cli.FootprintCli}) for the strategies and sizes of the run's matrix.
 *
 * <p>JOL walks whole object graphs, so it runs after the last timed cell, never beside one, in a JVM of
 * its own: it needs attach flags the runner's JVM was not started with, and a crash there must not take
 * the finished cells with it. Only shard 1 writes it (the figures are the same on every shard), and a
 * resumed run that already has it keeps it.
 */
final class FootprintStep {

    static final String FILE = "footprint.json";
    /** What the footprint step takes on the 2-core machine (a JVM of its own, JOL over every strategy and size). */
    static final double PLANNED_SECONDS = 15;

    /** Flags under which JOL attaches to its own JVM on JDK 17 and 25 without warnings. */
    static final List<String> JVM_FLAGS = List.of("-Djdk.attach.allowAttachSelf=true",
            "-XX:+EnableDynamicAgentLoading", "-XX:+IgnoreUnrecognizedVMOptions",
            "--sun-misc-unsafe-memory-access=allow");

    private FootprintStep() {
    }

    /** The child JVM's command line. */
    static List<String> command(BenchSettings settings, Path runFolder) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.mapbench.cli.FootprintCli");
        command.add("--sizes");
        command.add(settings.effort().sizes().stream().map(String::valueOf).collect(Collectors.joining(",")));
        command.add("--strategies");
        // JOL measures the built-in strategies; plug-ins are left out (FootprintCli knows only the constants).
        command.add(settings.strategies().stream().filter(MapStrategy.class::isInstance).map(Strategy::name)
                .collect(Collectors.joining(",")));
        command.add("--out");
        command.add(runFolder.toString());
        return command;
    }

    /** Runs the footprint tool when this run should; returns 1 if it failed, else 0. */
    static int run(BenchSettings settings, RunFolder folder, PrintStream console) throws IOException {
        if (settings.shard().index() != 1 || Files.isRegularFile(folder.file(FILE))) {
            return 0;
        }
        if (settings.strategies().stream().noneMatch(MapStrategy.class::isInstance)) {
            console.println("footprint: skipped, no built-in strategy in this run (plug-ins are not measured with JOL)");
            return 0;
        }
        Path log = folder.file("footprint-output.txt");
        console.println("footprint: measuring retained bytes with JOL (after the timed cells)");
        Process process = new ProcessBuilder(command(settings, folder.root()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                console.println("footprint: FAILED (exit " + exit + "), see " + log);
                return 1;
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while measuring the footprint", e);
        }
        console.println("footprint: " + folder.file(FILE));
        return 0;
    }

    /** Copies a shard's footprint files into the merged folder (only shard 1 has them). */
    static void copyFiles(Path shardRoot, Path mergedRoot) throws IOException {
        for (String name : List.of(FILE, "footprint.csv")) {
            Path source = shardRoot.resolve(name);
            if (Files.isRegularFile(source)) {
                Files.copy(source, mergedRoot.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
