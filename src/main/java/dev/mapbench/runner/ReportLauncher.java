package dev.mapbench.runner;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code verify} step of {@code mvn verify -Pbench}: runs the report (contract 4,
 * {@code dev.mapbench.report.ReportCli <run folder> --out <run folder>/report}) on the folder the
 * runner just wrote (named in {@code target/bench-last-run.txt}).
 *
 * <p>The report CLI is built on another branch; until it is on the class path this step says so and
 * points at the run's raw files instead of failing the build.
 */
public final class ReportLauncher {

    static final String REPORT_CLI = "dev.mapbench.report.ReportCli";

    private ReportLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (!Files.isRegularFile(BenchRunner.LAST_RUN_FILE)) {
            System.err.println("error: " + BenchRunner.LAST_RUN_FILE + ": missing; the benchmark run did not start");
            System.exit(2);
        }
        Path run = Path.of(Files.readString(BenchRunner.LAST_RUN_FILE, StandardCharsets.UTF_8).strip());
        Class<?> reportCli;
        try {
            reportCli = Class.forName(REPORT_CLI);
        } catch (ClassNotFoundException e) {
            System.out.println("report: not wired yet (" + REPORT_CLI + " is not on this branch); raw results: "
                    + run.resolve(RunFolder.RESULT) + ", bytes per read/write: " + run.resolve(RunFolder.ALLOCATION));
            return;
        }
        invoke(reportCli, new String[] {run.toString(), "--out", run.resolve("report").toString()});
    }

    private static void invoke(Class<?> reportCli, String[] arguments) throws IOException, ReflectiveOperationException {
        try {
            reportCli.getMethod("main", String[].class).invoke(null, (Object) arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause instanceof IOException io ? io : new IOException(cause);
            }
            throw e;
        }
    }
}
