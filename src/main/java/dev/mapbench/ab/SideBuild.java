package dev.mapbench.ab;

import dev.mapbench.results.BadInputException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One side of an A/B built from a git ref: a detached {@code git worktree} in a temporary folder,
 * compiled with {@code mvn -q -B -DskipTests process-classes}, whose classes and dependencies are the
 * class path every fork of that side runs on. {@link #close()} removes the work tree, also after a failure.
 */
public final class SideBuild implements AutoCloseable {

    /** What the JMH annotation processor writes: without it a ref has no benchmarks to run. */
    static final String BENCHMARK_LIST = "target/classes/META-INF/BenchmarkList";

    private final Path repository;
    private final Path workTree;
    private final String ref;
    private final String commit;
    private String classPath;

    private SideBuild(Path repository, Path workTree, String ref, String commit) {
        this.repository = repository;
        this.workTree = workTree;
        this.ref = ref;
        this.commit = commit;
    }

    /** The full commit id {@code ref} names in {@code repository}; bad input when it names none. */
    public static String resolve(Path repository, String ref) throws IOException, BadInputException {
        if (ref == null || ref.isBlank() || ref.startsWith("-")) {
            throw new BadInputException(Path.of(String.valueOf(ref)), "not a git ref");
        }
        Processes.Result result = Processes.run(repository, 30,
                List.of("git", "rev-parse", "--verify", "--quiet", ref + "^{commit}"));
        if (result.exit() != 0 || !result.output().matches("[0-9a-f]{40}")) {
            throw new BadInputException(Path.of(ref), "not a commit in " + repository.toAbsolutePath()
                    + " (git rev-parse found none)");
        }
        return result.output();
    }

    /** Checks out {@code commit} into {@code parent}/{@code name} and builds it; the work tree is removed on failure. */
    public static SideBuild build(Path repository, String ref, String commit, Path parent, String name, PrintStream log)
            throws IOException, BadInputException {
        return build(repository, ref, commit, parent, name, log, "ab: ");
    }

    /** The same, its progress lines starting with {@code prefix} (a bisection's {@code "bisect: "}). */
    public static SideBuild build(Path repository, String ref, String commit, Path parent, String name, PrintStream log,
            String prefix) throws IOException, BadInputException {
        Path workTree = parent.resolve(name);
        Processes.Result added = Processes.run(repository, 120,
                List.of("git", "worktree", "add", "--detach", workTree.toString(), commit));
        if (added.exit() != 0) {
            throw new IOException("git worktree add for " + ref + " failed: " + added.output());
        }
        SideBuild side = new SideBuild(repository, workTree, ref, commit);
        try {
            side.compile(log, prefix);
            return side;
        } catch (IOException | BadInputException | RuntimeException e) {
            side.close();
            throw e;
        }
    }

    private void compile(PrintStream log, String prefix) throws IOException, BadInputException {
        log.printf("%sbuilding %s (%s) in %s%n", prefix, ref, commit.substring(0, 12), workTree);
        long start = System.nanoTime();
        Processes.Result maven = Processes.run(workTree, 1800,
                List.of(maven(), "-q", "-B", "-DskipTests", "process-classes"));
        if (maven.exit() != 0) {
            throw new BadInputException(Path.of(ref), "does not build (mvn process-classes exit " + maven.exit()
                    + "): " + lastLines(maven.output(), 5));
        }
        if (!Files.exists(workTree.resolve(BENCHMARK_LIST))) {
            throw new BadInputException(Path.of(ref), "has no JMH benchmarks (" + BENCHMARK_LIST + " missing)");
        }
        Path dependencies = workTree.resolve("target/classpath.txt");
        if (!Files.exists(dependencies)) {
            throw new BadInputException(Path.of(ref), "build wrote no target/classpath.txt (the runner's class path)");
        }
        classPath = workTree.resolve("target/classes") + java.io.File.pathSeparator
                + Files.readString(dependencies, StandardCharsets.UTF_8).strip();
        log.printf("%sbuilt %s in %.0f s%n", prefix, ref, (System.nanoTime() - start) / 1e9);
    }

    private static String maven() {
        String override = System.getenv("MAPBENCH_MVN");
        return override == null || override.isBlank() ? "mvn" : override;
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** The ref as the user gave it. */
    public String ref() {
        return ref;
    }

    /** The commit the ref named when the A/B started. */
    public String commit() {
        return commit;
    }

    /** The side's work tree (its sources, for env.json's git fields). */
    public Path workTree() {
        return workTree;
    }

    /** Classes plus dependencies of this side's build. */
    public String classPath() {
        return classPath;
    }

    /** Removes the work tree; a folder git does not know any more is deleted by hand. */
    @Override
    public void close() throws IOException {
        Processes.run(repository, 120, List.of("git", "worktree", "remove", "--force", workTree.toString()));
        if (Files.exists(workTree)) {
            try (Stream<Path> paths = Files.walk(workTree)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
            Processes.run(repository, 60, List.of("git", "worktree", "prune"));
        }
    }
}
