package dev.mapbench.compare;

import dev.mapbench.report.model.HistoryRow;
import dev.mapbench.results.AtomicFile;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and appends the nightly history, {@code results/history.csv}: one row per night and cell
 * metric, each with the environment it was measured in (its id, and in words: shard, CPU model, JVM).
 * Appending rewrites the file whole with {@link AtomicFile}, so a failure never leaves half a row; a file
 * written before the {@code environment} column existed is rewritten with it (blank for its old rows).
 */
public final class HistoryCsv {

    /** The columns, in file order. */
    public static final String[] HEADER = {"date", "commit", "runId", "environmentId", "cell", "metric", "unit",
        "median", "ciLow", "ciHigh", "ciCoverage", "forks", "environment"};

    private static final CSVFormat WRITE = CSVFormat.DEFAULT.builder().setHeader(HEADER).get();
    /** The file's own header names the columns, so files from before a column was added still read. */
    private static final CSVFormat READ = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private HistoryCsv() {
    }

    /** The rows of a history file, or none when it does not exist yet. */
    public static List<HistoryRow> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<HistoryRow> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : READ.parse(reader)) {
                rows.add(parse(file, record));
            }
        }
        return rows;
    }

    /** Appends {@code rows}, writing the header first when the file is new. */
    public static void append(Path file, List<HistoryRow> rows) throws IOException {
        List<HistoryRow> all = new ArrayList<>(read(file));
        all.addAll(rows);
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, WRITE)) {
            for (HistoryRow row : all) {
                printer.printRecord(row.date(), row.commit(), row.runId(), row.environmentId(), row.cell(),
                        row.metric(), row.unit(), number(row.median()), number(row.ciLow()),
                        number(row.ciHigh()), number(row.ciCoverage()), row.forks(), row.environment());
            }
        }
        AtomicFile.write(file, text.toString());
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "NaN";
    }

    private static HistoryRow parse(Path file, CSVRecord record) throws IOException {
        try {
            return new HistoryRow(LocalDate.parse(record.get("date")), record.get("commit"), record.get("runId"),
                    record.get("environmentId"), record.get("cell"), record.get("metric"), record.get("unit"),
                    Double.parseDouble(record.get("median")), Double.parseDouble(record.get("ciLow")),
                    Double.parseDouble(record.get("ciHigh")), Double.parseDouble(record.get("ciCoverage")),
                    Integer.parseInt(record.get("forks")),
                    record.isMapped("environment") && record.isSet("environment") ? record.get("environment") : "");
        } catch (IllegalArgumentException | IllegalStateException | DateTimeParseException e) {
            throw new IOException(file + ": line " + (record.getRecordNumber() + 1) + ": not a history row ("
                    + e.getMessage() + ")", e);
        }
    }
}
