package dev.mapbench.cli;

import dev.mapbench.runner.BenchProperty;
import dev.mapbench.runner.BenchSettings;
import dev.mapbench.runner.Cell;
import dev.mapbench.runner.CellTiming;
import dev.mapbench.runner.DeepSettings;
import dev.mapbench.runner.Effort;
import dev.mapbench.runner.ExtraCell;
import dev.mapbench.runner.ExtraCells;
import dev.mapbench.runner.ForkSpec;
import dev.mapbench.runner.IterationCell;
import dev.mapbench.runner.JmhLock;
import dev.mapbench.runner.LatencyCell;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code scripts/warmup-curves}: measures how long each benchmark takes to reach steady state, so warm-up
 * lengths are chosen per benchmark from curves rather than one constant.
 *
 * <p>Each fork runs with no warm-up at all and many short measured iterations; the fork is steady from the
 * first iteration after which every iteration stays inside the band of its last half (their median, ± the
 * larger of 10 % and four robust standard deviations: the same band {@code SteadyState} judges a fork by).
 * The time before that point is the warm-up the fork needed. Cells: a representative slice of the default
 * effort's matrix (every main-job strategy at 100 % and 0 % reads, both sizes, 1 and 2 threads, uniform keys;
 * the calibration cells) and of its extra cells (latency and iteration); forks of different cells interleave in
 * a seeded random order. It writes {@code curves.csv} (one row per iteration) and prints, per benchmark, the
 * warm-up needed at the median, 90th percentile and maximum over forks, in milliseconds.
 */
@Command(name = "warmup-curves", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures each benchmark's warm-up curve (no warm-up, many short iterations).")
public final class WarmupCurves implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "<folder>", description = "Folder for curves.csv and summary.txt.")
    private Path out;

    @Option(names = "--forks", defaultValue = "3", description = "Forks per cell (default ${DEFAULT-VALUE}).")
    private int forks;

    @Option(names = "--iterations", defaultValue = "24", description = "Measured iterations per fork (default ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--millis", defaultValue = "50", description = "Length of one iteration in ms (default ${DEFAULT-VALUE}).")
    private int millis;

    @Option(names = "--include", paramLabel = "<regex>", description = "Only cells whose id matches.")
    private Pattern include;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** One cell to measure: its id, benchmark label and JMH run (its timing replaced by the curve's). */
    record CurveCell(String id, String benchmark, ForkSpec spec) {
    }

    /** Where one fork reached steady state. */
    record Curve(String cellId, String benchmark, int fork, double[] scores, int steadyFrom) {
    }

    @Override
    public Integer call() throws IOException {
        PrintStream console = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                java.nio.charset.StandardCharsets.UTF_8);
        if (forks < 1 || iterations < 8 || millis < 1) {
            spec.commandLine().getErr().println("error: --forks >= 1, --iterations >= 8 and --millis >= 1 are needed");
            return 2;
        }
        List<CurveCell> cells = plan(Runtime.getRuntime().availableProcessors());
        if (include != null) {
            cells = cells.stream().filter(cell -> include.matcher(cell.id()).find()).toList();
        }
        if (cells.isEmpty()) {
            spec.commandLine().getErr().println("error: --include leaves no cell");
            return 2;
        }
        Files.createDirectories(out);
        List<int[]> order = new ArrayList<>();
        for (int fork = 1; fork <= forks; fork++) {
            for (int cell = 0; cell < cells.size(); cell++) {
                order.add(new int[] {cell, fork});
            }
        }
        Collections.shuffle(order, new Random(42));
        List<Curve> curves = new ArrayList<>();
        try (JmhLock lock = JmhLock.acquire("warmup-curves: ", console);
                PrintStream jmhLog = new PrintStream(Files.newOutputStream(out.resolve("jmh-output.txt")), true,
                        java.nio.charset.StandardCharsets.UTF_8)) {
            JmhLock.tellJmhItIsOurs();
            var jmhOutput = OutputFormatFactory.createFormatInstance(jmhLog, VerboseMode.NORMAL);
            int done = 0;
            for (int[] next : order) {
                CurveCell cell = cells.get(next[0]);
                console.printf(Locale.ROOT, "[%d/%d] %s fork %d%n", ++done, order.size(), cell.id(), next[1]);
                ForkSpec spec = cell.spec().withTiming(new CellTiming(1, 0, millis, iterations, millis));
                try {
                    Collection<RunResult> results = new Runner(spec.toOptions(), jmhOutput).run();
                    double[] scores = results.iterator().next().getBenchmarkResults().stream()
                            .flatMap(b -> b.getIterationResults().stream())
                            .mapToDouble(i -> i.getPrimaryResult().getScore()).toArray();
                    curves.add(new Curve(cell.id(), cell.benchmark(), next[1], scores, steadyFrom(scores)));
                } catch (RunnerException e) {
                    console.println("    FAILED: " + e.getMessage());
                }
            }
        }
        Files.writeString(out.resolve("curves.csv"), csv(curves));
        String summary = summary(curves, millis);
        Files.writeString(out.resolve("summary.txt"), summary);
        console.print(summary);
        return 0;
    }

    /** The cells measured: a slice of the default effort's matrix and extra cells. */
    static List<CurveCell> plan(int cores) {
        Properties properties = new Properties();
        properties.setProperty(BenchProperty.EFFORT.key(), Effort.DEFAULT.label());
        BenchSettings settings = BenchSettings.from(properties, cores);
        List<CurveCell> cells = new ArrayList<>();
        for (Cell cell : settings.matrix()) {
            boolean slice = cell.isCalibration() || (cell.keyDistribution().name().equals("UNIFORM")
                    && (cell.readPercent() == 100 || cell.readPercent() == 0));
            if (slice && !cell.oversubscribed(cores)) {
                cells.add(new CurveCell(cell.id(), cell.benchmark().replaceFirst(".*\\.bench\\.", ""),
                        cell.forkSpec(settings.timingOf(cell))));
            }
        }
        DeepSettings deep = DeepSettings.from(properties, settings.effort());
        for (ExtraCell cell : ExtraCells.plan(settings, deep, cores)) {
            if (cell instanceof LatencyCell || cell instanceof IterationCell) {
                cells.add(new CurveCell(cell.id(), cell instanceof LatencyCell ? "MapLatencyBenchmark.readWrite"
                        : "MapIterationBenchmark", cell.forkSpec()));
            }
        }
        return cells;
    }

    /**
     * The first iteration from which every iteration stays within the band of the fork's last half: their
     * median ± max(10 %, 4 robust sd) on the log scale.
     */
    static int steadyFrom(double[] scores) {
        double[] tail = Arrays.stream(scores, scores.length / 2, scores.length).map(Math::log).sorted().toArray();
        double median = median(tail);
        double[] deviations = Arrays.stream(tail).map(v -> Math.abs(v - median)).sorted().toArray();
        double band = Math.max(Math.log(1.10), 4 * 1.4826 * median(deviations));
        int from = scores.length;
        for (int i = scores.length - 1; i >= 0; i--) {
            if (!(scores[i] > 0) || Math.abs(Math.log(scores[i]) - median) > band) {
                break;
            }
            from = i;
        }
        return from;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String csv(List<Curve> curves) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder()
                .setHeader("cell", "benchmark", "fork", "iteration", "score", "steadyFrom").get())) {
            for (Curve curve : curves) {
                for (int i = 0; i < curve.scores().length; i++) {
                    printer.printRecord(curve.cellId(), curve.benchmark(), curve.fork(), i + 1, curve.scores()[i],
                            curve.steadyFrom() + 1);
                }
            }
        }
        return text.toString();
    }

    /** Per benchmark: the warm-up forks needed (ms before their steady point), median, 90th percentile, max. */
    static String summary(List<Curve> curves, int millis) {
        Map<String, List<Curve>> byBenchmark = new LinkedHashMap<>();
        curves.forEach(curve -> byBenchmark.computeIfAbsent(curve.benchmark(), b -> new ArrayList<>()).add(curve));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "warm-up needed per fork (ms of %d-ms iterations before steady state; no warm-up given):%n", millis));
        byBenchmark.forEach((benchmark, list) -> {
            double[] needed = list.stream().mapToDouble(c -> c.steadyFrom() * (double) millis).sorted().toArray();
            Curve worst = list.stream().max(java.util.Comparator.comparingInt(Curve::steadyFrom)).orElseThrow();
            text.append(String.format(Locale.ROOT, "  %-40s %3d forks: median %5.0f ms, p90 %5.0f ms, max %5.0f ms (%s fork %d)%n",
                    benchmark, needed.length, quantile(needed, 0.5), quantile(needed, 0.9), needed[needed.length - 1],
                    worst.cellId(), worst.fork()));
        });
        return text.toString();
    }

    private static double quantile(double[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Entry point of scripts/warmup-curves. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new WarmupCurves()).execute(args));
    }
}
