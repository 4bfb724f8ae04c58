package dev.mapbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class BenchPropertyTest {

    private static final String REGENERATE = "scripts/bench --properties docs/properties.md";

    /** The bench profile of pom.xml. */
    private static Element benchProfile() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if ("bench".equals(child(profile, "id").getTextContent().trim())) {
                return profile;
            }
        }
        throw new AssertionError("pom.xml has no bench profile");
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    @Test
    void thePomPassesEveryDeclaredPropertyOnceAndDeclaresNoneOfItsOwn() throws Exception {
        Element profile = benchProfile();
        Pattern argument = Pattern.compile("-D(bench\\.[A-Za-z]+)=(.*)");
        List<String> passed = new ArrayList<>();
        NodeList arguments = profile.getElementsByTagName("argument");
        for (int i = 0; i < arguments.getLength(); i++) {
            Matcher matcher = argument.matcher(arguments.item(i).getTextContent().trim());
            if (matcher.matches()) {
                passed.add(matcher.group(1));
                // bench.startedAt is Maven's own start, so the budget counts compilation; every other one is the user's
                String expected = matcher.group(1).equals(BenchProperty.STARTED_AT.key()) ? "${maven.build.timestamp}"
                        : "${" + matcher.group(1) + "}";
                assertEquals(expected, matcher.group(2), matcher.group(1));
            }
        }
        assertEquals(BenchProperty.all().stream().map(BenchProperty::key).toList(), passed,
                "the bench profile's exec arguments, in declaration order");
        NodeList declared = child(profile, "properties").getChildNodes();
        for (int i = 0; i < declared.getLength(); i++) {
            assertFalse(declared.item(i).getNodeName().startsWith(BenchProperty.PREFIX),
                    "pom.xml's bench profile declares " + declared.item(i).getNodeName() + ": defaults live in "
                            + "BenchProperty, the pom only passes the property through");
        }
    }

    @Test
    void docsPropertiesTableIsTheDeclaration() throws Exception {
        String doc = Files.readString(Path.of("docs/properties.md"));
        String table = BenchProperty.tableIn(doc);
        assertNotNull(table, "docs/properties.md has no generated bench properties table; add it with " + REGENERATE);
        assertEquals(BenchProperty.markdownTable(), table, "docs/properties.md's bench properties table differs from "
                + "their declaration in dev.mapbench.runner.BenchProperty; regenerate it with " + REGENERATE);
    }

    @Test
    void everyPropertyHasOneNameADefaultAndAOneLineDescription() {
        List<String> keys = BenchProperty.all().stream().map(BenchProperty::key).toList();
        assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
        for (BenchProperty<?> property : BenchProperty.all()) {
            assertTrue(property.key().matches("bench\\.[a-z][A-Za-z]+"), property.key());
            assertFalse(property.description().isBlank() || property.description().contains("\n"), property.key());
            assertFalse(property.defaultText().isBlank(), property.key());
        }
    }

    @Test
    void anUnresolvedMavenExpressionIsNotGiven() {
        Properties properties = new Properties();
        properties.setProperty("bench.threads", "${bench.threads}");
        properties.setProperty("bench.forks", " ");
        properties.setProperty("bench.effort", "smoke");
        assertFalse(BenchProperty.THREADS.given(properties));
        BenchSettings settings = BenchSettings.from(properties, 2);
        assertEquals(List.of(1, 4), settings.threads(), "smoke's own threads on 2 cores");
        assertEquals(Effort.SMOKE.forks(), settings.forks());
    }

    @Test
    void perEffortDefaultsAreDocumentedPerEffort() {
        assertEquals("`1` (smoke, default); `6` (full)", BenchProperty.FORKS.defaultText());
        assertEquals("`fixed` (smoke, full); `race` (default)", BenchProperty.DESIGN.defaultText());
        assertEquals("`false` (smoke); `true` (default, full)", BenchProperty.LATENCY.defaultText());
        assertEquals("`none` (smoke, default); `G1,Parallel,Z` (full)", BenchProperty.GCS.defaultText());
        assertEquals("`10`", BenchProperty.MARGIN.defaultText());
        assertEquals(true, BenchProperty.LATENCY.get(new Properties(), Effort.DEFAULT));
        assertEquals(false, BenchProperty.LATENCY.get(new Properties(), Effort.SMOKE));
    }

    @Test
    void aBadValueIsOneLineNamingTheProperty() {
        Properties properties = new Properties();
        properties.setProperty("bench.seed", "lucky");
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BenchProperty.SEED.get(properties));
        assertEquals("bench.seed: 'lucky' is not a whole number", error.getMessage());
    }
}
