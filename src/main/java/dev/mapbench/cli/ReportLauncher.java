package dev.mapbench.cli;

import dev.mapbench.cli.ReportCli;
import dev.mapbench.runner.BenchRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code verify} step of {@code mvn verify -Pbench}: runs the report
 * ({@code dev.mapbench.cli.ReportCli <run folder> --out <run folder>/report}) on the folder the
 * runner just wrote (named in {@code target/bench-last-run.txt}); exits with the report's status.
 */
public final class ReportLauncher {

    private ReportLauncher() {
    }

    public static void main(String[] args) throws IOException {
        if (!Files.isRegularFile(BenchRunner.LAST_RUN_FILE)) {
            System.err.println("error: " + BenchRunner.LAST_RUN_FILE + ": missing; the benchmark run did not start");
            System.exit(2);
        }
        Path run = Path.of(Files.readString(BenchRunner.LAST_RUN_FILE, StandardCharsets.UTF_8).strip());
        ReportCli.main(new String[] {run.toString(), "--out", run.resolve("report").toString()});
    }
}
