package dev.mapbench.footprint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a {@link FootprintReport} as {@code footprint.json} and {@code footprint.csv}, each whole or
 * not at all: both are written to temporary files beside their targets and renamed into place,
 * the CSV first, so a reader that finds the JSON finds the CSV of the same run beside it.
 *
 * @param json where the JSON goes
 * @param csv  where the CSV goes
 */
public record FootprintFiles(Path json, Path csv) {

    static final String JSON_NAME = "footprint.json";
    static final String CSV_NAME = "footprint.csv";
    static final String[] CSV_HEADER = {"strategy", "size", "phase", "entries", "totalBytes", "structureBytes",
        "payloadBytes", "jvmVendor", "jvmVersion", "compressedOops", "sizeSource"};

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        Path jsonDir = directoryOf(json);
        Path csvDir = directoryOf(csv);
        Files.createDirectories(jsonDir);
        Files.createDirectories(csvDir);
        // Not Files.createTempFile: its files are owner-only, and these are results to share.
        String unique = "." + UUID.randomUUID() + ".tmp";
        Path jsonTemp = jsonDir.resolve("." + json.getFileName() + unique);
        Path csvTemp = csvDir.resolve("." + csv.getFileName() + unique);
        try {
            try (OutputStream stream = Files.newOutputStream(jsonTemp, StandardOpenOption.CREATE_NEW)) {
                JSON.writeValue(stream, report);
            }
            writeCsv(report, csvTemp);
            Files.move(csvTemp, csv, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.move(jsonTemp, json, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(jsonTemp);
            Files.deleteIfExists(csvTemp);
        }
    }

    private static void writeCsv(FootprintReport report, Path target) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).setRecordSeparator('\n').get();
        MeasuringJvm jvm = report.jvm();
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
             CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (FootprintRow row : report.rows()) {
                printer.printRecord(row.strategy().name(), row.size(), row.phase().label(), row.entries(),
                        row.totalBytes(), row.structureBytes(), row.payloadBytes(),
                        jvm.vendor(), jvm.version(), jvm.compressedOops(), jvm.sizeSource());
            }
        }
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }
}
