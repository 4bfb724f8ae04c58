package dev.mapbench.cli;

import dev.mapbench.ab.AbDecision;
import dev.mapbench.ab.AbPlan;
import dev.mapbench.ab.AbRunner;
import dev.mapbench.ab.AbSummary;
import dev.mapbench.ab.CellLabels;
import dev.mapbench.ab.Side;
import dev.mapbench.ab.SideBuild;
import dev.mapbench.cli.CompareCli;
import dev.mapbench.compare.HistoryCsv;
import dev.mapbench.compare.RunSide;
import dev.mapbench.compare.RunSideReader;
import dev.mapbench.report.html.AbHtml;
import dev.mapbench.report.model.AbReport;
import dev.mapbench.report.model.Numbers;
import dev.mapbench.report.text.AbMarkdown;
import dev.mapbench.report.text.AbText;
import dev.mapbench.results.AbJson;
import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.BadInputException;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
import dev.mapbench.runner.BenchProperty;
import dev.mapbench.runner.Cell;
import dev.mapbench.runner.CellTiming;
import dev.mapbench.runner.Environment;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/ab <baseline-ref> <candidate-ref>}: builds both git refs and compares them on this
 * machine, their forks interleaved. Exit 0: no regression; 1: regression; 2: bad input (one line
 * {@code error: ...}, nothing written); 3: the machine was unstable (the ruler differed between the sides).
 */
@Command(name = "ab", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"A/B of two git refs on this machine: both built in temporary work trees, their forks interleaved",
            "in seeded random rounds, compared per cell on fork samples. -Dbench.* chooses the cells (strategies,",
            "threads, include, effort for sizes and keys, shard); any other -D goes to both sides' forks.",
            "Exit codes: 0 no regression, 1 regression, 2 bad input, 3 machine unstable (the ruler moved)."})
public final class AbCli implements Callable<Integer> {

    @Mixin
    GateOptions gate = new GateOptions();

    private static final Pattern PROPERTY = Pattern.compile("-D([A-Za-z0-9_.$-]+)=(.*)");

    @Parameters(index = "0", arity = "0..1", paramLabel = "<baseline-ref>", description = "git ref of the baseline")
    String baselineRef;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<candidate-ref>", description = "git ref of the candidate")
    String candidateRef;

    @Option(names = "--baseline", paramLabel = "-DKEY=VALUE",
            description = "a JVM property for the baseline's forks only (repeatable)")
    List<String> baselineProperties = new ArrayList<>();

    @Option(names = "--candidate", paramLabel = "-DKEY=VALUE",
            description = "a JVM property for the candidate's forks only, e.g. -Dmapbench.slowdown=COPY_ON_WRITE:20")
    List<String> candidateProperties = new ArrayList<>();

    @Option(names = "--forks", defaultValue = "6", description = "forks a side per cell (default ${DEFAULT-VALUE})")
    int forks;

    @Option(names = "--seed", description = "seed of the interleaved order (default: drawn and recorded)")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default results/ab/<time>-<refs>)")
    Path out;

    @Option(names = "--dry-run", description = "print the plan (cells, forks, planned wall time) and exit")
    boolean dryRun;

    @Option(names = "--append-history", paramLabel = "CSV",
            description = "append the candidate's medians (with their environment) to this history CSV")
    Path history;

    @Option(names = "--merge", split = ",", paramLabel = "DIR",
            description = "decide A/B shard folders (one per machine) together instead of running")
    List<Path> merge = new ArrayList<>();

    private PrintStream console;

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        AbCli cli = new AbCli();
        cli.console = out;
        return GateOptions.commandLine(cli, out, err, AbDecision.BAD_INPUT).setAllowOptionsAsOptionParameters(true)
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        AbDecision.Settings settings = gate.decision();
        if (!merge.isEmpty()) {
            return mergeShards(settings);
        }
        if (baselineRef == null || candidateRef == null) {
            throw new BadInputException(Path.of("(arguments)"), "need <baseline-ref> <candidate-ref> (or --merge DIR,...)");
        }
        Map<Side, List<String>> sideProperties = sideProperties();
        Properties bench = gate.cellProperties();
        CellTiming timing = gate.timing(forks);
        AbPlan plan = AbPlan.from(bench, Runtime.getRuntime().availableProcessors(), forks, timing);
        Path repo = gate.repository.toAbsolutePath().normalize();
        Map<Side, String> refs = new EnumMap<>(Map.of(Side.BASELINE, baselineRef, Side.CANDIDATE, candidateRef));
        Map<Side, String> commits = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            commits.put(side, SideBuild.resolve(repo, refs.get(side)));
        }
        long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1L << 40);
        Path target = out != null ? out : Path.of("results", "ab", DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + safe(baselineRef) + "-vs-" + safe(candidateRef));
        if (Files.exists(target)) {
            throw new BadInputException(target, "already exists; choose another --out");
        }
        printPlan(plan, chosenSeed, sideProperties);
        if (dryRun) {
            return AbDecision.NO_REGRESSION;
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        if (Files.exists(partial)) {
            throw new BadInputException(partial, "left by an earlier A/B that did not finish; remove it first");
        }
        AbRunner runner = new AbRunner(repo, plan, chosenSeed, sideProperties, console);
        AbRunner.Outcome outcome = runner.run(refs, commits, partial);
        ResultSet baselineResults = JmhResultReader.read(List.of(outcome.baselineFolder()));
        RunSide baseline = RunSideReader.fromResults(baselineResults,
                RunSideReader.sideLabel(List.of(outcome.baselineFolder())));
        RunSide candidate = RunSideReader.read(List.of(outcome.candidateFolder()));
        AbDecision.Result result = AbDecision.decide(List.of(new AbDecision.Shard(plan.shard().toString(), baseline,
                candidate, outcome.rulerComparable())), settings);
        AbSummary summary = new AbSummary(baselineRef, candidateRef, commits.get(Side.BASELINE),
                commits.get(Side.CANDIDATE), sideProperties.get(Side.BASELINE), sideProperties.get(Side.CANDIDATE),
                chosenSeed, plan.forks(), plan.timingText(), plan.cells().size(),
                List.of(plan.shard().toString()), List.of(machine(plan.shard().toString())), outcome.buildSeconds(),
                outcome.measureSeconds(), outcome.meanForkSeconds(), outcome.failedForks(), notes(outcome));
        writeOutputs(partial, summary, result, plan.shard().toString(), outcome.rulerComparable(),
                CellLabels.idsByLabel(baselineResults));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        int exit = finish(target, summary, result, candidate);
        return withUnmeasured(exit, outcome.unmeasured());
    }

    /**
     * A cell whose fork timed out or corrupted its map was compared on neither side: the A/B says so by name and
     * ends non-zero (1, as a regression would: the candidate cannot be passed on cells it never finished).
     */
    int withUnmeasured(int exit, Map<String, String> unmeasured) {
        if (unmeasured.isEmpty()) {
            return exit;
        }
        Map<String, List<String>> byStatus = new java.util.TreeMap<>();
        unmeasured.forEach((cell, status) -> byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(cell));
        byStatus.forEach((status, cells) -> console.println("ab: " + status + " (compared on neither side): "
                + String.join(", ", cells)));
        return exit == AbDecision.NO_REGRESSION ? AbDecision.REGRESSION : exit;
    }

    private int finish(Path target, AbSummary summary, AbDecision.Result result, RunSide candidate)
            throws IOException, BadInputException {
        console.print(AbText.render(result.report(summary)));
        if (history != null) {
            var rows = CompareCli.historyRows(candidate, target.getFileName().toString());
            HistoryCsv.append(history, rows);
            console.println("history: appended " + rows.size() + " rows to " + history);
        }
        if (gate.summaryFile != null) {
            Files.writeString(gate.summaryFile, AbMarkdown.render(result.report(summary)), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        console.println("ab: " + target);
        return result.exitCode();
    }

    /** Decides A/B shard folders together: each shard's cells against its own ruler, one false-discovery family. */
    private int mergeShards(AbDecision.Settings settings) throws IOException, BadInputException {
        if (out == null) {
            throw new BadInputException(Path.of("--out"), "--merge needs --out DIR for the merged result");
        }
        if (Files.exists(out)) {
            throw new BadInputException(out, "already exists; choose another --out");
        }
        List<AbDecision.Shard> shards = new ArrayList<>();
        List<String> machines = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<String, String> idsByLabel = new LinkedHashMap<>();
        AbJson first = null;
        for (Path folder : merge) {
            Path abJson = folder.resolve(AbJson.FILE);
            if (!Files.exists(abJson)) {
                throw new BadInputException(folder, "not an A/B folder (no ab.json)");
            }
            AbJson ab = AbJson.read(abJson);
            first = first == null ? ab : first;
            if (!Objects.equals(ab.baselineCommit(), first.baselineCommit())
                    || !Objects.equals(ab.candidateCommit(), first.candidateCommit())) {
                throw new BadInputException(folder, "compares other commits than " + merge.get(0));
            }
            String shard = ab.shard() == null ? "1/1" : ab.shard();
            if (shards.stream().anyMatch(s -> s.name().equals(shard))) {
                throw new BadInputException(folder, "shard " + shard + " is given twice");
            }
            List<Path> baselineFolder = List.of(folder.resolve(Side.BASELINE.label()));
            ResultSet baselineResults = JmhResultReader.read(baselineFolder);
            idsByLabel.putAll(CellLabels.idsByLabel(baselineResults));
            shards.add(new AbDecision.Shard(shard, RunSideReader.fromResults(baselineResults,
                    RunSideReader.sideLabel(baselineFolder)),
                    RunSideReader.read(List.of(folder.resolve(Side.CANDIDATE.label()))),
                    ab.rulerComparable() == null || ab.rulerComparable()));
            machines.add(shard + ": " + (ab.machine() == null ? "unknown" : ab.machine()));
            if (ab.failedForks() != null) {
                ab.failedForks().forEach(line -> failed.add(shard + ": " + line));
            }
        }
        AbDecision.Result result = AbDecision.decide(shards, settings);
        AbSummary summary = new AbSummary(Objects.requireNonNullElse(first.baselineRef(), "?"),
                Objects.requireNonNullElse(first.candidateRef(), "?"), first.baselineCommit(),
                first.candidateCommit(), orEmpty(first.baselineProperties()), orEmpty(first.candidateProperties()),
                first.seed() == null ? 0 : first.seed(), first.forks() == null ? 0 : first.forks(), Objects.requireNonNullElse(first.timing(), "unknown"),
                (int) result.comparison().cells().stream().filter(c -> c.baseline().primary()).count(),
                shards.stream().map(AbDecision.Shard::name).toList(), machines,
                0, 0, 0, failed, List.of("merged from " + merge.size() + " A/B shard folders: " + merge));
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.createDirectories(partial);
        writeOutputs(partial, summary, result, String.join("+", summary.shards()), true, idsByLabel);
        Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
        RunSide firstCandidate = shards.get(0).candidate();
        RunSide candidates = new RunSide(String.join(", ", merge.stream().map(Path::toString).toList()),
                AbDecision.samples(shards, Side.CANDIDATE), firstCandidate.environment(), firstCandidate.cores(),
                firstCandidate.coresFromThisMachine());
        return finish(out, summary, result, candidates);
    }

    /** The outputs; ab.json names the regressed cells by id ({@code regressedCells}), so a bisection can plan them. */
    private void writeOutputs(Path folder, AbSummary summary, AbDecision.Result result, String shard,
            boolean rulerComparable, Map<String, String> idsByLabel) throws IOException {
        AbReport report = result.report(summary);
        AtomicFile.write(folder.resolve("ab.txt"), AbText.render(report));
        AtomicFile.write(folder.resolve("ab.md"), AbMarkdown.render(report));
        AtomicFile.write(folder.resolve("ab.html"), AbHtml.render(report));
        new AbJson(AbJson.VERSION, summary.baselineRef(), summary.candidateRef(), summary.baselineCommit(),
                summary.candidateCommit(), summary.baselineProperties(), summary.candidateProperties(), summary.seed(),
                summary.forks(), summary.timing(), summary.cells(), shard, rulerComparable,
                String.join("; ", summary.machine()), summary.buildSeconds(), summary.measureSeconds(),
                summary.meanForkSeconds(), result.exitCode(), result.outcome(), summary.failedForks(),
                result.unstableShards(), regressedIds(result, idsByLabel), Map.of()).write(folder.resolve(AbJson.FILE));
    }

    private static List<String> regressedIds(AbDecision.Result result, Map<String, String> idsByLabel) {
        return result.regressions().stream().map(cell -> idsByLabel.get(cell.cell())).filter(Objects::nonNull)
                .distinct().toList();
    }

    private void printPlan(AbPlan plan, long chosenSeed, Map<Side, List<String>> sideProperties) {
        console.printf(Locale.ROOT, "ab: %s (baseline) vs %s (candidate), shard %s, seed %d%n", baselineRef,
                candidateRef, plan.shard(), chosenSeed);
        console.printf(Locale.ROOT, "ab: %d cells (%d ruler), %d forks a side, fork = %s: %d forks, planned %s "
                        + "(%s a fork) plus two builds%n", plan.cells().size(), plan.rulerCells(), plan.forks(),
                plan.timingText(), plan.slots(), Numbers.duration(plan.plannedSeconds()),
                Numbers.seconds(plan.plannedSecondsPerFork()));
        sideProperties.forEach((side, list) -> {
            if (!list.isEmpty()) {
                console.println("ab: " + side.label() + " forks get " + String.join(" ", list));
            }
        });
        if (dryRun) {
            plan.cells().stream().map(Cell::id).forEach(id -> console.println("  " + id));
        }
    }

    /** Per side: its own {@code --baseline}/{@code --candidate} properties after the ones for both sides. */
    private Map<Side, List<String>> sideProperties() throws BadInputException {
        List<String> both = gate.forkProperties();
        Map<Side, List<String>> bySide = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<String> list = new ArrayList<>(both);
            for (String property : side == Side.BASELINE ? baselineProperties : candidateProperties) {
                Matcher matcher = PROPERTY.matcher(property);
                if (!matcher.matches()) {
                    throw new BadInputException(Path.of("--" + side.label()), "'" + property
                            + "' is not -DKEY=VALUE");
                }
                if (matcher.group(1).startsWith(BenchProperty.PREFIX)) {
                    throw new BadInputException(Path.of("--" + side.label()), matcher.group(1)
                            + " chooses cells for both sides; give it as -D" + matcher.group(1) + "=...");
                }
                list.add(property);
            }
            bySide.put(side, List.copyOf(list));
        }
        return bySide;
    }

    private static String machine(String shard) {
        return String.format(Locale.ROOT, "%s%s, %d cores, %s %s", "1/1".equals(shard) ? "" : "shard " + shard + ": ",
                Environment.cpuModel(Path.of("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"));
    }

    private static List<String> notes(AbRunner.Outcome outcome) {
        List<String> notes = new ArrayList<>();
        if (!outcome.rulerComparable()) {
            notes.add("the calibration benchmark differs between the refs: the ruler is reported, not used");
        }
        String inherited = System.getenv("MAPBENCH_SLOWDOWN");
        if (inherited != null && !inherited.isBlank()) {
            notes.add("MAPBENCH_SLOWDOWN=" + inherited + " is set in the environment: both sides' forks inherit it");
        }
        return notes;
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    private static String safe(String ref) {
        return ref.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
