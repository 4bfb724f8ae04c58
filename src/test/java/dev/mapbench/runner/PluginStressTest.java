package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The stress phase after Lincheck: correct maps pass at size, the maps that break only at size are refused. */
class PluginStressTest {

    private static final List<Integer> SIZES = List.of(100);
    private static final List<Integer> THREADS = List.of(1, 4);

    @BeforeAll
    static void buildJars() {
        ExamplePluginJars.build();
    }

    private static Strategy plugin(Path jar, String name) {
        return Strategies.resolve(name, PluginClasspath.parse(jar.toString()).loader(), Set.of());
    }

    @Test
    void correctMapsKeepTheirStateAtSizeUnderWriters() {
        for (Strategy strategy : List.of(MapStrategy.CONCURRENT_HASHMAP, MapStrategy.SYNCHRONIZED_MAP,
                plugin(ExamplePluginJars.EXAMPLE_JAR, ExamplePluginJars.TEAM_MAP))) {
            PluginStress.Result result = PluginStress.check(strategy, SIZES, THREADS, 150);
            assertTrue(result.passed(), strategy + ": " + result.evidence());
        }
    }

    @Test
    void theRunsThreadCountsAreStressedWithAtLeastTwoThreads() {
        assertEquals(List.of(2, 4), PluginStress.threadCounts(List.of(1, 2, 4)));
    }

    @Test
    void aMapThatThrowsAtSizeIsCaughtWithTheException() {
        PluginStress.Result result = PluginStress.check(plugin(ExamplePluginJars.HOSTILE_JAR,
                ExamplePluginJars.THROWING_MAP), SIZES, THREADS, 150);
        assertFalse(result.passed());
        assertTrue(result.evidence().get(0).contains("index overflow"), result.evidence().toString());
    }

    @Test
    @Tag("slow") // waits out the 5 s a thread gets to come back
    void aMapThatHangsAtSizeIsCaughtWithoutHangingTheRunner() {
        PluginStress.Result result = PluginStress.check(plugin(ExamplePluginJars.HOSTILE_JAR,
                ExamplePluginJars.HANGING_MAP), SIZES, THREADS, 150);
        assertFalse(result.passed());
        assertTrue(result.evidence().get(0).contains("did not come back within 5 s"), result.evidence().toString());
        assertTrue(result.seconds() < 10, "gave up after " + result.seconds() + " s");
    }

    @Test
    void unlockedWritesPastThirtyTwoEntriesAreCaught() {
        PluginStress.Result result = PluginStress.check(plugin(ExamplePluginJars.HOSTILE_JAR,
                ExamplePluginJars.CORRUPTING_MAP), SIZES, THREADS, 400);
        assertFalse(result.passed(), "the racing unlocked writes broke the map");
    }

    @Test
    void theCheckThenActExampleIsRefusedWithItsEvidence() {
        Strategy racy = plugin(ExamplePluginJars.BROKEN_JAR, ExamplePluginJars.RACY_MAP);
        PluginStress.Result result = PluginStress.check(racy, SIZES, THREADS, 400);
        assertFalse(result.passed(), "two writers of one key were handed the same old value");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> PluginStress.admit(result,
                SIZES, THREADS, new PrintStream(console, true, StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().startsWith("bench.strategies: org.example.RacyMap passed Lincheck but broke at "
                + "the run's scale (size 100, "), refused.getMessage());
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("stress: org.example.RacyMap REFUSED"));
    }
}
