package dev.mapbench.recorder;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records the calls on the maps it wraps ({@link #wrap}) into per-thread buffers, and writes them as one trace
 * file ({@link TraceFile}).
 *
 * <p>What the hot path costs, and why it never waits: each thread appends to its own buffer (a
 * {@link ThreadLocal}), one {@code long} per call; the only shared structure it touches is the key-id map, a
 * {@link ConcurrentHashMap} read without a lock for every key it has seen, written once per new key. A thread
 * takes its share of the bound in blocks of {@value #BLOCK} events from one atomic counter, so the bound costs
 * one atomic add per block, not per call.
 *
 * <p>Bounded: at most {@code maxOperations} events, and at most {@code maxBytes} of buffer (8 bytes an event,
 * plus the key-id map's entries, counted at 64 bytes a key); past either the recorder stops recording, every
 * later call goes straight to the map, {@link #truncated()} turns true and the file's header says so. Keys are
 * held (strongly) by the key-id map until the recorder is dropped; a key must not change its {@code equals} or
 * {@code hashCode} while it is recorded, as for any map.
 */
public final class TraceRecorder {

    /** The recorder's version, written into every trace. */
    public static final String VERSION = "mapbench-recorder 1";
    /** Events a thread takes from the bound at a time. */
    static final int BLOCK = 1 << 12;
    private static final int BYTES_PER_EVENT = Long.BYTES;
    private static final int BYTES_PER_KEY = 64;
    private static final VarHandle COUNT;

    static {
        try {
            COUNT = MethodHandles.lookup().findVarHandle(ThreadBuffer.class, "count", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long maxOperations;
    private final long maxBytes;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong keyBytes = new AtomicLong();
    private final ConcurrentHashMap<Object, Integer> keyIds = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, TraceKey> keys = new ConcurrentHashMap<>();
    private final AtomicInteger nextKey = new AtomicInteger();
    private final AtomicInteger nextThread = new AtomicInteger();
    private final ConcurrentLinkedQueue<ThreadBuffer> buffers = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<ThreadBuffer> buffer = ThreadLocal.withInitial(this::newBuffer);
    private final long startEpochMillis = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();
    private volatile boolean recording = true;
    private volatile boolean truncated;
    private volatile long stopNanos;

    /** A recorder bounded by {@code maxOperations} events and {@code maxBytes} of memory. */
    public TraceRecorder(long maxOperations, long maxBytes) {
        if (maxOperations < 1 || maxBytes < BYTES_PER_EVENT) {
            throw new IllegalArgumentException("bounds must allow one event: " + maxOperations + " operations, "
                    + maxBytes + " bytes");
        }
        this.maxOperations = Math.min(maxOperations, Integer.MAX_VALUE - 8L);
        this.maxBytes = maxBytes;
    }

    /** {@code map}, each call recorded here. */
    public <K, V> ConcurrentMap<K, V> wrap(ConcurrentMap<K, V> map) {
        return new RecordingMap<>(map, this);
    }

    /** Whether recording stopped at a bound (the trace holds the calls before it). */
    public boolean truncated() {
        return truncated;
    }

    /** Whether calls are still recorded. */
    public boolean recording() {
        return recording;
    }

    /** Stops recording; later calls go straight to the map. */
    public void stop() {
        if (recording) {
            stopNanos = System.nanoTime();
            recording = false;
        }
    }

    /** Calls recorded so far. */
    public long operations() {
        long total = 0;
        for (ThreadBuffer one : buffers) {
            total += (int) COUNT.getAcquire(one);
        }
        return total;
    }

    /** Stops recording and writes the trace to {@code file}. */
    public void writeTo(Path file) throws IOException {
        TraceFile.write(snapshot(), file);
    }

    /** Stops recording and returns what it recorded. */
    public Trace snapshot() {
        stop();
        List<ThreadBuffer> ordered = new ArrayList<>(buffers);
        ordered.sort((a, b) -> Integer.compare(a.thread, b.thread));
        List<long[]> threads = new ArrayList<>();
        for (ThreadBuffer one : ordered) {
            int count = (int) COUNT.getAcquire(one);
            long[][] blocks = one.blocks;
            long[] events = new long[count];
            for (int i = 0; i < count; i++) {
                events[i] = blocks[i / BLOCK][i % BLOCK];
            }
            if (count > 0) {
                threads.add(events);
            }
        }
        int keyCount = nextKey.get();
        List<TraceKey> table = new ArrayList<>(keyCount);
        for (int id = 0; id < keyCount; id++) {
            TraceKey key = keys.get(id);
            table.add(key != null ? key : new TraceKey(TraceKey.Kind.OTHER, 0, false));
        }
        long end = stopNanos == 0 ? System.nanoTime() : stopNanos;
        return new Trace(VERSION, "recorder", truncated, startEpochMillis, Math.max(0, (end - startNanos) / 1_000),
                table, threads);
    }

    private ThreadBuffer newBuffer() {
        ThreadBuffer created = new ThreadBuffer(nextThread.getAndIncrement());
        buffers.add(created);
        return created;
    }

    /** Records one call that already ran on the map. */
    void record(TraceOperation operation, Object key, boolean hit, int valueSize) {
        if (!recording || key == null) {
            return;
        }
        ThreadBuffer own = buffer.get();
        int count = own.count;
        if (count == own.limit && !own.reserveBlock(this)) {
            return;
        }
        Integer id = keyIds.get(key);
        if (id == null) {
            id = newKey(key, hit);
            if (id < 0) {
                return;
            }
        }
        long[] block = own.blocks[count / BLOCK];
        block[count % BLOCK] = Trace.event(operation, id, hit, valueSize);
        COUNT.setRelease(own, count + 1);
    }

    private int newKey(Object key, boolean hit) {
        if (keyBytes.addAndGet(BYTES_PER_KEY) + reserved.get() * BYTES_PER_EVENT > maxBytes) {
            overBound();
            return -1;
        }
        return keyIds.computeIfAbsent(key, k -> {
            int id = nextKey.getAndIncrement();
            keys.put(id, TraceKey.of(k, hit));
            return id;
        });
    }

    /** Takes {@code wanted} events from the bound; fewer (maybe 0) near it. */
    int reserve(int wanted) {
        while (true) {
            long taken = reserved.get();
            long byBytes = (maxBytes - keyBytes.get()) / BYTES_PER_EVENT;
            long room = Math.min(maxOperations, byBytes) - taken;
            if (room <= 0) {
                overBound();
                return 0;
            }
            int granted = (int) Math.min(wanted, room);
            if (reserved.compareAndSet(taken, taken + granted)) {
                return granted;
            }
        }
    }

    private void overBound() {
        truncated = true;
        stop();
    }

    /** One thread's events: blocks of {@value #BLOCK}, appended only by that thread. */
    static final class ThreadBuffer {
        final int thread;
        long[][] blocks = new long[0][];
        /** Events written; published with release semantics after each event, so a snapshot sees whole events. */
        int count;
        /** Events this thread may write before it asks the bound for more. */
        int limit;

        ThreadBuffer(int thread) {
            this.thread = thread;
        }

        boolean reserveBlock(TraceRecorder recorder) {
            int granted = recorder.reserve(BLOCK - limit % BLOCK);
            if (granted == 0) {
                return false;
            }
            int blocksNeeded = (limit + granted + BLOCK - 1) / BLOCK;
            if (blocksNeeded > blocks.length) {
                long[][] grown = java.util.Arrays.copyOf(blocks, Math.max(blocksNeeded, blocks.length * 2));
                for (int i = blocks.length; i < grown.length; i++) {
                    grown[i] = new long[BLOCK];
                }
                blocks = grown;
            }
            limit += granted;
            return true;
        }
    }

    /** The size of a value, when its type tells it: bytes, characters, or a boxed number's width; else -1. */
    static int sizeOf(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof CharSequence text) {
            return text.length();
        }
        if (value instanceof java.nio.ByteBuffer bytes) {
            return bytes.remaining();
        }
        if (value instanceof Long || value instanceof Double) {
            return 8;
        }
        if (value instanceof Integer || value instanceof Float) {
            return 4;
        }
        return -1;
    }

    /** For tests: how many distinct keys have ids. */
    int distinctKeys() {
        return nextKey.get();
    }
}
