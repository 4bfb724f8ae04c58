package dev.mapbench.footprint;

import dev.mapbench.results.AtomicFile;
import dev.mapbench.results.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link FootprintReport} as {@code footprint.json} and {@code footprint.csv}, each whole or
 * not at all ({@link AtomicFile}): both texts are rendered first, then the CSV is moved into place before
 * the JSON, so a reader that finds the JSON finds the CSV of the same run beside it.
 *
 * @param json where the JSON goes
 * @param csv  where the CSV goes
 */
public record FootprintFiles(Path json, Path csv) {

    static final String JSON_NAME = "footprint.json";
    static final String CSV_NAME = "footprint.csv";
    public static final String[] CSV_HEADER = {"strategy", "size", "phase", "entries", "totalBytes", "structureBytes",
        "payloadBytes", "jvmVendor", "jvmVersion", "compressedOops", "sizeSource"};

    /**
     * The files for {@code --out}: a path ending in {@code .json} names the JSON file (the CSV goes
     * beside it with the extension {@code .csv}); any other path is a directory, created if needed,
     * that receives {@code footprint.json} and {@code footprint.csv}.
     */
    public static FootprintFiles at(Path out) {
        String name = out.getFileName() == null ? "" : out.getFileName().toString();
        if (name.endsWith(".json") && !Files.isDirectory(out)) {
            String base = name.substring(0, name.length() - ".json".length());
            return new FootprintFiles(out, out.resolveSibling(base + ".csv"));
        }
        return new FootprintFiles(out.resolve(JSON_NAME), out.resolve(CSV_NAME));
    }

    /** Writes both files; on failure the earlier files, if any, are left as they were and no temporary file remains. */
    public void write(FootprintReport report) throws IOException {
        String jsonText = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report);
        String csvText = csv(report);
        AtomicFile.write(csv, csvText);
        AtomicFile.write(json, jsonText);
    }

    private static String csv(FootprintReport report) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).setRecordSeparator('\n').get();
        MeasuringJvm jvm = report.jvm();
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, format)) {
            for (FootprintRow row : report.rows()) {
                printer.printRecord(row.strategy().name(), row.size(), row.phase().label(), row.entries(),
                        row.totalBytes(), row.structureBytes(), row.payloadBytes(),
                        jvm.vendor(), jvm.version(), jvm.compressedOops(), jvm.sizeSource());
            }
        }
        return text.toString();
    }
}
