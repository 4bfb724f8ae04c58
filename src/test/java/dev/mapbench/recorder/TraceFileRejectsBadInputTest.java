package dev.mapbench.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a trace file can be wrong is one error naming the file and the byte where it goes wrong. */
class TraceFileRejectsBadInputTest {

    @TempDir
    Path folder;

    /** Two keys, one thread, three events: get k0, put k1 (5 bytes), get k0 hit. */
    static Trace small() {
        return new Trace("test", "recorder", false, 0, 1_000,
                List.of(new TraceKey(TraceKey.Kind.NUMBER, 8, true), new TraceKey(TraceKey.Kind.STRING, 12, false)),
                List.of(new long[] {Trace.event(TraceOperation.GET, 0, true, 8), Trace.event(TraceOperation.PUT, 1, false, 5),
                        Trace.event(TraceOperation.GET, 0, true, -1)}));
    }

    private byte[] bytes() throws Exception {
        Path file = folder.resolve("good.trace");
        TraceFile.write(small(), file);
        return Files.readAllBytes(file);
    }

    private TraceFormatException rejected(byte[] content) throws Exception {
        Path file = folder.resolve("bad.trace");
        Files.write(file, content);
        return assertThrows(TraceFormatException.class, () -> TraceFile.read(file));
    }

    /** The same bytes with the checksum made right again, so the reader gets past it to the problem planted. */
    private static byte[] resealed(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content, 0, content.length - 4);
        int value = (int) crc.getValue();
        byte[] copy = content.clone();
        copy[copy.length - 4] = (byte) (value >>> 24);
        copy[copy.length - 3] = (byte) (value >>> 16);
        copy[copy.length - 2] = (byte) (value >>> 8);
        copy[copy.length - 1] = (byte) value;
        return copy;
    }

    /** Where the first event's head byte is: after the header, the two strings and the key table. */
    private static int firstEventOffset(byte[] content) {
        int at = 8 + 2 + 2 + 8 + 8 + 1 + 6 * 8 + 4 + 4 + 8;
        at += 2 + ((content[at] & 0xFF) << 8 | content[at + 1] & 0xFF); // recorder version
        at += 2 + ((content[at] & 0xFF) << 8 | content[at + 1] & 0xFF); // source
        at += 2 * 2; // two keys: kind byte, one-byte size
        return at + 1; // the thread's one-byte event count
    }

    @Test
    void goodFileReadsBack() throws Exception {
        Path file = folder.resolve("good.trace");
        TraceFile.write(small(), file);
        Trace read = TraceFile.read(file);
        assertEquals(3, read.events());
        assertEquals(small().keys(), read.keys());
        assertEquals(Arrays.toString(small().threads().get(0)), Arrays.toString(read.threads().get(0)));
    }

    @Test
    void truncatedFileNamesTheByteWhereItEnds() throws Exception {
        byte[] content = bytes();
        TraceFormatException error = rejected(Arrays.copyOf(content, content.length - 6));
        assertEquals(content.length - 6, error.offset());
        assertTrue(error.getMessage().contains("bad.trace: byte " + (content.length - 6) + ": truncated"), error.getMessage());
    }

    @Test
    void corruptByteFailsTheChecksum() throws Exception {
        byte[] content = bytes();
        content[firstEventOffset(content) + 1] ^= 0x01; // key id 0 becomes 1: still valid, but not what was written
        TraceFormatException error = rejected(content);
        assertTrue(error.getMessage().contains("checksum"), error.getMessage());
        assertTrue(error.getMessage().contains("bad.trace: byte "), error.getMessage());
    }

    @Test
    void foreignFileIsNotATrace() throws Exception {
        TraceFormatException error = rejected("timestamp,key,key_size\n1,abc,3\n".getBytes());
        assertEquals(0, error.offset());
        assertTrue(error.getMessage().endsWith("byte 0: not a mapbench trace (it does not start with MBTRACE)"),
                error.getMessage());
    }

    @Test
    void emptyFileIsNotATrace() throws Exception {
        assertTrue(rejected(new byte[0]).getMessage().contains("byte 0: empty file"));
    }

    @Test
    void otherVersionIsRefusedAtItsOffset() throws Exception {
        byte[] content = bytes();
        content[9] = 2;
        TraceFormatException error = rejected(resealed(content));
        assertEquals(8, error.offset());
        assertTrue(error.getMessage().contains("trace format version 2; this reader reads version 1"), error.getMessage());
    }

    @Test
    void unknownOperationIsRefusedAtItsByte() throws Exception {
        byte[] content = bytes();
        int at = firstEventOffset(content);
        content[at] = (byte) ((content[at] & 0xF0) | 9);
        TraceFormatException error = rejected(resealed(content));
        assertEquals(at, error.offset());
        assertTrue(error.getMessage().contains("unknown operation code 9"), error.getMessage());
    }

    @Test
    void keyIdOutsideTheKeyTableIsRefused() throws Exception {
        byte[] content = bytes();
        int at = firstEventOffset(content) + 1;
        content[at] = 5;
        TraceFormatException error = rejected(resealed(content));
        assertEquals(at, error.offset());
        assertTrue(error.getMessage().contains("key id 5, but the header declares 2 keys"), error.getMessage());
    }

    @Test
    void headerCountsThatDisagreeWithTheEventsAreRefused() throws Exception {
        byte[] content = bytes();
        content[8 + 2 + 2 + 8 + 8 + 1 + 7] = 1; // the get count: 2 becomes 1
        TraceFormatException error = rejected(resealed(content));
        assertTrue(error.getMessage().contains("the threads hold 2 get events, the header declares 1"), error.getMessage());
    }

    @Test
    void bytesAfterTheChecksumAreRefused() throws Exception {
        byte[] content = bytes();
        byte[] longer = Arrays.copyOf(content, content.length + 1);
        TraceFormatException error = rejected(longer);
        assertEquals(content.length, error.offset());
    }
}
