package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The report's arrows point one way: the model at the base, the analyses building it, each format rendering
 * it and knowing no other format and no analysis, the pipeline and the command-line tools on top.
 */
class ReportPackagesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern USE = Pattern.compile("dev\\.mapbench((?:\\.[a-z][a-z0-9]*)+)(?=\\.[A-Z]|;|\\.\\*)");
    private static final List<String> FORMATS = List.of("report.chart", "report.csv", "report.html", "report.text");

    /** The project packages each package's sources name (imports and qualified names, not comments). */
    private static Map<String, TreeSet<String>> uses() throws IOException {
        Map<String, TreeSet<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve("dev/mapbench"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.').substring("dev.mapbench.".length());
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "")
                        .replaceAll("\"(?:[^\"\\\\\n]++|\\\\.)*+\"", "\"\"");
                Matcher use = USE.matcher(code);
                TreeSet<String> names = uses.computeIfAbsent(from, key -> new TreeSet<>());
                while (use.find()) {
                    String to = use.group(1).substring(1);
                    if (!to.equals(from)) {
                        names.add(to);
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void formatsUseTheModelAndNeitherEachOtherNorTheAnalyses() throws IOException {
        Map<String, TreeSet<String>> uses = uses();
        for (String format : FORMATS) {
            List<String> forbidden = uses.get(format).stream()
                    .filter(to -> to.equals("report") || to.equals("report.analysis") || FORMATS.contains(to)
                            || to.equals("compare") || to.equals("ab"))
                    .toList();
            assertEquals(List.of(), forbidden, format + " uses " + uses.get(format));
        }
    }

    @Test
    void theModelAndTheAnalysesUseNoFormatAndTheModelNoAnalysis() throws IOException {
        Map<String, TreeSet<String>> uses = uses();
        List<String> model = uses.get("report.model").stream().filter(to -> to.startsWith("report") || to.equals("compare")
                || to.equals("ab")).toList();
        assertEquals(List.of(), model, "report.model uses " + uses.get("report.model"));
        List<String> analysis = uses.get("report.analysis").stream().filter(to -> FORMATS.contains(to) || to.equals("report"))
                .toList();
        assertEquals(List.of(), analysis, "report.analysis uses " + uses.get("report.analysis"));
    }

    @Test
    void compareBuildsModelRecordsAndDrawsNothing() throws IOException {
        TreeSet<String> compare = uses().get("compare");
        assertEquals(List.of(), compare.stream().filter(to -> to.equals("report.chart") || to.equals("report")
                || to.equals("report.analysis")).toList(), "compare uses " + compare);
    }
}
