package dev.mapbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SIX_FORKS = Path.of("src/test/resources/fixtures/forks/six-forks-by-jmh.json");

    @Test
    void joiningSingleForksGivesWhatJmhWroteForAllForks() throws Exception {
        JsonNode byJmh = JSON.readTree(SIX_FORKS.toFile()).get(0);
        JsonNode joined = JSON.readTree(ForkJson.join(split(byJmh))).get(0);

        assertEquals(6, joined.path("forks").asInt());
        assertSameMetric(byJmh.path("primaryMetric"), joined.path("primaryMetric"), "primary");
        Iterator<Map.Entry<String, JsonNode>> secondaries = byJmh.path("secondaryMetrics").fields();
        while (secondaries.hasNext()) {
            Map.Entry<String, JsonNode> metric = secondaries.next();
            JsonNode ours = joined.path("secondaryMetrics").path(metric.getKey());
            if (metric.getKey().equals("gc.count") || metric.getKey().equals("gc.time")) {
                assertEquals(metric.getValue().path("score").asDouble(), ours.path("score").asDouble(), 1e-9, metric.getKey());
                assertEquals("NaN", ours.path("scoreError").asText(), metric.getKey());
            } else {
                assertSameMetric(metric.getValue(), ours, metric.getKey());
            }
        }
        ResultSet read = JmhResultReader.read(List.of(writeTemp(ForkJson.join(split(byJmh)))));
        assertEquals(6, read.cells().get(0).primary().forkMeans().length, "the reader sees six forks");
    }

    @Test
    void aForkThatIsNotOneResultIsRefused() {
        IOException refused = assertThrows(IOException.class, () -> ForkJson.join(List.of("[]")));
        assertEquals("a fork's JMH JSON must be an array of one result, got []", refused.getMessage());
    }

    private static void assertSameMetric(JsonNode expected, JsonNode actual, String name) {
        assertClose(expected.path("score").asDouble(), actual.path("score").asDouble(), name + " score");
        assertClose(expected.path("scoreError").asDouble(), actual.path("scoreError").asDouble(), name + " error");
        for (int i = 0; i < 2; i++) {
            assertClose(expected.path("scoreConfidence").get(i).asDouble(), actual.path("scoreConfidence").get(i).asDouble(),
                    name + " confidence " + i);
        }
        expected.path("scorePercentiles").fields().forEachRemaining(p -> assertClose(p.getValue().asDouble(),
                actual.path("scorePercentiles").path(p.getKey()).asDouble(), name + " p" + p.getKey()));
        assertEquals(expected.path("rawData"), actual.path("rawData"), name + " raw data, fork by fork");
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
    }

    /** The cell as six one-fork results: each fork's raw data, its own score (mean, or sum for gc.count/time). */
    private static List<String> split(JsonNode cell) throws IOException {
        int forks = cell.path("primaryMetric").path("rawData").size();
        List<String> single = new ArrayList<>();
        for (int fork = 0; fork < forks; fork++) {
            ObjectNode one = cell.deepCopy();
            one.put("forks", 1);
            restrict((ObjectNode) one.path("primaryMetric"), fork, false);
            Iterator<Map.Entry<String, JsonNode>> secondaries = one.path("secondaryMetrics").fields();
            while (secondaries.hasNext()) {
                Map.Entry<String, JsonNode> metric = secondaries.next();
                restrict((ObjectNode) metric.getValue(), fork, metric.getKey().startsWith("gc.count")
                        || metric.getKey().startsWith("gc.time"));
            }
            ArrayNode array = JSON.createArrayNode();
            array.add(one);
            single.add(JSON.writeValueAsString(array));
        }
        return single;
    }

    private static void restrict(ObjectNode metric, int fork, boolean summed) {
        JsonNode values = metric.path("rawData").get(fork);
        double sum = 0;
        for (JsonNode value : values) {
            sum += value.asDouble();
        }
        metric.put("score", summed ? sum : sum / values.size());
        ArrayNode raw = JSON.createArrayNode();
        raw.add(values.deepCopy());
        metric.set("rawData", raw);
    }

    private static Path writeTemp(String json) throws IOException {
        Path file = Files.createTempFile("joined", ".json");
        Files.writeString(file, json);
        file.toFile().deleteOnExit();
        return file;
    }
}
