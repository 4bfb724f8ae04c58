package dev.mapbench.trace;

import dev.mapbench.recorder.Trace;
import dev.mapbench.recorder.TraceKey;
import dev.mapbench.recorder.TraceOperation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads Twitter's cache-trace CSV (twitter/cache-trace: seven columns, no header: timestamp in seconds, anonymized
 * key, key size, value size, client id, operation, TTL) into a trace.
 *
 * <p>Operations: {@code get}, {@code gets} → get; {@code set}, {@code add}, {@code replace}, {@code cas},
 * {@code append}, {@code prepend} → put; {@code delete} → remove; {@code incr}, {@code decr} → merge. Any other
 * operation is an error naming the line. Each client id is one thread, numbered by its first line; each
 * anonymized key one key id, a String of its key size. The CSV is in time order, so presence is followed exactly:
 * a key is present at the start when its first operation is not a put (a get, delete, incr or decr of a key the
 * cache already held); from then on a put or merge makes it present, a delete absent, and each event's hit flag is
 * whether it was present. A value size above 0 is the event's value size (unknown otherwise).
 */
public final class TwitterTraceImporter {

    /** What the trace's source field says. */
    public static final String FORMAT = "twitter";
    /** The importer's version, written as the trace's recorder version. */
    public static final String VERSION = "mapbench-twitter-import 1";

    private static final Map<String, TraceOperation> OPERATIONS = new LinkedHashMap<>();

    static {
        for (String name : List.of("get", "gets")) {
            OPERATIONS.put(name, TraceOperation.GET);
        }
        for (String name : List.of("set", "add", "replace", "cas", "append", "prepend")) {
            OPERATIONS.put(name, TraceOperation.PUT);
        }
        OPERATIONS.put("delete", TraceOperation.REMOVE);
        OPERATIONS.put("incr", TraceOperation.MERGE);
        OPERATIONS.put("decr", TraceOperation.MERGE);
    }

    private TwitterTraceImporter() {
    }

    /** The trace of {@code csv}; an error names the file and the line. */
    public static Trace read(Path csv) throws IOException {
        Map<String, Integer> keyIds = new HashMap<>();
        List<TraceKey> keys = new ArrayList<>();
        Set<Integer> present = new HashSet<>();
        Map<String, Integer> clients = new LinkedHashMap<>();
        List<long[]> threads = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setTrim(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != 7) {
                    throw error(csv, line, record.size() + " columns; a Twitter cache trace has 7 (timestamp, key, key "
                            + "size, value size, client id, operation, TTL)");
                }
                long timestamp = number(csv, line, "timestamp", record.get(0));
                int keySize = (int) Math.min(Integer.MAX_VALUE, number(csv, line, "key size", record.get(2)));
                long valueSize = number(csv, line, "value size", record.get(3));
                String name = record.get(5).toLowerCase(Locale.ROOT);
                TraceOperation operation = OPERATIONS.get(name);
                if (operation == null) {
                    throw error(csv, line, "unknown operation '" + record.get(5) + "'; known: "
                            + String.join(", ", OPERATIONS.keySet()));
                }
                first = first == Long.MIN_VALUE ? timestamp : first;
                if (timestamp < last) {
                    throw error(csv, line, "timestamp " + timestamp + " is before the previous line's " + last
                            + "; the trace must be in time order");
                }
                last = timestamp;
                Integer id = keyIds.get(record.get(1));
                if (id == null) {
                    id = keys.size();
                    keyIds.put(record.get(1), id);
                    boolean atStart = operation != TraceOperation.PUT;
                    keys.add(new TraceKey(TraceKey.Kind.STRING, keySize, atStart));
                    if (atStart) {
                        present.add(id);
                    }
                }
                boolean hit = present.contains(id);
                switch (operation) {
                    case PUT, MERGE -> present.add(id);
                    case REMOVE -> present.remove(id);
                    default -> {
                    }
                }
                int thread = clients.computeIfAbsent(record.get(4), client -> {
                    threads.add(new long[1024]);
                    lengths.add(0);
                    return threads.size() - 1;
                });
                int length = lengths.get(thread);
                if (length == threads.get(thread).length) {
                    threads.set(thread, Arrays.copyOf(threads.get(thread), length * 2));
                }
                int size = valueSize > 0 ? (int) Math.min(valueSize, Trace.MAX_VALUE_SIZE) : -1;
                threads.get(thread)[length] = Trace.event(operation, id, hit, size);
                lengths.set(thread, length + 1);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(csv + ": " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new IOException(csv + ": line 1: no events; a Twitter cache trace has one request a line");
        }
        List<long[]> trimmed = new ArrayList<>();
        for (int thread = 0; thread < threads.size(); thread++) {
            trimmed.add(Arrays.copyOf(threads.get(thread), lengths.get(thread)));
        }
        return new Trace(VERSION, FORMAT, false, first * 1000, (last - first) * 1_000_000, keys, trimmed);
    }

    private static long number(Path csv, long line, String column, String text) throws IOException {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(csv, line, column + " '" + text + "' is not a whole number >= 0");
    }

    private static IOException error(Path csv, long line, String problem) {
        return new IOException(csv + ": line " + line + ": " + problem);
    }
}
