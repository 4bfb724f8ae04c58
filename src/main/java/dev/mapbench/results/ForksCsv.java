package dev.mapbench.results;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A run folder's {@code forks.csv}, the one reader and writer of its {@link ForkRow}s: a header naming the
 * columns, then one row per fork in the order the forks ran.
 *
 * <p>Columns are found by their header name, so a column this reader does not know is ignored. Files written
 * before steady-state values lack {@code value}, {@code steadyFrom} and {@code warmupIterations} (read as the
 * score, 0 and -1); files written before the {@code version} column are version 1. Version 2 adds {@code status}
 * ({@code measured}, {@code timed-out}, {@code corrupted}) and {@code detail}; a file without them reads every
 * fork as measured. This writer writes version 2. A row of a version newer than {@link #VERSION}, a missing column or a cell that is not of its
 * column's type is bad input naming the file, the row and the column.
 */
public final class ForksCsv {

    /** The file's name in a run folder. */
    public static final String FILE = "forks.csv";
    /** The version this class writes and the newest it reads. */
    public static final int VERSION = 2;
    /** The columns, in file order. */
    public static final List<String> HEADER = List.of("order", "cell", "fork", "round", "reason", "startedAt",
            "seconds", "score", "unit", "value", "steadyFrom", "warmupIterations", "status", "detail", "version");

    private ForksCsv() {
    }

    /** The rows of {@code file}; none when there is no such file (a run folder from before single forks). */
    public static List<ForkRow> read(Path file) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<ForkRow> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                rows.add(row(file, record));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv reports a malformed file (bad quoting, duplicate header names) with these
            throw new BadInputException(file, "not a mapbench forks.csv (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    /** Writes {@code rows} to {@code file}, whole or not at all. */
    public static void write(Path file, List<ForkRow> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new))
                .get())) {
            for (ForkRow r : rows) {
                printer.printRecord(r.order(), r.cellId(), r.fork(), r.round(), r.reason(), r.startedAt(), r.seconds(),
                        r.score(), r.unit(), r.value(), r.steadyFrom(), r.warmupIterations(), r.status().csv(), r.detail(),
                        VERSION);
            }
        }
        AtomicFile.write(file, out.toString());
    }

    private static ForkRow row(Path file, CSVRecord record) throws BadInputException {
        Cells cells = new Cells(file, record);
        SchemaVersion.check(file, cells.optional("version", Integer::parseInt, "a whole number", 1), VERSION);
        double score = cells.required("score", Double::parseDouble, "a number");
        return new ForkRow(cells.required("order", Integer::parseInt, "a whole number"),
                cells.required("cell", Function.identity(), "text"),
                cells.required("fork", Integer::parseInt, "a whole number"),
                cells.required("round", Integer::parseInt, "a whole number"),
                cells.required("reason", Function.identity(), "text"),
                cells.required("startedAt", Instant::parse, "an ISO-8601 instant"),
                cells.required("seconds", Double::parseDouble, "a number"), score,
                cells.required("unit", Function.identity(), "text"),
                cells.optional("value", Double::parseDouble, "a number", score),
                cells.optional("steadyFrom", Integer::parseInt, "a whole number", 0),
                cells.optional("warmupIterations", Integer::parseInt, "a whole number", -1),
                cells.optional("status", ForksCsv::status, "measured, timed-out or corrupted", ForkStatus.MEASURED),
                cells.optional("detail", Function.identity(), "text", ""));
    }

    private static ForkStatus status(String text) {
        return ForkStatus.parse(text).orElseThrow(() -> new NumberFormatException(text));
    }

    /** The cells of one row, parsed by column name; a problem names the row and the column. */
    private record Cells(Path file, CSVRecord record) {

        <T> T required(String column, Function<String, T> parse, String expected) throws BadInputException {
            if (!record.isSet(column)) {
                throw problem("row " + record.getRecordNumber() + " has no column '" + column + "'");
            }
            return parse(column, parse, expected);
        }

        <T> T optional(String column, Function<String, T> parse, String expected, T absent) throws BadInputException {
            return record.isSet(column) ? parse(column, parse, expected) : absent;
        }

        private <T> T parse(String column, Function<String, T> parse, String expected) throws BadInputException {
            String text = record.get(column);
            try {
                return parse.apply(text);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw problem("row " + record.getRecordNumber() + ", column " + column + ": '" + text + "' is not "
                        + expected);
            }
        }

        private BadInputException problem(String what) {
            return new BadInputException(file, "not a mapbench forks.csv: " + what);
        }
    }
}
