package dev.mapbench.report.csv;

import dev.mapbench.report.model.ReportFiles;
import dev.mapbench.report.model.WorkloadVerdict;
import dev.mapbench.stats.StrategyVerdict;
import dev.mapbench.workload.WorkloadId;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code verdicts.csv}: one row per workload × thread-safe strategy. The first eleven columns are
 * fixed (scripts read them by position or name); more may follow them.
 */
public final class VerdictCsv {

    /** The file's name inside the report folder. */
    public static final String FILE = ReportFiles.VERDICTS_CSV;

    /** The columns, in order. */
    public static final List<String> HEADER = List.of("readPercent", "size", "keyDistribution", "threads",
            "oversubscribed", "strategy", "status", "ratioToBest", "ratioLow", "ratioHigh", "forks",
            "estimate", "unit", "forksNeeded", "decided", "method", "forksUsed", "modes", "workload", "writes");

    private VerdictCsv() {
    }

    /** Writes the rows of {@code verdicts} to {@code out}. */
    public static void write(List<WorkloadVerdict> verdicts, Appendable out) throws IOException {
        try (CSVPrinter printer = new CSVPrinter(out,
                CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get())) {
            for (WorkloadVerdict verdict : verdicts) {
                for (StrategyVerdict strategy : verdict.ranking().strategies()) {
                    Optional<WorkloadId> grid = verdict.grid();
                    printer.printRecord(grid.map(WorkloadId::readPercent).orElse(null),
                            grid.map(WorkloadId::size).orElse(null), grid.map(WorkloadId::keyDistribution).orElse(null),
                            verdict.workload().threads(), verdict.oversubscribed(),
                            strategy.strategy(), strategy.status().label(), strategy.ratioToBest(), strategy.ratioLow(),
                            strategy.ratioHigh(), strategy.forks(), strategy.estimate(), strategy.unit(),
                            strategy.forksNeeded(), verdict.decided(), strategy.method(), strategy.forksUsed(),
                            strategy.modes() == null ? "" : strategy.modes(), verdict.workload().name(),
                            grid.filter(id -> id.readPercent() < 100).map(id -> id.writes().label()).orElse(null));
                }
            }
        }
    }
}
