package dev.mapbench.runner;

import dev.mapbench.maps.SharedMap;
import dev.mapbench.maps.Strategy;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A plug-in checked at the scale it is measured: after Lincheck (three keys, two threads), a few seconds of writes at
 * each of the run's map sizes and thread counts (at least two threads), with the map's state checked throughout and
 * after. Lincheck proves a map linearizable on small histories; a map that breaks only once it holds 50 entries, or
 * only under four threads, passes it and fails here.
 *
 * <p>Each thread owns the keys {@code id ≡ thread (mod threads)}: it updates them ({@code put} of a new version),
 * removes one and puts it back, and reads any key; one thread also walks the map. Because only the owner writes a
 * key, every answer can be checked: a {@code put} or {@code remove} must return the owner's last value (else an
 * update was lost). A shared key past the map's size takes every thread's writes, each {@code put} a value never
 * written before: every value a {@code put} replaces or a {@code remove} takes out must come out once, so two
 * writers handed the same old value (a check-then-act map) are caught. A read must return a value once stored under that key, and at the end every key must hold its
 * owner's last value (none missing, none never removed), {@code size()} must be the map's size and a walk must visit
 * exactly that many entries. An exception, a walk that throws, or a thread that does not come back within
 * {@value #HANG_SECONDS} s (a livelock) fails the check too.
 */
final class PluginStress {

    /** How long each size × threads combination writes. */
    static final long MILLIS_PER_COMBINATION = 400;
    /** How long a thread may take to come back once told to stop. */
    static final long HANG_SECONDS = 5;
    private static final long VERSION = 1_000_000_000L;
    /** Keys past the map's size that every thread writes (one: the race on it is what finds a check-then-act map): where two writers race on one key. */
    private static final int SHARED_KEYS = 1;
    private static final int MAX_EVIDENCE = 5;

    /** What one strategy's stress check found: nothing (passed) or the first problems, and how long it took. */
    record Result(String strategy, List<String> evidence, double seconds) {

        boolean passed() {
            return evidence.isEmpty();
        }
    }

    private PluginStress() {
    }

    /** The thread counts a run's {@code threads} stress with: each, and at least two (one thread races nothing). */
    static List<Integer> threadCounts(List<Integer> threads) {
        TreeSet<Integer> counts = new TreeSet<>();
        threads.forEach(t -> counts.add(Math.max(2, t)));
        return List.copyOf(counts);
    }

    /** Checks {@code strategy} at every size × thread count; stops at the first combination that fails. */
    static Result check(Strategy strategy, List<Integer> sizes, List<Integer> threads, long millisPerCombination) {
        long start = System.nanoTime();
        for (int size : sizes) {
            for (int threadCount : threadCounts(threads)) {
                List<String> evidence = run(strategy, size, threadCount, millisPerCombination);
                if (!evidence.isEmpty()) {
                    List<String> located = new ArrayList<>();
                    evidence.forEach(line -> located.add("size " + size + ", " + threadCount + " threads: " + line));
                    return new Result(strategy.name(), located, (System.nanoTime() - start) / 1e9);
                }
            }
        }
        return new Result(strategy.name(), List.of(), (System.nanoTime() - start) / 1e9);
    }

    /** Prints the outcome; a failure is refused in one error line, its evidence printed above it. */
    static void admit(Result result, List<Integer> sizes, List<Integer> threads, PrintStream console) {
        if (result.passed()) {
            console.printf(Locale.ROOT, "stress: %s kept its state at sizes %s x threads %s with writes (%.1f s)%n",
                    result.strategy(), sizes, threadCounts(threads), result.seconds());
            return;
        }
        console.printf(Locale.ROOT, "stress: %s REFUSED after %.1f s of writes at the run's sizes and threads:%n",
                result.strategy(), result.seconds());
        result.evidence().forEach(line -> console.println("    " + line));
        throw BenchProperty.STRATEGIES.error(result.strategy() + " passed Lincheck but broke at the run's scale ("
                + result.evidence().get(0) + "; evidence above); nothing was measured. Fix it, or mark it -D"
                + BenchProperty.UNSAFE + "=" + result.strategy() + " to measure it at 100 % reads only");
    }

    /** One combination: the evidence of what went wrong, empty when nothing did. */
    private static List<String> run(Strategy strategy, int size, int threads, long millis) {
        List<String> evidence = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        long[][] expected = new long[threads][];
        @SuppressWarnings("unchecked")
        SharedMap<Long, Long>[] holder = new SharedMap[1];
        CountDownLatch filled = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        Shared shared = new Shared(size);
        // Everything that touches the map runs on daemon threads: a map that livelocks must not hang the runner.
        Thread filler = daemon("stress-fill", () -> {
            try {
                SharedMap<Long, Long> map = strategy.create(size);
                for (long key = 0; key < size; key++) {
                    map.put(key, key * VERSION);
                }
                holder[0] = map;
            } catch (RuntimeException | Error e) {
                note(evidence, "filling " + size + " entries threw " + e);
            } finally {
                filled.countDown();
            }
        });
        filler.start();
        if (!await(filled, millis + HANG_SECONDS * 1000)) {
            filler.interrupt();
            return List.of("filling " + size + " entries did not finish within " + HANG_SECONDS + " s (hung)");
        }
        if (holder[0] == null) {
            return List.copyOf(evidence);
        }
        SharedMap<Long, Long> map = holder[0];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            expected[t] = new long[(size - thread + threads - 1) / threads];
            for (int i = 0; i < expected[t].length; i++) {
                expected[t][i] = (thread + (long) i * threads) * VERSION;
            }
            Thread worker = daemon("stress-" + t, () -> {
                try {
                    work(map, size, threads, thread, expected[thread], shared, stop, evidence);
                } catch (RuntimeException | Error e) {
                    note(evidence, "thread " + thread + " got " + e);
                } finally {
                    done.countDown();
                }
            });
            workers.add(worker);
            worker.start();
        }
        sleep(millis);
        stop.set(true);
        if (!await(done, HANG_SECONDS * 1000)) {
            note(evidence, (done.getCount()) + " of " + threads + " threads did not come back within " + HANG_SECONDS
                    + " s of being told to stop (a call that never returns)");
            workers.forEach(Thread::interrupt); // a map that honours interrupts lets them go; others stay parked as daemons
            return List.copyOf(evidence);
        }
        if (evidence.isEmpty()) {
            finalState(map, size, threads, expected, shared, evidence);
        }
        return List.copyOf(evidence);
    }

    /** The shared keys' bookkeeping: how many values were put, and each value that came out (at most once). */
    private static final class Shared {
        final int size;
        final java.util.concurrent.atomic.AtomicLong puts = new java.util.concurrent.atomic.AtomicLong();
        final java.util.Set<Long> out = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Shared(int size) {
            this.size = size;
        }

        /** Files a value that came out of the map; a second time is evidence. */
        void cameOut(long key, Long value, String how, List<String> evidence) {
            if (value == null) {
                return;
            }
            if (value / VERSION != key) {
                note(evidence, how + "(" + key + ") returned " + value + ", a value never stored under " + key);
            } else if (!out.add(value)) {
                note(evidence, how + "(" + key + ") returned " + value + ", which another call had already taken out: "
                        + "two writers were handed the same entry (a lost update)");
            }
        }
    }

    private static void work(SharedMap<Long, Long> map, int size, int threads, int thread, long[] mine,
            Shared shared, AtomicBoolean stop, List<String> evidence) {
        long sharedSequence = 0;
        SplittableRandom random = new SplittableRandom(31L * thread + size);
        long[] versions = new long[mine.length];
        for (long step = 0; !stop.get() && evidence.size() < MAX_EVIDENCE; step++) {
            int draw = random.nextInt(100);
            if (draw < 40) { // often: a check-then-act gap is a few instructions wide
                long key = size + random.nextInt(SHARED_KEYS);
                if (random.nextBoolean()) {
                    long value = key * VERSION + (sharedSequence++ * threads + thread) % VERSION;
                    shared.puts.incrementAndGet();
                    shared.cameOut(key, map.put(key, value), "put", evidence);
                } else {
                    shared.cameOut(key, map.remove(key), "remove", evidence);
                }
                continue;
            }
            if (draw < 70 || mine.length == 0) {
                long key = random.nextInt(size);
                Long value = map.get(key);
                if (value != null && value / VERSION != key) {
                    note(evidence, "get(" + key + ") returned " + value + ", a value never stored under " + key);
                }
                continue;
            }
            int slot = random.nextInt(mine.length);
            long key = thread + (long) slot * threads;
            if (draw < 90) {
                long next = key * VERSION + (++versions[slot] % VERSION);
                Long previous = map.put(key, next);
                if (previous == null || previous != mine[slot]) {
                    note(evidence, "put(" + key + ") returned " + previous + " but its only writer last stored "
                            + mine[slot] + ": an update was lost");
                }
                mine[slot] = next;
            } else if (draw < 97) {
                Long removed = map.remove(key);
                if (removed == null || removed != mine[slot]) {
                    note(evidence, "remove(" + key + ") returned " + removed + " but its only writer last stored "
                            + mine[slot] + (removed == null ? ": an entry never removed went missing" : ""));
                }
                Long previous = map.put(key, mine[slot]);
                if (previous != null) {
                    note(evidence, "put(" + key + ") right after its remove returned " + previous + ", not null");
                }
            } else if (thread == 0) {
                long[] visited = new long[1];
                try {
                    map.forEach((k, v) -> visited[0]++);
                } catch (RuntimeException e) {
                    note(evidence, "a walk under writers threw " + e);
                }
            }
        }
    }

    private static void finalState(SharedMap<Long, Long> map, int size, int threads, long[][] expected, Shared shared,
            List<String> evidence) {
        int sharedPresent = 0;
        for (long key = size; key < size + SHARED_KEYS; key++) {
            Long value = map.get(key);
            if (value != null) {
                sharedPresent++;
                shared.cameOut(key, value, "get", evidence);
            }
        }
        if (evidence.isEmpty() && shared.out.size() != shared.puts.get()) {
            note(evidence, shared.puts.get() + " values were put under the shared keys but " + shared.out.size()
                    + " came out or remain: " + (shared.puts.get() - shared.out.size()) + " vanished (lost updates)");
        }
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < expected[t].length; i++) {
                long key = t + (long) i * threads;
                Long value = map.get(key);
                if (value == null) {
                    note(evidence, "key " + key + " is missing at the end, though every remove was followed by a put back");
                } else if (value != expected[t][i]) {
                    note(evidence, "key " + key + " holds " + value + " at the end; its only writer last stored "
                            + expected[t][i] + " (a lost update)");
                }
            }
        }
        long[] visited = new long[1];
        try {
            map.forEach((k, v) -> visited[0]++);
        } catch (RuntimeException e) {
            note(evidence, "a walk after the writers stopped threw " + e);
            return;
        }
        int reported = map.size();
        long holds = size + sharedPresent;
        if (reported != holds || visited[0] != holds) {
            note(evidence, "size() is " + reported + " and a walk visits " + visited[0] + " entries; the map holds "
                    + holds + " keys (size drift)");
        }
    }

    private static void note(List<String> evidence, String problem) {
        synchronized (evidence) {
            if (evidence.size() < MAX_EVIDENCE) {
                evidence.add(problem);
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private static boolean await(CountDownLatch latch, long millis) {
        try {
            return latch.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
