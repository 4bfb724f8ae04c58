package dev.mapbench.build;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mapbench.bench.CalibrationBenchmark;
import dev.mapbench.runner.BenchSettings;
import dev.mapbench.runner.Cell;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The JMH annotation processor ran: {@code META-INF/BenchmarkList} sits beside the compiled benchmarks
 * and lists the calibration benchmark.
 *
 * <p>javac 23 and later no longer run annotation processors found on the class path, so without the
 * processor in the compiler's {@code annotationProcessorPaths} a JDK 25 build compiles the benchmarks,
 * writes no list, and JMH later finds "No benchmarks to run". This test turns that into a failed build.
 */
class BenchmarkListTest {

    private static final String LIST = "META-INF/BenchmarkList";

    @Test
    void benchmarkListBesideTheBenchmarksNamesCalibrationBenchmark() throws Exception {
        Path classes = Path.of(CalibrationBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path list = classes.resolve(LIST);
        assertTrue(Files.isRegularFile(list), list + " is missing: the JMH annotation processor did not run "
                + "(is jmh-generator-annprocess listed under annotationProcessorPaths?)");
        List<BenchmarkListEntry> entries;
        try (InputStream in = Files.newInputStream(list)) {
            entries = BenchmarkList.readBenchmarkList(in);
        }
        BenchmarkListEntry calibration = entries.stream()
                .filter(entry -> entry.getUsername().equals(CalibrationBenchmark.class.getName() + ".hashMapGet"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(list + " does not list "
                        + CalibrationBenchmark.class.getName() + ".hashMapGet: " + entries));
        // The generated harness class the entry points to must have been compiled too.
        String harness = calibration.generatedTarget().substring(0, calibration.generatedTarget().lastIndexOf('.'));
        assertDoesNotThrow(() -> Class.forName(harness), "generated harness " + harness + " is missing");
    }

    @Test
    void jmhFindsTheBenchmarkListOnTheClassPath() throws Exception {
        URL resource = getClass().getClassLoader().getResource(LIST);
        assertNotNull(resource, LIST + " is not on the class path, where JMH's runner looks for it");
        try (InputStream in = resource.openStream()) {
            assertTrue(BenchmarkList.readBenchmarkList(in).stream()
                    .anyMatch(entry -> entry.getUserClassQName().equals(CalibrationBenchmark.class.getName())),
                    resource + " does not list " + CalibrationBenchmark.class.getName());
        }
    }

    @Test
    void everyBenchmarkTheRunnerAsksForIsListed() throws Exception {
        URL resource = getClass().getClassLoader().getResource(LIST);
        assertNotNull(resource, LIST + " is not on the class path");
        Set<String> listed;
        try (InputStream in = resource.openStream()) {
            listed = BenchmarkList.readBenchmarkList(in).stream().map(BenchmarkListEntry::getUsername)
                    .collect(Collectors.toSet());
        }
        Properties full = new Properties();
        full.setProperty("bench.effort", "full");
        Set<String> asked = BenchSettings.from(full, 2).matrix().stream().map(Cell::benchmark)
                .collect(Collectors.toSet());
        assertEquals(5, asked.size(), "workload, named workloads with and without roles, bare HashMap and bare "
                + "ConcurrentHashMap: " + asked);
        assertTrue(listed.containsAll(asked), "the runner would ask JMH for " + asked + " but " + LIST + " lists " + listed);
    }
}
