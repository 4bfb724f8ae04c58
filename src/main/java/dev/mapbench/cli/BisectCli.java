package dev.mapbench.cli;

import dev.mapbench.ab.AbDecision;
import dev.mapbench.ab.AbPlan;
import dev.mapbench.ab.bisect.BisectHtml;
import dev.mapbench.ab.bisect.BisectJson;
import dev.mapbench.ab.bisect.BisectPlan;
import dev.mapbench.ab.bisect.BisectRender;
import dev.mapbench.ab.bisect.BisectResult;
import dev.mapbench.ab.bisect.Bisection;
import dev.mapbench.ab.bisect.CommitRange;
import dev.mapbench.ab.bisect.ForkMachine;
import dev.mapbench.results.AbJson;
import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.BadInputException;
import dev.mapbench.runner.BenchProperty;
import dev.mapbench.runner.Cell;
import dev.mapbench.runner.CellTiming;
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
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/bisect <good-ref> <bad-ref>}: confirms a regression at the ends with an A/B, then bisects the
 * first-parent commits between them on this machine ({@link Bisection}). The text output's last line is
 * {@code first bad commit: <hash>}, {@code not reproduced} or {@code undecided between <hash> and <hash>}.
 * Exit 0: found, or not reproduced; 1: a culprit named but not certain, or undecided; 2: bad input (one line
 * {@code error: ...}, nothing written); 3: the machine was unstable (the ruler moved).
 */
@Command(name = "bisect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Bisects a regression between two git refs on this machine: an A/B of the ends confirms it,",
            "then each step measures the first-parent midpoint interleaved with both ends' trees and answers same as",
            "good, same as bad or unknown (forks double while unknown, up to --max-forks). -Dbench.* chooses the cells",
            "as for scripts/ab; any other -D goes to every fork.",
            "Exit codes: 0 found or not reproduced, 1 not certain or undecided, 2 bad input, 3 machine unstable."})
public final class BisectCli implements Callable<Integer> {

    @Mixin
    GateOptions gate = new GateOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "<good-ref>", description = "a commit without the regression")
    String goodRef;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<bad-ref>", description = "a later commit with it")
    String badRef;

    @Option(names = "--regressed-in", paramLabel = "DIR",
            description = "bisect only the cells an A/B folder (its ab.json) found regressed, e.g. the nightly's")
    Path regressedIn;

    @Option(names = "--forks", defaultValue = "6", description = "forks a side of a first measurement (default ${DEFAULT-VALUE})")
    int forks;

    @Option(names = "--max-forks", defaultValue = "24",
            description = "forks a side double while a step is unknown, up to this (default ${DEFAULT-VALUE})")
    int maxForks;

    @Option(names = "--seed", description = "seed of every measurement's order (default: drawn and recorded)")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default results/bisect/<time>-<refs>)")
    Path out;

    @Option(names = "--dry-run", description = "print the plan (steps, forks, estimated time) and exit")
    boolean dryRun;

    private PrintStream console;

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        BisectCli cli = new BisectCli();
        cli.console = out;
        return GateOptions.commandLine(cli, out, err, BisectResult.BAD_INPUT).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (goodRef == null || badRef == null) {
            throw new BadInputException(Path.of("(arguments)"), "need <good-ref> <bad-ref>");
        }
        Bisection.Settings settings = settings();
        AbPlan plan = plan();
        Path repo = gate.repository.toAbsolutePath().normalize();
        CommitRange range = CommitRange.of(repo, goodRef, badRef);
        Path target = out != null ? out : Path.of("results", "bisect", DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + safe(goodRef) + "-" + safe(badRef));
        if (Files.exists(target)) {
            throw new BadInputException(target, "already exists; choose another --out");
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        if (!dryRun && Files.exists(partial)) {
            throw new BadInputException(partial, "left by an earlier bisection that did not finish; remove it first");
        }
        console.printf(Locale.ROOT, "bisect: good %s (%s) .. bad %s (%s): %d first-parent commits, seed %d%n", goodRef,
                range.good().shortHash(), badRef, range.bad().shortHash(), range.commits().size(), settings.seed());
        new BisectPlan(range.commits().size(), plan, settings).lines().forEach(console::println);
        if (dryRun) {
            plan.cells().stream().map(Cell::id).forEach(id -> console.println("  " + id));
            return BisectResult.FOUND;
        }
        Files.createDirectories(partial);
        BisectResult result;
        try (ForkMachine machine = new ForkMachine(repo, partial, settings.seed(), gate.forkProperties(), console)) {
            result = new Bisection(machine, plan, settings, console).run(range);
        }
        String text = BisectRender.text(result);
        String markdown = BisectRender.markdown(result);
        AtomicFile.write(partial.resolve("bisect.txt"), text);
        AtomicFile.write(partial.resolve("bisect.md"), markdown);
        AtomicFile.write(partial.resolve("bisect.html"), BisectHtml.render(result));
        AtomicFile.write(partial.resolve("bisect.json"), BisectJson.write(result));
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        if (gate.summaryFile != null) {
            Files.writeString(gate.summaryFile, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        console.println("bisect: " + target);
        console.println();
        console.print(text);
        return result.exitCode();
    }

    private Bisection.Settings settings() throws BadInputException {
        try {
            AbDecision.Settings decision = gate.decision();
            long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1L << 40);
            return new Bisection.Settings(forks, maxForks, decision, chosenSeed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(Path.of("(options)"), e.getMessage());
        }
    }

    /** The ends' cells: the A/B's plan of the -Dbench.* options, only the regressed ones with --regressed-in. */
    private AbPlan plan() throws BadInputException, IOException {
        Properties bench = gate.cellProperties();
        CellTiming timing = gate.timing(forks);
        if (regressedIn == null) {
            return AbPlan.from(bench, Runtime.getRuntime().availableProcessors(), forks, timing);
        }
        List<String> ids = regressedCells();
        // The regressed cells are the selection: whatever read percents the A/B planned, these are the ones.
        bench.setProperty(BenchProperty.INCLUDE.key(), "^(" + String.join("|", ids.stream().map(java.util.regex.Pattern::quote)
                .toList()) + ")$");
        try {
            return AbPlan.from(bench, Runtime.getRuntime().availableProcessors(), forks, timing).keeping(ids);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(regressedIn.resolve("ab.json"), "its regressed cells are not planned by these "
                    + "-Dbench.* options (" + e.getMessage() + "); give the A/B's sizes, threads and strategies, e.g. "
                    + "the nightly's -Dbench.effort=default -Dbench.threads=1,2");
        }
    }

    private List<String> regressedCells() throws BadInputException, IOException {
        Path abJson = regressedIn.resolve(AbJson.FILE);
        if (!Files.exists(abJson)) {
            throw new BadInputException(regressedIn, "not an A/B folder (no ab.json)");
        }
        List<String> ids = AbJson.read(abJson).regressedCells();
        if (ids == null) {
            throw new BadInputException(abJson, "names no regressedCells (written by an older scripts/ab?)");
        }
        if (ids.isEmpty()) {
            throw new BadInputException(abJson, "regressed no cell: nothing to bisect");
        }
        return ids;
    }

    private static String safe(String ref) {
        return ref.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
