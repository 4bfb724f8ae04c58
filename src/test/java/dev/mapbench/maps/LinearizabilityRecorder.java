package dev.mapbench.maps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.linearizability.LincheckRuns;
import dev.mapbench.runner.Environment;
import dev.mapbench.results.EnvJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes each Lincheck check's outcome to {@code target/correctness/linearizability.json}, beside the
 * hazard rates, so the report can show which strategy passed which check, when and at which commit.
 * Surefire runs the test classes in one JVM: the file holds every outcome of the run so far and is
 * rewritten (atomically) after each check.
 */
public final class LinearizabilityRecorder implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    static final Path FILE = Path.of("target", "correctness", "linearizability.json");
    private static final Map<String, ObjectNode> OUTCOMES = new LinkedHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(ExtensionContext.Namespace.create(getClass())).put("start", System.nanoTime());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Object instance = context.getRequiredTestInstance();
        if (!(instance instanceof LinearizabilityTestBase test)) {
            return;
        }
        long start = context.getStore(ExtensionContext.Namespace.create(getClass())).get("start", Long.class);
        String method = context.getRequiredTestMethod().getName();
        ObjectNode outcome = JSON.createObjectNode();
        outcome.put("strategy", test.strategy().name());
        outcome.put("check", method.startsWith("modelChecking") ? "model checking" : "stress");
        Optional<Throwable> failure = context.getExecutionException();
        outcome.put("passed", failure.isEmpty());
        outcome.put("seconds", (System.nanoTime() - start) / 1e9);
        outcome.put("test", context.getRequiredTestClass().getSimpleName() + "." + method);
        outcome.put("detail", failure.map(error -> String.valueOf(error.getMessage()).lines().findFirst().orElse(""))
                .orElse("every explored execution matched a sequential HashMap run"));
        record(test.strategy().name() + "|" + outcome.get("check").asText(), outcome);
    }

    private static synchronized void record(String key, ObjectNode outcome) {
        OUTCOMES.put(key, outcome);
        ObjectNode root = JSON.createObjectNode();
        root.put("generatedAt", Instant.now().toString());
        EnvJson.Git git = Environment.git(Path.of("."));
        root.put("commit", String.valueOf(git.commit()));
        root.put("dirty", String.valueOf(git.dirty()));
        root.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        root.put("scenarios", LincheckRuns.describe());
        ArrayNode checks = root.putArray("checks");
        OUTCOMES.values().forEach(checks::add);
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(FILE.toAbsolutePath().getParent(), "linearizability", ".tmp");
            JSON.writeValue(temp.toFile(), root);
            Files.move(temp, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }
}
