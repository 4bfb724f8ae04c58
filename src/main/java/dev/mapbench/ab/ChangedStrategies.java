package dev.mapbench.ab;

import dev.mapbench.maps.DeliberatelySlowedMap;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.SharedMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which strategies a change touches, for the pull-request A/B: {@code scripts/pr-strategies <base-ref>}
 * prints them comma-separated (always with {@link MapStrategy#CONCURRENT_HASHMAP}, the reference).
 *
 * <p>A strategy is touched when a changed file under {@code src/main/java/dev/mapbench/maps/} is its
 * implementation class or a class that implementation reaches through the sources of {@code maps/}
 * (e.g. {@code GuardedLongMap} for {@code WRAPPER_LAYER}, {@code HashMaps} for every HashMap-backed
 * one). A change to the registry, the benchmark harness ({@code src/jmh/java}), the build, or a
 * {@code maps/} class no strategy reaches touches every thread-safe strategy. Other files touch none.
 */
public final class ChangedStrategies {

    static final String MAPS = "src/main/java/dev/mapbench/maps/";
    /** Files whose change touches every strategy: the registry, the interface, the slowdown, harness, build. */
    static final List<String> EVERYTHING = List.of(MAPS + "MapStrategy.java", MAPS + "SharedMap.java",
            "src/jmh/java/", "pom.xml");

    private ChangedStrategies() {
    }

    /** Prints the strategies touched by the files listed (one a line) on standard input. */
    public static void main(String[] args) throws IOException {
        Path repository = Path.of(args.length > 0 ? args[0] : ".");
        List<String> changed = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
        System.out.println(String.join(",", touched(changed, sources(repository.resolve(MAPS)))));
    }

    /**
     * The source text of every class in {@code maps/}, by simple name, without its comments: a class reaches
     * another by using it in code, not by naming it in a Javadoc comparison.
     */
    static Map<String, String> sources(Path mapsFolder) throws IOException {
        Map<String, String> sources = new HashMap<>();
        if (Files.isDirectory(mapsFolder)) {
            try (Stream<Path> files = Files.list(mapsFolder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    sources.put(file.getFileName().toString().replace(".java", ""), withoutComments(Files.readString(file)));
                }
            }
        }
        return sources;
    }

    /** Java source with its block and line comments removed. */
    static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    /** The touched strategies in registry order, CONCURRENT_HASHMAP always among them; empty when none. */
    static Set<String> touched(List<String> changedFiles, Map<String, String> sources) {
        Set<MapStrategy> touched = new LinkedHashSet<>();
        Set<String> changedClasses = new LinkedHashSet<>();
        for (String file : changedFiles) {
            if (EVERYTHING.stream().anyMatch(file::startsWith)) {
                touched.addAll(MapStrategy.safeStrategies());
            } else if (file.startsWith(MAPS) && file.endsWith(".java")) {
                changedClasses.add(file.substring(MAPS.length(), file.length() - ".java".length()));
            }
        }
        Set<String> claimed = new LinkedHashSet<>();
        for (MapStrategy strategy : MapStrategy.safeStrategies()) {
            Set<String> reached = reach(implementation(strategy), sources);
            for (String changed : changedClasses) {
                if (reached.contains(changed)) {
                    touched.add(strategy);
                    claimed.add(changed);
                }
            }
        }
        for (String changed : changedClasses) {
            if (!claimed.contains(changed) && !unsafeOnly(changed, sources)) {
                touched.addAll(MapStrategy.safeStrategies()); // shared code no strategy claims: measure all
            }
        }
        if (touched.isEmpty()) {
            return Set.of();
        }
        touched.add(MapStrategy.CONCURRENT_HASHMAP);
        Set<String> names = new LinkedHashSet<>();
        for (MapStrategy strategy : MapStrategy.values()) {
            if (touched.contains(strategy)) {
                names.add(strategy.name());
            }
        }
        return names;
    }

    /** Whether a class is reached only from strategies that are not thread-safe (never in the PR set). */
    private static boolean unsafeOnly(String changed, Map<String, String> sources) {
        for (MapStrategy strategy : MapStrategy.values()) {
            if (!strategy.threadSafe() && reach(implementation(strategy), sources).contains(changed)) {
                return true;
            }
        }
        return false;
    }

    /** The class a strategy's map is, without the slowdown decorator. */
    static String implementation(MapStrategy strategy) {
        SharedMap<Long, Object> map = strategy.create(16);
        Object inner = map instanceof DeliberatelySlowedMap<?, ?> slowed ? slowed.delegate() : map;
        return inner.getClass().getSimpleName();
    }

    /** Every maps/ class reachable from {@code start} by names mentioned in the sources. */
    static Set<String> reach(String start, Map<String, String> sources) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (!reached.add(name)) {
                continue;
            }
            String source = sources.getOrDefault(name, "");
            for (String other : sources.keySet()) {
                if (!reached.contains(other) && Pattern.compile("\\b" + Pattern.quote(other) + "\\b").matcher(source)
                        .find()) {
                    todo.push(other);
                }
            }
        }
        return reached;
    }
}
