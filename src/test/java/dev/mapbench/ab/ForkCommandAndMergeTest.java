package dev.mapbench.ab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.bench.KeyDistribution;
import dev.mapbench.cli.AbCli;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.ForkJson;
import dev.mapbench.results.JmhResultReader;
import dev.mapbench.results.Json;
import dev.mapbench.runner.Cell;
import dev.mapbench.runner.CellTiming;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkCommandAndMergeTest {

    @TempDir
    Path temp;

    @Test
    void aForkRunsOneJmhForkWithTheRunnersJvmArgsAndOnlyItsSidesProperties() {
        Cell cell = new Cell(MapStrategy.COPY_ON_WRITE, 95, 100, KeyDistribution.UNIFORM, 2);
        List<String> command = ForkCommand.of(Path.of("/jdk/bin/java"), "a.jar:b.jar", cell,
                new CellTiming(6, 2, 150, 4, 100), List.of("-Dmapbench.slowdown=COPY_ON_WRITE:20"), Path.of("f.json"));
        String line = String.join(" ", command);
        assertEquals("/jdk/bin/java", command.get(0));
        assertTrue(line.contains("-Djmh.ignoreLock=true -cp a.jar:b.jar org.openjdk.jmh.Main "
                + "^\\Qdev.mapbench.bench.MapWorkloadBenchmark.operation\\E$ -f 1 -wi 2 -w 150ms -i 4 -r 100ms -t 2"), line);
        assertTrue(line.contains("-p strategy=COPY_ON_WRITE -p readPercent=95 -p size=100 -p keyDistribution=UNIFORM"), line);
        int jvmArgs = command.indexOf("-jvmArgs");
        assertEquals("-Xms1g -Xmx1g -XX:+UseG1GC", command.get(jvmArgs + 1));
        int append = command.indexOf("-jvmArgsAppend");
        assertEquals("-Dmapbench.slowdown=COPY_ON_WRITE:20", command.get(append + 1), "reaches the forked JVM");
        assertTrue(line.endsWith("-prof gc -jvmArgs -Xms1g -Xmx1g -XX:+UseG1GC -jvmArgsAppend "
                + "-Dmapbench.slowdown=COPY_ON_WRITE:20 -foe true -rf json -rff f.json"), line);
        List<String> plain = ForkCommand.of(Path.of("java"), "cp", cell, new CellTiming(1, 1, 1, 1, 1), List.of(),
                Path.of("g.json"));
        assertFalse(plain.contains("-jvmArgsAppend"));
    }

    @Test
    void forksOfTheAbJoinIntoOneCellThatTheReaderSeesAsThatManyForks() throws Exception {
        Path one = fork("one.json", 300, 310, 2.0e-5);
        Path two = fork("two.json", 400, 420, 3.0e-5);
        String merged = ForkJson.join(List.of(Files.readString(one), Files.readString(two)));
        JsonNode element = Json.mapper().readTree(merged).get(0);
        assertEquals(2, element.path("forks").asInt());
        assertEquals(2, element.at("/primaryMetric/rawData").size());
        assertEquals(357.5, element.at("/primaryMetric/score").asDouble(), 1e-9);
        assertTrue(element.at("/primaryMetric/scoreError").asDouble() > 0);
        Path file = temp.resolve("merged.json");
        Files.writeString(file, merged);
        BenchmarkCell cell = JmhResultReader.readFile(file).get(0);
        assertArrayEquals(new double[] {305, 410}, cell.primary().forkMeans(), 1e-9);
        assertArrayEquals(new double[] {2.0e-5, 3.0e-5},
                cell.secondary(BenchmarkCell.ALLOCATION_PER_OP).orElseThrow().forkMeans(), 1e-12);
    }

    @Test
    void aComparisonLabelMapsBackToTheCellIdItCameFrom() throws Exception {
        Path file = fork("one.json", 300, 310, 2.0e-5);
        var ids = CellLabels.idsByLabel(JmhResultReader.read(List.of(file)));
        assertEquals(java.util.Map.of("MapWorkloadBenchmark.operation thrpt strategy=COPY_ON_WRITE readPercent=95 "
                + "size=100 keyDistribution=UNIFORM threads=1", "COPY_ON_WRITE-r95-s100-UNIFORM-t1"), ids);
    }

    @Test
    void aMergedAbNamesItsRegressedCellsByIdSoABisectionCanPlanThem() throws Exception {
        Path shard = Files.createDirectories(temp.resolve("shard-1"));
        Files.writeString(shard.resolve("ab.json"), "{\"baselineCommit\": \"a\", \"candidateCommit\": \"b\", "
                + "\"shard\": \"1/1\", \"rulerComparable\": true, \"seed\": 1, \"forks\": 6}");
        side(shard.resolve("baseline"), 300, 100);
        side(shard.resolve("candidate"), 150, 100); // COPY_ON_WRITE halved, CONCURRENT_HASHMAP the same
        Path merged = temp.resolve("merged");
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int exit = AbCli.run(new String[] {"--merge", shard.toString(), "--out", merged.toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true), new java.io.PrintStream(errors, true));
        assertEquals(AbDecision.REGRESSION, exit, errors::toString);
        JsonNode ab = Json.mapper().readTree(merged.resolve("ab.json").toFile());
        assertEquals("[\"COPY_ON_WRITE-r95-s100-UNIFORM-t1\"]", ab.path("regressedCells").toString());
    }

    /** A run folder of two cells, six forks each around the given scores. */
    private static void side(Path folder, double copyOnWrite, double concurrent) throws Exception {
        Files.createDirectories(folder);
        String forks = "[[%s], [%s], [%s], [%s], [%s], [%s]]";
        double[] jitter = {0.97, 1.01, 0.99, 1.03, 1.00, 0.98};
        StringBuilder json = new StringBuilder("[");
        String[][] cells = {{"COPY_ON_WRITE", Double.toString(copyOnWrite)}, {"CONCURRENT_HASHMAP", Double.toString(concurrent)}};
        for (int c = 0; c < cells.length; c++) {
            double score = Double.parseDouble(cells[c][1]);
            Object[] values = new Object[6];
            for (int i = 0; i < 6; i++) {
                values[i] = score * jitter[(i + c) % 6];
            }
            json.append(c == 0 ? "" : ",").append("{\"jmhVersion\": \"1.37\", \"benchmark\": "
                    + "\"dev.mapbench.bench.MapWorkloadBenchmark.operation\", \"mode\": \"thrpt\", \"threads\": 1, "
                    + "\"forks\": 6, \"jvmArgs\": [], \"warmupIterations\": 2, \"warmupTime\": \"150 ms\", "
                    + "\"measurementIterations\": 1, \"measurementTime\": \"100 ms\", \"params\": {\"strategy\": \""
                    + cells[c][0] + "\", \"readPercent\": \"95\", \"size\": \"100\", \"keyDistribution\": \"UNIFORM\"}, "
                    + "\"primaryMetric\": {\"score\": " + score + ", \"scoreError\": \"NaN\", \"scoreUnit\": \"ops/us\", "
                    + "\"rawData\": " + String.format(java.util.Locale.ROOT, forks, values) + "}, \"secondaryMetrics\": {}}");
        }
        Files.writeString(folder.resolve("jmh-result.json"), json.append("]").toString());
    }

    private Path fork(String name, double first, double second, double bytes) throws Exception {
        String gcCount = name.equals("one.json") ? ", \"gc.count\": {\"score\": 1, \"scoreError\": \"NaN\", "
                + "\"scoreUnit\": \"counts\", \"rawData\": [[1, 0]]}" : "";
        String json = "[{\"jmhVersion\": \"1.37\", \"benchmark\": \"dev.mapbench.bench.MapWorkloadBenchmark.operation\", "
                + "\"mode\": \"thrpt\", \"threads\": 1, \"forks\": 1, \"jvmArgs\": [\"-Xms1g\"], "
                + "\"warmupIterations\": 2, \"warmupTime\": \"150 ms\", \"measurementIterations\": 2, "
                + "\"measurementTime\": \"100 ms\", \"params\": {\"strategy\": \"COPY_ON_WRITE\", \"readPercent\": \"95\", "
                + "\"size\": \"100\", \"keyDistribution\": \"UNIFORM\"}, "
                + "\"primaryMetric\": {\"score\": " + (first + second) / 2 + ", \"scoreError\": \"NaN\", "
                + "\"scoreUnit\": \"ops/us\", \"rawData\": [[" + first + ", " + second + "]]}, "
                + "\"secondaryMetrics\": {\"gc.alloc.rate.norm\": {\"score\": " + bytes + ", \"scoreError\": \"NaN\", "
                + "\"scoreUnit\": \"B/op\", \"rawData\": [[" + bytes + ", " + bytes + "]]}" + gcCount + "}}]";
        Path file = temp.resolve(name);
        Files.writeString(file, json);
        return file;
    }
}
