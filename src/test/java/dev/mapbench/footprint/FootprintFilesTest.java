package dev.mapbench.footprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mapbench.maps.MapStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FootprintFilesTest {

    private static final FootprintReport REPORT = new FootprintReport(FootprintReport.FORMAT, "2026-01-01T00:00:00Z",
            FootprintReport.KEYS, FootprintReport.VALUES, MeasuringJvm.current(),
            List.of(new FootprintRow(MapStrategy.COPY_ON_WRITE, 2, FootprintPhase.EMPTIED, 0, 104, 104, 0)));

    @TempDir
    Path dir;

    @Test
    void aDirectoryOutGetsTheStandardNamesAndAJsonOutItsOwn() {
        assertEquals(new FootprintFiles(dir.resolve("footprint.json"), dir.resolve("footprint.csv")),
                FootprintFiles.at(dir));
        assertEquals(new FootprintFiles(dir.resolve("run.json"), dir.resolve("run.csv")),
                FootprintFiles.at(dir.resolve("run.json")));
        assertEquals(new FootprintFiles(dir.resolve("new/footprint.json"), dir.resolve("new/footprint.csv")),
                FootprintFiles.at(dir.resolve("new")));
    }

    @Test
    void writeReplacesEarlierFilesWithTheWholeReport() throws IOException {
        FootprintFiles files = FootprintFiles.at(dir);
        Files.writeString(files.json(), "earlier");
        Files.writeString(files.csv(), "earlier");

        files.write(REPORT);

        JsonNode row = new ObjectMapper().readTree(files.json().toFile()).get("rows").get(0);
        assertEquals("COPY_ON_WRITE", row.get("strategy").asText());
        assertEquals("emptied", row.get("phase").asText());
        assertEquals(104, row.get("structureBytes").asLong());
        List<String> csv = Files.readAllLines(files.csv());
        assertEquals(String.join(",", FootprintFiles.CSV_HEADER), csv.get(0));
        assertEquals("COPY_ON_WRITE,2,emptied,0,104,104,0,", csv.get(1).substring(0, 36));
        assertEquals(List.of("footprint.csv", "footprint.json"), namesIn(dir));
    }

    @Test
    void aFailedRenameLeavesTheEarlierJsonWholeAndNoTemporaryFile() throws IOException {
        Path json = Files.writeString(dir.resolve("footprint.json"), "earlier");
        Path csv = Files.createDirectories(dir.resolve("blocked"));
        Files.writeString(csv.resolve("inside"), "x"); // a non-empty directory cannot be renamed over

        assertThrows(IOException.class, () -> new FootprintFiles(json, csv).write(REPORT));

        assertEquals("earlier", Files.readString(json));
        assertEquals(List.of("blocked", "footprint.json"), namesIn(dir));
    }

    private static List<String> namesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
