package dev.mapbench.recorder;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The trace file, version {@value #VERSION}: one writer, one strict reader. The layout (big-endian; docs/traces.md
 * has it as a table):
 *
 * <pre>
 * magic      8 bytes  "MBTRACE" 0x1A
 * version    u16      1
 * flags      u16      bit 0: truncated (recording stopped at its bound); other bits 0
 * start      i64      epoch milliseconds
 * duration   i64      microseconds
 * opCount    u8       operations counted below (6 in version 1)
 * counts     i64 each events per operation, by code
 * threads    i32, keys i32, events i64
 * recorder   u16 length + UTF-8, source: the same
 * keys       per key: u8 (kind, bit 7 present at start), varint size
 * threads    per thread: varint events, then per event: u8 (code bits 0-3, bit 4 hit, bit 5 value size follows),
 *            varint key id, [varint value size]
 * checksum   i32      CRC-32 of every byte before it; nothing after it
 * </pre>
 *
 * A file this reader does not accept (foreign, of another version, truncated, corrupt, holding an operation or a
 * key it does not know, or disagreeing with its own header) is one {@link TraceFormatException} naming the file
 * and the byte offset.
 */
public final class TraceFile {

    /** The format's version this reader reads and the writer writes. */
    public static final int VERSION = 1;
    /** The file's first bytes. */
    static final byte[] MAGIC = {'M', 'B', 'T', 'R', 'A', 'C', 'E', 0x1A};
    private static final int KNOWN_FLAGS = 1;
    private static final int MAX_STRING = 200;

    private TraceFile() {
    }

    /** Writes {@code trace} to {@code file}. */
    public static void write(Trace trace, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(trace, out);
        }
    }

    /** Writes {@code trace} to {@code stream} (not closed). */
    public static void write(Trace trace, OutputStream stream) throws IOException {
        CRC32 crc = new CRC32();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(stream, 1 << 16), crc));
        out.write(MAGIC);
        out.writeShort(VERSION);
        out.writeShort(trace.truncated() ? 1 : 0);
        out.writeLong(trace.startEpochMillis());
        out.writeLong(trace.durationMicros());
        long[] counts = trace.operationCounts();
        out.writeByte(counts.length);
        for (long count : counts) {
            out.writeLong(count);
        }
        out.writeInt(trace.threads().size());
        out.writeInt(trace.keys().size());
        out.writeLong(trace.events());
        writeString(out, trace.recorderVersion());
        writeString(out, trace.source());
        for (TraceKey key : trace.keys()) {
            out.writeByte(key.kind().ordinal() | (key.presentAtStart() ? 0x80 : 0));
            writeVarint(out, key.size());
        }
        for (long[] thread : trace.threads()) {
            writeVarint(out, thread.length);
            for (long event : thread) {
                int size = Trace.valueSize(event);
                out.writeByte(Trace.operationCode(event) | (Trace.hit(event) ? 0x10 : 0) | (size >= 0 ? 0x20 : 0));
                writeVarint(out, Trace.key(event));
                if (size >= 0) {
                    writeVarint(out, size);
                }
            }
        }
        out.flush();
        int checksum = (int) crc.getValue();
        stream.write(new byte[] {(byte) (checksum >>> 24), (byte) (checksum >>> 16), (byte) (checksum >>> 8),
                (byte) checksum});
        stream.flush();
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING) {
            throw new IllegalArgumentException("at most " + MAX_STRING + " bytes: " + text);
        }
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            out.writeByte((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.writeByte(rest);
    }

    /** The header alone: what {@link #read(Path, IntPredicate)} would load, read without the events. */
    public record Header(int version, boolean truncated, long startEpochMillis, long durationMicros, long[] counts,
            int threads, int keys, long events, String recorderVersion, String source) {
    }

    /** Reads and checks the header of {@code file}. */
    public static Header readHeader(Path file) throws IOException {
        try (Input in = new Input(file)) {
            return header(in);
        }
    }

    /** Reads and checks the whole of {@code file}. */
    public static Trace read(Path file) throws IOException {
        return read(file, id -> true);
    }

    /**
     * Reads and checks the whole of {@code file}, keeping only the events whose key id {@code keep} accepts
     * (every event is checked, and the checksum covers them all); the key table is kept whole, so ids stay.
     */
    public static Trace read(Path file, IntPredicate keep) throws IOException {
        try (Input in = new Input(file)) {
            Header header = header(in);
            List<TraceKey> keys = new ArrayList<>(Math.min(header.keys(), 1 << 20));
            for (int id = 0; id < header.keys(); id++) {
                long at = in.position;
                int head = in.u8("key " + id);
                TraceKey.Kind kind = TraceKey.Kind.ofCode(head & 0x7F);
                if (kind == null) {
                    throw in.error(at, "key " + id + " has kind " + (head & 0x7F) + "; known kinds 0.."
                            + (TraceKey.Kind.values().length - 1));
                }
                keys.add(new TraceKey(kind, in.varint("key " + id + "'s size"), (head & 0x80) != 0));
            }
            long[] counts = new long[header.counts().length];
            long events = 0;
            List<long[]> threads = new ArrayList<>();
            for (int thread = 0; thread < header.threads(); thread++) {
                long countAt = in.position;
                int length = in.varint("thread " + thread + "'s event count");
                if (events + length > header.events()) {
                    throw in.error(countAt, "thread " + thread + " holds " + length + " events, more than the header's "
                            + header.events() + " in all");
                }
                long[] kept = new long[Math.min(length, 1 << 16)];
                int keptCount = 0;
                for (int step = 0; step < length; step++) {
                    long at = in.position;
                    int head = in.u8("an event");
                    TraceOperation operation = TraceOperation.ofCode(head & 0x0F);
                    if (operation == null || (head & 0xC0) != 0) {
                        throw in.error(at, operation == null ? "unknown operation code " + (head & 0x0F)
                                + "; known: 0.." + (TraceOperation.values().length - 1)
                                : "event flags 0x" + Integer.toHexString(head) + " are not defined in version " + VERSION);
                    }
                    long keyAt = in.position;
                    int key = in.varint("an event's key id");
                    if (key >= header.keys()) {
                        throw in.error(keyAt, "key id " + key + ", but the header declares " + header.keys() + " keys");
                    }
                    int size = (head & 0x20) != 0 ? in.varint("an event's value size") : -1;
                    counts[operation.code()]++;
                    if (keep.test(key)) {
                        if (keptCount == kept.length) {
                            kept = java.util.Arrays.copyOf(kept, Math.min(length, kept.length * 2));
                        }
                        kept[keptCount++] = Trace.event(operation, key, (head & 0x10) != 0, size);
                    }
                }
                events += length;
                threads.add(java.util.Arrays.copyOf(kept, keptCount));
            }
            long end = in.position;
            if (events != header.events()) {
                throw in.error(end, "the threads hold " + events + " events, the header declares " + header.events());
            }
            for (TraceOperation operation : TraceOperation.values()) {
                if (counts[operation.code()] != header.counts()[operation.code()]) {
                    throw in.error(end, "the threads hold " + counts[operation.code()] + " " + operation.label()
                            + " events, the header declares " + header.counts()[operation.code()]);
                }
            }
            int computed = (int) in.crc.getValue();
            int stored = in.i32("the checksum");
            if (computed != stored) {
                throw in.error(end, "checksum " + Integer.toHexString(stored) + " does not match the content's "
                        + Integer.toHexString(computed) + ": the file is corrupt");
            }
            if (in.stream.read() >= 0) {
                throw in.error(in.position, "bytes after the checksum");
            }
            return new Trace(header.recorderVersion(), header.source(), header.truncated(), header.startEpochMillis(),
                    header.durationMicros(), keys, threads);
        }
    }

    private static Header header(Input in) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        for (int i = 0; i < magic.length; i++) {
            int next = in.stream.read();
            if (next < 0) {
                throw in.error(i, i == 0 ? "empty file, not a mapbench trace" : "file ends inside the magic number");
            }
            in.crc.update(next);
            magic[i] = (byte) next;
        }
        in.position = MAGIC.length;
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw in.error(0, "not a mapbench trace (it does not start with MBTRACE)");
        }
        int version = in.u16("the version");
        if (version != VERSION) {
            throw in.error(8, "trace format version " + version + "; this reader reads version " + VERSION);
        }
        int flags = in.u16("the flags");
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw in.error(10, "flags 0x" + Integer.toHexString(flags) + " are not defined in version " + VERSION);
        }
        long start = in.i64("the start time");
        long durationAt = in.position;
        long duration = in.i64("the duration");
        if (duration < 0) {
            throw in.error(durationAt, "negative duration " + duration);
        }
        long opCountAt = in.position;
        int operations = in.u8("the operation count");
        if (operations != TraceOperation.values().length) {
            throw in.error(opCountAt, operations + " operation counts; version " + VERSION + " has "
                    + TraceOperation.values().length);
        }
        long[] counts = new long[operations];
        for (int i = 0; i < operations; i++) {
            long at = in.position;
            counts[i] = in.i64("the operation counts");
            if (counts[i] < 0) {
                throw in.error(at, "negative count " + counts[i]);
            }
        }
        long threadsAt = in.position;
        int threads = in.i32("the thread count");
        int keys = in.i32("the key count");
        long events = in.i64("the event count");
        if (threads < 0 || keys < 0 || events < 0) {
            throw in.error(threadsAt, "negative thread, key or event count");
        }
        String recorder = in.string("the recorder version");
        String source = in.string("the source");
        return new Header(version, (flags & 1) != 0, start, duration, counts, threads, keys, events, recorder, source);
    }

    /** The file's bytes with their position and running checksum. */
    private static final class Input implements AutoCloseable {
        final String name;
        final InputStream stream;
        final CRC32 crc = new CRC32();
        long position;

        Input(Path file) throws IOException {
            this.name = file.toString();
            this.stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        }

        TraceFormatException error(long at, String problem) {
            return new TraceFormatException(name, at, problem);
        }

        int u8(String what) throws IOException {
            int next = stream.read();
            if (next < 0) {
                throw error(position, "truncated: the file ends inside " + what);
            }
            crc.update(next);
            position++;
            return next;
        }

        int u16(String what) throws IOException {
            return (u8(what) << 8) | u8(what);
        }

        int i32(String what) throws IOException {
            return (u16(what) << 16) | u16(what);
        }

        long i64(String what) throws IOException {
            return ((long) i32(what) << 32) | (i32(what) & 0xFFFF_FFFFL);
        }

        int varint(String what) throws IOException {
            long at = position;
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int next = u8(what);
                value |= (next & 0x7F) << shift;
                if ((next & 0x80) == 0) {
                    if (value < 0) {
                        throw error(at, what + " is negative");
                    }
                    return value;
                }
            }
            throw error(at, what + " runs past five bytes");
        }

        String string(String what) throws IOException {
            long at = position;
            int length = u16(what);
            if (length > MAX_STRING) {
                throw error(at, what + " is " + length + " bytes long; at most " + MAX_STRING);
            }
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) u8(what);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

}
