package dev.mapbench.hazard;

/**
 * One line of {@code target/correctness/hazard-rates.json}: how often a hazard showed on one strategy.
 *
 * @param hazard   the failure class: lost-updates, iteration-cme, shallow-copy-race, cancelled-write
 * @param strategy a {@code MapStrategy} constant name, or a short description of the variant tried
 * @param observed whether the failure was seen at least once
 * @param trials   rounds or attempts made
 * @param seconds  wall time spent on them
 * @param rate     the observed rate, in {@code rateUnit}
 * @param rateUnit what {@code rate} counts, e.g. "lost entries per round"
 * @param detail   what was done, in one sentence a reader can check against the test
 */
public record HazardObservation(String hazard, String strategy, boolean observed, long trials,
                                double seconds, double rate, String rateUnit, String detail) {
}
