package dev.mapbench.ab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.cli.AbCli;
import dev.mapbench.maps.MapStrategy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The A/B command's bad input: one {@code error:} line, exit 2, nothing written; and its dry run. */
class AbCliTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AbCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void assertOneErrorLine(String expected) {
        String error = error();
        assertTrue(error.startsWith("error: "), error);
        assertEquals(1, error.strip().lines().count(), error);
        assertTrue(error.contains(expected), error);
    }

    @Test
    void anUnknownRefIsBadInputAndWritesNothing() {
        Path target = temp.resolve("ab");
        assertEquals(AbDecision.BAD_INPUT, run("HEAD", "no-such-ref-anywhere", "--out", target.toString()));
        assertOneErrorLine("no-such-ref-anywhere: not a commit");
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(temp.resolve("ab.partial")));
    }

    @Test
    void aSidePropertyThatIsNotADefinitionIsBadInput() {
        assertEquals(AbDecision.BAD_INPUT, run("HEAD", "HEAD", "--candidate", "mapbench.slowdown", "--dry-run"));
        assertOneErrorLine("--candidate: 'mapbench.slowdown' is not -DKEY=VALUE");
    }

    @Test
    void aCellChoiceGivenToOneSideIsBadInput() {
        assertEquals(AbDecision.BAD_INPUT, run("HEAD", "HEAD", "--baseline", "-Dbench.threads=1", "--dry-run"));
        assertOneErrorLine("bench.threads chooses cells for both sides");
    }

    @Test
    void anIncludeThatLeavesOnlyTheRulerIsBadInput() {
        assertEquals(AbDecision.BAD_INPUT, run("HEAD", "HEAD", "-Dbench.include=NOTHING_MATCHES", "--dry-run"));
        assertOneErrorLine("leaves no workload cell to compare");
    }

    @Test
    void malformedTimingAndMissingRefsAreBadInput() {
        assertEquals(AbDecision.BAD_INPUT, run("HEAD", "HEAD", "--warmup", "lots", "--dry-run"));
        assertOneErrorLine("--warmup: 'lots' is not COUNTxMILLISms");
        err.reset();
        assertEquals(AbDecision.BAD_INPUT, run("HEAD"));
        assertOneErrorLine("need <baseline-ref> <candidate-ref>");
        err.reset();
        assertEquals(AbDecision.BAD_INPUT, run("HEAD", "HEAD", "--no-such-option"));
        assertTrue(error().startsWith("error: "), error());
    }

    @Test
    void anExistingOutputFolderIsNeverOverwritten() throws Exception {
        Path target = Files.createDirectories(temp.resolve("taken"));
        Files.writeString(target.resolve("keep.txt"), "earlier result");
        assertEquals(AbDecision.BAD_INPUT, run("HEAD", "HEAD", "--out", target.toString(), "--dry-run"));
        assertOneErrorLine("already exists");
        assertEquals("earlier result", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void mergingFoldersThatAreNotAbOutputsIsBadInput() throws Exception {
        Path notAb = Files.createDirectories(temp.resolve("run"));
        assertEquals(AbDecision.BAD_INPUT, run("--merge", notAb.toString(), "--out", temp.resolve("m").toString()));
        assertOneErrorLine("not an A/B folder (no ab.json)");
    }

    @Test
    void aDryRunPlansTheDefaultSetWithBothRulerCellsAndTheCandidateOnlyProperty() {
        assertEquals(AbDecision.NO_REGRESSION, run("HEAD", "HEAD", "--dry-run", "--seed", "7",
                "--candidate", "-Dmapbench.slowdown=COPY_ON_WRITE:20"));
        String plan = out.toString(StandardCharsets.UTF_8);
        assertTrue(plan.contains("seed 7"), plan);
        int cells = 2 + (int) MapStrategy.mainJob().stream().filter(MapStrategy::threadSafe).count() * 2 * 2; // ruler + strategies x {100, 0} % x {1, 2} threads
        assertTrue(plan.contains(cells + " cells (2 ruler), 6 forks a side"), plan);
        assertTrue(plan.contains("candidate forks get -Dmapbench.slowdown=COPY_ON_WRITE:20"), plan);
        assertFalse(plan.contains("baseline forks get"), plan);
        assertTrue(plan.contains("  CALIBRATION-s100-UNIFORM-t1") && plan.contains("  CALIBRATION_CHM-s100-UNIFORM-t1"));
        assertTrue(plan.contains("  STAMPED_LOCK-r0-s100-UNIFORM-t2"), plan);
        assertEquals("", error());
    }
}
