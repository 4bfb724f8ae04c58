package dev.mapbench.hazard;

import dev.mapbench.maps.MapStrategy;
import dev.mapbench.maps.SharedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write submitted to an executor still lands after its {@code Future} was cancelled or timed out.
 *
 * <p>The task works, without looking at its interrupt flag, then writes its result into a shared map.
 * Its work is stood in for by a wait on a gate that swallows interrupts and that the test opens only
 * after cancelling (or timing out), so "cancelled while running" is certain, not a timing accident.
 * {@code cancel(true)} returns {@code true} and the {@code Future} reports cancelled, yet the write
 * lands; {@code get} with a timeout throws {@link TimeoutException}, the caller moves on, and the write
 * lands later. The fix, {@link ConditionalWrite}, makes the write and its cancellation race for one
 * state: in the same scenario the cancelled write never lands, and under random cancel timings
 * "cancel succeeded" and "write landed" never both hold. The map is a
 * {@link MapStrategy#CONCURRENT_HASHMAP}: the hazard is in the executor's contract, not in the map.
 */
@Tag("slow")
class CancelledWriteHazardTest {

    private static final int TRIALS = 40;

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(10, TimeUnit.SECONDS));
    }

    /** One submitted task: it signals {@code started}, waits for {@code gate}, then runs its write. */
    private record GatedTask(Future<?> future, CountDownLatch gate) {
    }

    private GatedTask submitGated(Runnable write) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        Future<?> future = executor.submit(() -> {
            started.countDown();
            awaitIgnoringInterrupts(gate);
            write.run();
        });
        started.await();
        return new GatedTask(future, gate);
    }

    @Test
    void writeLandsAfterItsFutureWasCancelled() throws Exception {
        SharedMap<Long, String> map = MapStrategy.CONCURRENT_HASHMAP.create(TRIALS);
        TimeBound bound = TimeBound.ofMillis(10_000);
        int landedAfterCancel = 0;
        for (long trial = 0; trial < TRIALS; trial++) {
            long key = trial;
            GatedTask task = submitGated(() -> map.put(key, "written"));
            assertTrue(task.future().cancel(true), "cancel(true) of a running task reports success");
            assertTrue(task.future().isCancelled());
            assertNull(map.get(key), "nothing written yet when cancel returned");
            task.gate().countDown();
            awaitExecutorIdle();
            landedAfterCancel += map.get(key) != null ? 1 : 0;
        }
        HazardRates.record(new HazardObservation("cancelled-write", "Future.cancel(true), task ignores interrupts",
                landedAfterCancel > 0, TRIALS, bound.elapsedSeconds(), (double) landedAfterCancel / TRIALS,
                "writes landed per cancelled task",
                "cancel(true) returned true while the task ran; " + landedAfterCancel + " of " + TRIALS
                        + " writes landed anyway"));
        assertEquals(TRIALS, landedAfterCancel, "cancel(true) does not stop a task that ignores interrupts");
    }

    @Test
    void writeLandsAfterItsFutureTimedOut() throws Exception {
        SharedMap<Long, String> map = MapStrategy.CONCURRENT_HASHMAP.create(TRIALS);
        TimeBound bound = TimeBound.ofMillis(10_000);
        int landedAfterTimeout = 0;
        for (long trial = 0; trial < TRIALS; trial++) {
            long key = trial;
            GatedTask task = submitGated(() -> map.put(key, "written"));
            assertThrows(TimeoutException.class, () -> task.future().get(1, TimeUnit.MILLISECONDS));
            assertNull(map.get(key), "nothing written yet when get timed out");
            task.gate().countDown(); // the caller has moved on; the task has not
            awaitExecutorIdle();
            landedAfterTimeout += map.get(key) != null ? 1 : 0;
        }
        HazardRates.record(new HazardObservation("cancelled-write", "Future.get(timeout) timed out",
                landedAfterTimeout > 0, TRIALS, bound.elapsedSeconds(), (double) landedAfterTimeout / TRIALS,
                "writes landed per timed-out task",
                "get(1 ms) threw TimeoutException while the task ran; " + landedAfterTimeout + " of " + TRIALS
                        + " writes landed later"));
        assertEquals(TRIALS, landedAfterTimeout, "a timeout does not stop the write");
    }

    @Test
    void conditionalWriteCancelledWhileRunningNeverLands() throws Exception {
        SharedMap<Long, String> map = MapStrategy.CONCURRENT_HASHMAP.create(TRIALS);
        TimeBound bound = TimeBound.ofMillis(10_000);
        int landedAfterCancel = 0;
        for (long trial = 0; trial < TRIALS; trial++) {
            ConditionalWrite<Long, String> write = new ConditionalWrite<>(map, trial, "written");
            GatedTask task = submitGated(write::writeUnlessCancelled);
            boolean timedOut = trial % 2 == 0;
            if (timedOut) {
                assertThrows(TimeoutException.class, () -> task.future().get(1, TimeUnit.MILLISECONDS));
            }
            assertTrue(write.cancel(), "the write was not claimed yet, so it can be cancelled");
            task.future().cancel(true);
            task.gate().countDown();
            awaitExecutorIdle();
            landedAfterCancel += map.get(trial) != null ? 1 : 0;
        }
        HazardRates.record(new HazardObservation("cancelled-write", "ConditionalWrite (write claimed by CAS)",
                landedAfterCancel > 0, TRIALS, bound.elapsedSeconds(), (double) landedAfterCancel / TRIALS,
                "writes landed per cancelled task",
                "same gated task as the hazard, cancelled (half of them after get timed out) through "
                        + "ConditionalWrite.cancel(); " + landedAfterCancel + " of " + TRIALS + " writes landed"));
        assertEquals(0, landedAfterCancel, "a cancelled conditional write landed");
    }

    /**
     * The fix under a real race: the task writes after a short computation and the caller cancels at a
     * random moment around it. Whatever the timing, exactly one of "cancel succeeded" and "write landed"
     * holds.
     */
    @Test
    void conditionalWriteEitherLandsOrIsCancelledNeverBoth() throws Exception {
        SharedMap<Long, String> map = MapStrategy.CONCURRENT_HASHMAP.create(TRIALS);
        for (long trial = 0; trial < 4 * TRIALS; trial++) {
            ConditionalWrite<Long, String> write = new ConditionalWrite<>(map, trial, "written");
            Future<?> future = executor.submit(() -> {
                computeIgnoringInterrupts(200);
                write.writeUnlessCancelled();
            });
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(400));
            boolean cancelSucceeded = write.cancel();
            future.cancel(true);
            awaitExecutorIdle();
            assertEquals(!cancelSucceeded, map.get(trial) != null, "trial " + trial + ": landed == !cancelled");
        }
    }

    /** Returns once every task submitted so far has left the executor's single thread. */
    private void awaitExecutorIdle() throws Exception {
        executor.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    /** Waits for {@code gate} the way code that ignores cancellation does: interrupts are swallowed. */
    private static void awaitIgnoringInterrupts(CountDownLatch gate) {
        boolean interrupted = false;
        while (true) {
            try {
                gate.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Busy work that, like most computation, never looks at the interrupt flag. */
    private static void computeIgnoringInterrupts(long micros) {
        long end = System.nanoTime() + micros * 1_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
