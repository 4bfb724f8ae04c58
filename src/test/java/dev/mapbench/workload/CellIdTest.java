package dev.mapbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.bench.CalibrationBenchmark;
import dev.mapbench.bench.MapIterationBenchmark;
import dev.mapbench.bench.MapLatencyBenchmark;
import dev.mapbench.bench.MapOperationBenchmark;
import dev.mapbench.bench.MapWorkloadBenchmark;
import dev.mapbench.bench.MapWorkloadGcBenchmark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CellIdTest {

    @Test
    void everyKindOfIdParsesBackToItself() {
        for (String id : List.of("COPY_ON_WRITE-r95-s100-UNIFORM-t2", "org.example.TeamMap-r0-s10000-ZIPFIAN-t1",
                "CALIBRATION-s100-UNIFORM-t1", "CALIBRATION_CHM-s10000-ZIPFIAN-t1",
                "LATENCY-RWLOCK_HASHMAP-r75-s10000-UNIFORM-t4", "GC-Z-COPY_ON_WRITE-r95-s10000-UNIFORM-t2",
                "ITERATION-RWLOCK_HASHMAP-JSON-s10000-i1r0w1-t2", "LATENCY-CONCURRENT_HASHMAP-W.config-t2",
                "LATENCY-org.example.TeamMap-W.my-file-t8")) {
            assertEquals(id, CellId.parse(id).orElseThrow().id(), id);
        }
        assertTrue(CellId.parse("not-a-cell").isEmpty());
        assertTrue(CellId.parse("COPY_ON_WRITE-r95-s100-uniform-t2").isEmpty(), "key distributions are upper case");
    }

    @Test
    void aWorkloadIsTheIdWithoutItsStrategy() {
        CellId cell = CellId.parse("org.example.TeamMap-r95-s100-UNIFORM-t2").orElseThrow();
        assertEquals("org.example.TeamMap", cell.strategy());
        assertEquals("r95-s100-UNIFORM-t2", cell.workload());
        assertEquals(new WorkloadId(95, 100, "UNIFORM", 2), ((CellId.Workload) cell).workloadId());
        assertEquals("LATENCY-*-r50-s100-UNIFORM-t2", CellId.parse("LATENCY-CAFFEINE-r50-s100-UNIFORM-t2")
                .orElseThrow().workload());
        assertEquals("95 % read, 2 threads, size 100, UNIFORM", new WorkloadId(95, 100, "UNIFORM", 2).describe());
    }

    @Test
    void aJmhResultMapsBackToTheIdItsCellWasRunUnder() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("strategy", "STAMPED_LOCK");
        params.put("readPercent", "50");
        params.put("size", "10000");
        params.put("keyDistribution", "ZIPFIAN");
        assertEquals("STAMPED_LOCK-r50-s10000-ZIPFIAN-t2", CellId.of(Benchmarks.WORKLOAD, params, 2).orElseThrow().id());
        assertEquals("LATENCY-STAMPED_LOCK-r50-s10000-ZIPFIAN-t2", CellId.of(Benchmarks.LATENCY, params, 2).orElseThrow().id());
        params.put("gc", "Z");
        assertEquals("GC-Z-STAMPED_LOCK-r50-s10000-ZIPFIAN-t2", CellId.of(Benchmarks.GC_SWEEP, params, 2).orElseThrow().id());
        assertEquals("CALIBRATION_CHM-s100-UNIFORM-t1", CellId.of(Benchmarks.CALIBRATION_CONCURRENT_HASH_MAP,
                Map.of("size", "100", "keyDistribution", "UNIFORM"), 1).orElseThrow().id());
        assertTrue(CellId.of("org.example.OtherBenchmark.run", params, 1).isEmpty(), "other JMH output is not a cell");
        Map<String, String> named = Map.of("strategy", "CAFFEINE", "workload", "config");
        assertEquals("LATENCY-CAFFEINE-W.config-t2", CellId.of(Benchmarks.OPERATION_ROLES_LATENCY, named, 2).orElseThrow().id());
        assertEquals("CAFFEINE-W.config-t2", CellId.of(Benchmarks.OPERATION_ROLES, named, 2).orElseThrow().id(),
                "the throughput group is the named cell the verdicts rank; its latency run is a cell of its own");
        assertEquals("LATENCY-*-W.config-t2", CellId.parse("LATENCY-CAFFEINE-W.config-t2").orElseThrow().workload());
        assertTrue(CellId.of(Benchmarks.WORKLOAD, Map.of("strategy", "X", "size", "big"), 1).isEmpty());
    }

    @Test
    void theBenchmarkNamesAreTheBenchmarkClasses() {
        assertEquals(MapWorkloadBenchmark.class.getName(), Benchmarks.WORKLOAD_CLASS);
        assertEquals(MapWorkloadBenchmark.class.getName() + ".operation", Benchmarks.WORKLOAD);
        assertEquals(MapWorkloadGcBenchmark.class.getName() + ".operation", Benchmarks.GC_SWEEP);
        assertEquals(CalibrationBenchmark.class.getName(), Benchmarks.CALIBRATION_CLASS);
        assertEquals(MapLatencyBenchmark.class.getName() + ".readWrite", Benchmarks.LATENCY);
        assertEquals(MapIterationBenchmark.class.getName() + ".iteration", Benchmarks.ITERATION);
        assertEquals(MapOperationBenchmark.class.getName(), Benchmarks.OPERATION_CLASS);
    }
}
