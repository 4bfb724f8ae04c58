package dev.mapbench.footprint;

import java.util.List;

/**
 * A footprint measurement: every strategy × size × phase, and the JVM it was taken on. Written by
 * {@link FootprintCli} as {@code footprint.json} and {@code footprint.csv}.
 *
 * <h2>{@code footprint.json}</h2>
 * <pre>{@code
 * {
 *   "format": "mapbench-footprint/1",
 *   "generatedAt": "2026-11-22T05:10:00Z",            // ISO-8601, UTC
 *   "keys": "distinct java.lang.Long objects 1000000 + i, none from the Long cache",
 *   "values": "distinct java.lang.Long objects -(1000000 + i)",
 *   "jvm": {
 *     "vendor": "Eclipse Adoptium", "version": "25+36-LTS", "name": "OpenJDK 64-Bit Server VM",
 *     "home": "/usr/lib/jvm/...",
 *     "compressedOops": true, "compressedClassPointers": true,
 *     "compactObjectHeaders": false,                  // null on JVMs without the flag (before 24)
 *     "objectHeaderBytes": 12, "arrayHeaderBytes": 16, "objectAlignmentBytes": 8,
 *     "sizeSource": "instrumentation" | "jol-model" | "unknown",
 *     "notes": ["..."],                               // JOL's warnings; empty when it attached cleanly
 *     "jolDetails": "# VM mode: 64 bits\n..."          // JOL's VM.current().details()
 *   },
 *   "rows": [
 *     { "strategy": "RWLOCK_HASHMAP",                 // a dev.mapbench.maps.MapStrategy constant
 *       "size": 100,                                  // entries the map was created for and filled with
 *       "phase": "created" | "filled" | "emptied" | "refilled",
 *       "entries": 100,                               // entries held at that phase
 *       "totalBytes": 9000,                           // all objects reachable from the map object
 *       "structureBytes": 4200,                       // totalBytes - payloadBytes
 *       "payloadBytes": 4800 }                        // own bytes of the keys and values held
 *   ]
 * }
 * }</pre>
 * Rows come in strategy order (as given, default {@code MapStrategy} declaration order), then size
 * (as given), then phase in the order above; every strategy × size has all four phases. The
 * phases are the life of one map: {@code created} by {@code MapStrategy.create(size)}, {@code filled}
 * with {@code size} entries, {@code emptied} by removing each, {@code refilled} with the same entries.
 * Sizes are exact for the JVM in {@code jvm}; another JVM or other layout flags give other figures.
 *
 * <h2>{@code footprint.csv}</h2>
 * One header line, then one line per row in the same order:
 * {@code strategy,size,phase,entries,totalBytes,structureBytes,payloadBytes,jvmVendor,jvmVersion,compressedOops,sizeSource}
 * (RFC 4180 quoting; the last four columns repeat the JSON's {@code jvm} fields on every line so
 * each line stands alone).
 *
 * @param format      {@value #FORMAT}; a reader should refuse other values
 * @param generatedAt when the measurement finished, ISO-8601 UTC
 * @param keys        what the keys were
 * @param values      what the values were
 * @param jvm         the JVM and object layout the sizes are valid for
 * @param rows        the measurements
 */
public record FootprintReport(
        String format,
        String generatedAt,
        String keys,
        String values,
        MeasuringJvm jvm,
        List<FootprintRow> rows) {

    /** The format tag of this layout; change it if a field changes meaning. */
    public static final String FORMAT = "mapbench-footprint/1";

    /** What {@link EntryObjects} puts in the maps, as the file states it. */
    public static final String KEYS = "distinct java.lang.Long objects " + EntryObjects.FIRST_KEY
            + " + i, none from the Long cache";
    public static final String VALUES = "distinct java.lang.Long objects -(" + EntryObjects.FIRST_KEY + " + i)";

    public FootprintReport {
        rows = List.copyOf(rows);
    }
}
