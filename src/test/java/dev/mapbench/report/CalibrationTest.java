package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.report.analysis.CalibrationAnalysis;
import dev.mapbench.report.model.Calibration;
import dev.mapbench.results.BenchmarkCell;
import dev.mapbench.results.JmhResultReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

    private static final String BENCH = "dev.mapbench.bench.";

    private final SyntheticRun synthetic = new SyntheticRun();

    @TempDir
    Path folder;

    private ObjectNode calibrationCell(String method, double opsPerMicrosecond, String size, String distribution) {
        ObjectNode cell = synthetic.cell(BENCH + "CalibrationBenchmark." + method, 1, 5, opsPerMicrosecond, "ops/us", 0);
        cell.putObject("params").put("size", size).put("keyDistribution", distribution);
        return cell;
    }

    private ObjectNode workloadCell(double opsPerMicrosecond, String size, String distribution) {
        ObjectNode cell = synthetic.cell(BENCH + "MapWorkloadBenchmark.operation", 1, 5, opsPerMicrosecond, "ops/us", 0);
        cell.putObject("params").put("strategy", "CONCURRENT_HASHMAP").put("readPercent", "100").put("size", size)
                .put("keyDistribution", distribution);
        return cell;
    }

    private List<BenchmarkCell> read(ObjectNode... cells) throws Exception {
        ArrayNode array = new ObjectMapper().createArrayNode();
        for (ObjectNode cell : cells) {
            array.add(cell);
        }
        Path file = folder.resolve("jmh-result.json");
        new ObjectMapper().writeValue(file.toFile(), array);
        return JmhResultReader.read(List.of(file)).cells();
    }

    @Test
    void ratioToHashMapIsTheProductOfHarnessAndMapRatios() throws Exception {
        List<Calibration> found = CalibrationAnalysis.findAll(read(
                calibrationCell("hashMapGet", 200, "10000", "UNIFORM"),
                calibrationCell("concurrentHashMapGet", 160, "10000", "UNIFORM"),
                workloadCell(156, "10000", "UNIFORM")));

        assertEquals(1, found.size());
        Calibration calibration = found.get(0);
        double ratio = calibration.ratio().value();
        double harness = calibration.harness().orElseThrow().value();
        double map = calibration.map().orElseThrow().value();
        // The synthetic cells scatter ±2 % around their means, so the ratios land near 0.78, 0.975 and 0.8.
        assertEquals(0.78, ratio, 0.04);
        assertEquals(0.975, harness, 0.05);
        assertEquals(0.80, map, 0.04);
        assertEquals(ratio, harness * map, 1e-9);
        assertTrue(calibration.ratio().error() > 0, "the ratio carries both cells' errors");
    }

    @Test
    void eachSizeAndDistributionGetsItsOwnCalibrationMatchedToItsOwnCells() throws Exception {
        List<Calibration> found = CalibrationAnalysis.findAll(read(
                calibrationCell("hashMapGet", 300, "10000", "ZIPFIAN"),
                calibrationCell("hashMapGet", 400, "100", "UNIFORM"),
                calibrationCell("concurrentHashMapGet", 380, "100", "UNIFORM"),
                workloadCell(390, "100", "UNIFORM"),
                workloadCell(250, "10000", "ZIPFIAN"),
                workloadCell(100, "10000", "UNIFORM")));

        assertEquals(List.of("size 100, UNIFORM", "size 10000, ZIPFIAN"),
                found.stream().map(Calibration::describe).toList());
        assertEquals("ZIPFIAN", found.get(1).workload().params().get("keyDistribution"));
        assertTrue(found.get(0).bareConcurrent().isPresent());
        assertTrue(found.get(1).bareConcurrent().isEmpty(), "no bare ConcurrentHashMap cell was measured at 10000");
        assertTrue(found.get(1).harness().isEmpty());
    }

    @Test
    void noWorkloadCellMeansNoCalibration() throws Exception {
        assertTrue(CalibrationAnalysis.findAll(read(calibrationCell("hashMapGet", 300, "100", "UNIFORM"))).isEmpty());
    }
}
