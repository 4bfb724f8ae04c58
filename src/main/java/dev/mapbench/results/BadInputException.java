package dev.mapbench.results;

import java.nio.file.Path;

/** An input that is not usable JMH output; the message is {@code <file>: <problem>}. */
public final class BadInputException extends Exception {

    private final transient Path file;
    private final String problem;

    /** An input problem in {@code file}. */
    public BadInputException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    /** An input problem in {@code file}, caused by {@code cause}. */
    public BadInputException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The offending file or folder. */
    public Path file() {
        return file;
    }

    /** What is wrong with it, in a few words. */
    public String problem() {
        return problem;
    }
}
