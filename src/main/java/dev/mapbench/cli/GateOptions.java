package dev.mapbench.cli;

import dev.mapbench.ab.AbDecision;
import dev.mapbench.ab.AbPlan;
import dev.mapbench.results.BadInputException;
import dev.mapbench.runner.BenchProperty;
import dev.mapbench.runner.CellTiming;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The options the A/B and the bisection share (a picocli mixin): one fork's timing, the decision's thresholds, the
 * {@code -D} properties (of which {@code bench.*} chooses the cells and the rest goes to the forks), the Markdown
 * summary and the repository; and their one-line error handling.
 */
final class GateOptions {

    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "bench.* chooses cells; other properties go to every fork")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--warmup", defaultValue = "2x150ms", description = "warmup of a fork (default ${DEFAULT-VALUE})")
    String warmup;

    @Option(names = "--measurement", defaultValue = "4x100ms",
            description = "measured iterations of a fork (default ${DEFAULT-VALUE})")
    String measurement;

    @Option(names = "--min-effect", paramLabel = "PERCENT", defaultValue = "10",
            description = "smallest significant worsening that regresses (default ${DEFAULT-VALUE} %%)")
    double minEffectPercent;

    @Option(names = "--alpha", defaultValue = "0.05", description = "false discovery rate (default ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--margin", paramLabel = "PERCENT", defaultValue = "10",
            description = "equivalence margin (default ±${DEFAULT-VALUE} %%)")
    double marginPercent;

    @Option(names = "--ruler-tolerance", paramLabel = "PERCENT",
            description = "how far the ruler may be shown off 1 (default: half the minimum effect)")
    Double rulerTolerancePercent;

    @Option(names = "--summary", paramLabel = "FILE", description = "append the Markdown result to FILE")
    Path summaryFile;

    @Option(names = "--repository", paramLabel = "DIR", defaultValue = ".",
            description = "the git repository the refs are in (default: the current folder)")
    Path repository;

    /**
     * {@code command} with the streams and the one-line errors both tools give: a parse error or bad input is
     * {@code error: <message>} and {@code badInput}; any other exception its class and message, the same code.
     */
    static CommandLine commandLine(Object command, PrintStream out, PrintStream err, int badInput) {
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        return new CommandLine(command)
                .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
                .setErr(errWriter)
                .setParameterExceptionHandler((e, ignored) -> {
                    errWriter.println("error: " + e.getMessage());
                    return badInput;
                })
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    errWriter.println("error: " + (e instanceof BadInputException || e instanceof IllegalArgumentException
                            ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage()));
                    return badInput;
                });
    }

    /** The decision's settings; an option out of range is bad input. */
    AbDecision.Settings decision() throws BadInputException {
        try {
            return AbDecision.Settings.of(alpha, minEffectPercent, marginPercent, rulerTolerancePercent);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(Path.of("(options)"), e.getMessage());
        }
    }

    /** One fork's timing with {@code forks} forks a side; a malformed {@code --warmup}/{@code --measurement} or forks < 1 is bad input. */
    CellTiming timing(int forks) throws BadInputException {
        int[] warm = iterations("--warmup", warmup);
        int[] measured = iterations("--measurement", measurement);
        if (forks < 1) {
            throw new BadInputException(Path.of("--forks"), forks + " is not a number of forks >= 1");
        }
        return new CellTiming(forks, warm[0], warm[1], measured[0], measured[1]);
    }

    /** The {@code bench.*} properties: the cells. */
    Properties cellProperties() {
        Properties bench = new Properties();
        properties.forEach((key, value) -> {
            if (key.startsWith(BenchProperty.PREFIX)) {
                bench.setProperty(key, value);
            }
        });
        return bench;
    }

    /** The other properties as {@code -DKEY=VALUE}: what every fork gets. */
    List<String> forkProperties() {
        List<String> list = new ArrayList<>();
        properties.forEach((key, value) -> {
            if (!key.startsWith(BenchProperty.PREFIX)) {
                list.add("-D" + key + "=" + value);
            }
        });
        return list;
    }

    private static int[] iterations(String option, String text) throws BadInputException {
        try {
            return AbPlan.iterations(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(Path.of(option), e.getMessage());
        }
    }
}
