package dev.mapbench.cli;

import dev.mapbench.footprint.FootprintFiles;
import dev.mapbench.footprint.FootprintMeter;
import dev.mapbench.footprint.FootprintReport;
import dev.mapbench.footprint.FootprintRow;
import dev.mapbench.footprint.FootprintTable;
import dev.mapbench.footprint.MeasuringJvm;
import dev.mapbench.maps.MapStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Measures every strategy's memory footprint with JOL and writes {@code footprint.json} and
 * {@code footprint.csv} (format: {@link FootprintReport}).
 *
 * <pre>
 * java -Djdk.attach.allowAttachSelf=true -XX:+EnableDynamicAgentLoading \
 *      -XX:+IgnoreUnrecognizedVMOptions --sun-misc-unsafe-memory-access=allow \
 *      -cp target/classes:$(cat target/classpath.txt) dev.mapbench.cli.FootprintCli \
 *      --sizes 100,10000 --out results/runs/&lt;run-id&gt;/
 * </pre>
 * Without those options it still works: JOL then sizes objects from its layout model and the
 * output says so ({@code jvm.sizeSource}, {@code jvm.notes}, one {@code note:} line on stderr).
 * Run it in its own JVM, never inside a benchmark: it walks every object of every map.
 * Prints a table, then as its last line {@code footprint: <path to footprint.json>}. Bad arguments
 * or an unwritable {@code --out}: one line {@code error: ...} on stderr, exit 2, no file changed.
 */
@Command(name = "footprint", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures with JOL what each map strategy retains when filled, emptied and refilled.")
public final class FootprintCli implements Callable<Integer> {

    /** Exit status for bad arguments or an output that cannot be written. */
    static final int EXIT_BAD_INPUT = 2;
    /** JOL walks every object and copy-on-write fills in O(n^2): bigger maps are impractical here. */
    static final int MAX_SIZE = 1_000_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "100,10000",
            description = {"Map sizes, comma-separated (default: ${DEFAULT-VALUE}, as the benchmark matrix).",
                "Copy-on-write copies its map on every put, so filling it grows with size squared."})
    private List<Integer> sizes;

    @Option(names = "--strategies", split = ",", paramLabel = "STRATEGY",
            description = "Strategies to measure (default: all of ${COMPLETION-CANDIDATES}).")
    private List<MapStrategy> strategies = Arrays.asList(MapStrategy.values());

    @Option(names = "--out", required = true, paramLabel = "FILE.json|DIR",
            description = "A .json file (the CSV goes beside it) or a directory for footprint.json and footprint.csv.")
    private Path out;

    public static void main(String[] args) {
        PrintWriter stdout = new PrintWriter(System.out, true);
        PrintWriter stderr = new PrintWriter(System.err, true);
        System.exit(run(stdout, stderr, args));
    }

    /** Runs the command with the given streams; returns the exit status. */
    static int run(PrintWriter stdout, PrintWriter stderr, String... args) {
        CommandLine commandLine = new CommandLine(new FootprintCli())
                .setOut(stdout)
                .setErr(stderr)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((problem, ignoredArgs) -> {
                    stderr.println("error: " + problem.getMessage());
                    return EXIT_BAD_INPUT;
                })
                .setExecutionExceptionHandler((problem, line, parseResult) -> {
                    if (problem instanceof ParameterException || problem instanceof UncheckedIOException) {
                        stderr.println("error: " + problem.getMessage());
                        return EXIT_BAD_INPUT;
                    }
                    throw problem;
                });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        List<Integer> checkedSizes = checkedSizes();
        List<MapStrategy> checkedStrategies = List.copyOf(new LinkedHashSet<>(strategies));
        FootprintFiles files = checkedFiles();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();

        FootprintMeter meter = new FootprintMeter();
        MeasuringJvm jvm = meter.jvm();
        if (!jvm.sizesFromInstrumentation()) {
            stderr.println("note: JOL could not attach; sizes come from its layout model (jvm.sizeSource = "
                    + jvm.sizeSource() + "); run with " + MeasuringJvm.RECOMMENDED_JVM_OPTIONS);
        }
        List<FootprintRow> rows = new ArrayList<>();
        for (MapStrategy strategy : checkedStrategies) {
            for (int size : checkedSizes) {
                rows.addAll(meter.measure(strategy, size));
            }
        }
        FootprintReport report = new FootprintReport(FootprintReport.FORMAT,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                FootprintReport.KEYS, FootprintReport.VALUES, jvm, rows);
        try {
            files.write(report);
        } catch (IOException problem) {
            throw new UncheckedIOException(files.json() + ": cannot write: " + describe(problem), problem);
        }
        FootprintTable.print(report, stdout);
        stdout.println("footprint: " + files.json());
        return 0;
    }

    private List<Integer> checkedSizes() {
        for (int size : sizes) {
            if (size < 1 || size > MAX_SIZE) {
                throw new ParameterException(spec.commandLine(),
                        "--sizes: " + size + " is out of range 1.." + MAX_SIZE);
            }
        }
        return List.copyOf(new LinkedHashSet<>(sizes));
    }

    /** Refuses an --out that cannot work before spending minutes measuring. */
    private FootprintFiles checkedFiles() {
        FootprintFiles files = FootprintFiles.at(out);
        if (Files.isRegularFile(out) && !out.equals(files.json())) {
            throw new ParameterException(spec.commandLine(),
                    out + ": --out is an existing file that does not end in .json; give a .json file or a directory");
        }
        if (Files.isDirectory(files.csv())) {
            throw new ParameterException(spec.commandLine(),
                    files.csv() + ": is a directory; cannot write the CSV there");
        }
        return files;
    }

    private static String describe(IOException problem) {
        String message = problem.getMessage();
        return problem.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }
}
