package dev.mapbench.report;

import dev.mapbench.workload.Benchmarks;
import dev.mapbench.compare.Comparison;
import dev.mapbench.compare.GateSettings;
import dev.mapbench.compare.RunComparator;
import dev.mapbench.compare.RunSide;
import dev.mapbench.compare.RunSideReader;
import dev.mapbench.report.chart.ChartRenderer;
import dev.mapbench.report.chart.FootprintCharts;
import dev.mapbench.report.chart.GenericCharts;
import dev.mapbench.report.chart.IterationCharts;
import dev.mapbench.report.chart.LatencyCharts;
import dev.mapbench.report.chart.MapbenchCharts;
import dev.mapbench.report.csv.CsvReport;
import dev.mapbench.report.csv.VerdictCsv;
import dev.mapbench.report.html.HtmlReport;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
import dev.mapbench.results.RunEnvironment;
import dev.mapbench.stats.VerdictSettings;
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
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The report pipeline: JMH JSON → {@link ResultSet} → CSV, charts and HTML, rendered into a
 * temporary folder next to the output folder and moved into place only when complete, so a
 * failure leaves the output folder as it was.
 */
public final class ReportWriter {

    private static final String CALIBRATION_CLASS = Benchmarks.CALIBRATION_CLASS + ".";

    /** The page's file name inside the output folder. */
    public static final String INDEX = "index.html";
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
        Path correctnessLocation = request.correctness().orElse(CorrectnessResults.DEFAULT_LOCATION);
        Optional<CorrectnessResults> correctness = request.correctness().isPresent() || Files.exists(correctnessLocation)
                ? Optional.of(CorrectnessResults.read(correctnessLocation)) : Optional.empty();
        Optional<LinearizabilityResults> linearizability = LinearizabilityResults.besides(correctnessLocation);
        List<FootprintResults> footprints = FootprintResults.find(results.runFolders());
        Optional<Comparison> comparison = request.baseline().isPresent()
                ? Optional.of(compare(request.baseline().get(), results, request.inputs())) : Optional.empty();
        Optional<CellHistory> history = request.history().isPresent()
                ? Optional.of(CellHistory.read(request.history().get(), GateSettings.defaults())) : Optional.empty();
        Path target = request.out().toAbsolutePath().normalize();
        List<GcSweepResults.SweepWorkload> gcSweep = GcSweepResults.read(results.cells(), results.runFolders());
        FlameGraphIndex.Index flameGraphs = FlameGraphIndex.find(results.runFolders(), target);
        ForkProvenance provenance = ForkProvenance.read(results.runFolders());
        lap("extras");

        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a folder");
        }
        Path parent = Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".rendering-");
        try {
            render(new Analysed(results, verdictSettings(request, results), provenance, correctness, linearizability,
                    correctnessLocation, footprints, comparison, history,
                    request.history(), gcSweep, flameGraphs), staging, request.png());
            moveIntoPlace(staging, target);
        } finally {
            deleteRecursively(staging);
        }
        return target.resolve(INDEX);
    }

    /** What was read, before anything is written. */
    private record Analysed(ResultSet results, VerdictSettings verdictSettings, ForkProvenance provenance,
            Optional<CorrectnessResults> correctness, Optional<LinearizabilityResults> linearizability, Path correctnessLocation,
            List<FootprintResults> footprints, Optional<Comparison> comparison, Optional<CellHistory> history,
            Optional<Path> historyFile, List<GcSweepResults.SweepWorkload> gcSweep, FlameGraphIndex.Index flameGraphs) {
    }

    /** The verdicts' settings: the requested margin, else the one the run recorded, else the default. */
    static VerdictSettings verdictSettings(ReportRequest request, ResultSet results) throws BadInputException {
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

    private void render(Analysed analysed, Path folder, boolean png) throws IOException {
        ResultSet results = analysed.results();
        CoreCount cores = new CoreCount(results, Runtime.getRuntime().availableProcessors());
        List<BenchmarkCell> workloadCells = results.cells().stream().filter(BenchmarkCell::isWorkloadCell).toList();
        StrategyGroups groups = StrategyGroups.of(results);
        // Latency and GC sweep cells have their own sections; the generic charts would show the latency
        // group's mixed read+write primary metric as if it meant something.
        // The calibration benchmarks have their own chart and table beside the workload they calibrate.
        boolean calibrated = !workloadCells.isEmpty() && !Calibration.findAll(results.cells()).isEmpty();
        List<BenchmarkCell> otherCells = results.cells().stream().filter(cell -> !cell.isWorkloadCell())
                .filter(cell -> !LatencyResults.isLatencyCell(cell) && !GcSweepResults.isGcSweepCell(cell))
                .filter(cell -> !(calibrated && cell.benchmark().startsWith(CALIBRATION_CLASS)))
                .filter(cell -> !IterationResults.isIterationCell(cell)).toList();
        List<LatencyResults.Row> latency = LatencyResults.rows(results.cells());
        IterationResults iteration = IterationResults.of(results.cells(), cores, analysed.verdictSettings());
        List<ReportContent.Link> rawFiles = copyRawFiles(results.inputs(), folder);
        List<ReportContent.Footprint> footprints = new ArrayList<>();
        for (FootprintResults footprint : analysed.footprints()) {
            String prefix = "footprint-" + (footprints.size() + 1);
            footprints.add(new ReportContent.Footprint(footprint, copyRaw(footprint.source(), rawFiles, folder), prefix,
                    FootprintCharts.build(prefix, footprint.report())));
        }
        if (analysed.historyFile().isPresent()) {
            copyRaw(analysed.historyFile().get(), rawFiles, folder);
        }
        // The correctness evidence travels with the report, like the measurements.
        if (analysed.correctness().isPresent() && !analysed.correctness().get().hazards().isEmpty()) {
            copyRaw(analysed.correctness().get().source(), rawFiles, folder);
        }
        if (analysed.linearizability().isPresent()) {
            copyRaw(analysed.linearizability().get().source(), rawFiles, folder);
        }
        // plug-ins marked unsafe are baselines like the unsynchronized ceiling, never ranked
        List<WorkloadVerdict> verdicts = VerdictAnalysis.verdicts(workloadCells.stream()
                .filter(cell -> groups.threadSafe(cell.params().get(Benchmarks.STRATEGY_PARAM))).toList(), cores,
                analysed.verdictSettings());
        ReportContent content = new ReportContent(
                title(results, workloadCells),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                results, cores,
                verdicts,
                analysed.verdictSettings(),
                VerdictAnalysis.spread(workloadCells, cores),
                analysed.provenance(),
                Calibration.findAll(results.cells()),
                new MapbenchCharts(cores, VerdictAnalysis.cellIntervals(workloadCells, cores, analysed.verdictSettings()))
                        .build(results.cells()),
                new GenericCharts(cores).build(otherCells),
                analysed.correctness(), analysed.linearizability(), analysed.correctnessLocation(),
                rawFiles,
                latency, new LatencyCharts(cores).build(latency),
                analysed.gcSweep(),
                analysed.flameGraphs(),
                footprints, analysed.comparison(), analysed.history(),
                AllocationSplit.of(workloadCells, cores), png,
                Summary.of(workloadCells, verdicts, cores, analysed.verdictSettings().margin()),
                iteration, new IterationCharts(cores).build(iteration), SteadyStateSummary.of(results.cells()));
        lap("analyse");

        // Charts are independent and the slowest part: draw them on every core while this thread
        // writes the CSV files and the page.
        ExecutorService chartPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> charts = submitCharts(content, Files.createDirectories(folder.resolve("charts")), chartPool, png);
            CsvReport csv = new CsvReport(results.cells(), cores);
            try (Writer writer = Files.newBufferedWriter(folder.resolve(CsvReport.RESULTS_FILE), StandardCharsets.UTF_8)) {
                csv.writeResults(writer);
            }
            try (Writer writer = Files.newBufferedWriter(folder.resolve(CsvReport.SAMPLES_FILE), StandardCharsets.UTF_8)) {
                csv.writeSamples(writer);
            }
            if (!content.verdicts().isEmpty()) {
                try (Writer writer = Files.newBufferedWriter(folder.resolve(VerdictCsv.FILE), StandardCharsets.UTF_8)) {
                    VerdictCsv.write(content.verdicts(), writer);
                }
            }
            if (!content.allocationSplit().isEmpty()) {
                try (Writer writer = Files.newBufferedWriter(folder.resolve(CsvReport.ALLOCATION_SPLIT_FILE), StandardCharsets.UTF_8)) {
                    CsvReport.writeAllocationSplit(content.allocationSplit(), writer);
                }
            }
            lap("csv");
            try (Writer writer = Files.newBufferedWriter(folder.resolve(INDEX), StandardCharsets.UTF_8)) {
                new HtmlReport().write(content, writer);
            }
            lap("html");
            awaitAll(charts);
            lap("charts");
        } finally {
            chartPool.shutdownNow();
        }
    }

    private static List<Future<?>> submitCharts(ReportContent content, Path chartsFolder, ExecutorService pool, boolean png) {
        // One palette for the whole report, so a strategy (or any other series) looks the same in every chart.
        ChartRenderer renderer = new ChartRenderer(content.palette());
        List<Future<?>> futures = new ArrayList<>();
        content.allCharts().forEach(chart -> futures.add(
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

    private static String title(ResultSet results, List<BenchmarkCell> workloadCells) {
        String runIds = results.distinctEnvironments().stream().map(env -> env.runId()).filter(id -> !id.isBlank())
                .sorted().reduce((a, b) -> a + ", " + b).orElse("");
        String kind = workloadCells.isEmpty() ? "JMH results" : "mapbench: which concurrent map?";
        return runIds.isEmpty() ? kind : kind + " — run " + runIds;
    }

    /** Copies each input JSON into raw/ so the report folder holds its own evidence. */
    private static List<ReportContent.Link> copyRawFiles(List<Path> inputs, Path folder) throws IOException {
        List<ReportContent.Link> links = new ArrayList<>();
        for (Path input : inputs) {
            copyRaw(input, links, folder);
        }
        return links;
    }

    /** Inputs larger than this are copied gzipped: a default run's jmh-result.json is 4 MB, 0.4 MB gzipped. */
    static final long GZIP_ABOVE_BYTES = 1L << 20;

    /** Copies one file into raw/ with the next number (gzipped when large), adds its link to {@code links} and returns it. */
    private static ReportContent.Link copyRaw(Path file, List<ReportContent.Link> links, Path folder) throws IOException {
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
        ReportContent.Link link = new ReportContent.Link(file.getFileName().toString(), "raw/" + name);
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
