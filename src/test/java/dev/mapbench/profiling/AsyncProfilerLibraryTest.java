package dev.mapbench.profiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncProfilerLibraryTest {

    @TempDir
    Path temp;

    @Test
    void picksTheJarFolderForOsAndArchitecture() {
        assertEquals("linux-x64", AsyncProfilerLibrary.platformFolder("Linux", "amd64"));
        assertEquals("linux-arm64", AsyncProfilerLibrary.platformFolder("Linux", "aarch64"));
        assertEquals("macos", AsyncProfilerLibrary.platformFolder("Mac OS X", "aarch64"));
        assertNull(AsyncProfilerLibrary.platformFolder("Windows 11", "amd64"));
        assertNull(AsyncProfilerLibrary.platformFolder("Linux", "s390x"));
    }

    @Test
    void extractsTheLinuxX64LibraryByteForByte() throws IOException {
        Path library = AsyncProfilerLibrary.extractTo(temp.resolve("nested/lib"), "linux-x64/libasyncProfiler.so");

        assertEquals(temp.resolve("nested/lib/libasyncProfiler.so").toAbsolutePath(), library);
        byte[] expected;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("linux-x64/libasyncProfiler.so")) {
            expected = in.readAllBytes();
        }
        byte[] written = Files.readAllBytes(library);
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, Arrays.copyOf(written, 4));
        assertArrayEquals(expected, written);
    }

    @Test
    void secondExtractionKeepsTheFileAndLeavesNoPartials() throws IOException {
        Path first = AsyncProfilerLibrary.extractTo(temp, "linux-x64/libasyncProfiler.so");
        long modified = Files.getLastModifiedTime(first).toMillis();
        Path second = AsyncProfilerLibrary.extractTo(temp, "linux-x64/libasyncProfiler.so");

        assertEquals(first, second);
        assertEquals(modified, Files.getLastModifiedTime(second).toMillis());
        try (var files = Files.list(temp)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void missingResourceIsNamedInTheError() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> AsyncProfilerLibrary.extractTo(temp, "no-such-os/libasyncProfiler.so"));
        assertTrue(error.getMessage().contains("no-such-os/libasyncProfiler.so"), error.getMessage());
    }
}
