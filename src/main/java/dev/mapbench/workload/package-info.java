/**
 * What a cell measures and what it is called: the one place that turns a workload or a cell into its id and
 * back. The runner names its cells, forks and files with {@link CellId}; the race, the shard split, the report,
 * the comparison and the A/B group cells by their {@link WorkloadId} (every strategy of one workload is one
 * comparison); a JMH result is mapped back to its id by {@link CellId#of(String, java.util.Map, int)}. Nothing
 * else concatenates an id. The benchmark classes' names are in {@link Benchmarks}.
 */
package dev.mapbench.workload;
