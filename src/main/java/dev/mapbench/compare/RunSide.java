package dev.mapbench.compare;

import dev.mapbench.report.model.CellSample;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One side of a comparison: the samples read from its inputs and the environment they came from.
 *
 * @param label how the output names this side (its input paths)
 * @param samples one entry per cell and compared metric
 * @param environment the identifying fields of env.json ({@code cpuModel}, {@code jvm.version},
 *     {@code gc} ...), empty when the inputs had no env.json
 * @param cores the cores the cells ran on (env.json), or this machine's when unknown
 * @param coresFromThisMachine true when no env.json said how many cores the run had
 */
public record RunSide(String label, List<CellSample> samples, Map<String, String> environment, int cores,
        boolean coresFromThisMachine) {

    /** Copies the collections. */
    public RunSide {
        samples = List.copyOf(samples);
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }
}
