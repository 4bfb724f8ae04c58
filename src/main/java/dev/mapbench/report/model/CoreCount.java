package dev.mapbench.report.model;

import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.ResultSet;
import dev.mapbench.results.RunEnvironment;

/**
 * The core count each cell is judged against for oversubscription: the measuring
 * machine's, from env.json, or, for JSON without env.json, the machine reading it (and the report
 * says so).
 */
public final class CoreCount {

    private final ResultSet results;
    private final int localCores;

    /** Judges cells of {@code results}, falling back to {@code localCores} without env.json. */
    public CoreCount(ResultSet results, int localCores) {
        this.results = results;
        this.localCores = localCores;
    }

    /** The cores of the machine that measured the cell, or of this machine if unknown. */
    public int coresFor(BenchmarkCell cell) {
        return results.environmentOf(cell)
                .map(RunEnvironment::cores)
                .filter(cores -> cores.isPresent())
                .map(cores -> cores.getAsInt())
                .orElse(localCores);
    }

    /** True when the cell ran more threads than its machine had cores. */
    public boolean oversubscribed(BenchmarkCell cell) {
        return cell.oversubscribed(coresFor(cell));
    }

    /** True when some cell's core count had to be taken from this machine. */
    public boolean anyFromLocalMachine() {
        return results.cells().stream().anyMatch(cell -> results.environmentOf(cell)
                .map(RunEnvironment::cores).map(cores -> cores.isEmpty()).orElse(true));
    }

    /** The core count of this machine. */
    public int localCores() {
        return localCores;
    }

    /** The explanation the report prints next to oversubscription marks. */
    public String note() {
        String rule = "A cell is oversubscribed when its threads exceed the measuring machine's cores"
                + " (from env.json).";
        return anyFromLocalMachine()
                ? rule + " Some inputs had no env.json with cores; they were judged against this machine's "
                        + localCores + " cores, which may not be the machine that measured them."
                : rule;
    }
}
