package dev.mapbench.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An A/B as its text, Markdown and HTML show it: the outcome, what ran where, the ruler, every cell's
 * comparison with what its change amounts to, and the method. Every figure and sentence comes from the
 * A/B's decision; the formats only lay it out.
 *
 * @param baselineRef the baseline ref as given
 * @param candidateRef the candidate ref as given
 * @param status whether the A/B passed, found a regression, or measured on an unstable machine
 * @param outcome the one-line outcome every output opens with
 * @param unstableShards the shards whose ruler differed between the sides
 * @param header the lines that say what ran where (refs, schedule, machine, wall time, notes)
 * @param ruler the calibration cells measured on both sides
 * @param comparison the per-cell comparison of both sides
 * @param statements what each cell's change amounts to, by {@link CellSample#key()} ("cell | metric")
 * @param regressions the regressions that count (gated, not ruler cells, on a stable shard)
 * @param method how the A/B decided, stated once
 */
public record AbReport(String baselineRef, String candidateRef, Status status, String outcome,
        List<String> unstableShards, List<String> header, List<RulerCheck> ruler, Comparison comparison,
        Map<String, String> statements, List<CellComparison> regressions, String method) {

    /** How the A/B ended. */
    public enum Status {
        /** No gated cell regressed and the ruler was stable. */
        NO_REGRESSION,
        /** At least one gated cell regressed and the ruler was stable. */
        REGRESSION,
        /** The ruler differed between the sides: nothing is gated. */
        UNSTABLE
    }

    /** Copies the collections. */
    public AbReport {
        unstableShards = List.copyOf(unstableShards);
        header = List.copyOf(header);
        ruler = List.copyOf(ruler);
        statements = Collections.unmodifiableMap(new LinkedHashMap<>(statements));
        regressions = List.copyOf(regressions);
    }

    /** What a cell's change amounts to, in words; its verdict's label when the decision said nothing of it. */
    public String statement(CellComparison cell) {
        return statements.getOrDefault(cell.cell() + " | " + cell.metric(), cell.verdict().label());
    }
}
