package dev.mapbench.workload;

import dev.mapbench.maps.MapOperation;
import java.util.Map;

/**
 * One kind of thread in a workload with roles, e.g. the readers of a config map behind HTTP handlers and the one
 * thread that refreshes it. Each role has its own operation mix and its own throughput in the results.
 *
 * @param name the role's name, e.g. {@code readers}
 * @param threads how many threads play it; 0 means the rest of the run's threads
 * @param mix the role's operations with their weights in percent (summing to 100)
 */
public record Role(String name, int threads, Map<MapOperation, Integer> mix) {

    /** Copies the mix. */
    public Role {
        mix = Map.copyOf(mix);
    }

    /** Whether the role takes whatever threads the others leave. */
    public boolean takesTheRest() {
        return threads == 0;
    }
}
