package dev.mapbench.maps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry that turns a JMH {@code strategy} param back into a strategy: constants by name, plug-ins by
 * qualified name (a provider first, then a {@code ConcurrentMap} class), and a clear reason when neither.
 */
class StrategiesTest {

    @TempDir
    Path temp;

    /** A provider the tests register through a services file in a temporary folder. */
    public static final class CountingProvider implements StrategyProvider {
        @Override
        public String name() {
            return "test.CountingStore";
        }

        @Override
        public <V> SharedMap<Long, V> create(int expectedSize) {
            return new ConcurrentMapAdapter<>(new ConcurrentHashMap<>(expectedSize));
        }
    }

    /** A provider whose name could be taken for a constant. */
    public static final class BadlyNamedProvider implements StrategyProvider {
        @Override
        public String name() {
            return "TEAM_MAP";
        }

        @Override
        public <V> SharedMap<Long, V> create(int expectedSize) {
            throw new UnsupportedOperationException();
        }
    }

    /** A ConcurrentMap with neither constructor mapbench can call. */
    public static final class NeedsArguments extends ConcurrentHashMap<Long, Object> {
        public NeedsArguments(String name, int size) {
            super(size);
        }
    }

    private ClassLoader withServices(String... providerClasses) throws IOException {
        Path services = Files.createDirectories(temp.resolve("META-INF/services"));
        Files.writeString(services.resolve(StrategyProvider.class.getName()), String.join("\n", providerClasses) + "\n",
                StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {temp.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void aConstantsNameResolvesToTheConstant() {
        for (MapStrategy strategy : MapStrategy.values()) {
            assertSame(strategy, Strategies.resolve(strategy.name()));
        }
    }

    @Test
    void anUnknownConstantNamesTheConstantsThereAre() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Strategies.resolve("TREE_MAP"));
        assertTrue(error.getMessage().startsWith("'TREE_MAP' is not one of [RWLOCK_HASHMAP, "), error.getMessage());
    }

    @Test
    void aConcurrentMapClassIsBuiltThroughItsIntConstructorElseItsNoArgumentOne() {
        Strategy sized = Strategies.resolve("java.util.concurrent.ConcurrentHashMap");
        Strategy plain = Strategies.resolve("java.util.concurrent.ConcurrentSkipListMap");
        assertEquals(StrategyGroup.PLUGIN, sized.group());
        assertInstanceOf(ConcurrentHashMap.class, ((ConcurrentMapAdapter<?, ?>) sized.create(10)).delegate());
        assertInstanceOf(ConcurrentSkipListMap.class, ((ConcurrentMapAdapter<?, ?>) plain.create(10)).delegate());
        assertEquals(sized, Strategies.resolve("java.util.concurrent.ConcurrentHashMap"), "equal by name");
    }

    @Test
    void aClassWithoutAUsableConstructorIsRefusedWithTheReason() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Strategies.resolve(NeedsArguments.class.getName()));
        assertEquals(NeedsArguments.class.getName() + " has neither a public (int) nor a public no-argument constructor",
                error.getMessage());
    }

    @Test
    void bench_unsafeMarksAPluginNotThreadSafe() {
        String name = "java.util.concurrent.ConcurrentHashMap";
        assertTrue(Strategies.resolve(name, getClass().getClassLoader(), Set.of()).threadSafe());
        assertEquals(false, Strategies.resolve(name, getClass().getClassLoader(), Set.of(name)).threadSafe());
        assertEquals(Set.of("a.B", "c.D"), Strategies.unsafeNames(" a.B, ,c.D "));
        assertEquals(Set.of(), Strategies.unsafeNames(null));
    }

    @Test
    void aProviderListedForServiceLoaderIsFoundByItsNameAndJoinsTheDefaults() throws IOException {
        ClassLoader loader = withServices(CountingProvider.class.getName());
        Strategy provided = Strategies.resolve("test.CountingStore", loader, Set.of());
        assertEquals("test.CountingStore", provided.name());
        assertEquals(StrategyGroup.PLUGIN, provided.group());
        SharedMap<Long, Integer> map = provided.create(4);
        map.put(1L, 7);
        assertEquals(7, map.get(1L));
        List<Strategy> defaults = Strategies.defaults(loader, Set.of());
        assertEquals(MapStrategy.values().length + 1, defaults.size());
        assertEquals(provided, defaults.get(defaults.size() - 1));
    }

    @Test
    void aProviderWhoseNameIsNotQualifiedIsRefused() throws IOException {
        ClassLoader loader = withServices(BadlyNamedProvider.class.getName());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Strategies.providers(loader));
        assertTrue(error.getMessage().contains(".name() is 'TEAM_MAP': a provider's name must be a qualified name"),
                error.getMessage());
    }

    @Test
    void aProviderThatCannotLoadIsOneClearError() throws IOException {
        ClassLoader loader = withServices("org.example.NotThere");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Strategies.providers(loader));
        assertTrue(error.getMessage().startsWith("a StrategyProvider failed to load: "), error.getMessage());
    }

    @Test
    void theAdapterPassesEveryCallToTheMap() {
        ConcurrentHashMap<Long, Integer> raw = new ConcurrentHashMap<>();
        SharedMap<Long, Integer> map = new ConcurrentMapAdapter<>(raw);
        assertEquals(null, map.put(1L, 1));
        assertEquals(1, map.put(1L, 2));
        assertEquals(2, raw.get(1L));
        assertEquals(1, map.size());
        int[] visited = new int[1];
        BiConsumer<Long, Integer> count = (key, value) -> visited[0]++;
        map.forEach(count);
        assertEquals(1, visited[0]);
        assertEquals(2, map.remove(1L));
        assertTrue(raw.isEmpty());
    }
}
