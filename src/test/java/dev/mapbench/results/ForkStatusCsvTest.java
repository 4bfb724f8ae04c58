package dev.mapbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkStatusCsvTest {

    @TempDir
    Path temp;

    @Test
    void aTimedOutAndACorruptedForkReadBackWithTheirStatusAndDetail() throws Exception {
        Path file = temp.resolve("forks.csv");
        ForkRow measured = new ForkRow(1, "CONCURRENT_HASHMAP-r100-s100-UNIFORM-t1", 1, 1, "first", Instant.EPOCH, 1.5,
                300, "ops/us", 300, 0, 1);
        ForkRow timedOut = ForkRow.unmeasured(2, "org.example.HangingMap-r100-s100-UNIFORM-t1", 1, 1, "first",
                Instant.EPOCH, 61.2, -1, ForkStatus.TIMED_OUT, "ran past its limit of 61 s");
        ForkRow corrupted = ForkRow.unmeasured(3, "org.example.CorruptingMap-r50-s100-UNIFORM-t4", 1, 1, "first",
                Instant.EPOCH, 2.0, -1, ForkStatus.CORRUPTED, "size() is 97 but a walk visits 100 entries");
        ForksCsv.write(file, List.of(measured, timedOut, corrupted));
        List<ForkRow> read = ForksCsv.read(file);
        assertEquals(ForkStatus.MEASURED, read.get(0).status());
        assertEquals(ForkStatus.TIMED_OUT, read.get(1).status());
        assertEquals("ran past its limit of 61 s", read.get(1).detail());
        assertTrue(Double.isNaN(read.get(1).value()), "a timed-out fork has no value");
        assertEquals(ForkStatus.CORRUPTED, read.get(2).status());
        assertTrue(Files.readAllLines(file).get(2).contains(",timed-out,"), Files.readString(file));
        assertTrue(Files.readAllLines(file).get(0).endsWith("status,detail,version"));
    }

    @Test
    void aVersionOneFileWithoutTheStatusColumnReadsEveryForkAsMeasured() throws Exception {
        Path file = temp.resolve("forks.csv");
        Files.writeString(file, "order,cell,fork,round,reason,startedAt,seconds,score,unit,value,steadyFrom,"
                + "warmupIterations,version\n1,X-t1,1,1,first,2026-01-01T00:00:00Z,2.0,300.0,ops/us,300.0,0,1,1\n");
        ForkRow row = ForksCsv.read(file).get(0);
        assertEquals(ForkStatus.MEASURED, row.status());
        assertEquals("", row.detail());
    }

    @Test
    void anUnknownStatusIsOneErrorNamingTheRowAndColumn() throws Exception {
        Path file = temp.resolve("forks.csv");
        Files.writeString(file, String.join(",", ForksCsv.HEADER) + "\n"
                + "1,X-t1,1,1,first,2026-01-01T00:00:00Z,2.0,NaN,,NaN,0,1,stuck,,2\n");
        BadInputException bad = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> ForksCsv.read(file));
        assertEquals(file + ": not a mapbench forks.csv: row 1, column status: 'stuck' is not measured, timed-out or "
                + "corrupted", bad.getMessage());
    }
}
