package dev.mapbench.ab.bisect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mapbench.ab.AbRunner;
import dev.mapbench.results.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bisection's text, Markdown, HTML and JSON: the answer's last line, the culprit, every step. */
class BisectRenderTest {

    private static BisectResult found() throws Exception {
        CommitRange range = BisectionTest.range(8);
        List<Commit> commits = new ArrayList<>(range.commits());
        commits.set(4, new Commit(commits.get(4).hash(), "RWLOCK_HASHMAP: get checks <b>twice</b>",
                List.of("src/main/java/dev/mapbench/maps/ReadWriteLockHashMap.java")));
        range = new CommitRange(range.good(), commits);
        return BisectionTest.bisect(BisectionTest.slowFrom(BisectionTest.machine(), range, 5, 0.5), range);
    }

    @Test
    void theTextEndsWithTheFirstBadCommitsFullHashAndNamesItsFilesEffectAndSteps() throws Exception {
        BisectResult result = found();
        String text = BisectRender.text(result);
        List<String> lines = text.lines().toList();
        assertEquals("first bad commit: " + result.culprit().hash(), lines.get(lines.size() - 1));
        assertTrue(lines.get(0).startsWith("RESULT: first bad commit " + result.culprit().shortHash()
                + " \"RWLOCK_HASHMAP: get checks <b>twice</b>\" (3 steps, "), lines.get(0));
        assertTrue(text.contains("  changed files: src/main/java/dev/mapbench/maps/ReadWriteLockHashMap.java"), text);
        assertTrue(text.contains("  effect: RWLOCK_HASHMAP-r100-s100-UNIFORM-t1 (score): culprit/good speed 0.4")
                || text.contains("  effect: RWLOCK_HASHMAP-r100-s100-UNIFORM-t1 (score): culprit/good speed 0.5"), text);
        assertTrue(text.contains("(95 % interval, 6 forks a side, step 3)"), text);
        assertTrue(text.contains("step 1: " + result.steps().get(0).commit().shortHash() + " (4 of 8) \"commit 4\": same "
                + "as good at 6 forks a side"), text);
        assertTrue(text.contains("RWLOCK_HASHMAP-r50-s100-UNIFORM-t1: same as bad: shows the regression against good"), text);
        assertTrue(text.contains("same as bad: FIRST BAD COMMIT"), text);
        assertTrue(text.contains("wall time: ") && text.contains("builds: 5 commits, each once"), text);
    }

    @Test
    void theMarkdownLeadsWithTheCulpritAndTablesTheSteps() throws Exception {
        BisectResult result = found();
        String markdown = BisectRender.markdown(result);
        assertTrue(markdown.startsWith("## mapbench bisect: `"), markdown);
        assertTrue(markdown.contains("**:mag: RESULT: first bad commit " + result.culprit().shortHash()), markdown);
        assertTrue(markdown.contains("| step | commit | position | forks a side | answer | time | cells |"), markdown);
        assertTrue(markdown.contains("| 3 | `" + result.culprit().shortHash() + "`"), markdown);
        assertTrue(markdown.strip().endsWith("`first bad commit: " + result.culprit().hash() + "`"), markdown);
        assertFalse(markdown.contains("<b>twice"), "subjects are escaped: " + markdown);
    }

    @Test
    void theHtmlPageInlinesTheReportStylesheetAndEscapesSubjects() throws Exception {
        BisectResult result = found();
        String html = BisectHtml.render(result);
        assertTrue(html.contains("mapbench report: one stylesheet"), "report.css inlined");
        assertTrue(html.contains("<code>" + result.culprit().hash() + "</code>"), html);
        assertTrue(html.contains("get checks &lt;b&gt;twice&lt;/b&gt;"), "escaped by Mustache");
        assertTrue(html.contains("<span class=\"badge slower\">same as bad</span>"), html);
        assertTrue(html.contains("first bad commit: " + result.culprit().hash()), html);
    }

    @Test
    void theJsonCarriesTheCulpritStepsAndExit() throws Exception {
        BisectResult result = found();
        JsonNode json = Json.mapper().readTree(BisectJson.write(result));
        assertEquals("FOUND", json.path("outcome").asText());
        assertEquals(0, json.path("exit").asInt());
        assertEquals(result.culprit().hash(), json.at("/culprit/hash").asText());
        assertEquals(3, json.path("steps").size());
        assertEquals(6, json.at("/steps/0/attempts/0/forks").asInt());
        assertEquals("RWLOCK_HASHMAP-r100-s100-UNIFORM-t1", json.at("/ends/regressedCells/0").asText());
    }

    @Test
    void theLastLineOfAnUndecidedRangeNamesBothBounds() throws Exception {
        CommitRange range = BisectionTest.range(8);
        SimulatedMachine machine = BisectionTest.slowFrom(BisectionTest.machine(), range, 5, 0.8);
        machine.scatter(range.all().get(4), 0.8);
        BisectResult result = BisectionTest.bisect(machine, range);
        List<String> lines = BisectRender.text(result).lines().toList();
        assertEquals("undecided between " + range.all().get(3).hash() + " and " + range.all().get(5).hash(),
                lines.get(lines.size() - 1));
        assertTrue(lines.get(0).startsWith("RESULT: undecided: the regression came in after "
                + range.all().get(3).shortHash() + " and by " + range.all().get(5).shortHash()), lines.get(0));
        assertTrue(BisectRender.text(result).contains("unknown at 6 -> unknown at 12 -> unknown at 24 forks a side: "
                + "undecided at the cap"), BisectRender.text(result));
    }
}
