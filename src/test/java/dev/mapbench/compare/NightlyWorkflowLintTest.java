package dev.mapbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lints both workflows, {@code .github/workflows/nightly-bench.yml} and {@code bench-pr.yml}, with a real
 * GitHub Actions validator,
 * {@code action-validator} from npm ({@code @action-validator/cli}, schema from SchemaStore).
 *
 * <p>Install it once (what {@code .ci/run} does):
 * {@code npm install --no-save --no-audit --no-fund --prefix . @action-validator/cli@0.6.0 @action-validator/core@0.6.0}.
 * Without it the tests are skipped, except in CI ({@code CI} set) or with
 * {@code -Dmapbench.requireWorkflowValidator=true}, where a missing validator fails them: a lint
 * that silently does not run is not a lint.
 */
@Tag("slow")
class NightlyWorkflowLintTest {

    private static final Path WORKFLOW = Path.of(".github", "workflows", "nightly-bench.yml");
    private static final Path PR_WORKFLOW = Path.of(".github", "workflows", "bench-pr.yml");
    private static final List<Path> CANDIDATES = List.of(
            Path.of("node_modules", ".bin", "action-validator"),
            Path.of("target", "tools", "node_modules", ".bin", "action-validator"));

    @TempDir
    Path temp;

    @Test
    void nightlyWorkflowPassesTheValidator() throws Exception {
        Result result = validate(WORKFLOW);
        assertEquals(0, result.exit(), "action-validator rejected " + WORKFLOW + ":\n" + result.output());
    }

    @Test
    void pullRequestWorkflowPassesTheValidator() throws Exception {
        Result result = validate(PR_WORKFLOW);
        assertEquals(0, result.exit(), "action-validator rejected " + PR_WORKFLOW + ":\n" + result.output());
    }

    @Test
    void validatorRejectsABrokenCopyOfThePullRequestWorkflow() throws Exception {
        String workflow = Files.readString(PR_WORKFLOW, StandardCharsets.UTF_8);
        Path broken = temp.resolve("bench-pr.yml");
        Files.writeString(broken, workflow.replace("pull_request:", "pull_reqest:"));
        Result result = validate(broken);
        assertNotEquals(0, result.exit(), "an unknown trigger must fail validation:\n" + result.output());
    }

    @Test
    void theGatesAreAbOnOneMachineNotStoredNumbers() throws Exception {
        String nightly = Files.readString(WORKFLOW, StandardCharsets.UTF_8);
        assertTrue(nightly.contains("scripts/nightly --run-only --baseline-ref") && nightly.contains("--merge"), nightly);
        assertTrue(nightly.contains("results/nightly-passed") && nightly.contains("fetch-depth: 0"));
        assertTrue(!nightly.contains("results/baseline"), "stored numbers are history, not the gate");
        String pr = Files.readString(PR_WORKFLOW, StandardCharsets.UTF_8);
        assertTrue(pr.contains("scripts/pr-strategies") && pr.contains("scripts/ab \"$BASE\" HEAD"), pr);
        assertTrue(pr.contains("pull-requests: write") && pr.contains("gh pr comment"), pr);
        assertTrue(pr.contains("$GITHUB_STEP_SUMMARY") && pr.contains("1) echo \"::error::performance regression"), pr);
    }

    @Test
    void aFailedGateIsBisectedOnTheCellsThatRegressedAndTheSummaryNamesTheCommit() throws Exception {
        String nightly = Files.readString(WORKFLOW, StandardCharsets.UTF_8);
        assertTrue(nightly.contains("gate: ${{ steps.gate.outputs.gate }}"), "the gate job exports its exit code");
        assertTrue(nightly.contains("if: ${{ !cancelled() && needs.gate.outputs.gate == '1' }}"), nightly);
        assertTrue(nightly.contains("scripts/bisect \"$BASELINE\" \"$GITHUB_SHA\" --regressed-in"), nightly);
        assertTrue(nightly.contains("--summary \"$GITHUB_STEP_SUMMARY\""), nightly);
        assertTrue(nightly.contains("echo \"answer=$(tail -n 1 bisect.log)\""), "the last line is the answer");
    }

    @Test
    void validatorRejectsABrokenCopyOfTheWorkflow() throws Exception {
        String workflow = Files.readString(WORKFLOW, StandardCharsets.UTF_8);
        assertTrue(workflow.contains("    runs-on: ubuntu-latest"), "the workflow changed shape; update this test");
        Path broken = temp.resolve(".github/workflows/nightly-bench.yml");
        Files.createDirectories(broken.getParent());
        Files.writeString(broken, workflow.replaceFirst("    runs-on: ubuntu-latest", "    runs-onn: ubuntu-latest"));
        Result result = validate(broken);
        assertNotEquals(0, result.exit(), "a misspelt runs-on must fail validation:\n" + result.output());
        assertTrue(result.output().contains("runs-onn"), result.output());
    }

    @Test
    void validatorRejectsAnUnknownTrigger() throws Exception {
        String workflow = Files.readString(WORKFLOW, StandardCharsets.UTF_8);
        Path broken = temp.resolve("nightly-bench.yml");
        Files.writeString(broken, workflow.replace("workflow_dispatch:", "workflow_dispach:"));
        Result result = validate(broken);
        assertNotEquals(0, result.exit(), result.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result validate(Path workflow) throws IOException, InterruptedException {
        Path validator = locateValidator();
        Process process = new ProcessBuilder(validator.toString(), workflow.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("action-validator did not finish in 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    private static Path locateValidator() {
        Optional<Path> found = Stream.concat(
                        Optional.ofNullable(System.getProperty("mapbench.actionValidator")).map(Path::of).stream(),
                        CANDIDATES.stream())
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String hint = "action-validator is not installed; run: npm install --no-save --no-audit --no-fund "
                + "--prefix . @action-validator/cli@0.6.0 @action-validator/core@0.6.0";
        if (System.getenv("CI") != null || Boolean.getBoolean("mapbench.requireWorkflowValidator")) {
            fail(hint);
        }
        Assumptions.abort(hint);
        throw new AssertionError("unreachable");
    }
}
