package dev.mapbench.results;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.Collections;

/**
 * What makes two cells "the same measurement": benchmark, mode, threads and params. Two inputs
 * holding cells with equal keys are duplicates (a rerun, or a shard that overlapped).
 */
public record CellKey(String benchmark, BenchmarkMode mode, int threads, SortedMap<String, String> params) {

    /** Copies params into a sorted map so key equality does not depend on param order. */
    public CellKey(String benchmark, BenchmarkMode mode, int threads, Map<String, String> params) {
        this(benchmark, mode, threads, Collections.unmodifiableSortedMap(new TreeMap<>(params)));
    }

    @Override
    public String toString() {
        return benchmark + " [" + mode.label() + ", threads=" + threads
                + (params.isEmpty() ? "" : ", " + params.toString().replaceAll("^\\{|}$", "")) + "]";
    }
}
