package dev.mapbench.ab;

import dev.mapbench.runner.Cell;
import dev.mapbench.runner.CellTiming;
import dev.mapbench.runner.ForkFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command that runs one fork of one cell on one side: JMH's own command line
 * ({@code org.openjdk.jmh.Main}) on that side's class path, so it works for any ref that has the
 * benchmark classes, whatever its runner looks like.
 *
 * <p>The forked benchmark JVM gets the runner's fork arguments ({@link ForkFacts#jvmArgs()}) and, after
 * them, the side's own {@code -D} properties ({@code --candidate -Dmapbench.slowdown=...}) through JMH's
 * {@code -jvmArgsAppend}: a property given to the host JVM alone would never reach the fork. The host
 * gets {@code -Djmh.ignoreLock=true} because the A/B holds the machine-wide JMH lock for all its forks.
 */
final class ForkCommand {

    private ForkCommand() {
    }

    /** The argument list: java, class path, JMH main, one fork of {@code cell}, JSON result to {@code resultFile}. */
    static List<String> of(Path javaExecutable, String classPath, Cell cell, CellTiming timing,
            List<String> sideProperties, Path resultFile) {
        List<String> command = new ArrayList<>(List.of(javaExecutable.toString(), "-Djmh.ignoreLock=true", "-cp",
                classPath, "org.openjdk.jmh.Main", "^" + Pattern.quote(cell.benchmark()) + "$",
                "-f", "1",
                "-wi", Integer.toString(timing.warmupIterations()), "-w", timing.warmupMillis() + "ms",
                "-i", Integer.toString(timing.measurementIterations()), "-r", timing.measurementMillis() + "ms",
                "-t", Integer.toString(cell.threads())));
        for (Map.Entry<String, String> param : cell.params().entrySet()) {
            command.add("-p");
            command.add(param.getKey() + "=" + param.getValue());
        }
        command.addAll(List.of("-prof", "gc", "-jvmArgs", String.join(" ", ForkFacts.jvmArgs())));
        if (!sideProperties.isEmpty()) {
            command.add("-jvmArgsAppend");
            command.add(String.join(" ", sideProperties));
        }
        command.addAll(List.of("-foe", "true", "-rf", "json", "-rff", resultFile.toString()));
        return command;
    }

    /** The java of this JVM: both sides fork the same JDK, so the JVM is not a difference between them. */
    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
