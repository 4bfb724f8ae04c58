package dev.mapbench.recorder;

import java.io.IOException;

/** A trace file that is not one this reader accepts: where (file and byte offset) and why, in one line. */
public final class TraceFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    /** A problem at {@code offset} bytes into {@code file}. */
    public TraceFormatException(String file, long offset, String problem) {
        super(file + ": byte " + offset + ": " + problem);
        this.offset = offset;
    }

    /** Bytes into the file where the problem starts. */
    public long offset() {
        return offset;
    }
}
