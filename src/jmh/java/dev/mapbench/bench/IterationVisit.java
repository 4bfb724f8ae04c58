package dev.mapbench.bench;

/** What an iterator of {@link MapIterationBenchmark} does with each entry of its walk. */
public enum IterationVisit {
    /** Reads every key and value (both unboxed) and checks the value's stamp: the cheapest honest visit. */
    CONSUME,
    /** Writes every entry into a JSON object with Jackson's streaming generator, as a dump endpoint would. */
    JSON
}
