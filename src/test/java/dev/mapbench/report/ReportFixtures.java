package dev.mapbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The trimmed real run folders under {@code fixtures/runs/}, copied for a test, and their rendered pages. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    /** A copy of {@code fixtures/runs/<name>} as {@code <temp>/run}. */
    static Path copyOfRun(String name, Path temp) throws IOException, URISyntaxException {
        Path fixture = Paths.get(ReportFixtures.class.getResource("/fixtures/runs/" + name).toURI());
        Path run = temp.resolve("run");
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.toList()) {
                Path target = run.resolve(fixture.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return run;
    }

    /** The report of {@code run}, rendered into its report/ folder; the page's HTML. */
    static String reportOf(Path run) {
        ReportCliTest.Run result = ReportCliTest.report(run.toString(), "--out", run.resolve("report").toString());
        assertEquals(0, result.exitCode(), result.stderr());
        try {
            return Files.readString(run.resolve("report/index.html"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The content of {@code <section id="id">}. */
    static String section(String html, String id) {
        Matcher matcher = Pattern.compile("<section id=\"" + id + "\">(.*?)</section>", Pattern.DOTALL).matcher(html);
        assertTrue(matcher.find(), "section " + id);
        return matcher.group(1);
    }
}
