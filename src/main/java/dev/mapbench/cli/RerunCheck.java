package dev.mapbench.cli;

import dev.mapbench.report.ReportRequest;
import dev.mapbench.report.ReportWriter;
import dev.mapbench.report.analysis.VerdictAnalysis;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.WorkloadVerdict;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.Metric;
import dev.mapbench.results.ResultSet;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictSettings;
import dev.mapbench.stats.VerdictStatus;
import dev.mapbench.workload.Benchmarks;
import dev.mapbench.workload.ComparedWorkload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/rerun-check <run A> <run B> [--slowed STRATEGY]}: does a second run confirm the first?
 *
 * <p>Both run folders' verdicts are computed exactly as the report computes them. It prints, per run, how many
 * workloads that do not oversubscribe are decided; the <b>contradictions</b> between the runs (a pair X, Y where
 * one run has X best or equivalent and Y slower, and the other has Y best or equivalent and X slower); and, for
 * comparison, the same runs <b>judged the old way</b>: each cell's first fork alone, the best by score,
 * "significant" when the best's and the runner-up's JMH 99.9 % intervals (over that fork's iterations) do not
 * overlap. With {@code --slowed X} (run B measured with {@code MAPBENCH_SLOWDOWN=X:percent}) it lists the
 * workloads whose decided verdicts changed, and checks that each is one where X was best or equivalent in run A
 * and that X never ranks higher in B. A decided verdict changes when a strategy moves between
 * best-or-equivalent and slower, or the best changes while both runs decided it; moving between undecided and
 * decided is more or less evidence, not a change.
 *
 * <p>Exit 0 when nothing contradicts (and, with {@code --slowed}, nothing breaks the slowdown's rule), 1
 * otherwise, 2 on bad input.
 */
@Command(name = "rerun-check", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks whether two runs' verdicts agree (contradictions, decided share, the old way).")
public final class RerunCheck implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "<run A>", description = "A run folder.")
    private Path runA;

    @Parameters(index = "1", paramLabel = "<run B>", description = "A run folder of the same matrix.")
    private Path runB;

    @Option(names = "--slowed", paramLabel = "<strategy>",
            description = "Run B slowed this strategy (MAPBENCH_SLOWDOWN): check the verdicts changed only where it led.")
    private String slowed;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /**
     * One run's verdicts keyed by workload: by the rule in force, by the rule before confirmation on the same
     * forks, and by the rule before confirmation on each cell's first fork alone (the single-fork claims).
     */
    record RunVerdicts(Path folder, Map<ComparedWorkload, WorkloadVerdict> verdicts, Map<ComparedWorkload, OldWay> oldWay,
            Map<ComparedWorkload, WorkloadVerdict> unconfirmed, Map<ComparedWorkload, WorkloadVerdict> firstForks) {

        long decided() {
            return verdicts.values().stream().filter(WorkloadVerdict::decided).count();
        }

        long compared() {
            return verdicts.values().stream().filter(v -> !v.oversubscribed()).count();
        }
    }

    /** A workload judged the old way: best by one fork's score; significant when the JMH intervals do not overlap. */
    record OldWay(String best, boolean significant) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            RunVerdicts a = read(runA);
            RunVerdicts b = read(runB);
            int problems = report(a, b, out);
            out.flush();
            return problems == 0 ? 0 : 1;
        } catch (BadInputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    static RunVerdicts read(Path folder) throws BadInputException {
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(folder, "not a run folder");
        }
        ResultSet results = JmhResultReader.read(List.of(folder));
        CoreCount cores = new CoreCount(results, Runtime.getRuntime().availableProcessors());
        List<BenchmarkCell> cells = results.cells().stream().filter(BenchmarkCell::isComparedCell).toList();
        if (cells.isEmpty()) {
            throw new BadInputException(folder, "has no mapbench workload cells (grid or named)");
        }
        ReportRequest request = new ReportRequest(List.of(folder), folder.resolve("report"), Optional.empty(),
                Optional.empty(), Optional.empty());
        VerdictSettings settings = ReportWriter.verdictSettings(request, results);
        Optional<ResultSet> first = firstForks(folder);
        return new RunVerdicts(folder, byWorkload(VerdictAnalysis.verdicts(cells, cores, settings)),
                first.map(forks -> oldWay(forks)).orElse(Map.of()),
                byWorkload(VerdictAnalysis.verdicts(cells, cores, settings.withoutConfirmation())),
                first.map(forks -> byWorkload(VerdictAnalysis.verdicts(forks.cells().stream()
                        .filter(BenchmarkCell::isComparedCell).toList(), cores, settings.withoutConfirmation())))
                        .orElse(Map.of()));
    }

    private static Map<ComparedWorkload, WorkloadVerdict> byWorkload(List<WorkloadVerdict> verdicts) {
        Map<ComparedWorkload, WorkloadVerdict> keyed = new LinkedHashMap<>();
        verdicts.forEach(verdict -> keyed.put(verdict.workload(), verdict));
        return keyed;
    }

    /** Every cell's first fork ({@code forks/<cell>/fork-01.json}), or empty for a run folder without forks/. */
    static Optional<ResultSet> firstForks(Path folder) throws BadInputException {
        Path forks = folder.resolve("forks");
        if (!Files.isDirectory(forks)) {
            return Optional.empty();
        }
        List<Path> firstForks;
        try (Stream<Path> files = Files.walk(forks)) {
            firstForks = files.filter(p -> p.getFileName().toString().equals("fork-01.json")).sorted().toList();
        } catch (IOException e) {
            throw new BadInputException(forks, "cannot list forks (" + e.getMessage() + ")");
        }
        return firstForks.isEmpty() ? Optional.empty() : Optional.of(JmhResultReader.read(firstForks));
    }

    /** The first fork of every workload cell, judged the old way. */
    static Map<ComparedWorkload, OldWay> oldWay(ResultSet first) {
        Map<ComparedWorkload, List<BenchmarkCell>> byWorkload = first.cells().stream().filter(BenchmarkCell::isComparedCell)
                .filter(cell -> VerdictAnalysis.isThreadSafe(cell.params().get(Benchmarks.STRATEGY_PARAM)))
                .collect(Collectors.groupingBy(cell -> cell.comparedWorkload().orElseThrow(), LinkedHashMap::new,
                        Collectors.toList()));
        Map<ComparedWorkload, OldWay> judged = new LinkedHashMap<>();
        byWorkload.forEach((workload, cells) -> {
            List<BenchmarkCell> ranked = cells.stream()
                    .sorted(Comparator.comparingDouble((BenchmarkCell c) -> c.primary().score()).reversed()).toList();
            Metric best = ranked.get(0).primary();
            boolean significant = ranked.size() > 1 && best.hasFiniteError() && ranked.get(1).primary().hasFiniteError()
                    && best.confidenceLow() > ranked.get(1).primary().confidenceHigh();
            judged.put(workload, new OldWay(ranked.get(0).params().get(Benchmarks.STRATEGY_PARAM), significant));
        });
        return judged;
    }

    private int report(RunVerdicts a, RunVerdicts b, PrintWriter out) {
        for (RunVerdicts run : List.of(a, b)) {
            out.printf(Locale.ROOT, "%s: %d of %d workloads decided (%.0f %%) [workloads that do not oversubscribe]%n",
                    run.folder(), run.decided(), run.compared(), 100.0 * run.decided() / Math.max(1, run.compared()));
        }
        List<Contradiction> contradictions = new ArrayList<>();
        int bestDiffers = 0;
        int both = 0;
        for (Map.Entry<ComparedWorkload, WorkloadVerdict> entry : a.verdicts().entrySet()) {
            WorkloadVerdict other = b.verdicts().get(entry.getKey());
            if (other == null || entry.getValue().oversubscribed()) {
                continue;
            }
            both++;
            contradictions.addAll(contradictions(entry.getKey(), entry.getValue(), other));
            if (!entry.getValue().ranking().best().strategy().equals(other.ranking().best().strategy())) {
                bestDiffers++;
            }
        }
        out.printf(Locale.ROOT, "contradictions: %d in %d workloads measured by both%n", contradictions.size(), both);
        contradictions.forEach(found -> out.println("  " + found.text()));
        out.printf(Locale.ROOT, "leader differs (whatever its status): %d of %d%n", bestDiffers, both);
        // With --slowed, run B is meant to differ where the slowed strategy led: a reversal that involves it
        // is the planted effect, which the slowdown check below judges; any other reversal still counts.
        int problems = slowed == null ? contradictions.size()
                : (int) contradictions.stream().filter(found -> !found.involves(slowed)).count();
        if (slowed != null) {
            out.printf(Locale.ROOT, "  (with --slowed %s: %d of them involve it, the planted effect, judged below)%n",
                    slowed, contradictions.size() - problems);
        }
        if (!a.oldWay().isEmpty() && !b.oldWay().isEmpty()) {
            int oldDiffers = 0;
            int oldSignificantDisagree = 0;
            long significantA = 0;
            long significantB = 0;
            for (Map.Entry<ComparedWorkload, OldWay> entry : a.oldWay().entrySet()) {
                OldWay other = b.oldWay().get(entry.getKey());
                if (other == null || isOversubscribed(a, entry.getKey())) {
                    continue;
                }
                significantA += entry.getValue().significant() ? 1 : 0;
                significantB += other.significant() ? 1 : 0;
                if (!entry.getValue().best().equals(other.best())) {
                    oldDiffers++;
                    if (entry.getValue().significant() || other.significant()) {
                        oldSignificantDisagree++;
                    }
                }
            }
            out.printf(Locale.ROOT, "the old way (first fork of each cell, JMH 99.9 %% interval): best differs in %d of %d; "
                    + "called significant in %d (A) and %d (B); a significant winner the other run does not name: %d%n",
                    oldDiffers, both, significantA, significantB, oldSignificantDisagree);
        }
        for (RunVerdicts run : List.of(a, b)) {
            singleForkClaims(run, out);
        }
        if (slowed != null) {
            problems += slowdownCheck(a, b, out);
        }
        return problems;
    }

    /**
     * What confirmation changed in one run: the same forks judged by the rule before it, and the claims that
     * rule makes on each cell's first fork alone, set against the verdicts on all forks.
     */
    private static void singleForkClaims(RunVerdicts run, PrintWriter out) {
        long unconfirmedDecided = run.unconfirmed().values().stream().filter(WorkloadVerdict::decided).count();
        out.printf(Locale.ROOT, "%s, the rule before confirmation on the same forks: %d of %d workloads decided%n",
                run.folder(), unconfirmedDecided, run.compared());
        if (run.firstForks().isEmpty()) {
            return;
        }
        int claims = 0;
        int near = 0;
        int confirmed = 0;
        int undecided = 0;
        List<String> overturned = new ArrayList<>();
        for (Map.Entry<ComparedWorkload, WorkloadVerdict> entry : run.firstForks().entrySet()) {
            WorkloadVerdict now = run.verdicts().get(entry.getKey());
            if (now == null || entry.getValue().oversubscribed()) {
                continue;
            }
            for (StrategyVerdict first : entry.getValue().ranking().strategies()) {
                if (first.status() != VerdictStatus.SLOWER) {
                    continue;
                }
                claims++;
                near += first.ratioToBest() >= 0.2 ? 1 : 0;
                StrategyVerdict after = now.ranking().of(first.strategy());
                if (after == null || after.status() == VerdictStatus.UNDECIDED) {
                    undecided++;
                } else if (after.status() == VerdictStatus.SLOWER) {
                    confirmed++;
                } else {
                    overturned.add(String.format(Locale.ROOT, "  %s: %s was slower %.3g on one fork a side, on all "
                            + "forks %s (%s)", entry.getKey().describe(), first.strategy(), first.ratioToBest(),
                            after.status().label(), describe(after)));
                }
            }
        }
        out.printf(Locale.ROOT, "  single-fork claims (the rule before confirmation on each cell's first fork): %d "
                + "strategies slower, %d of them within 5× of the best; on all forks %d confirmed slower, %d overturned "
                + "(best or equivalent now), %d undecided%n", claims, near, confirmed, overturned.size(), undecided);
        overturned.forEach(out::println);
    }

    private static boolean isOversubscribed(RunVerdicts run, ComparedWorkload workload) {
        WorkloadVerdict verdict = run.verdicts().get(workload);
        return verdict == null || verdict.oversubscribed();
    }

    /**
     * One reversed pair: run A shows {@code faster} faster than {@code slower}, run B the reverse.
     *
     * @param text one line naming both strategies in both runs, with their ratios, intervals and forks
     */
    record Contradiction(String text, String faster, String slower) {

        boolean involves(String strategy) {
            return faster.equals(strategy) || slower.equals(strategy);
        }
    }

    /**
     * The pairs X, Y that run A shows X faster than Y and run B shows Y faster than X. A run shows X faster than Y
     * when the upper bound of Y / X implied by their decided ratios to the best lies below 1 ({@link #shownFaster}).
     */
    static List<Contradiction> contradictions(ComparedWorkload workload, WorkloadVerdict a, WorkloadVerdict b) {
        List<Contradiction> found = new ArrayList<>();
        for (StrategyVerdict x : a.ranking().strategies()) {
            for (StrategyVerdict y : a.ranking().strategies()) {
                StrategyVerdict xInB = b.ranking().of(x.strategy());
                StrategyVerdict yInB = b.ranking().of(y.strategy());
                if (x == y || xInB == null || yInB == null) {
                    continue;
                }
                if (shownFaster(x, y) && shownFaster(yInB, xInB)) {
                    found.add(new Contradiction(String.format(Locale.ROOT, "%s: A shows %s faster than %s (%s / %s ≤ "
                            + "%.3g: %s; %s); B shows the reverse (%s / %s ≤ %.3g: %s; %s)", workload.describe(),
                            x.strategy(), y.strategy(), y.strategy(), x.strategy(), impliedHigh(x, y), describe(x),
                            describe(y), x.strategy(), y.strategy(), impliedHigh(yInB, xInB), describe(yInB),
                            describe(xInB)), x.strategy(), y.strategy()));
                }
            }
        }
        return found;
    }

    /**
     * Whether a run shows {@code x} faster than {@code y}: both are decided (best, equivalent or slower) and the
     * upper bound of y / x implied by their intervals to the best, y's upper over x's lower, is below 1.
     */
    static boolean shownFaster(StrategyVerdict x, StrategyVerdict y) {
        return x.status() != VerdictStatus.UNDECIDED && y.status() != VerdictStatus.UNDECIDED && impliedHigh(x, y) < 1;
    }

    /** The upper bound of y / x implied by both strategies' intervals to the best. */
    static double impliedHigh(StrategyVerdict x, StrategyVerdict y) {
        double lowX = x.status() == VerdictStatus.BEST ? 1 : x.ratioLow();
        double highY = y.status() == VerdictStatus.BEST ? 1 : y.ratioHigh();
        return highY / lowX;
    }

    /** "CHM slower 0.122 [0.061, 0.244], 1 fork" or "STAMPED_LOCK best, 5 forks". */
    private static String describe(StrategyVerdict verdict) {
        String forks = verdict.forks() + (verdict.forks() == 1 ? " fork" : " forks")
                + (verdict.forksUsed() < verdict.forks() ? " (" + verdict.forksUsed() + " used)" : "");
        if (verdict.status() == VerdictStatus.BEST) {
            return verdict.strategy() + " best, " + forks;
        }
        return String.format(Locale.ROOT, "%s %s %.3g [%.3g, %.3g], %s", verdict.strategy(), verdict.status().label(),
                verdict.ratioToBest(), verdict.ratioLow(), verdict.ratioHigh(), forks);
    }

    private int slowdownCheck(RunVerdicts a, RunVerdicts b, PrintWriter out) {
        int violations = 0;
        List<String> changed = new ArrayList<>();
        for (Map.Entry<ComparedWorkload, WorkloadVerdict> entry : a.verdicts().entrySet()) {
            WorkloadVerdict before = entry.getValue();
            WorkloadVerdict after = b.verdicts().get(entry.getKey());
            if (after == null || before.oversubscribed()) {
                continue;
            }
            StrategyVerdict slowedBefore = before.ranking().of(slowed);
            StrategyVerdict slowedAfter = after.ranking().of(slowed);
            if (slowedBefore == null || slowedAfter == null) {
                continue;
            }
            if (decidedVerdictChanged(before, after)) {
                boolean led = leads(slowedBefore);
                changed.add(entry.getKey().describe() + ": " + slowed + " was " + slowedBefore.status().label()
                        + ", now " + slowedAfter.status().label() + (led ? "" : "  <-- it did not lead here"));
                violations += led ? 0 : 1;
            }
            if (rank(slowedAfter) < rank(slowedBefore) && slowedAfter.status() != VerdictStatus.UNDECIDED
                    && slowedBefore.status() != VerdictStatus.UNDECIDED) {
                out.printf("  %s: %s ranks higher when slowed (%s -> %s)%n", entry.getKey().describe(), slowed,
                        slowedBefore.status().label(), slowedAfter.status().label());
                violations++;
            }
        }
        out.printf(Locale.ROOT, "slowed %s: decided verdicts changed in %d workloads, %d where it did not lead or where "
                + "it ranks higher%n", slowed, changed.size(), violations);
        changed.forEach(line -> out.println("  " + line));
        return violations;
    }

    /**
     * The best changed with both decided, or a strategy moved between best-or-equivalent and slower with
     * ratio intervals that exclude each other. "Equivalent within ±10 %" and "slower" both hold for a ratio
     * of 0.93; when the two runs' intervals overlap (0.90–1.07 and 0.86–0.9999, measured), the second run
     * refined the first rather than changed it.
     */
    static boolean decidedVerdictChanged(WorkloadVerdict before, WorkloadVerdict after) {
        if (before.decided() && after.decided()
                && !before.ranking().best().strategy().equals(after.ranking().best().strategy())) {
            return true;
        }
        for (StrategyVerdict one : before.ranking().strategies()) {
            StrategyVerdict now = after.ranking().of(one.strategy());
            if (now != null && ((leads(one) && now.status() == VerdictStatus.SLOWER)
                    || (one.status() == VerdictStatus.SLOWER && leads(now)))
                    && (one.ratioHigh() < now.ratioLow() || now.ratioHigh() < one.ratioLow())) {
                return true;
            }
        }
        return false;
    }

    private static boolean leads(StrategyVerdict verdict) {
        return verdict.status() == VerdictStatus.BEST || verdict.status() == VerdictStatus.EQUIVALENT;
    }

    private static int rank(StrategyVerdict verdict) {
        return switch (verdict.status()) {
            case BEST -> 0;
            case EQUIVALENT -> 1;
            case UNDECIDED -> 2;
            case SLOWER -> 3;
        };
    }

    /** Runs the command with the given streams; returns the exit status (used by tests). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new RerunCheck()).setOut(out).setErr(err).execute(args);
    }

    /** Entry point of scripts/rerun-check. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
