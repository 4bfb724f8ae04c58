package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.Strategies;
import dev.mapbench.maps.Strategy;
import dev.mapbench.results.EnvJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correctness before measurement: the gate runs Lincheck on each plug-in in a JVM of its own, admits the
 * example {@code TeamMap}, and refuses the example {@code RacyMap} with Lincheck's counterexample before
 * the runner creates anything, unless the user marked it unsafe.
 */
@Tag("slow")
class PluginGateTest {

    /** Fewer scenarios than a real run's, to keep the suite quick: the verdicts here do not depend on them. */
    private static final List<String> FEW_SCENARIOS = List.of("8");

    @TempDir
    Path temp;

    @BeforeAll
    static void buildJars() {
        ExamplePluginJars.build();
    }

    private static Strategy plugin(Path jar, String name, boolean unsafe) {
        return Strategies.resolve(name, PluginClasspath.parse(jar.toString()).loader(),
                unsafe ? Set.of(name) : Set.of());
    }

    private static String classPathWith(Path jar) {
        return PluginClasspath.parse(jar.toString()).appendTo(System.getProperty("java.class.path"));
    }

    @Test
    void admitsTheTeamMapOnceLincheckFindsItLinearizableInBothModes() throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PluginGate gate = PluginGate.check(List.of(MapStrategy.CONCURRENT_HASHMAP,
                        plugin(ExamplePluginJars.EXAMPLE_JAR, ExamplePluginJars.TEAM_MAP, false)),
                classPathWith(ExamplePluginJars.EXAMPLE_JAR), Path.of(PluginGate.LINCHECK_CLASSPATH_FILE),
                temp.resolve("logs"), FEW_SCENARIOS, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertEquals(1, gate.checks().size(), "only the plug-in is checked");
        PluginGate.Check check = gate.checks().get(0);
        assertTrue(check.admitted(), () -> check.verdict() + "\n" + read(check.log()));
        assertEquals("linearizable", check.verdict());
        String log = read(check.log());
        assertTrue(log.contains("passed: model checking") && log.contains("passed: stress"), log);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("linearizability: org.example.TeamMap is linearizable (model checking"), printed);
        EnvJson.LinearizabilityCheck recorded = gate.envFields().get(ExamplePluginJars.TEAM_MAP);
        assertEquals("linearizable", recorded.verdict());
        assertTrue(recorded.tool().startsWith("Lincheck 3."), recorded.toString());
    }

    @Test
    void refusesTheRacyMapWithLincheckCounterexampleBeforeAnythingIsMeasured() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("bench.effort", "smoke");
        properties.setProperty("bench.classpath", ExamplePluginJars.BROKEN_JAR.toString());
        properties.setProperty("bench.strategies", ExamplePluginJars.RACY_MAP + ",CONCURRENT_HASHMAP");
        properties.setProperty("bench.results", temp.resolve("runs").toString());
        properties.setProperty("bench.runId", "refused");
        BenchSettings settings = BenchSettings.from(properties, 2);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        String classPath = System.getProperty("java.class.path");
        IllegalArgumentException refusal;
        try {
            refusal = assertThrows(IllegalArgumentException.class, () -> new BenchRunner(settings,
                    RaceSettings.from(properties, settings.effort(), settings.runId(), java.time.Instant.now()),
                    new RunFolder(settings.resultsRoot().resolve(settings.runId())), 2,
                    new PrintStream(console, true, StandardCharsets.UTF_8)).run());
        } finally {
            System.setProperty("java.class.path", classPath); // the gate extended it for the forks
        }

        assertTrue(refusal.getMessage().startsWith("bench.strategies: org.example.RacyMap is not linearizable (Lincheck;"),
                refusal.getMessage());
        assertTrue(refusal.getMessage().contains("nothing was measured")
                && refusal.getMessage().contains("-Dbench.unsafe=org.example.RacyMap"), refusal.getMessage());
        assertFalse(refusal.getMessage().contains("\n"), "one line");
        String printed = console.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("org.example.RacyMap REFUSED: Lincheck found an execution whose results no "
                + "sequential order of the same calls explains"), printed);
        assertTrue(printed.contains("    = Invalid execution results ="), "Lincheck's counterexample is shown:\n" + printed);
        assertTrue(printed.contains("put(") || printed.contains("remove("), "the interleaving names the calls:\n" + printed);
        assertTrue(printed.contains("stress: org.example.RacyMap broke at the run's scale too, after "),
                "the stress phase's evidence at the run's scale beside Lincheck's:\n" + printed);
        assertTrue(printed.indexOf("stress: org.example.RacyMap") > printed.indexOf("= Invalid execution results ="),
                "after the counterexample");
        assertFalse(Files.exists(temp.resolve("runs")), "no run folder: nothing was measured");
    }

    @Test
    void aPluginMarkedUnsafeIsNotCheckedAndGetsOnlyReadOnlyCellsThatTellTheForks() throws IOException {
        Properties properties = new Properties();
        properties.setProperty("bench.effort", "smoke");
        properties.setProperty("bench.classpath", ExamplePluginJars.BROKEN_JAR.toString());
        properties.setProperty("bench.strategies", ExamplePluginJars.RACY_MAP);
        properties.setProperty("bench.unsafe", ExamplePluginJars.RACY_MAP);
        BenchSettings settings = BenchSettings.from(properties, 2);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        PluginGate gate = PluginGate.check(settings.strategies(), classPathWith(ExamplePluginJars.BROKEN_JAR),
                Path.of(PluginGate.LINCHECK_CLASSPATH_FILE), temp.resolve("logs"), FEW_SCENARIOS,
                new PrintStream(console, true, StandardCharsets.UTF_8));
        assertEquals("not checked: marked unsafe, runs at 100 % reads only", gate.checks().get(0).verdict());
        assertFalse(Files.exists(temp.resolve("logs")), "no Lincheck JVM was started");

        List<Cell> cells = settings.matrix().stream().filter(cell -> !cell.isCalibration()).toList();
        assertFalse(cells.isEmpty());
        assertTrue(cells.stream().allMatch(cell -> cell.readPercent() == 100), "read-only cells only");
        assertEquals(List.of("-Dbench.unsafe=org.example.RacyMap"), cells.get(0).forkArguments());
        assertEquals(List.of(), new Cell(MapStrategy.CONCURRENT_HASHMAP, 95, 100,
                dev.mapbench.bench.KeyDistribution.UNIFORM, 1).forkArguments());
    }

    @Test
    void aRunWithoutPluginsStartsNoCheck() throws IOException {
        PluginGate gate = PluginGate.check(List.of(MapStrategy.values()), "unused", temp.resolve("missing.txt"),
                temp.resolve("logs"), List.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(List.of(), gate.checks());
        assertEquals(Map.of(), gate.envFields());
    }

    @Test
    void lincheckVersionComesFromItsJarOnTheClassPath() {
        assertEquals("3.7", PluginGate.lincheckVersion("/m2/org/jetbrains/lincheck/lincheck/3.7/lincheck-3.7.jar:"
                + "/m2/org/jetbrains/lincheck/lincheck-common/3.7/lincheck-common-3.7.jar"));
        assertEquals(null, PluginGate.lincheckVersion("/a.jar:/b.jar"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
