package dev.mapbench.runner;

import dev.mapbench.maps.StrategyProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds the example plug-in jars the README benchmarks, from the sources in
 * {@code src/test/resources/example-plugin/}, with the JDK's own compiler:
 * <ul>
 *   <li>{@code target/example-plugin/example-map.jar}: {@code org.example.TeamMap} (a lock-striped
 *   {@code ConcurrentMap} with an {@code int} constructor) and {@code org.example.LongIdStore} behind its
 *   {@code StrategyProvider}, listed in {@code META-INF/services};</li>
 *   <li>{@code target/example-plugin/broken-map.jar}: {@code org.example.RacyMap}, check-then-act
 *   {@code put}/{@code remove}, which the linearizability gate must refuse;</li>
 *   <li>{@code target/example-plugin/hostile-maps.jar}: maps correct on Lincheck's keys and wrong only at a
 *   benchmark's size — {@code org.example.HangingMap} (its get livelocks at 50 entries),
 *   {@code org.example.CorruptingMap} (unlocked writes past 32 entries), {@code org.example.ThrowingMap} (its get
 *   throws past 50) — and {@code org.example.LicensedMap}, whose constructor throws.</li>
 * </ul>
 * Each jar is written to a temporary file and moved into place, so a reader never sees half a jar.
 */
final class ExamplePluginJars {

    static final Path SOURCES = Path.of("src", "test", "resources", "example-plugin");
    static final Path FOLDER = Path.of("target", "example-plugin");
    static final Path EXAMPLE_JAR = FOLDER.resolve("example-map.jar");
    static final Path BROKEN_JAR = FOLDER.resolve("broken-map.jar");
    static final Path HOSTILE_JAR = FOLDER.resolve("hostile-maps.jar");
    static final String HANGING_MAP = "org.example.HangingMap";
    static final String CORRUPTING_MAP = "org.example.CorruptingMap";
    static final String THROWING_MAP = "org.example.ThrowingMap";
    static final String LICENSED_MAP = "org.example.LicensedMap";
    static final String TEAM_MAP = "org.example.TeamMap";
    static final String RACY_MAP = "org.example.RacyMap";
    static final String PROVIDED = "org.example.LongIdStore";
    static final String PROVIDER_CLASS = "org.example.LongIdStoreProvider";

    private ExamplePluginJars() {
    }

    /** Compiles the examples and writes both jars; returns the folder they are in. */
    static synchronized Path build() {
        try {
            Path classes = FOLDER.resolve("classes");
            deleteRecursively(classes);
            Files.createDirectories(classes);
            compile(classes);
            Files.createDirectories(classes.resolve("META-INF/services"));
            Files.writeString(classes.resolve("META-INF/services/" + StrategyProvider.class.getName()),
                    PROVIDER_CLASS + "\n", StandardCharsets.UTF_8);
            jar(classes, EXAMPLE_JAR, List.of("org/example/TeamMap", "org/example/LongIdStore",
                    "META-INF/services/"));
            jar(classes, BROKEN_JAR, List.of("org/example/RacyMap"));
            jar(classes, HOSTILE_JAR, List.of("org/example/LockedMap", "org/example/HangingMap",
                    "org/example/CorruptingMap", "org/example/ThrowingMap", "org/example/LicensedMap"));
            return FOLDER;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: the tests need a JDK, not a JRE");
        }
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-Xlint:-options", "-d", classes.toString(),
                "-cp", mapbenchClasses().toString()));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).sorted().forEach(arguments::add);
        }
        int exit = javac.run(null, null, null, arguments.toArray(String[]::new));
        if (exit != 0) {
            throw new IllegalStateException("javac failed (exit " + exit + ") on " + SOURCES);
        }
    }

    /** Where {@code dev.mapbench.maps} was compiled to: the provider example implements its interface. */
    private static Path mapbenchClasses() {
        try {
            return Path.of(StrategyProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the files of {@code classes} whose relative path starts with one of {@code prefixes}. */
    private static void jar(Path classes, Path jar, List<String> prefixes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path staging = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
        try (OutputStream file = Files.newOutputStream(staging);
             JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> paths = Files.walk(classes)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                if (prefixes.stream().anyMatch(name::startsWith)) {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            }
        }
        Files.move(staging, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
