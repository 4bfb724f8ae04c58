package dev.mapbench.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.cli.TraceCli;
import dev.mapbench.recorder.Trace;
import dev.mapbench.recorder.TraceFile;
import dev.mapbench.recorder.TraceOperation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwitterTraceImporterTest {

    @TempDir
    Path folder;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TraceCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void operationsMapAsDocumentedAndEachClientIsAThread() throws Exception {
        Path csv = folder.resolve("t.csv");
        Files.write(csv, List.of(
                "10,kA,2,0,c1,get,0",
                "10,kA,2,50,c1,set,0",
                "11,kB,2,0,c2,gets,0",
                "11,kA,2,50,c2,add,0",
                "12,kA,2,50,c1,replace,0",
                "12,kB,2,9,c3,cas,0",
                "12,kB,2,9,c3,append,0",
                "13,kB,2,9,c3,prepend,0",
                "13,kA,2,0,c1,delete,0",
                "14,kC,5,0,c2,incr,0",
                "15,kC,5,0,c2,decr,0"));
        Trace trace = TwitterTraceImporter.read(csv);
        long[] counts = trace.operationCounts();
        assertEquals(2, counts[TraceOperation.GET.code()]);
        assertEquals(6, counts[TraceOperation.PUT.code()]);
        assertEquals(1, counts[TraceOperation.REMOVE.code()]);
        assertEquals(2, counts[TraceOperation.MERGE.code()]);
        assertEquals(3, trace.threads().size());
        assertEquals(4, trace.threads().get(0).length, "client c1's four requests, in order");
        assertEquals(5_000_000, trace.durationMicros());
        // kA's first request is a get: present at the start; kC's an incr: present too
        assertTrue(trace.keys().get(0).presentAtStart());
        assertEquals(2, trace.keys().get(0).size());
        assertTrue(Trace.hit(trace.threads().get(0)[0]));
        long delete = trace.threads().get(0)[3];
        assertEquals(TraceOperation.REMOVE, Trace.operation(delete));
        assertTrue(Trace.hit(delete));
        assertEquals(50, Trace.valueSize(trace.threads().get(0)[1]));
        assertEquals(-1, Trace.valueSize(trace.threads().get(0)[0]));
    }

    @Test
    void keyFirstSetIsAbsentAtTheStart() throws Exception {
        Path csv = folder.resolve("t.csv");
        Files.write(csv, List.of("1,k,1,5,c,set,0", "1,k,1,0,c,get,0"));
        Trace trace = TwitterTraceImporter.read(csv);
        assertFalse(trace.keys().get(0).presentAtStart());
        assertFalse(Trace.hit(trace.threads().get(0)[0]));
        assertTrue(Trace.hit(trace.threads().get(0)[1]));
    }

    @Test
    void generatedCsvImportsAndProfilesThroughTheCli() throws Exception {
        Path csv = TwitterCsv.write(folder.resolve("cluster.csv"), 50_000, 2_000, 1.0, 3, 11);
        Path out = folder.resolve("cluster.trace");
        String[] imported = run("import", "--format", "twitter", csv.toString(), out.toString());
        assertEquals("0", imported[0], imported[2]);
        String[] profiled = run("profile", out.toString(), "--json", folder.resolve("p.json").toString());
        assertEquals("0", profiled[0], profiled[2]);
        String text = profiled[1];
        assertTrue(text.contains("50000 events, source twitter"), text);
        assertTrue(text.matches("(?s).*\\nget +\\d+ +7\\d\\.\\d\\d %.*"), text);
        assertTrue(text.contains("threads                     3"), text);
        assertTrue(text.contains("skew: Zipf exponent 1.0") || text.contains("skew: Zipf exponent 0.9"), text);
        assertTrue(text.contains("closest preset: "), text);
        assertTrue(Files.readString(folder.resolve("p.json")).contains("\"closestPreset\""));
        assertEquals(50_000, TraceFile.read(out).events());
    }

    @Test
    void unknownOperationIsOneErrorLineWithTheCsvLine() throws Exception {
        Path csv = folder.resolve("bad.csv");
        Files.write(csv, List.of("1,k,1,5,c,set,0", "1,k,1,0,c,touch,0"));
        String[] result = run("import", "--format", "twitter", csv.toString(), folder.resolve("o.trace").toString());
        assertEquals("2", result[0]);
        assertEquals("error: " + csv + ": line 2: unknown operation 'touch'; known: get, gets, set, add, replace, cas, "
                + "append, prepend, delete, incr, decr\n", result[2]);
        assertFalse(Files.exists(folder.resolve("o.trace")), "nothing written");
    }

    @Test
    void wrongColumnsAndBadNumbersNameTheirLine() throws Exception {
        Path csv = folder.resolve("bad.csv");
        Files.write(csv, List.of("1,k,1,5,c,set,0", "1,k,1,0,c,get"));
        assertTrue(run("import", "--format", "twitter", csv.toString(), "o").clone()[2]
                .startsWith("error: " + csv + ": line 2: 6 columns; a Twitter cache trace has 7"));
        Files.write(csv, List.of("x,k,1,5,c,set,0"));
        assertTrue(run("import", "--format", "twitter", csv.toString(), "o")[2]
                .startsWith("error: " + csv + ": line 1: timestamp 'x' is not a whole number"));
    }

    @Test
    void profileOfABadFileIsOneErrorLineWithTheByteOffsetAndExitTwo() throws Exception {
        Path notATrace = folder.resolve("x.trace");
        Files.writeString(notATrace, "hello");
        String[] result = run("profile", notATrace.toString());
        assertEquals("2", result[0]);
        assertEquals("error: " + notATrace + ": byte 5: file ends inside the magic number\n", result[2]);
    }

    @Test
    void unknownFormatIsRefused() {
        String[] result = run("import", "--format", "arc", "a.csv", "b.trace");
        assertEquals("2", result[0]);
        assertTrue(result[2].contains("allowed: twitter"));
    }
}
