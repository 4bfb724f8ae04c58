package dev.mapbench.runner;

import java.time.Instant;

/**
 * One measured fork and why it ran: a row of the run's {@code forks.csv}.
 *
 * @param order the fork's place in the run (1 = first fork measured)
 * @param cellId the cell's id
 * @param fork the fork's number within its cell (1-based)
 * @param round the round it ran in (1 = the first fork of every cell)
 * @param reason why the cell got this fork
 * @param startedAt when it started
 * @param seconds its wall time, JVM start included
 * @param score the fork's primary score (mean of its measured iterations)
 * @param unit the score's unit
 */
record ForkRecord(int order, String cellId, int fork, int round, String reason, Instant startedAt, double seconds,
        double score, String unit) {
}
