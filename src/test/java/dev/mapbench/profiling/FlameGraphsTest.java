package dev.mapbench.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlameGraphsTest {

    @TempDir
    Path temp;

    @Test
    void findsTheForwardGraphJmhWritesUnderTheBenchmarkId() throws IOException {
        Path trial = Files.createDirectories(temp.resolve("dev.mapbench.bench.X.op-Throughput-size-100"));
        Path forward = Files.writeString(trial.resolve("flame-alloc-forward.html"), "<html></html>");
        Files.writeString(trial.resolve("summary-alloc.txt"), "text");

        assertEquals(forward, FlameGraphs.findForwardGraph(temp));
    }

    @Test
    void missingGraphIsAnErrorNamingTheFolder() throws IOException {
        Files.createDirectories(temp.resolve("empty-trial"));

        IOException error = assertThrows(IOException.class, () -> FlameGraphs.findForwardGraph(temp));
        assertTrue(error.getMessage().contains(temp.toString()), error.getMessage());
        assertTrue(error.getMessage().contains("found 0"), error.getMessage());
    }
}
