package dev.mapbench.results;

import static dev.mapbench.results.Fixtures.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultReaderTest {

    @TempDir
    Path temp;

    @Test
    void profilerMetricsHaveOneNameBeforeAndAfterJmh137() throws Exception {
        for (String file : List.of("foreign/strings-jmh1.36.json", "foreign/strings-jmh1.37.json")) {
            List<BenchmarkCell> cells = JmhResultReader.readFile(fixture(file));
            assertEquals(16, cells.size(), file);
            BenchmarkCell plus = cells.get(0);
            assertEquals("org.example.strings.ConcatBenchmark.plus", plus.benchmark());
            assertEquals(BenchmarkMode.THROUGHPUT, plus.mode());
            assertEquals("B/op", plus.secondary(BenchmarkCell.ALLOCATION_PER_OP).orElseThrow().unit(), file);
            assertTrue(cells.stream().allMatch(cell -> cell.secondary().keySet().stream()
                    .noneMatch(name -> name.contains("\u00b7"))), file);
        }
    }

    @Test
    void readsParamsModesAndSettings() throws Exception {
        List<BenchmarkCell> cells = JmhResultReader.readFile(fixture("foreign/strings-jmh1.37.json"));
        BenchmarkCell first = cells.get(0);
        assertEquals(List.of("flavour", "length"), List.copyOf(first.params().keySet()));
        assertEquals("4", first.params().get("length"));
        assertEquals(2, first.measurement().iterations());
        assertEquals("100 ms", first.measurement().time());
        assertEquals("1.37", first.jvm().jmhVersion());
        assertEquals(1, first.primary().rawData().size());
        assertEquals(2, first.primary().rawData().get(0).size());
        assertEquals(List.of(BenchmarkMode.THROUGHPUT, BenchmarkMode.AVERAGE_TIME, BenchmarkMode.SAMPLE_TIME,
                BenchmarkMode.SINGLE_SHOT_TIME), cells.stream().map(BenchmarkCell::mode).distinct().toList());
    }

    @Test
    void sampleTimeKeepsPercentilesAndTurnsHistogramsIntoIterationMeans() throws Exception {
        BenchmarkCell sample = JmhResultReader.readFile(fixture("foreign/strings-jmh1.36.json")).stream()
                .filter(cell -> cell.mode() == BenchmarkMode.SAMPLE_TIME).findFirst().orElseThrow();
        Metric primary = sample.primary();
        assertTrue(primary.percentile(99.0) >= primary.percentile(50.0));
        assertTrue(primary.percentiles().containsKey(100.0));
        assertEquals(2, primary.rawData().get(0).size());
        double iterationMean = primary.rawData().get(0).get(0);
        assertTrue(iterationMean >= primary.percentile(0.0) && iterationMean <= primary.percentile(100.0));
        assertTrue(sample.secondary("p0.99").isPresent(), "1.36's format\u00b7p0.99 is normalized to p0.99");
    }

    @Test
    void groupBenchmarksCarryEachMethodsScoreAsSecondaryMetric() throws Exception {
        for (String file : List.of("foreign/queues-jmh1.35.json", "foreign/queues-jmh1.37.json")) {
            BenchmarkCell group = JmhResultReader.readFile(fixture(file)).get(0);
            assertEquals("org.example.queues.HandoffBenchmark.handoff", group.benchmark());
            assertEquals(2, group.threads());
            Metric offer = group.secondary("offer").orElseThrow();
            Metric poll = group.secondary("poll").orElseThrow();
            assertEquals(group.primary().unit(), offer.unit());
            assertEquals(group.primary().score(), offer.score() + poll.score(), group.primary().score() * 1e-6, file);
        }
    }

    @Test
    void nonFiniteNumbersWrittenAsStringsBecomeDoubles() throws Exception {
        BenchmarkCell cell = JmhResultReader.readFile(fixture("crafted/non-finite.json")).get(0);
        assertEquals(Double.POSITIVE_INFINITY, cell.primary().score());
        assertTrue(Double.isNaN(cell.primary().scoreError()));
        assertEquals(Double.NEGATIVE_INFINITY, cell.primary().confidenceLow());
        assertTrue(Double.isNaN(cell.secondary(BenchmarkCell.ALLOCATION_PER_OP).orElseThrow().score()));
        assertFalse(cell.primary().hasFiniteError());
    }

    @Test
    void gcTimeIsAbsentWhenNoCollectionHappened() throws Exception {
        List<BenchmarkCell> cells = JmhResultReader.readFile(fixture("foreign/strings-jmh1.36.json"));
        assertTrue(cells.stream().anyMatch(cell -> cell.secondary(BenchmarkCell.GC_TIME).isEmpty()));
        assertTrue(cells.stream().anyMatch(cell -> cell.secondary(BenchmarkCell.GC_TIME).isPresent()));
    }

    @Test
    void mergedInputsReportDuplicatesAndKeepTheLaterOne() throws Exception {
        Path original = fixture("foreign/strings-jmh1.37.json");
        Path rerun = temp.resolve("rerun.json");
        Files.copy(original, rerun);
        ResultSet results = JmhResultReader.read(List.of(original, rerun));
        assertEquals(16, results.cells().size());
        assertEquals(16, results.duplicates().size());
        Duplicate duplicate = results.duplicates().get(0);
        assertEquals(rerun, duplicate.kept());
        assertEquals(original, duplicate.dropped());
        assertTrue(results.cells().stream().allMatch(cell -> cell.source().equals(rerun)));
    }

    @Test
    void killedRunFolderIsReadFromItsCells() throws Exception {
        Path run = temp.resolve("run-killed");
        Files.createDirectories(run.resolve("cells"));
        String document = Files.readString(fixture("foreign/strings-jmh1.37.json"));
        List<String> elements = splitTopLevel(document);
        Files.writeString(run.resolve("cells/0001-plus.json"), "[" + elements.get(0) + "]");
        Files.writeString(run.resolve("cells/0002-plus.json"), "[" + elements.get(1) + "]");
        Files.writeString(run.resolve("env.json"), "{\"cores\": 2, \"effort\": \"quick\", \"jvm\": {\"version\": \"17\"}, \"threads\": [1, 2, 4]}");
        ResultSet results = JmhResultReader.read(List.of(run));
        assertEquals(2, results.cells().size());
        assertEquals(List.of(run), results.runFolders());
        RunEnvironment environment = results.environmentOf(results.cells().get(0)).orElseThrow();
        assertEquals(2, environment.cores().getAsInt());
        assertEquals(List.of(1, 2, 4), environment.threads());
        assertEquals("17", environment.property("jvm.version").orElseThrow());
    }

    @Test
    void runFolderPrefersJmhResultOverCells() throws Exception {
        Path run = temp.resolve("run-complete");
        Files.createDirectories(run.resolve("cells"));
        Files.copy(fixture("foreign/strings-jmh1.37.json"), run.resolve("jmh-result.json"));
        Files.writeString(run.resolve("cells/0001-broken.json"), "[");
        assertEquals(16, JmhResultReader.read(List.of(run)).cells().size());
    }

    @Test
    void badInputsNameTheFileAndTheProblem() throws IOException {
        assertProblem(fixture("bad/empty.json"), "empty file");
        assertProblem(fixture("bad/truncated.json"), "truncated JSON");
        assertProblem(fixture("bad/not-jmh.json"), "not JMH output");
        assertProblem(fixture("bad/mixed-units.json"), "mixed units");
        assertProblem(temp.resolve("missing.json"), "no such file");
        Path emptyRun = Files.createDirectories(temp.resolve("empty-run"));
        assertProblem(emptyRun, "no results");
        Path object = Files.writeString(temp.resolve("object.json"), "{\"a\": 1}");
        assertProblem(object, "not JMH output");
    }

    @Test
    void cellEntryThatCannotBeReadAsAFileIsBadInput() throws IOException {
        Path run = temp.resolve("run-odd");
        Path folderNamedLikeACell = Files.createDirectories(run.resolve("cells/0001-cell.json"));
        BadInputException error = assertThrows(BadInputException.class, () -> JmhResultReader.read(List.of(run)));
        assertEquals(folderNamedLikeACell, error.file());
        assertEquals("is a folder, expected a JMH JSON file", error.problem());
    }

    private static void assertProblem(Path input, String expected) {
        BadInputException error = assertThrows(BadInputException.class, () -> JmhResultReader.read(List.of(input)));
        assertEquals(input, error.file());
        assertTrue(error.problem().contains(expected), error.getMessage());
    }

    /** Splits a JSON array's text into its top-level elements (enough for JMH's own output). */
    private static List<String> splitTopLevel(String array) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var elements = new java.util.ArrayList<String>();
        mapper.readTree(array).forEach(node -> elements.add(node.toString()));
        return elements;
    }

    @Test
    void forkMeansAverageEachForksIterations() {
        Metric metric = new Metric(2, 1, 1, 3, "ops/s", new java.util.TreeMap<>(),
                List.of(List.of(1.0, 3.0), List.of(4.0, 6.0)));
        assertArrayEquals(new double[] {2.0, 5.0}, metric.forkMeans());
        assertArrayEquals(new double[] {1.0, 3.0, 4.0, 6.0}, metric.allSamples());
    }
}
