package dev.mapbench.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.report.model.InMemoryModels;
import dev.mapbench.report.model.ReportFiles;
import dev.mapbench.report.model.ReportModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV format writes the files its model has sections for. */
class CsvFilesTest {

    @TempDir
    Path folder;

    @Test
    void verdictsCsvComesFromTheVerdictSectionAlone() throws Exception {
        CsvReport.writeAll(ReportModel.builder("t", "now").add(InMemoryModels.noCells()).add(InMemoryModels.oneWorkload())
                .build(), folder);
        List<String> verdicts = Files.readAllLines(folder.resolve(ReportFiles.VERDICTS_CSV));
        assertEquals(String.join(",", VerdictCsv.HEADER), verdicts.get(0));
        assertTrue(verdicts.get(1).startsWith("95,10000,ZIPFIAN,2,false,CONCURRENT_HASHMAP,best,1.0,1.0,1.0,6,1234.5,"),
                verdicts.get(1));
        assertEquals(3, verdicts.size());
        assertTrue(Files.exists(folder.resolve(ReportFiles.RESULTS_CSV)));
        assertFalse(Files.exists(folder.resolve(ReportFiles.ALLOCATION_SPLIT_CSV)), "no split section, no file");
    }
}
