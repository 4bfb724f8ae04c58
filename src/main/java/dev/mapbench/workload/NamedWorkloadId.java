package dev.mapbench.workload;

import java.util.Comparator;

/**
 * A named workload (a preset or a workload file) at one thread count: what its strategies are compared under.
 *
 * @param name the workload's name, e.g. {@code cache}
 * @param threads threads running it
 */
public record NamedWorkloadId(String name, int threads) implements ComparedWorkload {

    /** By name, then threads. */
    public static final Comparator<NamedWorkloadId> ORDER = Comparator.comparing(NamedWorkloadId::name)
            .thenComparingInt(NamedWorkloadId::threads);

    @Override
    public String id() {
        return "W." + name + "-t" + threads;
    }

    @Override
    public String describe() {
        return name + ", " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public String toString() {
        return id();
    }
}
