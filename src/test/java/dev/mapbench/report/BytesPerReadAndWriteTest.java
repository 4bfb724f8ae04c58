package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.report.analysis.AllocationAnalysis;
import dev.mapbench.report.csv.CsvReport;
import dev.mapbench.report.model.AllocationSplit;
import dev.mapbench.report.model.CoreCount;
import dev.mapbench.report.model.ReadAllocationFinding;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.ResultSet;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BytesPerReadAndWriteTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CORES = 2;

    @TempDir
    Path temp;

    private final SyntheticRun generator = new SyntheticRun();
    private final ArrayNode cells = MAPPER.createArrayNode();

    /** Adds a workload cell whose gc.alloc.rate.norm is exactly {@code bytes} ± {@code error}. */
    private BytesPerReadAndWriteTest cell(String strategy, int readPercent, int threads, double bytes, double error) {
        ObjectNode cell = generator.cell("dev.mapbench.bench.MapWorkloadBenchmark.operation", threads, 3, 10.0,
                "ops/us", bytes);
        cell.putObject("params").put("strategy", strategy).put("readPercent", String.valueOf(readPercent))
                .put("size", "1000").put("keyDistribution", "UNIFORM");
        ((ObjectNode) cell.get("secondaryMetrics")).putObject("gc.alloc.rate.norm")
                .put("score", bytes).put("scoreError", error).put("scoreUnit", "B/op");
        cells.add(cell);
        return this;
    }

    /** Reads and writes of every strategy at 1 thread (nothing allocates on reads) plus the cells the test adds. */
    private BytesPerReadAndWriteTest quietBaseline() {
        for (int threads : new int[] {1, 2, 4}) {
            cell("CONCURRENT_HASHMAP", 100, threads, 0.001 * threads, 0.0005);
            cell("CONCURRENT_HASHMAP", 0, threads, 16.0, 0.5);
            cell("UNSYNCHRONIZED_HASHMAP", 100, threads, 0.0, 0.0001);
        }
        return this;
    }

    /** A run folder (env.json says 2 cores) holding the cells added so far. */
    private Path run() throws Exception {
        Path run = generator.writeRun(temp.resolve("run"), new SyntheticRun.Matrix(List.of("CONCURRENT_HASHMAP"),
                List.of(100), List.of(1000L), List.of("UNIFORM"), List.of(1), 1, CORES, false));
        MAPPER.writeValue(run.resolve("jmh-result.json").toFile(), cells);
        return run;
    }

    private AllocationSplit split() throws Exception {
        ResultSet results = JmhResultReader.read(List.of(run()));
        return AllocationAnalysis.of(results.cells(), new CoreCount(results, 64));
    }

    /** The section's text as a reader sees it: tags removed, white space folded. */
    private String renderedSection() throws Exception {
        Path out = temp.resolve("report");
        ReportCliTest.Run result = ReportCliTest.report(run().toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String html = Files.readString(out.resolve("index.html"));
        int start = html.indexOf("<section id=\"bytes-per-access\">");
        assertTrue(start >= 0, "the section is on the page");
        return html.substring(start, html.indexOf("</section>", start)).replaceAll("<[^>]+>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ").replaceAll(" ([:,.)])", "$1");
    }

    @Test
    void rwlockReadsAllocatingOnlyWithSeveralThreadsAreNamedWithFiguresThreadsAndTheHoldCounterExplanation() throws Exception {
        quietBaseline().cell("RWLOCK_HASHMAP", 100, 1, 0.0, 0.0001).cell("RWLOCK_HASHMAP", 100, 2, 40.0, 3.0)
                .cell("RWLOCK_HASHMAP", 100, 4, 45.0, 5.0).cell("RWLOCK_HASHMAP", 0, 2, 16.0, 0.5);

        ReadAllocationFinding finding = split().finding();
        assertEquals(List.of("RWLOCK_HASHMAP"), finding.allocating().stream().map(ReadAllocationFinding.AllocatingReads::strategy).toList());
        ReadAllocationFinding.AllocatingReads rwlock = finding.allocating().get(0);
        Map<Integer, ReadAllocationFinding.ReadsAtThreads> byThreads = rwlock.threadCounts().stream()
                .collect(Collectors.toMap(ReadAllocationFinding.ReadsAtThreads::threads, count -> count));
        assertFalse(byThreads.get(1).allocates());
        assertEquals(40.0, byThreads.get(2).maxBytes());
        assertFalse(byThreads.get(2).oversubscribed(), "2 threads on 2 cores");
        assertTrue(byThreads.get(4).oversubscribed(), "4 threads on 2 cores");
        ReadAllocationFinding.HoldCounterEvidence evidence = rwlock.holdCounters().orElseThrow();
        assertEquals(List.of(2, 4), evidence.threads());
        assertEquals(List.of(4), evidence.oversubscribedThreads());
        assertEquals(List.of("CONCURRENT_HASHMAP", "UNSYNCHRONIZED_HASHMAP"), evidence.compared());
        assertEquals(0.004, evidence.comparedMaxBytes(), 1e-12, "CHM's 4-thread reads, the most of the others at 2 and 4");
        assertTrue(evidence.harnessQuiet());

        String section = renderedSection();
        assertTrue(section.contains("RWLOCK_HASHMAP: reads allocate ≥ 1 B/op"), section);
        assertTrue(section.contains("2 threads: 40.00 B/op per read (1 cell)"), section);
        assertTrue(section.contains("4 threads oversubscribed: 45.00 B/op per read"), section);
        assertTrue(section.contains("1 thread: < 1 B/op per read (at most 0, 1 cell)"), section);
        assertTrue(section.contains("ReentrantReadWriteLock.Sync.tryReleaseShared"), section);
        assertTrue(section.contains("firstReader"), section);
        assertTrue(section.contains("at 2 and 4 oversubscribed threads the other strategies' reads allocate 0.004 B/op at most"
                + " (CONCURRENT_HASHMAP, UNSYNCHRONIZED_HASHMAP)"), section);
        assertTrue(section.contains("The other strategies' reads allocate < 1 B/op in every cell measured: at most 0.004 B/op"),
                section);
    }

    @Test
    void readsThatNeverAllocateGiveTheUnderOneByteSentenceAndNoHoldCounterExplanation() throws Exception {
        quietBaseline().cell("RWLOCK_HASHMAP", 100, 1, 0.0, 0.0001).cell("RWLOCK_HASHMAP", 100, 2, 0.2, 0.1);

        ReadAllocationFinding finding = split().finding();
        assertTrue(finding.allocating().isEmpty());
        assertEquals(0.2, finding.quietMaxReadBytes());
        assertEquals(8, finding.quietCells(), "3 CHM, 3 unsynchronized and 2 RWLock reads");

        String section = renderedSection();
        assertTrue(section.contains("Reads allocate < 1 B/op in every cell measured: at most 0.200 B/op over 8 100 %-read cells"
                + " (CONCURRENT_HASHMAP, RWLOCK_HASHMAP, UNSYNCHRONIZED_HASHMAP)"), section);
        assertFalse(section.contains("reads allocate ≥"), section);
        assertFalse(section.contains("tryReleaseShared"), section);
    }

    @Test
    void noHoldCounterExplanationWhenRwlockReadsAllocateOnOneThreadToo() throws Exception {
        quietBaseline().cell("RWLOCK_HASHMAP", 100, 1, 24.0, 0.1).cell("RWLOCK_HASHMAP", 100, 2, 40.0, 3.0);

        ReadAllocationFinding.AllocatingReads rwlock = split().finding().allocating().get(0);
        assertEquals("RWLOCK_HASHMAP", rwlock.strategy());
        assertTrue(rwlock.holdCounters().isEmpty(), "the single-reader case allocates, so the JDK explanation does not fit");
        assertFalse(renderedSection().contains("tryReleaseShared"));
    }

    @Test
    void strategiesWhoseReadsAllocateAloneAreLeftOutOfTheHoldCounterComparison() throws Exception {
        quietBaseline().cell("RWLOCK_HASHMAP", 100, 1, 0.0, 0.0001).cell("RWLOCK_HASHMAP", 100, 2, 40.0, 3.0)
                .cell("WRAPPER_LAYER", 100, 1, 24.0, 0.1).cell("WRAPPER_LAYER", 100, 2, 70.0, 9.0);

        ReadAllocationFinding finding = split().finding();
        assertEquals(List.of("RWLOCK_HASHMAP", "WRAPPER_LAYER"),
                finding.allocating().stream().map(ReadAllocationFinding.AllocatingReads::strategy).toList());
        ReadAllocationFinding.HoldCounterEvidence evidence = finding.allocating().get(0).holdCounters().orElseThrow();
        assertEquals(List.of("WRAPPER_LAYER"), evidence.leftOut());
        assertEquals(0.002, evidence.comparedMaxBytes(), 1e-12, "WRAPPER_LAYER's 70 B/op is not the harness's");
        assertTrue(finding.allocating().get(1).holdCounters().isEmpty(), "the explanation is the RWLock's only");
        assertTrue(renderedSection().contains("Left out of that comparison: WRAPPER_LAYER, whose reads allocate ≥ 1 B/op at 1 thread"));
    }

    @Test
    void writeColumnComesFromTheAllWriteCellAndIsBlankWithoutOne() throws Exception {
        quietBaseline();

        Map<String, AllocationSplit.Row> rows = split().rows().stream().filter(row -> row.threads() == 2)
                .collect(Collectors.toMap(AllocationSplit.Row::strategy, row -> row));
        assertEquals(16.0, rows.get("CONCURRENT_HASHMAP").allocation().perWrite().orElseThrow().score());
        assertTrue(rows.get("UNSYNCHRONIZED_HASHMAP").allocation().perWrite().isEmpty());

        String section = renderedSection();
        assertTrue(section.contains("CONCURRENT_HASHMAP 1000 UNIFORM 2 0.002 ± < 0.001 16.00 ± 0.500"), section);
        assertTrue(section.contains("UNSYNCHRONIZED_HASHMAP not thread-safe 1000 UNIFORM 2 < 0.001 "), section);
        assertTrue(section.contains("UNSYNCHRONIZED_HASHMAP not thread-safe 1000 UNIFORM 4 oversubscribed < 0.001 "),
                section);

        List<CSVRecord> csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(temp.resolve("report").resolve(CsvReport.ALLOCATION_SPLIT_FILE))))
                .getRecords();
        CSVRecord unsynchronized = csv.stream().filter(row -> row.get("strategy").equals("UNSYNCHRONIZED_HASHMAP")
                && row.get("threads").equals("4")).findFirst().orElseThrow();
        assertEquals("", unsynchronized.get("bytesPerWrite"));
        assertEquals("true", unsynchronized.get("oversubscribed"));
        assertEquals("2", unsynchronized.get("cores"));
        CSVRecord concurrent = csv.stream().filter(row -> row.get("strategy").equals("CONCURRENT_HASHMAP")
                && row.get("threads").equals("1")).findFirst().orElseThrow();
        assertEquals(16.0, Double.parseDouble(concurrent.get("bytesPerWrite")));
        assertEquals(0.5, Double.parseDouble(concurrent.get("bytesPerWriteError")));
    }

    @Test
    void foreignResultsHaveNoSectionAndNoAllocationCsv() throws Exception {
        Path input = temp.resolve("foreign.json");
        ObjectNode cell = generator.cell("org.example.FooBenchmark.bar", 1, 1, 5.0, "ops/s", 12.0);
        cell.putObject("params").put("size", "10");
        MAPPER.writeValue(input.toFile(), MAPPER.createArrayNode().add(cell));
        Path out = temp.resolve("foreign-report");
        assertEquals(0, ReportCliTest.report(input.toString(), "--out", out.toString()).exitCode());
        assertFalse(Files.readString(out.resolve("index.html")).contains("id=\"bytes-per-access\""));
        assertFalse(Files.exists(out.resolve(CsvReport.ALLOCATION_SPLIT_FILE)));
    }
}
