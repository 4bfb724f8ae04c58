package dev.mapbench;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages' arrows, checked on the compiled classes (every real dependency: imports, fully qualified names,
 * signatures, constants inlined aside), so a wrong-way use fails here however it was written. From the bottom:
 * the maps, the statistics core and the workload identity, the trace recorder (JDK only) and the trace reader; the
 * JMH benchmarks; the run folder's records and the
 * tools beside them; the runner; the report's model, the stored-run comparison and the analyses; the report's
 * formats, which know only the model; the report pipeline; the A/B and the bisection; the command-line tools on top.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/jmh_generated/"))
                .importPackages("dev.mapbench");
    }

    /** No two packages use each other, directly or around a loop. */
    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.mapbench.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyArrowPointsDown() {
        layers().check(classes);
    }

    /** The foundation every upper layer may use (the maps, statistics, workload identity, traces), and {@code more}. */
    private static String[] base(String... more) {
        List<String> layers = new ArrayList<>(List.of("maps", "stats", "workload", "recorder", "trace"));
        layers.addAll(List.of(more));
        return layers.toArray(String[]::new);
    }

    /** The layers, each named by its packages; a layer may use only the ones listed for it. */
    static ArchRule layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("maps").definedBy("dev.mapbench.maps")
                .layer("stats").definedBy("dev.mapbench.stats")
                .layer("workload").definedBy("dev.mapbench.workload")
                .layer("recorder").definedBy("dev.mapbench.recorder")
                .layer("trace").definedBy("dev.mapbench.trace")
                .layer("bench").definedBy("dev.mapbench.bench")
                .layer("results").definedBy("dev.mapbench.results")
                .layer("tools").definedBy("dev.mapbench.profiling", "dev.mapbench.footprint",
                        "dev.mapbench.linearizability")
                .layer("runner").definedBy("dev.mapbench.runner")
                .layer("model").definedBy("dev.mapbench.report.model")
                .layer("compare").definedBy("dev.mapbench.compare")
                .layer("analysis").definedBy("dev.mapbench.report.analysis")
                .layer("formats").definedBy("dev.mapbench.report.chart..", "dev.mapbench.report.csv",
                        "dev.mapbench.report.html", "dev.mapbench.report.text")
                .layer("report").definedBy("dev.mapbench.report")
                .layer("ab").definedBy("dev.mapbench.ab..")
                .layer("cli").definedBy("dev.mapbench.cli")
                .whereLayer("maps").mayNotAccessAnyLayer()
                .whereLayer("stats").mayNotAccessAnyLayer()
                .whereLayer("workload").mayOnlyAccessLayers("maps")
                .whereLayer("recorder").mayNotAccessAnyLayer()
                .whereLayer("trace").mayOnlyAccessLayers("maps", "workload", "recorder")
                .whereLayer("bench").mayOnlyAccessLayers(base())
                .whereLayer("results").mayOnlyAccessLayers("stats", "workload", "maps")
                .whereLayer("tools").mayOnlyAccessLayers("maps", "results", "stats", "workload")
                .whereLayer("runner").mayOnlyAccessLayers(base("bench", "results", "tools"))
                .whereLayer("model").mayOnlyAccessLayers(base("results", "tools"))
                .whereLayer("compare").mayOnlyAccessLayers("maps", "stats", "workload", "results", "model")
                .whereLayer("analysis").mayOnlyAccessLayers(base("results", "tools", "model", "compare"))
                .whereLayer("formats").mayOnlyAccessLayers(base("results", "tools", "model"))
                .whereLayer("report").mayOnlyAccessLayers(base("results", "tools", "model", "compare", "analysis", "formats"))
                .whereLayer("ab").mayOnlyAccessLayers(base("bench", "results", "tools", "runner", "model", "compare", "formats"))
                .whereLayer("cli").mayNotBeAccessedByAnyLayer();
    }
}
