package dev.mapbench.profiling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * The async-profiler native library, taken out of the Maven Central jar
 * ({@code tools.profiler:async-profiler}) into a plain file.
 *
 * <p>JMH's forked JVMs load the profiler with {@code System.load(libPath)}, so the library must be a
 * file that lives as long as the run: it is written next to the run's profiles, not to a temporary
 * file that the parent JVM deletes on exit.
 */
public final class AsyncProfilerLibrary {

    /** The file name the library is written under. */
    public static final String FILE_NAME = "libasyncProfiler.so";

    private AsyncProfilerLibrary() {
    }

    /**
     * The folder inside the jar that holds the library for this OS and architecture, or {@code null}
     * when async-profiler ships none (Windows, or an architecture it does not build for).
     */
    public static String platformFolder(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "macos";
        }
        if (!os.contains("linux")) {
            return null;
        }
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            return "linux-x64";
        }
        if (arch.equals("aarch64") || arch.equals("arm64")) {
            return "linux-arm64";
        }
        return null;
    }

    /**
     * Writes the library for this machine into {@code directory} (created if needed) and returns its
     * absolute path. An existing file of the same size is kept, so repeated cells do not rewrite it.
     *
     * @throws IllegalStateException when the platform has no library or the jar is not on the class path
     */
    public static Path extractTo(Path directory) {
        String folder = platformFolder(System.getProperty("os.name"), System.getProperty("os.arch"));
        if (folder == null) {
            throw new IllegalStateException("async-profiler has no library for " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch"));
        }
        return extractTo(directory, folder + "/" + FILE_NAME);
    }

    static Path extractTo(Path directory, String resource) {
        ClassLoader loader = AsyncProfilerLibrary.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource
                        + " not on the class path (is tools.profiler:async-profiler a dependency?)");
            }
            Files.createDirectories(directory);
            Path target = directory.resolve(FILE_NAME).toAbsolutePath();
            Path partial = Files.createTempFile(directory, FILE_NAME, ".part");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            if (Files.exists(target) && Files.size(target) == Files.size(partial)) {
                Files.delete(partial);
            } else {
                // Rename into place: a fork loading the library never sees a half-written file.
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + resource + " into " + directory, e);
        }
    }
}
