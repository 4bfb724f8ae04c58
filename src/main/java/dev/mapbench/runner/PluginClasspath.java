package dev.mapbench.runner;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code -Dbench.classpath=<jar or folder>[:...]}: a team's classes, added to the runner and to every JMH
 * fork without rebuilding mapbench.
 *
 * <p>How it reaches both. The runner loads plug-ins through {@link #loader()}, a class loader over these
 * entries whose parent is the runner's own. The forks: JMH starts each fork with {@code -cp} set to the
 * runner's {@code java.class.path} property, read when the fork starts, so {@link #installForForks()}
 * appends the entries to that property before the first cell; the footprint and the linearizability-check
 * JVMs take the same property. That works whichever way the runner was started ({@code scripts/bench},
 * {@code mvn verify -Pbench}, plain {@code java}), so neither the script nor the pom edits a class path.
 * Entries are made absolute, so a fork finds them whatever its working directory.
 */
public final class PluginClasspath {

    private static final PluginClasspath NONE = new PluginClasspath(List.of());

    private final List<Path> entries;
    private final ClassLoader loader;

    private PluginClasspath(List<Path> entries) {
        this.entries = List.copyOf(entries);
        this.loader = entries.isEmpty() ? PluginClasspath.class.getClassLoader()
                : new URLClassLoader(BenchProperty.CLASSPATH.key(), urls(entries), PluginClasspath.class.getClassLoader());
    }

    /** No plug-in classes: the runner's own class loader. */
    public static PluginClasspath none() {
        return NONE;
    }

    /**
     * Parses {@code entries} separated by {@link File#pathSeparator} (null or blank: none); each must be an
     * existing jar file or folder, else {@link IllegalArgumentException} names it.
     */
    public static PluginClasspath parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        Set<Path> entries = new LinkedHashSet<>();
        for (String part : text.split(File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path entry = Path.of(part.trim()).toAbsolutePath().normalize();
            if (Files.isDirectory(entry) || (Files.isRegularFile(entry) && entry.toString().endsWith(".jar"))) {
                entries.add(entry);
            } else {
                throw new IllegalArgumentException("'" + part.trim() + "' is " + (Files.exists(entry)
                        ? "neither a folder nor a .jar file" : "not there (" + entry + ")"));
            }
        }
        return entries.isEmpty() ? NONE : new PluginClasspath(new ArrayList<>(entries));
    }

    /** The absolute entries, in the order given. */
    public List<Path> entries() {
        return entries;
    }

    /** Loads mapbench's classes and the plug-ins': the runner resolves strategies through it. */
    public ClassLoader loader() {
        return loader;
    }

    /** {@code base} with the entries it does not hold yet appended. */
    public String appendTo(String base) {
        List<String> parts = new ArrayList<>();
        if (base != null && !base.isEmpty()) {
            parts.add(base);
        }
        Set<String> present = base == null ? Set.of() : Set.of(base.split(File.pathSeparator));
        for (Path entry : entries) {
            if (!present.contains(entry.toString())) {
                parts.add(entry.toString());
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    /** Appends the entries to {@code java.class.path}, which every JMH fork (and child JVM) is started with. */
    public void installForForks() {
        if (!entries.isEmpty()) {
            System.setProperty("java.class.path", appendTo(System.getProperty("java.class.path")));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PluginClasspath that && that.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries);
    }

    @Override
    public String toString() {
        return entries.isEmpty() ? "none" : String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    private static URL[] urls(List<Path> entries) {
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("'" + entries.get(i) + "' is not a valid path: " + e.getMessage());
            }
        }
        return urls;
    }
}
