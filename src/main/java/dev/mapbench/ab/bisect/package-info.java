/**
 * {@code scripts/bisect <good-ref> <bad-ref>}: from "the nightly regressed" to the commit that did it.
 *
 * <p>The regression is first confirmed by an A/B of the two ends ({@link Bisection}); then the first-parent
 * commits between them are bisected, each step an interleaved run of the midpoint with both ends' trees on
 * one machine, answered "same as good", "same as bad" or "unknown" ({@link StepDecision}) from the A/B's
 * decision on the statistics core. Unknown adds forks (doubling, up to a cap); a commit that does not build is
 * skipped and named; every commit is built once ({@link TreeCache}). The machine is an interface
 * ({@link Machine}): {@link ForkMachine} builds git trees and runs JMH forks through the A/B's
 * {@link dev.mapbench.ab.InterleavedForks}; the tests use a simulated one.
 */
package dev.mapbench.ab.bisect;
