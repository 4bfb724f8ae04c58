package dev.mapbench.footprint;

import dev.mapbench.maps.MapStrategy;

/**
 * What one strategy's map retained at one phase, in bytes, as JOL sized its object graph.
 *
 * @param strategy       the strategy whose map was measured
 * @param size           the number of entries the map was created for and filled with
 * @param phase          when the measurement was taken
 * @param entries        the number of entries the map held then
 * @param totalBytes     every object reachable from the strategy's map object
 * @param structureBytes {@code totalBytes - payloadBytes}: what the strategy costs beyond the data
 * @param payloadBytes   the own bytes of the keys and values the map held, each object counted once
 */
public record FootprintRow(
        MapStrategy strategy,
        int size,
        FootprintPhase phase,
        int entries,
        long totalBytes,
        long structureBytes,
        long payloadBytes) {
}
