package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.report.analysis.StrategyGroups;
import dev.mapbench.results.JmhResultReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report groups strategies as JDK, library and plug-in: in the verdict table beside each name and in a
 * line above it, with each plug-in's linearizability verdict; a plug-in that ran as unsafe is never a winner.
 */
class StrategyGroupsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = "org.example.TeamMap";
    private static final String RACY = "org.example.RacyMap";

    @TempDir
    Path temp;

    /** A run of CHM, Caffeine and two plug-ins, both plug-ins made far faster than anything else. */
    private Path run(boolean withEnvFields) throws Exception {
        Path folder = new SyntheticRun().writeRun(temp.resolve("run"), new SyntheticRun.Matrix(
                List.of("CONCURRENT_HASHMAP", "CAFFEINE", TEAM, RACY), List.of(100, 0), List.of(100L), List.of("UNIFORM"),
                List.of(1, 2), 5, 2, false));
        JsonNode cells = JSON.readTree(folder.resolve("jmh-result.json").toFile());
        for (JsonNode cell : cells) {
            String strategy = cell.path("params").path("strategy").asText();
            if (strategy.startsWith("org.example.")) {
                // verdicts rest on the forks' values: the plug-ins' forks, not only their score, are the fastest
                double score = strategy.equals(RACY) ? 5000.0 : 1000.0;
                ObjectNode primary = (ObjectNode) cell.path("primaryMetric");
                primary.put("score", score);
                for (JsonNode fork : primary.path("rawData")) {
                    for (int i = 0; i < fork.size(); i++) {
                        ((ArrayNode) fork).set(i, JSON.getNodeFactory().numberNode(score * (1 + 0.01 * i)));
                    }
                }
            }
            if (strategy.equals(RACY)) {
                ((ArrayNode) cell.path("jvmArgs")).add("-Dbench.unsafe=" + RACY);
            }
        }
        JSON.writeValue(folder.resolve("jmh-result.json").toFile(), cells);
        if (withEnvFields) {
            ObjectNode env = (ObjectNode) JSON.readTree(folder.resolve("env.json").toFile());
            ObjectNode groups = env.putObject("strategyGroups");
            groups.put("CONCURRENT_HASHMAP", "jdk").put("CAFFEINE", "library").put(TEAM, "plugin").put(RACY, "plugin");
            env.putArray("unsafePlugins").add(RACY);
            ObjectNode checks = env.putObject("linearizabilityChecks");
            checks.putObject(TEAM).put("verdict", "linearizable").put("tool", "Lincheck 3.7").put("seconds", 48.1);
            checks.putObject(RACY).put("verdict", "not checked: marked unsafe");
            JSON.writeValue(folder.resolve("env.json").toFile(), env);
        }
        return folder;
    }

    @Test
    void verdictTableNamesEachStrategysGroupAndNeverCrownsAnUnsafePlugin() throws Exception {
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(run(true).toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String html = Files.readString(out.resolve("index.html"));
        String verdicts = html.substring(html.indexOf("<section id=\"verdicts\">"), html.indexOf("</section>",
                html.indexOf("<section id=\"verdicts\">")));

        assertTrue(verdicts.contains("<td class=\"best\">" + TEAM + " <span class=\"origin\">plugin</span><br>"), verdicts);
        assertFalse(verdicts.contains("<td class=\"best\">" + RACY), "an unsafe plug-in is a baseline, never the best");
        assertTrue(verdicts.contains("<span class=\"origin\">jdk</span> CONCURRENT_HASHMAP."), verdicts);
        assertTrue(verdicts.contains("<span class=\"origin\">library</span> CAFFEINE."), verdicts);
        assertTrue(verdicts.contains("<span class=\"origin\">plugin</span> " + TEAM + " (Lincheck 3.7: linearizable, 48.1 s), "
                + RACY + " (marked unsafe: 100 % reads only, not checked)."), verdicts);
    }

    @Test
    void withoutEnvJsonFieldsConstantsKeepTheirGroupAndTheForksArgumentsMarkTheUnsafePlugin() throws Exception {
        StrategyGroups groups = StrategyGroups.of(JmhResultReader.read(List.of(run(false))));
        assertEquals("library", groups.groupOf("CAFFEINE"));
        assertEquals("jdk", groups.groupOf("UNSYNCHRONIZED_HASHMAP"));
        assertEquals("plugin", groups.groupOf(TEAM));
        assertEquals("", groups.groupOf("SOMETHING_ELSE"));
        assertFalse(groups.threadSafe(RACY), "-Dbench.unsafe in its forks' arguments");
        assertTrue(groups.threadSafe(TEAM));
        assertFalse(groups.threadSafe("UNSYNCHRONIZED_HASHMAP"));
        assertEquals(Optional.empty(), groups.check(TEAM));
    }
}
