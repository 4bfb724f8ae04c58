/**
 * The trace recorder a service wears: {@link dev.mapbench.recorder.TraceRecorder#wrap} turns any
 * {@code ConcurrentMap} into a {@link dev.mapbench.recorder.RecordingMap} that records each call (thread,
 * operation, an id per distinct key, never the key's text, and the value's size when known) into per-thread
 * buffers, bounded, and writes them as one versioned trace file ({@link dev.mapbench.recorder.TraceFile}).
 * This package uses the JDK alone and is packaged on its own ({@code mapbench-*-recorder.jar}), so a service
 * takes it without the suite; {@code RecorderIsJdkOnlyTest} holds it to that.
 */
package dev.mapbench.recorder;
