package dev.mapbench.hazard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Runs the same body on several threads released together, and waits for them within a bound.
 *
 * <p>The threads are daemons and a thread still running at the bound is reported, not waited for: a
 * {@code HashMap} corrupted by concurrent writers can send a thread round a cycle forever, and that
 * must not hang the test run.
 */
final class Race {

    /** What the threads did: what they threw, and how many were still running at the bound. */
    record Outcome(List<Throwable> thrown, int stillRunning) {
        boolean clean() {
            return thrown.isEmpty() && stillRunning == 0;
        }
    }

    /** How long writers on an unsafe map may run before they count as hung on a corrupted table. */
    static final long UNSAFE_WRITERS_MILLIS = 2_000;
    /** A safe map may be slow on a loaded machine (copy-on-write retries its copies): only a deadlock fails. */
    static final long SAFE_WRITERS_MILLIS = 60_000;

    private Race() {
    }

    /** Runs {@code body.accept(threadIndex)} on {@code threads} threads; waits at most {@code timeoutMillis}. */
    static Outcome run(int threads, IntConsumer body, long timeoutMillis) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
        List<Thread> running = new ArrayList<>();
        for (int index = 0; index < threads; index++) {
            int threadIndex = index;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    body.accept(threadIndex);
                } catch (Throwable t) {
                    thrown.add(t);
                }
            }, "race-" + index);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int stillRunning = 0;
        for (Thread thread : running) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                stillRunning++;
            }
        }
        return new Outcome(List.copyOf(thrown), stillRunning);
    }
}
