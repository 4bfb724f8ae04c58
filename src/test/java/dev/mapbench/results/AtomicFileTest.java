package dev.mapbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path temp;

    @Test
    void atomicWriteReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = temp.resolve("env.json");
        AtomicFile.write(target, "{\"a\":1}");
        AtomicFile.write(target, "{\"a\":2}");
        assertEquals("{\"a\":2}", Files.readString(target));
        try (var files = Files.list(temp)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void atomicWriteCreatesTheMissingFolder() throws IOException {
        Path target = temp.resolve("out/report/comparison.md");
        AtomicFile.write(target, "# same\n");
        assertEquals("# same\n", Files.readString(target));
    }
}
