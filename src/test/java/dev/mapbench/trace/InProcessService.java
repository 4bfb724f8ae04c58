package dev.mapbench.trace;

import dev.mapbench.recorder.TraceOperation;
import dev.mapbench.recorder.TraceRecorder;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * A small service of its own: a client thread puts requests on a queue, a few handler threads take them and call
 * one shared map that wears the recorder, and the service keeps its own counts (per operation, per key), so a test
 * holds the trace and its replay against what the service did. Requests: 75 % get, 10 % put, 10 %
 * computeIfAbsent, 5 % remove, Zipf keys {@code user:<n>}, String values.
 */
public final class InProcessService {

    /** What a handler does with a request's operation index. */
    static final TraceOperation[] OPERATIONS = {TraceOperation.GET, TraceOperation.PUT, TraceOperation.COMPUTE_IF_ABSENT,
            TraceOperation.REMOVE};
    private static final int[] WEIGHTS = {75, 10, 10, 5};
    private static final long STOP = -1;

    final TraceRecorder recorder;
    final ConcurrentMap<String, String> map;
    /** Calls per trace operation code, as the handlers counted them. */
    final AtomicLongArray counts = new AtomicLongArray(TraceOperation.values().length);
    /** Calls per key, as the handlers counted them. */
    final Map<String, LongAdder> perKey = new ConcurrentHashMap<>();

    InProcessService(TraceRecorder recorder) {
        this.recorder = recorder;
        this.map = recorder.wrap(new ConcurrentHashMap<>());
        for (int key = 1; key <= 500; key++) {
            map.put("user:" + key, "warm"); // a warm cache: recorded too, as puts of absent keys
            counts.incrementAndGet(TraceOperation.PUT.code());
            perKey.computeIfAbsent("user:" + key, k -> new LongAdder()).increment();
        }
    }

    /** Serves {@code requests} requests over {@code keys} Zipf({@code exponent}) keys with {@code handlers} threads. */
    void serve(int requests, int keys, double exponent, int handlers) throws InterruptedException {
        BlockingQueue<Long> queue = new ArrayBlockingQueue<>(1024);
        Thread[] threads = new Thread[handlers];
        for (int h = 0; h < handlers; h++) {
            threads[h] = new Thread(() -> handle(queue), "handler-" + h);
            threads[h].start();
        }
        ZipfDistribution zipf = new ZipfDistribution(new Well19937c(42), keys, exponent);
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < requests; i++) {
            int pick = random.nextInt(100);
            int operation = 0;
            for (int sum = WEIGHTS[0]; pick >= sum; sum += WEIGHTS[++operation]) {
                // the operation whose cumulative weight covers pick
            }
            queue.put(((long) operation << 32) | zipf.sample());
        }
        for (int h = 0; h < handlers; h++) {
            queue.put(STOP);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private void handle(BlockingQueue<Long> queue) {
        try {
            while (true) {
                long request = queue.take();
                if (request == STOP) {
                    return;
                }
                TraceOperation operation = OPERATIONS[(int) (request >>> 32)];
                String key = "user:" + (int) request;
                switch (operation) {
                    case GET -> map.get(key);
                    case PUT -> map.put(key, "value-of-" + key);
                    case COMPUTE_IF_ABSENT -> map.computeIfAbsent(key, k -> "loaded");
                    default -> map.remove(key);
                }
                counts.incrementAndGet(operation.code());
                perKey.computeIfAbsent(key, k -> new LongAdder()).increment();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the service and writes its trace: {@code java -cp target/test-classes:target/classes:$(cat
     * target/classpath.txt) dev.mapbench.trace.InProcessService <out.trace> [requests] [handlers]}; prints its own
     * counts, to hold against {@code scripts/trace profile}.
     */
    public static void main(String[] args) throws Exception {
        InProcessService service = new InProcessService(new TraceRecorder(50_000_000, 1L << 30));
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int handlers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        service.serve(requests, 10_000, 0.99, handlers);
        service.recorder.writeTo(java.nio.file.Path.of(args[0]));
        for (TraceOperation operation : TraceOperation.values()) {
            System.out.printf(java.util.Locale.ROOT, "service's own count: %-16s %d%n", operation.label(),
                    service.counts.get(operation.code()));
        }
        System.out.println("service's own distinct keys: " + service.perKey.size() + "; Zipf fit of its own counts: "
                + ZipfFit.of(service.perKeyCounts()));
    }

    /** The service's own calls per key, for a skew fit. */
    long[] perKeyCounts() {
        return perKey.values().stream().mapToLong(LongAdder::sum).toArray();
    }
}
