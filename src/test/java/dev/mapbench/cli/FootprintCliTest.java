package dev.mapbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapbench.footprint.FootprintFiles;
import dev.mapbench.footprint.FootprintPhase;
import dev.mapbench.footprint.FootprintReport;
import dev.mapbench.maps.MapStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FootprintCliTest {

    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @Test
    void writesOneJsonAndCsvRowPerStrategySizeAndPhase() throws IOException {
        int exit = run("--sizes", "8,16", "--out", dir.toString());

        assertEquals(0, exit, stderr::toString);
        List<String> outLines = stdout.toString().lines().toList();
        assertEquals("footprint: " + dir.resolve("footprint.json"), outLines.get(outLines.size() - 1));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("footprint.json").toFile());
        assertEquals(FootprintReport.FORMAT, json.get("format").asText());
        assertEquals(System.getProperty("java.vm.vendor"), json.at("/jvm/vendor").asText());
        assertEquals(System.getProperty("java.runtime.version"), json.at("/jvm/version").asText());
        assertTrue(json.at("/jvm/jolDetails").asText().contains("VM mode"));
        JsonNode rows = json.get("rows");
        assertEquals(MapStrategy.values().length * 2 * FootprintPhase.values().length, rows.size());
        JsonNode first = rows.get(0);
        assertEquals(MapStrategy.values()[0].name(), first.get("strategy").asText());
        assertEquals(8, first.get("size").asInt());
        assertEquals("created", first.get("phase").asText());

        List<CSVRecord> csv = readCsv(dir.resolve("footprint.csv"));
        assertEquals(rows.size(), csv.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            CSVRecord line = csv.get(i);
            for (String column : List.of("strategy", "size", "phase", "entries", "totalBytes", "structureBytes",
                    "payloadBytes")) {
                assertEquals(row.get(column).asText(), line.get(column), "row " + i + " column " + column);
            }
            assertEquals(json.at("/jvm/sizeSource").asText(), line.get("sizeSource"));
        }
    }

    @Test
    void copyOnWriteRowsShowTheEmptiedSnapshotShrinkingAndHashMapsNot() throws IOException {
        int exit = run("--sizes", "64", "--strategies", "COPY_ON_WRITE,rwlock_hashmap", "--out", dir.toString());

        assertEquals(0, exit, stderr::toString);
        JsonNode rows = new ObjectMapper().readTree(dir.resolve("footprint.json").toFile()).get("rows");
        assertEquals(8, rows.size());
        long cowFilled = structure(rows, "COPY_ON_WRITE", "filled");
        long cowEmptied = structure(rows, "COPY_ON_WRITE", "emptied");
        long lockedCreated = structure(rows, "RWLOCK_HASHMAP", "created");
        long lockedEmptied = structure(rows, "RWLOCK_HASHMAP", "emptied");
        assertTrue(cowEmptied < cowFilled / 10, cowEmptied + " vs " + cowFilled);
        assertTrue(lockedEmptied > lockedCreated, lockedEmptied + " vs " + lockedCreated);
    }

    @Test
    void aJsonPathGetsItsCsvBesideIt() throws IOException {
        Path json = dir.resolve("nested/mine.json");

        int exit = run("--sizes", "4", "--strategies", "CONCURRENT_HASHMAP", "--out", json.toString());

        assertEquals(0, exit, stderr::toString);
        assertEquals(4, new ObjectMapper().readTree(json.toFile()).get("rows").size());
        assertEquals(4, readCsv(dir.resolve("nested/mine.csv")).size());
    }

    @Test
    void anOutThatCannotWorkIsRefusedBeforeMeasuringAndChangesNothing() throws IOException {
        Files.writeString(dir.resolve("footprint.json"), "earlier");
        Files.createDirectories(dir.resolve("footprint.csv"));
        Path plainFile = Files.writeString(dir.resolve("notes.txt"), "mine");

        int csvBlocked = run("--sizes", "4", "--out", dir.toString());
        int notJson = run("--sizes", "4", "--out", plainFile.toString());

        assertEquals(FootprintCli.EXIT_BAD_INPUT, csvBlocked);
        assertEquals(FootprintCli.EXIT_BAD_INPUT, notJson);
        List<String> errors = stderr.toString().lines().toList();
        assertEquals(List.of("error: " + dir.resolve("footprint.csv") + ": is a directory; cannot write the CSV there",
                "error: " + plainFile + ": --out is an existing file that does not end in .json; give a .json file"
                        + " or a directory"), errors);
        assertEquals("earlier", Files.readString(dir.resolve("footprint.json")));
        assertEquals("mine", Files.readString(plainFile));
        assertEquals("", stdout.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--sizes 0", "--sizes abc", "--sizes 2000000", "--sizes 10,-1",
        "--strategies NO_SUCH_MAP", "--unknown", ""})
    void badArgumentsGiveOneErrorLineExitTwoAndNoFile(String badArguments) throws IOException {
        String arguments = badArguments.isEmpty() ? "" : badArguments + " --out " + dir;
        String[] args = arguments.isEmpty() ? new String[0] : arguments.split(" ");

        int exit = run(args);

        assertEquals(FootprintCli.EXIT_BAD_INPUT, exit);
        List<String> errors = stderr.toString().lines().toList();
        assertEquals(1, errors.size(), stderr::toString);
        assertTrue(errors.get(0).startsWith("error: "), errors.get(0));
        assertEquals("", stdout.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    private int run(String... args) {
        return FootprintCli.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
    }

    private static long structure(JsonNode rows, String strategy, String phase) {
        for (JsonNode row : rows) {
            if (row.get("strategy").asText().equals(strategy) && row.get("phase").asText().equals(phase)) {
                return row.get("structureBytes").asLong();
            }
        }
        throw new AssertionError("no row " + strategy + "/" + phase);
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = format.parse(reader).getRecords();
            assertEquals(List.of(FootprintFiles.CSV_HEADER), records.isEmpty() ? List.of()
                    : List.copyOf(records.get(0).getParser().getHeaderNames()));
            return records;
        }
    }
}
