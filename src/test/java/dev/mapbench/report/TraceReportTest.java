package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.recorder.Trace;
import dev.mapbench.recorder.TraceKey;
import dev.mapbench.recorder.TraceOperation;
import dev.mapbench.results.Json;
import dev.mapbench.trace.TraceProfile;
import dev.mapbench.workload.Benchmarks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that replayed a trace shows the trace's profile beside its verdicts. */
class TraceReportTest {

    @TempDir
    Path folder;

    private static void traceCell(ArrayNode results, String strategy, double... forks) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode cell = results.addObject();
        cell.put("jmhVersion", "1.37");
        cell.put("benchmark", Benchmarks.TRACE);
        cell.put("mode", "thrpt");
        cell.put("threads", 2);
        cell.put("forks", forks.length);
        cell.putObject("params").put("strategy", strategy).put("trace", "/somewhere/service.trace")
                .put("maxEvents", "4194304");
        ObjectNode metric = mapper.createObjectNode();
        metric.put("score", forks[0]);
        metric.put("scoreError", "NaN");
        metric.put("scoreUnit", "ops/us");
        ArrayNode raw = metric.putArray("rawData");
        for (double fork : forks) {
            raw.addArray().add(fork).add(fork);
        }
        cell.set("primaryMetric", metric);
        cell.putObject("secondaryMetrics");
    }

    @Test
    void reportShowsTheTraceProfileAndItsVerdicts() throws Exception {
        Path run = Files.createDirectories(folder.resolve("run"));
        ArrayNode results = Json.mapper().createArrayNode();
        traceCell(results, "CONCURRENT_HASHMAP", 50, 51, 49, 50, 52);
        traceCell(results, "SYNCHRONIZED_MAP", 10, 11, 10, 9, 10);
        Files.writeString(run.resolve("jmh-result.json"), Json.pretty(results));
        Trace trace = new Trace("mapbench-recorder 1", "recorder", false, 0, 2_500_000,
                List.of(new TraceKey(TraceKey.Kind.NUMBER, 8, true), new TraceKey(TraceKey.Kind.NUMBER, 8, false)),
                List.of(new long[] {Trace.event(TraceOperation.GET, 0, true, 8), Trace.event(TraceOperation.GET, 0, true, 8),
                        Trace.event(TraceOperation.PUT, 1, false, 8)}, new long[] {Trace.event(TraceOperation.GET, 1, true, 8)}));
        Path traces = Files.createDirectories(run.resolve("traces"));
        Files.writeString(traces.resolve("trace-service.profile.json"), Json.pretty(TraceProfile.of("service.trace", trace)));

        Path out = new ReportWriter().write(List.of(run), folder.resolve("report"), Optional.empty());
        String html = Files.readString(out);
        assertTrue(html.contains("Replayed trace: trace-service"), "the section");
        assertTrue(html.contains("service.trace: 4 events from recorder"), "the profile");
        assertTrue(html.contains("<td>get</td><td>3</td><td>75.0 %</td>"), "the mix");
        assertTrue(html.contains("Closest preset by profile: <b>"), "the closest preset");
        assertTrue(html.matches("(?s).*<td>CONCURRENT_HASHMAP</td><td><span class=\"badge best\".*"), "the best");
        assertTrue(html.matches("(?s).*<td>SYNCHRONIZED_MAP</td><td><span class=\"badge slower\".*"), "the slower");
    }
}
