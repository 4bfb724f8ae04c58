package dev.mapbench.report.model;

import java.util.List;

/**
 * Everything a comparison found, for the text, Markdown and HTML formats: the per-cell results,
 * the per-strategy summary, cells present on one side only, and the warnings to print first.
 *
 * @param baselineLabel the baseline's inputs
 * @param candidateLabel the candidate's inputs
 * @param settings the gate's thresholds
 * @param environmentWarnings differences between the two environments (CPU, JVM, GC ...): loud
 * @param notes other facts the reader needs (cores taken from this machine, duplicates ...)
 * @param cells every matched cell and metric, in baseline order
 * @param strategies the per-strategy geometric-mean summary
 * @param onlyInBaseline cells the candidate lacks
 * @param onlyInCandidate cells the baseline lacks
 * @param testedCount how many p-values entered the Benjamini–Hochberg correction
 */
public record Comparison(
        String baselineLabel,
        String candidateLabel,
        GateSettings settings,
        List<String> environmentWarnings,
        List<String> notes,
        List<CellComparison> cells,
        List<StrategySummary> strategies,
        List<String> onlyInBaseline,
        List<String> onlyInCandidate,
        int testedCount) implements ReportSection {

    /** Copies the lists. */
    public Comparison {
        environmentWarnings = List.copyOf(environmentWarnings);
        notes = List.copyOf(notes);
        cells = List.copyOf(cells);
        strategies = List.copyOf(strategies);
        onlyInBaseline = List.copyOf(onlyInBaseline);
        onlyInCandidate = List.copyOf(onlyInCandidate);
    }

    /** The cells that fail the gate. */
    public List<CellComparison> regressions() {
        return cells.stream().filter(CellComparison::regression).toList();
    }

    /** True when at least one gated cell regressed: the CLI exits 1. */
    public boolean hasRegression() {
        return cells.stream().anyMatch(CellComparison::regression);
    }

    /** The one-line outcome of the gate, every format's first line: {@code RESULT: no regression (...)}. */
    public String outcome() {
        int regressions = regressions().size();
        String notGated = notGated().isEmpty() ? "none not gated"
                : notGated().size() + " not gated: " + notGatedByReason().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "));
        String counts = " (" + cells.size() + " cell metrics compared, " + notGated + ")";
        if (regressions == 0) {
            return "RESULT: no regression" + counts;
        }
        return "RESULT: REGRESSION in " + regressions + " cell metric" + (regressions == 1 ? "" : "s") + counts;
    }

    /** The cells the gate ignores, with their reasons. */
    public List<CellComparison> notGated() {
        return cells.stream().filter(cell -> cell.notGatedReason() != null).toList();
    }

    /**
     * How many cells the gate ignores, by kind of reason ("oversubscribed", "too few forks" ...),
     * in first-seen order.
     */
    public java.util.Map<String, Long> notGatedByReason() {
        return notGated().stream().collect(java.util.stream.Collectors.groupingBy(
                cell -> cell.notGatedReason().replaceAll(":.*", ""), java.util.LinkedHashMap::new,
                java.util.stream.Collectors.counting()));
    }

    /**
     * Where each side's cells were measured: origin (shard, CPU model, JVM) to the number of cell
     * metrics from there, in first-seen order. Empty for a side without env.json.
     */
    public java.util.Map<String, Long> origins(boolean baselineSide) {
        return cells.stream().map(cell -> baselineSide ? cell.baseline() : cell.candidate())
                .filter(sample -> !sample.origin().isEmpty())
                .collect(java.util.stream.Collectors.groupingBy(CellSample::origin, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.counting()));
    }

    /** True when one side's cells come from more than one machine or JVM: each cell then shows its own. */
    public boolean mixedOrigins() {
        return origins(true).size() > 1 || origins(false).size() > 1;
    }

    /** The lines that say where cells came from, e.g. {@code baseline: 20 cell metrics on AMD EPYC, JVM 17}. */
    public List<String> originLines() {
        List<String> lines = new java.util.ArrayList<>();
        for (boolean baselineSide : new boolean[] {true, false}) {
            origins(baselineSide).forEach((origin, count) -> lines.add((baselineSide ? "baseline" : "candidate")
                    + ": " + count + " cell metric" + (count == 1 ? "" : "s") + " measured on " + origin));
        }
        return lines;
    }

    /** The method, stated once, as every renderer prints it. */
    public String methodStatement() {
        return String.format(java.util.Locale.ROOT,
                "Sample per cell: one value per fork (mean of its measurement iterations). Median with a "
                        + "95 %% order-statistic (binomial, distribution-free) CI of the median. Two-sided "
                        + "Mann-Whitney U test on fork values (exact for small fork counts; mapbench statistics core), p-values adjusted "
                        + "across the %d tested cells with Benjamini-Hochberg (FDR %s %%); ~ = no "
                        + "significant change. Regression = significant and worse by >= %s %% (throughput, "
                        + "time per op), or bytes per op (gc.alloc.rate.norm) up by more than max(%s B, "
                        + "%s %%) in a 1-thread cell with >= %d forks a side. Oversubscribed cells and cells with too few "
                        + "forks to test are reported, never gated, and so is a cell whose two sides were measured on different "
                        + "machines or JVMs.",
                testedCount, Numbers.plain(settings.alpha() * 100), Numbers.plain(settings.minEffectPercent()),
                Numbers.plain(settings.bytesToleranceBytes()), Numbers.plain(settings.bytesTolerancePercent()),
                settings.minBytesForks());
    }
}
