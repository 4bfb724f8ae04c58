package dev.mapbench.runner;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A time limit on every fork, so a map that hangs (a {@code get} that livelocks at the benchmark's size) costs
 * a run one fork's limit instead of the whole night.
 *
 * <p>The limit comes from the fork's plan: {@code planned} = JVM start + warm-up and measured iterations × their
 * times + a per-iteration allowance ({@link CellTiming#plannedSeconds()} for one fork, with the warm-up the fork
 * actually runs), and the limit is {@code max(3 × planned, planned + 60 s)}: three times the plan covers a machine
 * slowed by other work, and the 60 s floor covers setup the plan does not count (filling a 10 000-entry
 * copy-on-write map, class loading, the state check). {@code bench.forkTimeout} replaces the rule with a fixed
 * limit. On expiry the fork's whole process tree is ended, children first ({@link #endTree}).
 */
public final class ForkWatchdog {

    /** How many times the plan a fork may take. */
    public static final double FACTOR = 3;
    /** The least a fork gets beyond its plan. */
    public static final Duration FLOOR = Duration.ofSeconds(60);

    private final Duration fixed;

    private ForkWatchdog(Duration fixed) {
        this.fixed = fixed;
    }

    /** The rule above. */
    public static ForkWatchdog planned() {
        return new ForkWatchdog(null);
    }

    /** {@code bench.forkTimeout} as given, else the rule. */
    public static ForkWatchdog from(Properties properties) {
        Duration given = BenchProperty.FORK_TIMEOUT.get(properties);
        return new ForkWatchdog(given == null || given.isZero() ? null : given);
    }

    /** The limit of a fork planned to take {@code plannedSeconds}. */
    public Duration limit(double plannedSeconds) {
        if (fixed != null) {
            return fixed;
        }
        double seconds = Math.max(FACTOR * plannedSeconds, plannedSeconds + FLOOR.toSeconds());
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** The limit of one fork of {@code timing} with {@code warmupIterations} warm-up iterations. */
    public Duration limit(CellTiming timing, int warmupIterations) {
        return limit(new CellTiming(1, warmupIterations, timing.warmupMillis(), timing.measurementIterations(),
                timing.measurementMillis()).plannedSeconds());
    }

    /** How the limit is chosen, for the run's first lines. */
    public String describe() {
        return fixed != null ? "each fork is ended after " + seconds(fixed) + " (bench.forkTimeout)"
                : String.format(Locale.ROOT, "each fork is ended after max(%.0f x its plan, its plan + %d s)", FACTOR,
                        FLOOR.toSeconds());
    }

    /** "61 s", "2.5 s". */
    public static String seconds(Duration limit) {
        double seconds = limit.toMillis() / 1000.0;
        return seconds == Math.rint(seconds) ? String.format(Locale.ROOT, "%.0f s", seconds)
                : String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /**
     * Ends {@code root} and every process under it: the descendants are listed first (once the root is gone
     * its children are re-parented and no longer found under it), then ended children first. Returns how many
     * processes were ended.
     */
    public static int endTree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        java.util.Collections.reverse(tree);
        tree.add(root);
        return endAll(tree.stream());
    }

    private static int endAll(Stream<ProcessHandle> processes) {
        int ended = 0;
        List<ProcessHandle> all = processes.toList();
        for (ProcessHandle process : all) {
            if (process.isAlive() && process.destroyForcibly()) {
                ended++;
            }
        }
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // ended or not, the caller goes on; a process that survives SIGKILL is beyond us
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ended;
            }
        }
        return ended;
    }

    /**
     * A watch over work that runs in this JVM but forks its own children (JMH's {@code Runner} starts the fork's
     * JVM itself): when the limit passes, every process this JVM started since the watch began is ended with
     * its tree. The runner runs one fork at a time, so those are the fork's.
     */
    public static final class Watch implements AutoCloseable {

        private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fork-watchdog");
            thread.setDaemon(true);
            return thread;
        });

        private final Duration limit;
        private final AtomicBoolean fired = new AtomicBoolean();
        private final ScheduledFuture<?> alarm;

        private Watch(Duration limit, Supplier<Stream<ProcessHandle>> children, Instant since) {
            this.limit = limit;
            this.alarm = TIMER.schedule(() -> {
                fired.set(true);
                for (ProcessHandle child : children.get().toList()) {
                    boolean started = child.info().startInstant().map(start -> !start.isBefore(since.minusSeconds(1)))
                            .orElse(true);
                    if (started) {
                        endTree(child);
                    }
                }
            }, limit.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Starts watching the children of this JVM. */
        public static Watch start(Duration limit) {
            return new Watch(limit, () -> ProcessHandle.current().children(), Instant.now());
        }

        /** Whether the limit passed and the fork's processes were ended. */
        public boolean fired() {
            return fired.get();
        }

        /** The limit watched. */
        public Duration limit() {
            return limit;
        }

        @Override
        public void close() {
            alarm.cancel(false);
        }
    }
}
