package dev.mapbench.ab;

import dev.mapbench.runner.Cell;
import dev.mapbench.runner.CellTiming;
import dev.mapbench.runner.ForkSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that runs one fork of one cell on one side: JMH's own command line
 * ({@code org.openjdk.jmh.Main}) on that side's class path, so it works for any ref that has the
 * benchmark classes, whatever its runner looks like.
 *
 * <p>The arguments are the cell's {@link ForkSpec} rendered for JMH's command line, the very run the runner
 * makes (its JVM arguments, the cell's own such as the unsafe plug-in guard), with one fork and the side's own
 * {@code -D} properties ({@code --candidate -Dmapbench.slowdown=...}) appended to the fork's JVM arguments: a
 * property given to the host JVM alone would never reach the fork. The host gets {@code -Djmh.ignoreLock=true}
 * because the A/B holds the machine-wide JMH lock for all its forks.
 */
final class ForkCommand {

    private ForkCommand() {
    }

    /** The argument list: java, class path, JMH main, one fork of {@code cell}, JSON result to {@code resultFile}. */
    static List<String> of(Path javaExecutable, String classPath, Cell cell, CellTiming timing,
            List<String> sideProperties, Path resultFile) {
        List<String> command = new ArrayList<>(List.of(javaExecutable.toString(), "-Djmh.ignoreLock=true", "-cp",
                classPath, "org.openjdk.jmh.Main"));
        command.addAll(cell.forkSpec(timing.withForks(1)).appending(sideProperties).toArguments());
        command.addAll(List.of("-rf", "json", "-rff", resultFile.toString()));
        return command;
    }

    /** The java of this JVM: both sides fork the same JDK, so the JVM is not a difference between them. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
