package dev.mapbench.report;

import static dev.mapbench.results.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mapbench.report.csv.CsvReport;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvReportTest {

    @Test
    void resultsHaveOneRowPerCellAndMetricWithParamsAsColumns() throws Exception {
        ResultSet results = JmhResultReader.read(List.of(fixture("foreign/queues-jmh1.37.json")));
        StringBuilder csv = new StringBuilder();
        new CsvReport(results.cells(), new CoreCount(results, 1)).writeResults(csv);
        List<CSVRecord> rows = parse(csv.toString());
        int expected = results.cells().stream().mapToInt(cell -> 1 + cell.secondary().size()).sum();
        assertEquals(expected, rows.size());

        CSVRecord first = rows.get(0);
        assertEquals("org.example.queues.HandoffBenchmark.handoff", first.get("benchmark"));
        assertEquals("16", first.get("capacity"));
        assertEquals("clq", first.get("kind"));
        assertEquals("2", first.get("threads"));
        assertEquals("primary", first.get("metric"));
        assertEquals("ops/ms", first.get("unit"));
        assertEquals("true", first.get("oversubscribed"), "2 threads on 1 core");
        BenchmarkCell cell = results.cells().get(0);
        assertEquals(cell.primary().score(), Double.parseDouble(first.get("score")));
        assertEquals("NaN", first.get("error"), "JMH gave no error for 2 iterations");

        CSVRecord offer = rows.stream().filter(row -> row.get("metric").equals("offer")).findFirst().orElseThrow();
        assertEquals(cell.secondary("offer").orElseThrow().score(), Double.parseDouble(offer.get("score")));
        CSVRecord sample = rows.stream().filter(row -> row.get("benchmark").endsWith("offerPoll")).findFirst().orElseThrow();
        assertEquals("", sample.get("capacity"), "a param the cell lacks is empty");
        assertEquals("false", sample.get("oversubscribed"));
    }

    @Test
    void samplesHaveOneRowPerForkAndIteration() throws Exception {
        ResultSet results = JmhResultReader.read(List.of(fixture("foreign/strings-jmh1.36.json")));
        StringBuilder csv = new StringBuilder();
        new CsvReport(results.cells(), new CoreCount(results, 2)).writeSamples(csv);
        List<CSVRecord> rows = parse(csv.toString());
        assertEquals(16 * 2, rows.size(), "16 cells × 1 fork × 2 iterations");
        CSVRecord second = rows.get(1);
        assertEquals("1", second.get("fork"));
        assertEquals("2", second.get("iteration"));
        assertEquals(results.cells().get(0).primary().rawData().get(0).get(1), Double.parseDouble(second.get("value")));
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
    }
}
