package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.ConcurrentMapAdapter;
import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import dev.mapbench.maps.StrategyGroup;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example plug-ins the README benchmarks: built into {@code target/example-plugin/} from their sources
 * (this test is what builds them; {@code mvn verify -Pbench} runs it on its own before the runner), and
 * each is what it claims to be once loaded from its jar the way the runner loads it.
 */
class ExamplePluginJarsTest {

    @BeforeAll
    static void buildJars() {
        ExamplePluginJars.build();
    }

    @Test
    void exampleJarHoldsTheTeamMapAndTheProviderListedForServiceLoader() throws IOException {
        try (JarFile jar = new JarFile(ExamplePluginJars.EXAMPLE_JAR.toFile())) {
            assertTrue(jar.getJarEntry("org/example/TeamMap.class") != null, "TeamMap in the jar");
            assertTrue(jar.getJarEntry("org/example/LongIdStoreProvider.class") != null, "provider in the jar");
            assertEquals(null, jar.getJarEntry("org/example/RacyMap.class"), "the broken map is in its own jar");
            String services = new String(jar.getInputStream(
                    jar.getJarEntry("META-INF/services/dev.mapbench.maps.StrategyProvider")).readAllBytes());
            assertEquals(ExamplePluginJars.PROVIDER_CLASS, services.strip());
        }
        try (JarFile jar = new JarFile(ExamplePluginJars.BROKEN_JAR.toFile())) {
            assertTrue(jar.getJarEntry("org/example/RacyMap.class") != null);
            assertEquals(null, jar.getJarEntry("org/example/TeamMap.class"));
        }
    }

    @Test
    void teamMapResolvesFromItsJarAsAThreadSafePluginThatBehavesLikeAHashMap() {
        PluginClasspath classpath = PluginClasspath.parse(ExamplePluginJars.EXAMPLE_JAR.toString());
        Strategy strategy = Strategies.resolve(ExamplePluginJars.TEAM_MAP, classpath.loader(), Set.of());
        assertEquals(ExamplePluginJars.TEAM_MAP, strategy.name());
        assertEquals(StrategyGroup.PLUGIN, strategy.group());
        assertTrue(strategy.threadSafe());
        SharedMap<Long, Integer> map = strategy.create(100);
        assertEquals(ExamplePluginJars.TEAM_MAP, ((ConcurrentMapAdapter<Long, Integer>) map).delegate().getClass().getName());
        assertSequentiallyLikeHashMap(map);
    }

    @Test
    void providerIsFoundByServiceLoaderUnderItsNameAndIsInTheDefaultStrategies() {
        PluginClasspath classpath = PluginClasspath.parse(ExamplePluginJars.EXAMPLE_JAR.toString());
        List<Strategy> defaults = Strategies.defaults(classpath.loader(), Set.of());
        Strategy provided = defaults.get(defaults.size() - 1);
        assertEquals(ExamplePluginJars.PROVIDED, provided.name());
        assertEquals(StrategyGroup.PLUGIN, provided.group());
        assertSequentiallyLikeHashMap(provided.create(10));
        assertEquals(provided, Strategies.resolve(ExamplePluginJars.PROVIDED, classpath.loader(), Set.of()));
    }

    /** So the gate's refusal of it is about concurrency, not a plain bug. */
    @Test
    void racyMapIsCorrectOnOneThread() {
        PluginClasspath classpath = PluginClasspath.parse(ExamplePluginJars.BROKEN_JAR.toString());
        Strategy strategy = Strategies.resolve(ExamplePluginJars.RACY_MAP, classpath.loader(), Set.of());
        assertTrue(strategy.threadSafe(), "a plug-in claims thread safety until marked unsafe");
        assertSequentiallyLikeHashMap(strategy.create(10));
        assertFalse(Strategies.resolve(ExamplePluginJars.RACY_MAP, classpath.loader(),
                Set.of(ExamplePluginJars.RACY_MAP)).threadSafe(), "bench.unsafe marks it");
    }

    private static void assertSequentiallyLikeHashMap(SharedMap<Long, Integer> map) {
        Map<Long, Integer> reference = new HashMap<>();
        for (int step = 0; step < 500; step++) {
            long key = step % 11;
            switch (step % 3) {
                case 0 -> assertEquals(reference.put(key, step), map.put(key, step), "put at step " + step);
                case 1 -> assertEquals(reference.remove(key), map.remove(key), "remove at step " + step);
                default -> assertEquals(reference.get(key), map.get(key), "get at step " + step);
            }
            assertEquals(reference.size(), map.size(), "size at step " + step);
        }
        Map<Long, Integer> visited = new HashMap<>();
        map.forEach(visited::put);
        assertEquals(reference, visited, "forEach visits every entry");
        assertInstanceOf(SharedMap.class, map);
    }
}
