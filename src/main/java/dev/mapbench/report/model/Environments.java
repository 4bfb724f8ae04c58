package dev.mapbench.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environments the cells were measured in: each env.json (one per shard of a merged run) with how many
 * cells it measured, and the machine fields on which they disagree.
 *
 * @param entries one per env.json, by source path
 * @param differences e.g. {@code cpuModel: A | B}; empty when the environments agree
 */
public record Environments(List<Entry> entries, List<String> differences) implements ReportSection {

    /** Copies the lists. */
    public Environments {
        entries = List.copyOf(entries);
        differences = List.copyOf(differences);
    }

    /** One env.json: where it was read, how many cells it measured, its fields in file order. */
    public record Entry(String source, long cells, Map<String, String> properties) {

        /** Copies the map, keeping its order. */
        public Entry {
            properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }
    }
}
