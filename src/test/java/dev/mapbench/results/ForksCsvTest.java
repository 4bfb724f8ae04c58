package dev.mapbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForksCsvTest {

    private static final ForkRow ROW = new ForkRow(1, "COPY_ON_WRITE-r95-s100-UNIFORM-t1", 2, 3, "verdict open, \"CI\"",
            Instant.parse("2026-12-01T21:31:30.517070840Z"), 2.5, 41.25, "ops/us", 40.5, 2, 6);

    @TempDir
    Path temp;

    private String error(String csv) throws IOException {
        Path file = temp.resolve("forks.csv");
        Files.writeString(file, csv);
        return assertThrows(BadInputException.class, () -> ForksCsv.read(file)).getMessage();
    }

    @Test
    void writtenRowsReadBackWithTheirVersion() throws Exception {
        Path file = temp.resolve("forks.csv");
        ForksCsv.write(file, List.of(ROW, ROW.withOrder(2)));
        assertEquals(List.of(ROW, ROW.withOrder(2)), ForksCsv.read(file));
        List<String> lines = Files.readAllLines(file);
        assertEquals(String.join(",", ForksCsv.HEADER), lines.get(0));
        assertEquals("order,cell,fork,round,reason,startedAt,seconds,score,unit,value,steadyFrom,warmupIterations,status,detail,version",
                lines.get(0));
        assertEquals(",2", lines.get(1).substring(lines.get(1).length() - 2));
    }

    @Test
    void aFileWrittenBeforeSteadyStateValuesReadsItsScoreAsTheValue() throws Exception {
        Path file = temp.resolve("forks.csv");
        Files.writeString(file, "order,cell,fork,round,reason,startedAt,seconds,score,unit,fromLater\n"
                + "1,X-t1,1,1,first,2026-01-01T00:00:00Z,2.0,300.0,ops/us,ignored\n");
        ForkRow row = ForksCsv.read(file).get(0);
        assertEquals(300.0, row.value());
        assertEquals(0, row.steadyFrom());
        assertEquals(-1, row.warmupIterations());
    }

    @Test
    void noFileMeansNoForks() throws BadInputException {
        assertEquals(List.of(), ForksCsv.read(temp.resolve("forks.csv")));
    }

    @Test
    void badRowsAreOneErrorNamingTheFileTheRowAndTheColumn() throws IOException {
        Path file = temp.resolve("forks.csv");
        String header = "order,cell,fork,round,reason,startedAt,seconds,score,unit,version\n";
        assertEquals(file + ": not a mapbench forks.csv: row 1, column score: 'fast' is not a number",
                error(header + "1,X-t1,1,1,first,2026-01-01T00:00:00Z,2.0,fast,ops/us,1\n"));
        assertEquals(file + ": not a mapbench forks.csv: row 1, column startedAt: 'monday' is not an ISO-8601 instant",
                error(header + "1,X-t1,1,1,first,monday,2.0,3.0,ops/us,1\n"));
        assertEquals(file + ": not a mapbench forks.csv: row 1 has no column 'score'", error("order\n1\n"));
        assertEquals(file + ": format version 3 is newer than this mapbench reads (up to 2); read it with the "
                + "mapbench that wrote it or a later one", error(header + "1,X-t1,1,1,first,2026-01-01T00:00:00Z,2.0,3.0,ops/us,3\n"));
    }
}
