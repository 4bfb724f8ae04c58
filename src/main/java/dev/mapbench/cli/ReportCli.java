package dev.mapbench.cli;

import dev.mapbench.report.ReportRequest;
import dev.mapbench.report.ReportWriter;
import dev.mapbench.results.BadInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/report <input>... --out <dir> [--baseline <json|run folder>] [--history <csv>] [--png]}
 * renders CSV, charts and a self-contained HTML report. Exit 0 with last line {@code report: <index.html>}; exit 2 with one
 * line {@code error: <file>: <problem>} on bad input; exit 1 when the output cannot be written.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Renders CSV, charts and an HTML report from JMH JSON files or mapbench run folders.")
public final class ReportCli implements Callable<Integer> {

    /** Exit status for input that is not usable JMH output. */
    public static final int BAD_INPUT = 2;

    @Parameters(arity = "1..*", paramLabel = "<input>",
            description = "JMH JSON file (-rf json) or run folder (jmh-result.json or cells/*.json, env.json).")
    private List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "<dir>",
            description = "Output folder; replaced only when the new report is complete.")
    private Path out;

    @Option(names = "--correctness", paramLabel = "<file>",
            description = "hazard-rates.json of the correctness tests (default: ./target/correctness/hazard-rates.json if present).")
    private Path correctness;

    @Option(names = "--baseline", paramLabel = "<json|run folder>",
            description = "Also compare the inputs against this baseline (as scripts/compare does, default thresholds)"
                    + " and show the comparison as a section; the exit status does not gate on it.")
    private Path baseline;

    @Option(names = "--history", paramLabel = "<history.csv>",
            description = "Nightly history CSV (scripts/compare --append-history): chart the cells that shifted.")
    private Path history;

    @Option(names = "--margin", paramLabel = "<percent>",
            description = "Equivalence margin of the verdicts in percent (default: the run's env.json, else 10).")
    private Double marginPercent;

    @Option(names = "--png",
            description = "Also draw every chart as PNG (charts/*.png, 1280 px wide, with its title) for slides;"
                    + " the page uses SVG, so PNGs are left out by default to keep the folder small.")
    private boolean png;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (marginPercent != null && !(marginPercent > 0 && marginPercent < 100)) {
            stderr.println("error: --margin: " + marginPercent + " is not a percentage in (0, 100)");
            stderr.flush();
            return BAD_INPUT;
        }
        try {
            Path index = new ReportWriter().write(new ReportRequest(inputs, out, Optional.ofNullable(correctness),
                    Optional.ofNullable(baseline), Optional.ofNullable(history),
                    marginPercent == null ? OptionalDouble.empty() : OptionalDouble.of(marginPercent), png));
            stdout.println("report: " + index);
            return 0;
        } catch (BadInputException e) {
            stderr.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            stderr.println("error: " + out + ": cannot write report: " + e);
            return 1;
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    /** Runs the command with the given streams; returns the exit status (used by tests). */
    public static int run(PrintWriter stdout, PrintWriter stderr, String... args) {
        System.setProperty("java.awt.headless", "true");
        return new CommandLine(new ReportCli()).setOut(stdout).setErr(stderr).execute(args);
    }

    /** Entry point of scripts/report. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
