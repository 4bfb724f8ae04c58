package dev.mapbench.cli;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.workload.Presets;
import dev.mapbench.workload.WorkloadFile;
import dev.mapbench.workload.WorkloadSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code scripts/workload list | show <preset> | check <file>}: the named workloads, as files to copy and edit,
 * and a workload file checked without measuring. {@code check} exits 0 for a good file, 2 with one line
 * {@code error: <file>: <field>: <problem>; allowed: ...} for a bad one.
 */
@Command(name = "workload", mixinStandardHelpOptions = true, description = "Named workloads: list the presets, show one "
        + "as a file, check a workload file.", subcommands = {WorkloadCli.ListPresets.class, WorkloadCli.Show.class,
                WorkloadCli.Check.class})
public final class WorkloadCli implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code list}: every preset with its source. */
    @Command(name = "list", description = "The presets, one a line, with their source.")
    static final class ListPresets implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (WorkloadSpec preset : Presets.all()) {
                out.printf(Locale.ROOT, "%-16s %s%n", preset.name(), preset.source());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code show <preset>}: the preset as a workload file. */
    @Command(name = "show", description = "A preset as a workload file, to copy and edit.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "<preset>")
        String name;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try {
                spec.commandLine().getOut().print(WorkloadFile.write(Presets.named(name)));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code check <file>}: reads and checks a file, and says what a run would measure. */
    @Command(name = "check", description = "Checks a workload file without measuring: exit 0 and a summary, or exit 2 "
            + "and one error line.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "<file>")
        Path file;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                WorkloadSpec workload = WorkloadFile.read(file);
                List<String> refusing = new ArrayList<>();
                for (MapStrategy strategy : MapStrategy.safeStrategies()) {
                    if (!strategy.create(1, Long.class).operations().containsAll(workload.operations())) {
                        refusing.add(strategy.name());
                    }
                }
                out.printf(Locale.ROOT, "%s: workload %s, %s%s, %d keys (%s), %s, %s%s%n", file, workload.name(),
                        workload.hasRoles() ? "roles " + workload.describeRoles() : WorkloadSpec.describeMix(workload.mix()),
                        workload.grows() ? ", growing" : "", workload.size(), workload.keyType().label(),
                        workload.distribution().label(), workload.presized() ? "presized" : "default capacity",
                        refusing.isEmpty() ? "" : "; not run on " + String.join(", ", refusing));
                out.println("ok: run it with mvn verify -Pbench -Dbench.workload=" + file);
                out.flush();
                return 0;
            } catch (IllegalArgumentException | IOException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 2;
            }
        }
    }

    /** Runs the command with the given streams; returns the exit status (tests call it). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new WorkloadCli()).setOut(out).setErr(err).execute(args);
    }

    /** Entry point of scripts/workload. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
