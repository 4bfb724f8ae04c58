package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategy;
import dev.mapbench.maps.StrategyGroup;
import dev.mapbench.results.EnvJson;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench.strategies}, {@code bench.classpath} and {@code bench.unsafe}: plug-ins resolve when the run
 * is set up, so a typo or a class that cannot be a strategy is one clear error before anything runs. The
 * JDK's own {@code ConcurrentMap}s serve as plug-ins here: they are on every class path.
 */
class PluginSettingsTest {

    @TempDir
    Path temp;

    private static BenchSettings settings(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return BenchSettings.from(properties, 2);
    }

    private static String error(String... keyValues) {
        return assertThrows(IllegalArgumentException.class, () -> settings(keyValues)).getMessage();
    }

    @Test
    void byDefaultTheFullEffortRunsEveryConstantAndTheLibraryStrategiesAreAmongThem() {
        List<Strategy> strategies = settings("bench.effort", "full").strategies();
        assertEquals(List.of(MapStrategy.values()), strategies);
        assertEquals(List.of(MapStrategy.CAFFEINE, MapStrategy.NON_BLOCKING_HASHMAP, MapStrategy.PERSISTENT_COPY_ON_WRITE),
                strategies.stream().filter(s -> s.group() == StrategyGroup.LIBRARY).toList());
    }

    @Test
    void aConcurrentMapClassIsAPluginAfterTheConstantsWhateverTheOrderGiven() {
        List<Strategy> strategies = settings("bench.strategies",
                "java.util.concurrent.ConcurrentSkipListMap,COPY_ON_WRITE,CONCURRENT_HASHMAP").strategies();
        assertEquals(List.of("CONCURRENT_HASHMAP", "COPY_ON_WRITE", "java.util.concurrent.ConcurrentSkipListMap"),
                strategies.stream().map(Strategy::name).toList());
        Strategy plugin = strategies.get(2);
        assertEquals(StrategyGroup.PLUGIN, plugin.group());
        assertTrue(plugin.threadSafe());
        assertEquals(1, plugin.<Integer>create(8).put(3L, 1) == null ? 1 : 0, "a working map");
    }

    @Test
    void aClassThatIsNoConcurrentMapIsRefusedWithWhatAPluginMustBe() {
        String message = error("bench.strategies", "java.util.HashMap");
        assertTrue(message.startsWith("bench.strategies: java.util.HashMap does not implement "
                + "java.util.concurrent.ConcurrentMap (a plug-in is a ConcurrentMap with a public no-argument or int "
                + "constructor, or a dev.mapbench.maps.StrategyProvider listed in META-INF/services)"), message);
    }

    @Test
    void anUnknownClassNamesTheClassPathItWasLookedFor() {
        String message = error("bench.strategies", "org.example.Missing");
        assertTrue(message.startsWith("bench.strategies: 'org.example.Missing': no such class on the class path"), message);
        assertTrue(message.endsWith("; bench.classpath is none"), message);
    }

    @Test
    void aMissingClasspathEntryIsOneClearError() {
        Path missing = temp.resolve("team.jar");
        assertEquals("bench.classpath: '" + missing + "' is not there (" + missing + ")",
                error("bench.classpath", missing.toString()));
    }

    @Test
    void classpathEntriesBecomeAbsoluteAndAreAppendedOnceToTheForksPath() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("classes"));
        PluginClasspath classpath = settings("bench.classpath", folder + File.pathSeparator + folder).plugins();
        assertEquals(List.of(folder.toAbsolutePath()), classpath.entries());
        assertEquals("a.jar" + File.pathSeparator + folder.toAbsolutePath(), classpath.appendTo("a.jar"));
        String already = "a.jar" + File.pathSeparator + folder.toAbsolutePath();
        assertEquals(already, classpath.appendTo(already), "not added twice");
    }

    @Test
    void onlyPluginsOfThisRunCanBeMarkedUnsafe() {
        assertTrue(error("bench.strategies", "CONCURRENT_HASHMAP", "bench.unsafe", "CONCURRENT_HASHMAP")
                .startsWith("bench.unsafe: 'CONCURRENT_HASHMAP' is not a plug-in of this run; only plug-ins can be marked"));
        assertEquals("bench.unsafe: 'org.example.Other' is not a plug-in of this run (name it in bench.strategies)",
                error("bench.strategies", "java.util.concurrent.ConcurrentHashMap", "bench.unsafe", "org.example.Other"));
    }

    @Test
    void anUnsafePluginRunsOnlyReadOnlyCellsAndEnvJsonSaysSo() {
        BenchSettings settings = settings("bench.effort", "smoke", "bench.strategies",
                "CONCURRENT_HASHMAP,java.util.concurrent.ConcurrentHashMap", "bench.unsafe",
                "java.util.concurrent.ConcurrentHashMap");
        Strategy plugin = settings.strategies().get(1);
        assertFalse(plugin.threadSafe());
        assertEquals(List.of(100), settings.matrix().stream().filter(c -> plugin.equals(c.strategy()))
                .map(Cell::readPercent).distinct().toList());
        EnvJson.Plan plan = Environment.plan(settings, "smoke", 1, settings.matrixTiming(), 2, null);
        assertEquals(Map.of("CONCURRENT_HASHMAP", "jdk", "java.util.concurrent.ConcurrentHashMap", "plugin"),
                plan.strategyGroups());
        assertEquals(List.of("java.util.concurrent.ConcurrentHashMap"), plan.unsafePlugins());
        assertEquals(List.of(), plan.pluginClasspath());
    }

    @Test
    void cellIdsOfAPluginCarryItsQualifiedName() {
        Cell cell = settings("bench.effort", "smoke", "bench.strategies", "java.util.concurrent.ConcurrentHashMap")
                .matrix().stream().filter(c -> !c.isCalibration()).findFirst().orElseThrow();
        assertEquals("java.util.concurrent.ConcurrentHashMap-r100-s100-UNIFORM-t1", cell.id());
        assertEquals("java.util.concurrent.ConcurrentHashMap", cell.params().get("strategy"));
    }
}
