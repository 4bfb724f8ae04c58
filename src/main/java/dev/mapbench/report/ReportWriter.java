package dev.mapbench.report;

import dev.mapbench.report.chart.ChartRenderer;
import dev.mapbench.report.chart.ChartSpec;
import dev.mapbench.report.chart.GenericCharts;
import dev.mapbench.report.chart.MapbenchCharts;
import dev.mapbench.report.csv.CsvReport;
import dev.mapbench.report.html.HtmlReport;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
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

    /** The page's file name inside the output folder. */
    public static final String INDEX = "index.html";

    private final ChartRenderer renderer = new ChartRenderer();
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
        lap("start");
        ResultSet results = JmhResultReader.read(inputs);
        lap("read");
        Path correctnessLocation = correctnessFile.orElse(CorrectnessResults.DEFAULT_LOCATION);
        Optional<CorrectnessResults> correctness = correctnessFile.isPresent() || Files.exists(correctnessLocation)
                ? Optional.of(CorrectnessResults.read(correctnessLocation)) : Optional.empty();

        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(target + " exists and is not a folder");
        }
        Path parent = Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".rendering-");
        try {
            render(results, correctness, correctnessLocation, staging, target);
            moveIntoPlace(staging, target);
        } finally {
            deleteRecursively(staging);
        }
        return target.resolve(INDEX);
    }

    private void render(ResultSet results, Optional<CorrectnessResults> correctness, Path correctnessLocation,
            Path folder, Path finalFolder) throws IOException {
        CoreCount cores = new CoreCount(results, Runtime.getRuntime().availableProcessors());
        List<BenchmarkCell> workloadCells = results.cells().stream().filter(Workload::isWorkloadCell).toList();
        List<BenchmarkCell> otherCells = results.cells().stream().filter(cell -> !Workload.isWorkloadCell(cell)).toList();
        ReportContent content = new ReportContent(
                title(results, workloadCells),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                results, cores,
                VerdictAnalysis.verdicts(workloadCells, cores),
                Calibration.find(results.cells()),
                new MapbenchCharts(cores).build(results.cells()),
                new GenericCharts(cores).build(otherCells),
                correctness, correctnessLocation,
                copyRawFiles(results, folder),
                flameGraphs(results, finalFolder));
        lap("analyse");

        // Charts are independent and the slowest part: draw them on every core while this thread
        // writes the CSV files and the page.
        ExecutorService chartPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> charts = submitCharts(content, Files.createDirectories(folder.resolve("charts")), chartPool);
            CsvReport csv = new CsvReport(results.cells(), cores);
            try (Writer writer = Files.newBufferedWriter(folder.resolve(CsvReport.RESULTS_FILE), StandardCharsets.UTF_8)) {
                csv.writeResults(writer);
            }
            try (Writer writer = Files.newBufferedWriter(folder.resolve(CsvReport.SAMPLES_FILE), StandardCharsets.UTF_8)) {
                csv.writeSamples(writer);
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

    private List<Future<?>> submitCharts(ReportContent content, Path chartsFolder, ExecutorService pool) {
        List<Future<?>> futures = new ArrayList<>();
        content.allChartGroups().stream().flatMap(group -> group.charts().stream()).forEach(chart -> futures.add(
                pool.submit(() -> {
                    renderer.write(chart, chartsFolder.resolve(chart.id() + ".svg"), chartsFolder.resolve(chart.id() + ".png"));
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
    private static List<ReportContent.Link> copyRawFiles(ResultSet results, Path folder) throws IOException {
        Path raw = Files.createDirectories(folder.resolve("raw"));
        List<ReportContent.Link> links = new ArrayList<>();
        int index = 1;
        for (Path input : results.inputs()) {
            String name = String.format("%03d-%s", index++, input.getFileName());
            Files.copy(input, raw.resolve(name));
            links.add(new ReportContent.Link(input.toString(), "raw/" + name));
        }
        return links;
    }

    /** Flame graphs (any *.html under a run folder's profiles/), linked relative to the final report folder. */
    private static List<ReportContent.Link> flameGraphs(ResultSet results, Path finalFolder) throws IOException {
        List<ReportContent.Link> links = new ArrayList<>();
        for (Path run : results.runFolders()) {
            Path profiles = run.resolve("profiles");
            if (!Files.isDirectory(profiles)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(profiles)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".html")).sorted().toList()) {
                    String href = finalFolder.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
                    links.add(new ReportContent.Link(run.relativize(file).toString(), href));
                }
            }
        }
        return links;
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
