package dev.mapbench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mapbench.cli.ReportCli;
import dev.mapbench.maps.MapStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChangedStrategiesTest {

    private static Set<String> touched(String... files) throws Exception {
        Map<String, String> sources = ChangedStrategies.sources(Path.of(ChangedStrategies.MAPS));
        return ChangedStrategies.touched(List.of(files), sources);
    }

    @Test
    void aStrategysOwnClassTouchesItAndTheReference() throws Exception {
        assertEquals(List.of("CONCURRENT_HASHMAP", "COPY_ON_WRITE"),
                List.copyOf(touched("src/main/java/dev/mapbench/maps/CopyOnWriteAtomicMap.java")));
    }

    @Test
    void aClassBehindAFacadeTouchesTheFacadesStrategy() throws Exception {
        assertEquals(List.of("CONCURRENT_HASHMAP", "WRAPPER_LAYER"),
                List.copyOf(touched("src/main/java/dev/mapbench/maps/GuardedLongMap.java")));
    }

    @Test
    void theHarnessOrTheRegistryTouchesEverySafeStrategy() throws Exception {
        Set<String> all = MapStrategy.safeStrategies().stream().map(Enum::name).collect(Collectors.toSet());
        assertEquals(all, touched("src/jmh/java/dev/mapbench/bench/MapWorkloadBenchmark.java"));
        assertEquals(all, touched("src/main/java/dev/mapbench/maps/MapStrategy.java"));
    }

    @Test
    void filesOutsideMeasuredCodeTouchNothing() throws Exception {
        assertEquals(Set.of(), touched("README.md", "src/main/java/dev/mapbench/report/ReportCli.java"));
        assertEquals(Set.of(), touched("src/main/java/dev/mapbench/maps/UnsynchronizedHashMap.java"),
                "the unsafe ceiling is not in the PR set");
    }
}
