package dev.mapbench.ab.bisect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.cli.BisectCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bisect command's bad input (one {@code error:} line, exit 2, nothing written) and its dry run. */
class BisectCliTest {

    private static final String[] CELLS = {"-Dbench.strategies=RWLOCK_HASHMAP,CONCURRENT_HASHMAP", "-Dbench.threads=1",
        "-Dbench.include=-r(100|50)-"};

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BisectCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void assertOneErrorLine(String expected) {
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.startsWith("error: "), error);
        assertEquals(1, error.strip().lines().count(), error);
        assertTrue(error.contains(expected), error);
        err.reset();
    }

    private static String[] with(String... args) {
        String[] all = new String[args.length + CELLS.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(CELLS, 0, all, args.length, CELLS.length);
        return all;
    }

    @Test
    void refsThatAreNotARangeAreBadInputAndWriteNothing() {
        Path target = temp.resolve("bisect");
        assertEquals(BisectResult.BAD_INPUT, run("HEAD~2", "no-such-ref-anywhere", "--out", target.toString()));
        assertOneErrorLine("no-such-ref-anywhere: not a commit");
        assertEquals(BisectResult.BAD_INPUT, run("HEAD", "HEAD~2", "--out", target.toString()));
        assertOneErrorLine("is not an ancestor of HEAD~2");
        assertEquals(BisectResult.BAD_INPUT, run("HEAD", "HEAD", "--out", target.toString()));
        assertOneErrorLine("nothing to bisect");
        assertEquals(BisectResult.BAD_INPUT, run("HEAD"));
        assertOneErrorLine("need <good-ref> <bad-ref>");
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(temp.resolve("bisect.partial")));
    }

    @Test
    void forkCountsAndTimingsOutOfRangeAreBadInput() {
        assertEquals(BisectResult.BAD_INPUT, run(with("HEAD~2", "HEAD", "--forks", "6", "--max-forks", "4", "--dry-run")));
        assertOneErrorLine("--max-forks 4 is below --forks 6");
        assertEquals(BisectResult.BAD_INPUT, run(with("HEAD~2", "HEAD", "--warmup", "lots", "--dry-run")));
        assertOneErrorLine("--warmup: 'lots' is not COUNTxMILLISms");
    }

    @Test
    void aDryRunPrintsTheStepsForksAndEstimatedTimeOfTheRange() {
        assertEquals(BisectResult.FOUND, run(with("HEAD~8", "HEAD", "--dry-run", "--seed", "7")));
        String plan = out.toString(StandardCharsets.UTF_8);
        assertTrue(plan.contains(": 8 first-parent commits, seed 7"), plan);
        assertTrue(plan.contains("plan: ends: good against bad, 6 cells (2 ruler) x 2 trees x 6 forks a side = 72 forks"),
                plan);
        assertTrue(plan.contains("plan: steps expected: 3 (log2 of 8 commits)"), plan);
        assertTrue(plan.contains("plan: forks a side while unknown: 6 -> 12 -> 24 (cap 24)"), plan);
        assertTrue(plan.contains("plan: estimated wall time: "), plan);
        assertTrue(plan.contains("  RWLOCK_HASHMAP-r50-s100-UNIFORM-t1"), plan);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void regressedCellsFromAnAbFolderAreWhatTheEndsMeasure() throws Exception {
        Path ab = Files.createDirectories(temp.resolve("nightly"));
        Files.writeString(ab.resolve("ab.json"), "{\"regressedCells\": [\"RWLOCK_HASHMAP-r100-s100-UNIFORM-t1\", "
                + "\"RWLOCK_HASHMAP-r95-s100-UNIFORM-t1\"]}");
        assertEquals(BisectResult.FOUND, run(with("HEAD~2", "HEAD", "--dry-run", "--regressed-in", ab.toString())));
        String plan = out.toString(StandardCharsets.UTF_8);
        assertTrue(plan.contains("plan: ends: good against bad, 4 cells (2 ruler)"), plan);
        assertTrue(plan.contains("  RWLOCK_HASHMAP-r95-s100-UNIFORM-t1"), "beyond the include pattern given: " + plan);
        assertFalse(plan.contains("  CONCURRENT_HASHMAP-r100-s100-UNIFORM-t1"), plan);
        Files.writeString(ab.resolve("ab.json"), "{\"regressedCells\": [\"COPY_ON_WRITE-r0-s10000-ZIPF-t2\"]}");
        assertEquals(BisectResult.BAD_INPUT, run(with("HEAD~2", "HEAD", "--dry-run", "--regressed-in", ab.toString())));
        assertOneErrorLine("not planned by these -Dbench.* options");
        Files.writeString(ab.resolve("ab.json"), "{\"regressedCells\": []}");
        assertEquals(BisectResult.BAD_INPUT, run(with("HEAD~2", "HEAD", "--dry-run", "--regressed-in", ab.toString())));
        assertOneErrorLine("regressed no cell: nothing to bisect");
    }
}
