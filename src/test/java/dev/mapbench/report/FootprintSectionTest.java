package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mapbench.cli.FootprintCli;
import dev.mapbench.cli.ReportCli;
import dev.mapbench.footprint.FootprintPhase;
import dev.mapbench.footprint.FootprintReport;
import dev.mapbench.footprint.FootprintRow;
import dev.mapbench.maps.MapStrategy;
import dev.mapbench.report.analysis.FootprintReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The footprint section, from a footprint.json FootprintCli really wrote into a run folder. */
class FootprintSectionTest {

    private static final int SIZE = 16;
    private static final String HOSTILE = "<script>alert(1)</script>";

    @TempDir
    static Path measured;

    /** One real measurement of every strategy at a small size, shared by the tests (JOL is slow-ish). */
    static Path footprintJson;

    @TempDir
    Path temp;

    @BeforeAll
    static void measureFootprint() {
        StringWriter output = new StringWriter();
        int exit = new CommandLine(new FootprintCli()).setOut(new PrintWriter(output)).setErr(new PrintWriter(output))
                .execute("--sizes", String.valueOf(SIZE), "--out", measured.toString());
        assertEquals(0, exit, output::toString);
        footprintJson = measured.resolve("footprint.json");
    }

    private Path runWithFootprint(Path footprint) throws IOException {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Files.copy(footprint, run.resolve("footprint.json"));
        return run;
    }

    @Test
    void footprintTableShowsStructureAndPayloadPerStrategyAndPhaseAsMeasured() throws Exception {
        Path run = runWithFootprint(footprintJson);
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String html = Files.readString(out.resolve("index.html"));
        String section = section(html, "footprint");

        FootprintReport report = FootprintReader.read(footprintJson).report();
        assertTrue(section.contains("<h4>Size " + SIZE + "</h4>"), "one table per size");
        Map<MapStrategy, Map<FootprintPhase, FootprintRow>> rows = report.rows().stream().collect(Collectors.groupingBy(
                FootprintRow::strategy, Collectors.toMap(FootprintRow::phase, row -> row)));
        assertEquals(MapStrategy.values().length, rows.size(), "every strategy measured");
        for (MapStrategy strategy : MapStrategy.values()) {
            Map<FootprintPhase, FootprintRow> phases = rows.get(strategy);
            StringBuilder expected = new StringBuilder("<tr><td>" + strategy.name() + "</td>");
            for (FootprintPhase phase : FootprintPhase.values()) {
                expected.append("<td class=\"num\">").append(bytes(phases.get(phase).structureBytes()))
                        .append("</td><td class=\"num payload\">").append(bytes(phases.get(phase).payloadBytes())).append("</td>");
            }
            assertTrue(section.contains(expected), "row of " + strategy + ": " + expected);
            long kept = phases.get(FootprintPhase.EMPTIED).structureBytes() - phases.get(FootprintPhase.CREATED).structureBytes();
            assertTrue(section.contains("<td class=\"num\">" + bytes(kept) + "</td>"), strategy + " left after emptying " + kept);
        }
        // The point of the section: a hash table keeps its grown table, copy-on-write gives it back.
        long hashKept = kept(rows.get(MapStrategy.CONCURRENT_HASHMAP));
        long copyKept = kept(rows.get(MapStrategy.COPY_ON_WRITE));
        assertTrue(hashKept > 4L * SIZE && copyKept < hashKept, "CHM keeps " + hashKept + ", COW keeps " + copyKept);

        long wrapperExtra = rows.get(MapStrategy.WRAPPER_LAYER).get(FootprintPhase.FILLED).structureBytes()
                - rows.get(MapStrategy.RWLOCK_HASHMAP).get(FootprintPhase.FILLED).structureBytes();
        assertTrue(wrapperExtra > 0, "the facade's Entry records cost something");
        assertTrue(section.contains(String.format(Locale.ROOT, "WRAPPER_LAYER holds %s structure bytes more than "
                + "RWLOCK_HASHMAP when filled: %.1f B per entry", bytes(wrapperExtra), (double) wrapperExtra / SIZE)), section);

        assertTrue(section.contains("<th>sizes from (sizeSource)</th><td>" + report.jvm().sizeSource()), "size source shown");
        assertTrue(section.contains("<th>compressed oops</th><td>" + (report.jvm().compressedOops() ? "on" : "off") + "</td>"));
        assertTrue(section.contains(report.jvm().objectHeaderBytes() + " B / " + report.jvm().arrayHeaderBytes() + " B / "
                + report.jvm().objectAlignmentBytes() + " B"), "header and alignment bytes");
        assertTrue(html.contains("<a href=\"#footprint\">Footprint</a>"), "navigation links the section");

        String chart = "charts/footprint-1-structure-s" + SIZE + ".svg";
        assertTrue(section.contains("<img src=\"" + chart + "\""), "the chart is on the page");
        String svg = Files.readString(out.resolve(chart));
        assertTrue(section.contains("<strong>Structure bytes by phase, size " + SIZE + "</strong>"), "titled once, in the caption");
        assertFalse(svg.contains("Structure bytes by phase"), "the chart itself carries no second title");
        assertTrue(svg.contains("COPY_ON_WRITE") && svg.contains("WRAPPER_LAYER") && svg.contains("emptied"));
        assertFalse(Files.exists(out.resolve(chart.replace(".svg", ".png"))), "PNG only on request (--png)");
        assertTrue(html.contains("-footprint.json\">footprint.json</a>"), "links the copy of the file");
        try (var raw = Files.list(out.resolve("raw"))) {
            assertTrue(raw.anyMatch(file -> file.getFileName().toString().endsWith("-footprint.json")));
        }
    }

    @Test
    void runWithoutFootprintHasNoFootprintSection() throws Exception {
        Path run = new SyntheticRun().writeRun(temp.resolve("run"), SyntheticRun.Matrix.small());
        Path out = temp.resolve("out");
        assertEquals(0, ReportCliTest.report(run.toString(), "--out", out.toString()).exitCode());
        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.contains("id=\"footprint\""));
        assertFalse(html.contains("href=\"#footprint\""));
    }

    @Test
    void hostileStringsInFootprintFileRenderAsText() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(footprintJson.toFile());
        json.put("keys", HOSTILE);
        ObjectNode jvm = (ObjectNode) json.get("jvm");
        jvm.put("vendor", HOSTILE);
        jvm.put("sizeSource", "<img src=x onerror=alert(2)>");
        ((ArrayNode) jvm.withArray("notes")).add("note " + HOSTILE);
        Path hostile = temp.resolve("hostile.json");
        mapper.writeValue(hostile.toFile(), json);

        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(runWithFootprint(hostile).toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        String section = section(Files.readString(out.resolve("index.html")), "footprint");
        assertFalse(section.contains("<script>"), "no script element from the file");
        assertFalse(section.contains("<img src=x"), "no element from the file");
        assertTrue(section.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), section);
        assertTrue(section.contains("JOL: note &lt;script&gt;"), "notes shown, escaped");
    }

    @Test
    void malformedFootprintFileIsBadInputNamingIt() throws Exception {
        Path broken = temp.resolve("broken.json");
        Files.writeString(broken, Files.readString(footprintJson).replace(FootprintReport.FORMAT, "mapbench-footprint/99"));
        Path run = runWithFootprint(broken);
        Path out = temp.resolve("out");
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", out.toString());
        assertEquals(ReportCli.BAD_INPUT, result.exitCode());
        assertEquals(List.of("error: " + run.resolve("footprint.json") + ": not a footprint file: \"format\" is "
                + "\"mapbench-footprint/99\", expected \"" + FootprintReport.FORMAT + "\""), result.stderrLines());
        assertFalse(Files.exists(out), "nothing written");

        Files.writeString(run.resolve("footprint.json"), "{\"format\": \"" + FootprintReport.FORMAT + "\", \"rows\": [");
        result = ReportCliTest.report(run.toString(), "--out", out.toString());
        assertEquals(ReportCli.BAD_INPUT, result.exitCode());
        assertEquals(1, result.stderrLines().size(), result.stderr());
        assertTrue(result.stderrLines().get(0).startsWith("error: " + run.resolve("footprint.json") + ": not a footprint file: "),
                result.stderr());
    }

    private static long kept(Map<FootprintPhase, FootprintRow> phases) {
        return phases.get(FootprintPhase.EMPTIED).structureBytes() - phases.get(FootprintPhase.CREATED).structureBytes();
    }

    private static String bytes(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** The text of {@code <section id="id">}. */
    static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "section " + id + " present");
        return html.substring(start, html.indexOf("</section>", start));
    }
}
