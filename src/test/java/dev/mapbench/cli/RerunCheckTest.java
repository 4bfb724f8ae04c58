package dev.mapbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.SyntheticRun;
import dev.mapbench.report.model.WorkloadVerdict;
import dev.mapbench.stats.Ranking;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.stats.VerdictStatus;
import dev.mapbench.workload.WorkloadId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RerunCheckTest {

    private static final WorkloadId WORKLOAD = new WorkloadId(50, 10_000, "ZIPFIAN", 2);

    @TempDir
    Path temp;

    private static StrategyVerdict verdict(String strategy, VerdictStatus status) {
        return switch (status) {
            case BEST -> new StrategyVerdict(strategy, status, 1, 1, 1, 3, 10, "ops/us", 0, "test");
            case EQUIVALENT -> new StrategyVerdict(strategy, status, 0.97, 0.93, 1.02, 3, 10, "ops/us", 0, "test");
            case SLOWER -> new StrategyVerdict(strategy, status, 0.6, 0.5, 0.75, 3, 6, "ops/us", 0, "test");
            case UNDECIDED -> new StrategyVerdict(strategy, status, 0.9, 0.6, 1.3, 1, 9, "ops/us", 3, "test");
        };
    }

    private static WorkloadVerdict workload(StrategyVerdict... strategies) {
        return new WorkloadVerdict(WORKLOAD, false, new Ranking(List.of(strategies)));
    }

    @Test
    void opposingDecidedVerdictsAreAContradictionAndMoreEvidenceIsNot() {
        WorkloadVerdict a = workload(verdict("SYNCHRONIZED_MAP", VerdictStatus.BEST),
                verdict("CONCURRENT_HASHMAP", VerdictStatus.SLOWER));
        WorkloadVerdict b = workload(verdict("CONCURRENT_HASHMAP", VerdictStatus.BEST),
                verdict("SYNCHRONIZED_MAP", VerdictStatus.SLOWER));
        assertEquals(1, RerunCheck.contradictions(WORKLOAD, a, b).size());
        assertTrue(RerunCheck.decidedVerdictChanged(a, b));

        WorkloadVerdict open = workload(verdict("CONCURRENT_HASHMAP", VerdictStatus.BEST),
                verdict("SYNCHRONIZED_MAP", VerdictStatus.UNDECIDED));
        assertEquals(0, RerunCheck.contradictions(WORKLOAD, a, open).size(), "undecided contradicts nothing");
        WorkloadVerdict tie = workload(verdict("CONCURRENT_HASHMAP", VerdictStatus.BEST),
                verdict("SYNCHRONIZED_MAP", VerdictStatus.EQUIVALENT));
        assertFalse(RerunCheck.decidedVerdictChanged(open, tie), "undecided to decided is more evidence");
    }

    @Test
    void aContradictionNeedsImpliedBoundsBelowOneBothWays() {
        // Run A: X equivalent [0.92, 1.05], Y slower [0.90, 0.98]: Y / X <= 0.98 / 0.92 > 1, so A does not show X
        // faster than Y, though one is "equivalent" and the other "slower"
        StrategyVerdict best = verdict("STAMPED_LOCK", VerdictStatus.BEST);
        WorkloadVerdict a = workload(best, new StrategyVerdict("X", VerdictStatus.EQUIVALENT, 0.98, 0.92, 1.05, 6, 10,
                "ops/us", 0, "test"), new StrategyVerdict("Y", VerdictStatus.SLOWER, 0.94, 0.90, 0.98, 6, 9, "ops/us", 0,
                "test"));
        WorkloadVerdict b = workload(verdict("Y", VerdictStatus.BEST), new StrategyVerdict("X", VerdictStatus.SLOWER, 0.5,
                0.4, 0.6, 2, 5, "ops/us", 0, "test"), new StrategyVerdict("STAMPED_LOCK", VerdictStatus.SLOWER, 0.5,
                0.4, 0.6, 2, 5, "ops/us", 0, "test"));
        assertTrue(RerunCheck.contradictions(WORKLOAD, a, b).stream().noneMatch(c -> c.involves("X") && c.involves("Y")),
                RerunCheck.contradictions(WORKLOAD, a, b).toString());
        // two strategies both slower than the best can still contradict each other
        WorkloadVerdict c = workload(best, new StrategyVerdict("X", VerdictStatus.SLOWER, 0.5, 0.45, 0.55, 3, 5,
                "ops/us", 0, "test"), new StrategyVerdict("Y", VerdictStatus.SLOWER, 0.1, 0.08, 0.12, 1, 1, "ops/us", 0,
                "test"));
        WorkloadVerdict d = workload(best, new StrategyVerdict("Y", VerdictStatus.SLOWER, 0.5, 0.45, 0.55, 3, 5,
                "ops/us", 0, "test"), new StrategyVerdict("X", VerdictStatus.SLOWER, 0.1, 0.08, 0.12, 4, 1, "ops/us", 0,
                "test"));
        List<RerunCheck.Contradiction> found = RerunCheck.contradictions(WORKLOAD, c, d);
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).text().contains("Y slower 0.100 [0.0800, 0.120], 1 fork"), found.get(0).text());
        assertTrue(found.get(0).text().contains("X slower 0.100 [0.0800, 0.120], 4 forks"), found.get(0).text());
    }

    @Test
    void equivalentThenSlowerWithOverlappingIntervalsIsARefinementDisjointOnesAChange() {
        // Measured 2026-12-01 (75 % reads, 1 thread, 10 000, uniform): equivalent 0.98 [0.90, 1.07] with
        // 8 forks, then slower 0.93 [0.86, 0.9999] with 16: both hold for a ratio of 0.93.
        StrategyVerdict best = verdict("STAMPED_LOCK", VerdictStatus.BEST);
        WorkloadVerdict tie = workload(best, new StrategyVerdict("CONCURRENT_HASHMAP", VerdictStatus.EQUIVALENT,
                0.98, 0.90, 1.07, 8, 60, "ops/us", 0, "test"));
        WorkloadVerdict refined = workload(best, new StrategyVerdict("CONCURRENT_HASHMAP", VerdictStatus.SLOWER,
                0.93, 0.864, 0.9999, 16, 57, "ops/us", 0, "test"));
        WorkloadVerdict fell = workload(best, new StrategyVerdict("CONCURRENT_HASHMAP", VerdictStatus.SLOWER,
                0.60, 0.50, 0.72, 16, 36, "ops/us", 0, "test"));
        assertFalse(RerunCheck.decidedVerdictChanged(tie, refined));
        assertTrue(RerunCheck.decidedVerdictChanged(tie, fell));
        assertTrue(RerunCheck.decidedVerdictChanged(fell, tie));
    }

    @Test
    void twoRunsOfTheSameNumbersAgree() throws Exception {
        Path a = new SyntheticRun().writeRun(temp.resolve("a"), SyntheticRun.Matrix.small());
        Path b = new SyntheticRun().writeRun(temp.resolve("b"), SyntheticRun.Matrix.small());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RerunCheck.run(new PrintWriter(out), new PrintWriter(err), a.toString(), b.toString());
        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("8 of 8 workloads decided (100 %)"), out.toString());
        assertTrue(out.toString().contains("contradictions: 0 in 8 workloads measured by both"), out.toString());
    }

    @Test
    void aFolderWithoutWorkloadCellsIsBadInput() {
        StringWriter err = new StringWriter();
        int exit = RerunCheck.run(new PrintWriter(new StringWriter()), new PrintWriter(err), temp.toString(),
                temp.resolve("missing").toString());
        assertEquals(2, exit);
        assertTrue(err.toString().startsWith("error: "), err.toString());
    }
}
