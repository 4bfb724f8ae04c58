package dev.mapbench.report;

import dev.mapbench.compare.RunComparator;
import dev.mapbench.compare.RunSide;
import dev.mapbench.compare.RunSideReader;
import dev.mapbench.report.analysis.AllocationAnalysis;
import dev.mapbench.report.analysis.CalibrationAnalysis;
import dev.mapbench.report.analysis.CorrectnessReader;
import dev.mapbench.report.analysis.EnvironmentAnalysis;
import dev.mapbench.report.analysis.FlameGraphIndex;
import dev.mapbench.report.analysis.FootprintCharts;
import dev.mapbench.report.analysis.FootprintReader;
import dev.mapbench.report.analysis.ForkProvenanceReader;
import dev.mapbench.report.analysis.GcSweepAnalysis;
import dev.mapbench.report.analysis.GenericCharts;
import dev.mapbench.report.analysis.HistoryAnalysis;
import dev.mapbench.report.analysis.IterationAnalysis;
import dev.mapbench.report.analysis.IterationCharts;
import dev.mapbench.report.analysis.LatencyAnalysis;
import dev.mapbench.report.analysis.LatencyCharts;
import dev.mapbench.report.analysis.MapbenchCharts;
import dev.mapbench.report.analysis.RoleAnalysis;
import dev.mapbench.report.analysis.SteadyStateAnalysis;
import dev.mapbench.report.analysis.StrategyGroups;
import dev.mapbench.report.analysis.SummaryAnalysis;
import dev.mapbench.report.analysis.VerdictAnalysis;
import dev.mapbench.report.chart.ChartRenderer;
import dev.mapbench.report.csv.CsvReport;
import dev.mapbench.report.html.HtmlReport;
import dev.mapbench.report.model.Calibration;
import dev.mapbench.report.model.Calibrations;
import dev.mapbench.report.model.CellHistory;
import dev.mapbench.report.model.ChartGroup;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.Correctness;
import dev.mapbench.report.model.CorrectnessResults;
import dev.mapbench.report.model.FlameGraphLinks;
import dev.mapbench.report.model.FootprintResults;
import dev.mapbench.report.model.Footprints;
import dev.mapbench.report.model.ForkProvenance;
import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.GcSweep;
import dev.mapbench.report.model.Iteration;
import dev.mapbench.report.model.IterationResults;
import dev.mapbench.report.model.Latency;
import dev.mapbench.report.model.LinearizabilityResults;
import dev.mapbench.report.model.Link;
import dev.mapbench.report.model.MeasurementCharts;
import dev.mapbench.report.model.ReportFiles;
import dev.mapbench.report.model.ReportModel;
import dev.mapbench.report.model.RunInputs;
import dev.mapbench.report.model.UncheckedState;
import dev.mapbench.report.model.UnmeasuredCells;
import dev.mapbench.report.model.VerdictTable;
import dev.mapbench.report.model.WorkloadVerdict;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
import dev.mapbench.results.RunEnvironment;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.stats.Verdicts;
import dev.mapbench.workload.Benchmarks;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The report pipeline: JMH JSON → {@link ResultSet} → the analyses → a {@link ReportModel} → the formats
 * (CSV, charts, HTML), rendered into a temporary folder next to the output folder and moved into place only
 * when complete, so a failure leaves the output folder as it was.
 */
public final class ReportWriter {

    private static final String CALIBRATION_CLASS = Benchmarks.CALIBRATION_CLASS + ".";

    /** The page's file name inside the output folder. */
    public static final String INDEX = ReportFiles.INDEX;
    /** The env.json field holding the run's equivalence margin in percent. */
    public static final String EQUIVALENCE_MARGIN = "equivalenceMarginPercent";

    /** With -Dmapbench.report.timing=true, each phase's wall time goes to stderr (for tuning). */
    private final boolean timing = Boolean.getBoolean("mapbench.report.timing");
    private long lapStart = System.nanoTime();

    private void lap(String phase) {
        long now = System.nanoTime();
        if (timing) {
            System.err.printf("timing: %-8s %6d ms%n", phase, (now - lapStart) / 1_000_000);
        }
        lapStart = now;
    }

    /**
     * Renders the report of {@code inputs} into {@code out} and returns the path of index.html.
     *
     * @param correctnessFile contract-3 file to include; if empty, the default location is used when it exists
     */
    public Path write(List<Path> inputs, Path out, Optional<Path> correctnessFile) throws BadInputException, IOException {
        return write(new ReportRequest(inputs, out, correctnessFile, Optional.empty(), Optional.empty()));
    }

    /**
     * Renders the report the request asks for and returns the path of index.html. Every input,
     * the baseline and the history are read before anything is written.
     */
    public Path write(ReportRequest request) throws BadInputException, IOException {
        lap("start");
        ResultSet results = JmhResultReader.read(request.inputs());
        lap("read");
        Path correctnessLocation = request.correctness().orElse(CorrectnessReader.DEFAULT_LOCATION);
        Optional<CorrectnessResults> correctness = request.correctness().isPresent() || Files.exists(correctnessLocation)
                ? Optional.of(CorrectnessReader.hazards(correctnessLocation)) : Optional.empty();
        Optional<LinearizabilityResults> linearizability = CorrectnessReader.linearizabilityBesides(correctnessLocation);
        List<FootprintResults> footprints = FootprintReader.find(results.runFolders());
        Optional<Comparison> comparison = request.baseline().isPresent()
                ? Optional.of(compare(request.baseline().get(), results, request.inputs())) : Optional.empty();
        Optional<CellHistory> history = request.history().isPresent()
                ? Optional.of(HistoryAnalysis.read(request.history().get(), GateSettings.defaults())) : Optional.empty();
        Path target = request.out().toAbsolutePath().normalize();
        GcSweep gcSweep = GcSweepAnalysis.read(results.cells(), results.runFolders());
        FlameGraphLinks flameGraphs = FlameGraphIndex.find(results.runFolders(), target);
        ForkProvenance provenance = ForkProvenanceReader.read(results.runFolders());
        lap("extras");

        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a folder");
        }
        Path parent = Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".rendering-");
        try {
            render(new Read(results, verdictSettings(request, results), provenance,
                    new Correctness(correctness, linearizability, correctnessLocation, CorrectnessReader.runCommits(results)),
                    footprints, comparison, history, request.history(), gcSweep, flameGraphs), staging, request.png());
            moveIntoPlace(staging, target);
        } finally {
            deleteRecursively(staging);
        }
        return target.resolve(INDEX);
    }

    /** What was read, before anything is written. */
    private record Read(ResultSet results, VerdictSettings verdictSettings, ForkProvenance provenance,
            Correctness correctness, List<FootprintResults> footprints, Optional<Comparison> comparison,
            Optional<CellHistory> history, Optional<Path> historyFile, GcSweep gcSweep, FlameGraphLinks flameGraphs) {
    }

    /** The verdicts' settings: the requested margin, else the one the run recorded, else the default. */
    public static VerdictSettings verdictSettings(ReportRequest request, ResultSet results) throws BadInputException {
        VerdictSettings defaults = VerdictSettings.defaults();
        if (request.marginPercent().isPresent()) {
            return withMarginPercent(defaults, request.marginPercent().getAsDouble(), null);
        }
        for (RunEnvironment environment : results.distinctEnvironments()) {
            Double recorded = environment.env().plan().equivalenceMarginPercent();
            if (recorded != null) {
                return withMarginPercent(defaults, recorded, environment.source());
            }
        }
        return defaults;
    }

    private static VerdictSettings withMarginPercent(VerdictSettings defaults, double percent, Path source)
            throws BadInputException {
        try {
            return defaults.withMargin(percent / 100);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, EQUIVALENCE_MARGIN + ": " + e.getMessage());
        }
    }

    /**
     * The report's inputs compared against the baseline with the gate's default thresholds, as
     * {@code scripts/compare} would; the report shows the outcome but is not the gate (its exit
     * status does not change on a regression).
     */
    private static Comparison compare(Path baseline, ResultSet results, List<Path> inputs) throws BadInputException {
        RunSide baselineSide = RunSideReader.read(List.of(baseline));
        RunSide candidateSide = RunSideReader.fromResults(results, RunSideReader.sideLabel(inputs));
        Comparison comparison = new RunComparator(GateSettings.defaults()).compare(baselineSide, candidateSide);
        if (comparison.cells().isEmpty()) {
            throw new BadInputException(baseline, "no cell in common with the report's inputs");
        }
        return comparison;
    }

    private void render(Read read, Path folder, boolean png) throws IOException {
        ReportModel model = analyse(read, folder, png);
        lap("analyse");

        // Charts are independent and the slowest part: draw them on every core while this thread
        // writes the CSV files and the page.
        ExecutorService chartPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> charts = submitCharts(model, Files.createDirectories(folder.resolve(ReportFiles.CHARTS)),
                    chartPool, png);
            CsvReport.writeAll(model, folder);
            lap("csv");
            try (Writer writer = Files.newBufferedWriter(folder.resolve(INDEX), StandardCharsets.UTF_8)) {
                new HtmlReport().write(model, writer);
            }
            lap("html");
            awaitAll(charts);
            lap("charts");
        } finally {
            chartPool.shutdownNow();
        }
    }

    /**
     * Every section of the report, computed from what was read; copies the raw inputs (and the other files the
     * report shows) into the report folder on the way, since the model links them.
     */
    private static ReportModel analyse(Read read, Path folder, boolean png) throws IOException {
        ResultSet results = read.results();
        CoreCount cores = new CoreCount(results, Runtime.getRuntime().availableProcessors());
        // a cell whose fork timed out or corrupted its map is never ranked: out of the verdicts and the summary
        UnmeasuredCells unmeasured = UnmeasuredCells.of(read.provenance());
        List<BenchmarkCell> workloadCells = results.cells().stream().filter(BenchmarkCell::isWorkloadCell)
                .filter(cell -> cell.cellId().map(id -> !unmeasured.contains(id.id())).orElse(true)).toList();
        // grid and named workloads: what the verdicts compare
        List<BenchmarkCell> comparedCells = results.cells().stream().filter(BenchmarkCell::isComparedCell)
                .filter(cell -> cell.cellId().map(id -> !unmeasured.contains(id.id())).orElse(true)).toList();
        StrategyGroups groups = StrategyGroups.of(results);
        // Latency and GC sweep cells have their own sections; the generic charts would show the latency
        // group's mixed read+write primary metric as if it meant something.
        // The calibration benchmarks have their own chart and table beside the workload they calibrate.
        List<Calibration> calibrations = CalibrationAnalysis.findAll(results.cells());
        boolean calibrated = !workloadCells.isEmpty() && !calibrations.isEmpty();
        List<BenchmarkCell> otherCells = results.cells().stream().filter(cell -> !cell.isComparedCell())
                .filter(cell -> !LatencyAnalysis.isLatencyCell(cell) && !GcSweepAnalysis.isGcSweepCell(cell))
                .filter(cell -> !(calibrated && cell.benchmark().startsWith(CALIBRATION_CLASS)))
                .filter(cell -> !IterationAnalysis.isIterationCell(cell)).toList();
        List<Latency.Row> latency = LatencyAnalysis.rows(results.cells());
        IterationResults iteration = IterationAnalysis.of(results.cells(), cores, read.verdictSettings());
        List<Link> rawFiles = copyRawFiles(results.inputs(), folder);
        List<Footprints.Footprint> footprints = new ArrayList<>();
        for (FootprintResults footprint : read.footprints()) {
            String prefix = "footprint-" + (footprints.size() + 1);
            footprints.add(new Footprints.Footprint(footprint, copyRaw(footprint.source(), rawFiles, folder), prefix,
                    FootprintCharts.build(prefix, footprint.report())));
        }
        if (read.historyFile().isPresent()) {
            copyRaw(read.historyFile().get(), rawFiles, folder);
        }
        // The correctness evidence travels with the report, like the measurements.
        Correctness correctness = read.correctness();
        if (correctness.hazards().isPresent() && !correctness.hazards().get().hazards().isEmpty()) {
            copyRaw(correctness.hazards().get().source(), rawFiles, folder);
        }
        if (correctness.linearizability().isPresent()) {
            copyRaw(correctness.linearizability().get().source(), rawFiles, folder);
        }
        // plug-ins marked unsafe are baselines like the unsynchronized ceiling, never ranked
        List<WorkloadVerdict> verdicts = VerdictAnalysis.verdicts(comparedCells.stream()
                .filter(cell -> groups.threadSafe(cell.params().get(Benchmarks.STRATEGY_PARAM))).toList(), cores,
                read.verdictSettings());
        List<String> strategies = comparedCells.stream().map(cell -> cell.params().get(Benchmarks.STRATEGY_PARAM))
                .filter(Objects::nonNull).toList();
        List<ChartGroup> charts = new ArrayList<>(new MapbenchCharts(cores,
                VerdictAnalysis.cellIntervals(comparedCells, cores, read.verdictSettings())).build(results.cells()));
        charts.addAll(new GenericCharts(cores).build(otherCells));
        return ReportModel.builder(title(results, comparedCells), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .png(png)
                .add(new RunInputs(results, cores, rawFiles))
                .add(unmeasured)
                .add(UncheckedState.of(results.cells()))
                .add(SummaryAnalysis.of(comparedCells, verdicts, cores, read.verdictSettings().margin()))
                .add(new VerdictTable(verdicts, read.verdictSettings(), Verdicts.methodStatement(read.verdictSettings(),
                        VerdictAnalysis.spread(comparedCells, cores)), read.provenance(), groups.origins(strategies)))
                .add(RoleAnalysis.of(results.cells()))
                .add(dev.mapbench.report.analysis.TraceAnalysis.of(results.cells(), results.runFolders(), cores,
                        read.verdictSettings()))
                .add(SteadyStateAnalysis.of(results.cells()))
                .add(new Calibrations(calibrations))
                .add(new MeasurementCharts(charts))
                .add(read.comparison())
                .add(AllocationAnalysis.of(workloadCells, cores))
                .add(new Latency(latency, new LatencyCharts(cores).build(latency)))
                .add(new Iteration(iteration, new IterationCharts(cores).build(iteration)))
                .add(read.gcSweep())
                .add(read.flameGraphs())
                .add(new Footprints(footprints))
                .add(read.history())
                .add(EnvironmentAnalysis.of(results))
                .add(correctness)
                .build();
    }

    private static List<Future<?>> submitCharts(ReportModel model, Path chartsFolder, ExecutorService pool, boolean png) {
        // One palette for the whole report, so a strategy (or any other series) looks the same in every chart.
        ChartRenderer renderer = new ChartRenderer(model.palette());
        List<Future<?>> futures = new ArrayList<>();
        model.charts().forEach(chart -> futures.add(
                pool.submit(() -> {
                    renderer.write(chart, chartsFolder.resolve(chart.id() + ".svg"),
                            png ? Optional.of(chartsFolder.resolve(chart.id() + ".png")) : Optional.empty());
                    return null;
                })));
        return futures;
    }

    private static void awaitAll(List<Future<?>> futures) throws IOException {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while drawing charts", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException("drawing a chart failed", e.getCause());
            }
        }
    }

    private static String title(ResultSet results, List<BenchmarkCell> comparedCells) {
        String runIds = results.distinctEnvironments().stream().map(env -> env.runId()).filter(id -> !id.isBlank())
                .sorted().reduce((a, b) -> a + ", " + b).orElse("");
        String kind = comparedCells.isEmpty() ? "JMH results" : "mapbench: which concurrent map?";
        return runIds.isEmpty() ? kind : kind + " — run " + runIds;
    }

    /** Copies each input JSON into raw/ so the report folder holds its own evidence. */
    private static List<Link> copyRawFiles(List<Path> inputs, Path folder) throws IOException {
        List<Link> links = new ArrayList<>();
        for (Path input : inputs) {
            copyRaw(input, links, folder);
        }
        return links;
    }

    /** Inputs larger than this are copied gzipped: a default run's jmh-result.json is 4 MB, 0.4 MB gzipped. */
    static final long GZIP_ABOVE_BYTES = 1L << 20;

    /** Copies one file into raw/ with the next number (gzipped when large), adds its link to {@code links} and returns it. */
    private static Link copyRaw(Path file, List<Link> links, Path folder) throws IOException {
        Path raw = Files.createDirectories(folder.resolve("raw"));
        boolean gzip = Files.size(file) > GZIP_ABOVE_BYTES;
        String name = String.format("%03d-%s%s", links.size() + 1, file.getFileName(), gzip ? ".gz" : "");
        if (gzip) {
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(raw.resolve(name)))) {
                Files.copy(file, out);
            }
        } else {
            Files.copy(file, raw.resolve(name));
        }
        // Shown by its own file name: the absolute path is the rendering machine's, meaningless to a reader.
        Link link = new Link(file.getFileName().toString(), "raw/" + name);
        links.add(link);
        return link;
    }

    /** Replaces {@code target} by {@code staging}; the old target is removed only after the new one is in place. */
    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path previous = target.resolveSibling("." + target.getFileName() + ".previous-" + System.nanoTime());
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(previous);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
