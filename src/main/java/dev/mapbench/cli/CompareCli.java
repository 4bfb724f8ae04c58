package dev.mapbench.cli;

import dev.mapbench.compare.HistoryCsv;
import dev.mapbench.compare.RunComparator;
import dev.mapbench.compare.RunSide;
import dev.mapbench.compare.RunSideReader;
import dev.mapbench.report.html.ComparisonHtml;
import dev.mapbench.report.model.CellSample;
import dev.mapbench.report.model.Comparison;
import dev.mapbench.report.model.GateSettings;
import dev.mapbench.report.model.HistoryRow;
import dev.mapbench.report.text.ComparisonMarkdown;
import dev.mapbench.report.text.ComparisonText;
import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.BadInputException;
import dev.mapbench.stats.MedianInterval;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/compare <baseline> <candidate>}: compares two runs cell by cell and gates on
 * regressions. Exit 0: no regression; 1: regression; 2: bad input (one line {@code error: ...}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares a candidate JMH run with a baseline, cell by cell, and fails on regressions.",
            "Inputs: JMH JSON files or mapbench run folders (results/runs/<id>/).",
            "Exit codes: 0 no regression, 1 regression, 2 bad input."})
public final class CompareCli implements Callable<Integer> {

    /** Exit code when no gated cell regressed. */
    public static final int NO_REGRESSION = 0;
    /** Exit code when at least one gated cell regressed. */
    public static final int REGRESSION = 1;
    /** Exit code for unusable input. */
    public static final int BAD_INPUT = 2;

    @Parameters(index = "0", paramLabel = "<baseline>", description = "baseline JMH JSON file or run folder")
    Path baseline;

    @Parameters(index = "1", paramLabel = "<candidate>", description = "candidate JMH JSON file or run folder")
    Path candidate;

    @Option(names = "--min-effect", paramLabel = "PERCENT", defaultValue = "10",
            description = "smallest significant worsening of throughput or time/op that fails (default ${DEFAULT-VALUE} %%)")
    double minEffectPercent;

    @Option(names = "--alpha", defaultValue = "0.05",
            description = "false discovery rate for Benjamini-Hochberg (default ${DEFAULT-VALUE})")
    double alpha;

    @Option(names = "--bytes-tolerance", paramLabel = "BYTES", defaultValue = "1",
            description = "bytes/op may grow by max(this, --bytes-tolerance-percent) (default ${DEFAULT-VALUE} B)")
    double bytesToleranceBytes;

    @Option(names = "--bytes-tolerance-percent", paramLabel = "PERCENT", defaultValue = "2",
            description = "(default ${DEFAULT-VALUE} %%)")
    double bytesTolerancePercent;

    @Option(names = "--min-bytes-forks", defaultValue = "3",
            description = "forks per side before bytes/op is gated (default ${DEFAULT-VALUE})")
    int minBytesForks;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write the comparison as Markdown")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "also write the comparison as an HTML page")
    Path html;

    @Option(names = "--append-history", paramLabel = "CSV",
            description = "append the candidate's medians (one row per cell metric) to this history CSV")
    Path history;

    private PrintWriter out;

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs the CLI, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CompareCli cli = new CompareCli();
        cli.out = out;
        CommandLine commandLine = new CommandLine(cli)
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, ignored) -> {
                    err.println("error: " + e.getMessage());
                    return BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    err.println("error: " + (e instanceof BadInputException ? e.getMessage()
                            : e.getClass().getSimpleName() + ": " + e.getMessage()));
                    return BAD_INPUT;
                });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() throws BadInputException, IOException {
        GateSettings settings;
        try {
            settings = new GateSettings(alpha, minEffectPercent, bytesToleranceBytes, bytesTolerancePercent,
                    minBytesForks);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(Path.of("(options)"), e.getMessage());
        }
        RunSide baselineSide = RunSideReader.read(List.of(baseline));
        RunSide candidateSide = RunSideReader.read(List.of(candidate));
        Comparison comparison = new RunComparator(settings).compare(baselineSide, candidateSide);
        if (comparison.cells().isEmpty()) {
            throw new BadInputException(candidate, "no cell in common with the baseline " + baseline);
        }
        // Render everything before writing anything, so a failure leaves no file half-written.
        String text = ComparisonText.render(comparison);
        String markdownText = markdown == null ? null : ComparisonMarkdown.render(comparison);
        String htmlText = html == null ? null : ComparisonHtml.renderPage(comparison);
        List<HistoryRow> historyRows = history == null ? List.of() : historyRows(candidateSide);
        if (markdownText != null) {
            AtomicFile.write(markdown, markdownText);
        }
        if (htmlText != null) {
            AtomicFile.write(html, htmlText);
        }
        if (history != null) {
            HistoryCsv.append(history, historyRows);
        }
        out.print(text);
        if (history != null) {
            out.println("history: appended " + historyRows.size() + " rows to " + history);
        }
        return comparison.hasRegression() ? REGRESSION : NO_REGRESSION;
    }

    /** One history row per candidate cell metric, dated by the run's start. */
    static List<HistoryRow> historyRows(RunSide side) throws BadInputException {
        return historyRows(side, null);
    }

    /** One history row per cell metric of {@code side}, dated by its start, under {@code runId} when given. */
    public static List<HistoryRow> historyRows(RunSide side, String runIdOverride) throws BadInputException {
        LocalDate date = LocalDate.now(ZoneOffset.UTC);
        String startedAt = side.environment().get("startedAt");
        if (startedAt != null) {
            try {
                date = OffsetDateTime.parse(startedAt).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException e) {
                throw new BadInputException(Path.of(side.label()), "env.json startedAt is not ISO-8601: " + startedAt);
            }
        }
        String commit = side.environment().getOrDefault("git.commit", "unknown");
        String runId = side.environment().getOrDefault("runId", side.label());
        if (runIdOverride != null) {
            runId = runIdOverride;
        } else if (runId.startsWith("mixed: ")) {
            runId = side.label(); // shards of one merged run: the side's own name
        }
        List<HistoryRow> rows = new ArrayList<>();
        for (CellSample sample : side.samples()) {
            // Each row carries the environment of its own cell: shards may have run on different machines.
            MedianInterval interval = MedianInterval.of(sample.forkValues());
            rows.add(new HistoryRow(date, commit, runId, sample.environmentId(), sample.cell(), sample.metric(),
                    sample.unit(), interval.median(), interval.low(), interval.high(), interval.coverage(),
                    interval.count(), sample.origin()));
        }
        return rows;
    }
}
