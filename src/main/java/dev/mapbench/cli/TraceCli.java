package dev.mapbench.cli;

import dev.mapbench.recorder.Trace;
import dev.mapbench.recorder.TraceFile;
import dev.mapbench.results.Json;
import dev.mapbench.trace.TraceProfile;
import dev.mapbench.trace.TwitterTraceImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code scripts/trace import --format twitter <in.csv> <out> | profile <file>}: a public trace turned into a
 * mapbench trace, and a trace's profile (operation mix, keys, threads, skew, closest preset). A bad input is one
 * line {@code error: <file>: byte <offset>: <problem>} (a CSV: {@code line <n>}) and exit 2.
 */
@Command(name = "trace", mixinStandardHelpOptions = true, description = "Traces: import a public trace, profile one.",
        subcommands = {TraceCli.Import.class, TraceCli.Profile.class})
public final class TraceCli implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** {@code import --format twitter <in.csv> <out>}. */
    @Command(name = "import", description = "Converts a public trace into a mapbench trace file.")
    static final class Import implements Callable<Integer> {
        @Option(names = "--format", required = true, description = "the input's format: twitter (Twitter's cache-trace CSV)")
        String format;

        @Parameters(index = "0", paramLabel = "<in>")
        Path input;

        @Parameters(index = "1", paramLabel = "<out>")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!format.equalsIgnoreCase(TwitterTraceImporter.FORMAT)) {
                return fail(spec, "--format: '" + format + "' is not a format this tool imports; allowed: twitter");
            }
            try {
                Trace trace = TwitterTraceImporter.read(input);
                TraceFile.write(trace, output);
                out.printf(Locale.ROOT, "%s: %d events, %d threads, %d keys -> %s%n", input, trace.events(),
                        trace.threads().size(), trace.keys().size(), output);
                out.flush();
                return 0;
            } catch (IOException e) {
                return fail(spec, message(e));
            }
        }
    }

    /** {@code profile <file> [--json <out>]}. */
    @Command(name = "profile", description = "A trace's operations (count, share), distinct keys, threads, skew and "
            + "closest preset.")
    static final class Profile implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<file>")
        Path file;

        @Option(names = "--json", paramLabel = "<out>", description = "also write the profile as JSON there")
        Path json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                TraceProfile profile = TraceProfile.of(file.toString(), TraceFile.read(file));
                profile.lines().forEach(out::println);
                out.flush();
                if (json != null) {
                    dev.mapbench.results.AtomicFile.write(json, Json.pretty(profile) + "\n");
                }
                return 0;
            } catch (IOException e) {
                return fail(spec, message(e));
            }
        }
    }

    /** An I/O error's line: a missing file says so, a format error already names the file and the offset. */
    private static String message(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? e.getMessage() + ": no such file" : e.getMessage();
    }

    private static int fail(CommandLine.Model.CommandSpec spec, String message) {
        spec.commandLine().getErr().println("error: " + message);
        spec.commandLine().getErr().flush();
        return 2;
    }

    /** Runs the command with the given streams; returns the exit status (tests call it). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new TraceCli()).setOut(out).setErr(err).execute(args);
    }

    /** Entry point of scripts/trace. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }
}
