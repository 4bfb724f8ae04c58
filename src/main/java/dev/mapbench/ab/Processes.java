package dev.mapbench.ab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the A/B's helper commands (git, Maven) and captures what they print. */
public final class Processes {

    /** Exit code and combined output of a finished command. */
    public record Result(int exit, String output) {
    }

    private Processes() {
    }

    /** Runs {@code command} in {@code directory}, waiting at most {@code timeoutSeconds}. */
    public static Result run(Path directory, long timeoutSeconds, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        // Read before waiting: a command that fills the pipe would otherwise never finish.
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
    }
}
