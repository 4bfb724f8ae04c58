package dev.mapbench.workload;

import dev.mapbench.maps.MapOperation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named workloads teams ask about, each with its source. YCSB's core workloads are the shared vocabulary
 * for operation mixes (Cooper et al., "Benchmarking Cloud Serving Systems with YCSB", SoCC 2010, and the
 * workloads/ files of brianfrankcooper/YCSB): A 50 % read / 50 % update, B 95 / 5, C read only, D 95 % read /
 * 5 % insert with the latest distribution, E scans with 5 % inserts, F read-modify-write; Zipf constant 0.99.
 * Here a scan is a walk of the whole map (a map has no order), and F's read-modify-write is one atomic
 * {@code merge}. Sizes are 10 000 keys unless said (the grid's larger size), {@code Long} keys unless said.
 */
public final class Presets {

    private static final Distribution ZIPF = new Distribution.Zipf(Distribution.DEFAULT_ZIPF);
    private static final Distribution UNIFORM = new Distribution.Uniform();
    private static final int SIZE = 10_000;

    private static final Map<String, WorkloadSpec> PRESETS = new LinkedHashMap<>();

    static {
        add(new WorkloadSpec("ycsb-a", "YCSB core workload A (update heavy): 50 % read, 50 % update, Zipf 0.99",
                mix(MapOperation.GET, 50, MapOperation.UPDATE, 50), List.of(), KeyType.LONG, SIZE, ZIPF, false, true, 0,
                List.of()));
        add(new WorkloadSpec("ycsb-b", "YCSB core workload B (read mostly): 95 % read, 5 % update, Zipf 0.99",
                mix(MapOperation.GET, 95, MapOperation.UPDATE, 5), List.of(), KeyType.LONG, SIZE, ZIPF, false, true, 0,
                List.of()));
        add(new WorkloadSpec("ycsb-c", "YCSB core workload C (read only): 100 % read, Zipf 0.99",
                mix(MapOperation.GET, 100), List.of(), KeyType.LONG, SIZE, ZIPF, false, true, 0, List.of()));
        add(new WorkloadSpec("ycsb-d", "YCSB core workload D (read latest): 95 % read, 5 % insert of new keys, the "
                + "latest distribution (recent keys hottest); the map grows from 10 000", mix(MapOperation.GET, 95,
                        MapOperation.INSERT, 5), List.of(), KeyType.LONG, SIZE,
                new Distribution.Latest(Distribution.DEFAULT_ZIPF), true, false, 0, List.of()));
        add(new WorkloadSpec("ycsb-e", "YCSB core workload E (short ranges): 95 % scan, here a walk of the whole map "
                + "(it has no order), 5 % insert of new keys; 1 000 keys so a walk stays short", mix(MapOperation.WALK, 95,
                        MapOperation.INSERT, 5), List.of(), KeyType.LONG, 1_000, ZIPF, true, false, 0, List.of()));
        add(new WorkloadSpec("ycsb-f", "YCSB core workload F (read-modify-write): 50 % read, 50 % read-modify-write "
                + "as one atomic merge, Zipf 0.99", mix(MapOperation.GET, 50, MapOperation.MERGE, 50), List.of(),
                KeyType.LONG, SIZE, ZIPF, false, true, 0, List.of()));
        add(new WorkloadSpec("cache", "a cache: computeIfAbsent on a mostly present key (JDK-8161372: a hit may take the "
                + "bin lock), a removed (invalidated) key loaded again on its next use: 90 % computeIfAbsent, 10 % remove, "
                + "so about 89 % of the computeIfAbsent calls hit; Zipf 0.99", mix(MapOperation.COMPUTE_IF_ABSENT, 90,
                        MapOperation.REMOVE, 10), List.of(), KeyType.LONG, SIZE, ZIPF, false, true, 0, List.of()));
        add(new WorkloadSpec("counters", "request counters and metrics: merge(k, 1L, Long::sum) on Zipf-skewed keys",
                mix(MapOperation.MERGE, 100), List.of(), KeyType.LONG, SIZE, ZIPF, false, true, 0, List.of()));
        add(new WorkloadSpec("config", "a config map behind HTTP handlers: String keys parsed per request (built per "
                + "operation), many readers and one writer replacing values (Caffeine's GetPutBenchmark read-write group "
                + "has 6 readers and 2 writers); 1 000 keys, uniform", Map.of(), List.of(
                        new Role("readers", 0, mix(MapOperation.GET, 100)),
                        new Role("writer", 1, mix(MapOperation.UPDATE, 100))),
                KeyType.STRING_BUILT, 1_000, UNIFORM, false, true, 0, List.of()));
        add(new WorkloadSpec("sessions", "a session store: lookups, sessions ending and starting at a steady size "
                + "(50 % get, 25 % remove, 25 % insert of the removed keys), uniform", mix(MapOperation.GET, 50,
                        MapOperation.REMOVE, 25, MapOperation.INSERT, 25), List.of(), KeyType.LONG, SIZE, UNIFORM, false,
                true, 0, List.of()));
        add(new WorkloadSpec("growth", "a map filled under contention from empty: inserts only, the strategy's default "
                + "capacity, so it resizes as it grows", mix(MapOperation.INSERT, 100), List.of(), KeyType.LONG, 0,
                UNIFORM, true, false, 0, List.of()));
        add(new WorkloadSpec("growth-presized", "the growth workload with the initial capacity set for the size it "
                + "reaches: inserts only, no resize", mix(MapOperation.INSERT, 100), List.of(), KeyType.LONG, 0, UNIFORM,
                true, true, 0, List.of()));
        add(new WorkloadSpec("strings", "read only, String keys (user:0001234), one reused instance per key (its hash "
                + "cached), uniform", mix(MapOperation.GET, 100), List.of(), KeyType.STRING, SIZE, UNIFORM, false, true, 0,
                List.of()));
        add(new WorkloadSpec("strings-built", "read only, String keys built for every operation from a prepared char "
                + "source, as a key parsed from a request (hash and equals paid each time), uniform",
                mix(MapOperation.GET, 100), List.of(), KeyType.STRING_BUILT, SIZE, UNIFORM, false, true, 0, List.of()));
    }

    private Presets() {
    }

    private static void add(WorkloadSpec spec) {
        PRESETS.put(spec.name(), spec);
    }

    private static Map<MapOperation, Integer> mix(Object... operationThenWeight) {
        Map<MapOperation, Integer> mix = new LinkedHashMap<>();
        for (int i = 0; i < operationThenWeight.length; i += 2) {
            mix.put((MapOperation) operationThenWeight[i], (Integer) operationThenWeight[i + 1]);
        }
        return mix;
    }

    /** Every preset, in documentation order. */
    public static List<WorkloadSpec> all() {
        return List.copyOf(PRESETS.values());
    }

    /** The preset of that name, or an error naming the presets there are. */
    public static WorkloadSpec named(String name) {
        WorkloadSpec spec = PRESETS.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("'" + name + "' is no preset; presets: " + String.join(", ", PRESETS.keySet()));
        }
        return spec;
    }

    /** Whether a preset has that name. */
    public static boolean exists(String name) {
        return PRESETS.containsKey(name);
    }
}
